import { ApiObject, Testing } from 'cdk8s';
import { PromiseApi } from '../src';

describe('PromiseApi', () => {
  test('of(): a Namespaced CRD with derived names and one default version', () => {
    expect(PromiseApi.of({ group: 'example.kratix.io', kind: 'Env' }).toJson()).toEqual({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'envs.example.kratix.io' },
      spec: {
        group: 'example.kratix.io',
        names: { kind: 'Env', plural: 'envs', singular: 'env' },
        scope: 'Namespaced',
        versions: [{
          name: 'v1alpha1',
          served: true,
          storage: true,
          schema: { openAPIV3Schema: { type: 'object', properties: { spec: { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true } } } },
        }],
      },
    });
  });

  test.each([
    ['Redis', 'redises'], ['Box', 'boxes'], ['Quiz', 'quizes'], ['Batch', 'batches'], ['Mesh', 'meshes'], ['Graph', 'graphs'],
    ['Policy', 'policies'], ['Gateway', 'gateways'], ['Knife', 'knives'], ['Leaf', 'leaves'], ['PostgreSQL', 'postgresqls'], ['X', 'x'],
  ])('of(): the default plural of %s is %s, by the rules of k8s.io/gengo\'s plural namer', (kind, plural) => {
    const names = PromiseApi.of({ group: 'example.com', kind }).toJson().spec.names;
    expect(names.plural).toBe(plural);
  });

  test('of(): explicit names and versions; only the first version stores by default', () => {
    const crd = PromiseApi.of({
      group: 'g.io',
      kind: 'Database',
      plural: 'databases',
      singular: 'database',
      listKind: 'DatabaseList',
      shortNames: ['db'],
      categories: ['all'],
      versions: [{ name: 'v1', openApiV3Schema: { type: 'object' } }, { name: 'v2', served: false }],
    }).toJson();
    expect(crd.metadata.name).toBe('databases.g.io');
    expect(crd.spec.names).toEqual({ kind: 'Database', plural: 'databases', singular: 'database', listKind: 'DatabaseList', shortNames: ['db'], categories: ['all'] });
    expect(crd.spec.versions.map((v: any) => [v.name, v.served, v.storage])).toEqual([['v1', true, true], ['v2', false, false]]);
  });

  test('fromManifest() keeps the CRD exactly, and toJson() returns copies', () => {
    const manifest = { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'x.g.io' }, spec: { odd: [1, {}] } };
    const api = PromiseApi.fromManifest(manifest);
    manifest.spec.odd.push(2);
    api.toJson().spec.odd.push(3);
    expect(api.toJson().spec.odd).toEqual([1, {}]);
  });

  test('fromApiObject() takes the object out of its chart', () => {
    const chart = Testing.chart();
    const crd = new ApiObject(chart, 'crd', { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'x.g.io' } });
    const api = PromiseApi.fromApiObject(crd);
    expect(Testing.synth(chart)).toEqual([]);
    expect(api.toJson().metadata.name).toBe('x.g.io');
  });
});
