import { ApiObject, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { KratixPromise, PromiseApi, WorkflowAction, WorkflowType } from '../src';

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

describe('PromiseApi as a cdk8s-plus API resource', () => {
  const postgresApi = () => PromiseApi.of({ group: 'marketplace.kratix.io', kind: 'Postgresql', versions: [{ name: 'v1', served: true, storage: false }, { name: 'v2', storage: true }] });

  test('group, kind, plural and storage version come from the CRD', () => {
    const api = postgresApi();
    expect([api.group, api.kind, api.plural, api.storageVersion]).toEqual(['marketplace.kratix.io', 'Postgresql', 'postgresqls', 'v2']);
    expect([api.apiGroup, api.resourceType, api.resourceName]).toEqual(['marketplace.kratix.io', 'postgresqls', undefined]);
    expect(api.asApiResource()).toBe(api);
    expect(api.asNonApiResource()).toBeUndefined();
  });

  test('the storage version is the first with storage: true, else the first', () => {
    const crd = postgresApi().toJson();
    crd.spec.versions.forEach((v: any) => { v.storage = false; });
    expect(PromiseApi.fromManifest(crd).storageVersion).toBe('v1');
  });

  test('pipeline.rbac.allow() grants on the API group and plural, and status on <plural>/status', () => {
    const chart = Testing.chart();
    const postgres = new KratixPromise(chart, 'postgres', { api: postgresApi() });
    const app = new KratixPromise(chart, 'app');
    const pipeline = app.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'wait');
    pipeline.rbac.allow(['get', 'list'], [postgres.api!]);
    pipeline.rbac.allow(['update'], [postgres.api!.status]);
    pipeline.rbac.allow(['get'], [postgres.api!.subresource('scale')]);
    expect(pipeline.rbac.permissions.map(p => p.toJson())).toEqual([
      { apiGroups: ['marketplace.kratix.io'], resources: ['postgresqls'], verbs: ['get', 'list'] },
      { apiGroups: ['marketplace.kratix.io'], resources: ['postgresqls/status'], verbs: ['update'] },
      { apiGroups: ['marketplace.kratix.io'], resources: ['postgresqls/scale'], verbs: ['get'] },
    ]);
  });

  test('a cdk8s-plus Role takes the API too', () => {
    const chart = Testing.chart();
    const role = new kplus.Role(chart, 'reader');
    role.allowRead(postgresApi());
    expect(Testing.synth(chart)[0].rules).toEqual([
      { apiGroups: ['marketplace.kratix.io'], resources: ['postgresqls'], verbs: ['get', 'list', 'watch'] },
    ]);
  });

  test('an API read from a cdk8s object follows it', () => {
    const chart = Testing.chart();
    const crd = new ApiObject(chart, 'crd', PromiseApi.of({ group: 'g.io', kind: 'Thing' }).toJson());
    const api = PromiseApi.fromApiObject(crd);
    crd.addJsonPatch(JsonPatch.replace('/spec/names/plural', 'thingies'));
    expect(api.resourceType).toBe('thingies');
  });

  test('a CRD without group names the field', () => {
    expect(() => PromiseApi.fromManifest({ spec: { names: { kind: 'K', plural: 'ks' }, versions: [{ name: 'v1' }] } }).group)
      .toThrow('PromiseApi: spec.group: nothing is not an API group');
  });
});
