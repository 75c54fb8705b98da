import { ApiObject, App, Chart, ChartProps, IResolver, JsonPatch, Lazy, ResolutionContext, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { KratixPromise, WorkflowAction, WorkflowType } from '../src';
import { params } from './properties/arbitraries';
import { testApi } from './support/promise-api';
import { NOT_PLAIN, sanitizedCopy } from '../src/private/json';

/** What cdk8s itself makes of `spec` in an ApiObject. */
function cdk8sSpec(spec: unknown): unknown {
  const chart = Testing.chart();
  return new ApiObject(chart, 'o', { apiVersion: 'v1', kind: 'Thing', spec } as any).toJson().spec;
}

describe('sanitizedCopy: cdk8s resolve + sanitizeValue in one pass', () => {
  test('gives what cdk8s gives for any plain JSON data', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      const copy = sanitizedCopy(value, true);
      if (copy === NOT_PLAIN) return; // keys such as `constructor`, which cdk8s cannot render either
      expect(copy).toStrictEqual(cdk8sSpec(value));
    }), params());
  });

  test('orders keys as cdk8s does in maps of any size, non-ASCII keys included', () => {
    const keyArb = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('a', 'A', 'é', '😀', 'ｚ', '_', '0'));
    fc.assert(fc.property(fc.dictionary(keyArb, fc.integer(), { maxKeys: 80 }), (map) => {
      const copy = sanitizedCopy(map, true);
      if (copy === NOT_PLAIN) return;
      expect(Object.keys(copy)).toEqual(Object.keys(cdk8sSpec(map) as object));
    }), params());
  });

  test('sorts map keys, drops null and undefined map entries, and makes null list items undefined', () => {
    const value = { b: 1, a: { d: null, c: [null, 'x', undefined] }, e: undefined };
    expect(JSON.stringify(sanitizedCopy(value, true))).toBe(JSON.stringify(cdk8sSpec(value)));
    expect(Object.keys(sanitizedCopy(value, true))).toEqual(['a', 'b']);
    expect(Object.keys(sanitizedCopy(value, false))).toEqual(['b', 'a']);
  });

  test.each([
    ['a Lazy', { a: Lazy.any({ produce: () => 1 }) }],
    ['a function', { a: () => 1 }],
    ['a class instance', { a: new Date(0) }],
    ['a key constructor', { constructor: 'x' }],
    ['a map without prototype', { a: Object.create(null) }],
  ])('leaves %s to cdk8s', (_, value) => {
    expect(sanitizedCopy(value, true)).toBe(NOT_PLAIN);
  });
});

describe('a Promise synthesizes as cdk8s would resolve it', () => {
  function promiseIn(app: App, chartProps: ChartProps = {}): KratixPromise {
    const promise = new KratixPromise(new Chart(app, 'c', chartProps), 'env', { labels: { team: 'a' }, api: testApi() });
    promise.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'notify', {
      containers: [{ name: 'c', image: 'i:1', args: ['b', 'a'] }],
      nodeSelector: { zone: 'z', arch: 'amd64' },
    });
    promise.addDependencyManifest({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'x' }, data: { b: '2', a: '1' } });
    return promise;
  }

  test('with an app resolver, which sees every value of the spec', () => {
    const seen: string[] = [];
    const upper: IResolver = {
      resolve(context: ResolutionContext) {
        if (context.value === 'amd64') context.replaceValue('AMD64');
        if (typeof context.value === 'string') seen.push(context.key.join('.'));
      },
    };
    const app = new App({ resolvers: [upper] });
    const json = promiseIn(app).toJson();
    expect(json.spec.workflows.resource.configure[0].spec.nodeSelector).toEqual({ arch: 'AMD64', zone: 'z' });
    expect(seen).toContain('spec.workflows.resource.configure.0.spec.containers.0.image');
  });

  test('with JSON patches, which apply to the spec', () => {
    const promise = promiseIn(Testing.app());
    promise.apiObject.addJsonPatch(JsonPatch.replace('/spec/dependencies/0/data/a', 'patched'));
    expect(promise.toJson().spec.dependencies[0].data).toEqual({ a: 'patched', b: '2' });
  });

  test('identically on the fast path and on cdk8s\' own', () => {
    const noop: IResolver = { resolve: () => undefined };
    const chartProps = { labels: { zone: 'b', app: 'x' }, namespace: 'ns' };
    const fast = new App();
    const slow = new App({ resolvers: [noop] });
    for (const promise of [promiseIn(fast, chartProps), promiseIn(slow, chartProps)]) {
      promise.apiObject.metadata.addAnnotation('b', '2');
      promise.apiObject.metadata.addAnnotation('a', '1');
      promise.apiObject.metadata.addFinalizers('kratix.io/z', 'kratix.io/a');
      promise.apiObject.metadata.addOwnerReference({ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: '1' });
      promise.apiObject.metadata.add('generateName', 'env-');
    }
    expect(fast.synthYaml()).toBe(slow.synthYaml());
    expect(fast.synthYaml()).toContain('generateName: env-');
  });

  test('with keys unsorted under CDK8S_DISABLE_SORT, as cdk8s writes them', () => {
    process.env.CDK8S_DISABLE_SORT = '1';
    try {
      const noop: IResolver = { resolve: () => undefined };
      const fast = promiseIn(new App()).toJson();
      const slow = promiseIn(new App({ resolvers: [noop] })).toJson();
      expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
      expect(Object.keys(fast.spec.dependencies[0].data)).toEqual(['b', 'a']);
    } finally {
      delete process.env.CDK8S_DISABLE_SORT;
    }
  });
});
