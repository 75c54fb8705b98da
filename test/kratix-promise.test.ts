import { ApiObject, Chart, Duration, Testing } from 'cdk8s';
import { KratixPromise, KratixPromiseProps, PromiseApi, WorkflowAction, WorkflowType } from '../src';
import { promiseCrdErrors } from './support/kratix-crd';
import { testApi } from './support/promise-api';

function synthPromise(build: (promise: KratixPromise) => void = () => {}, props: KratixPromiseProps = {}): any {
  const chart = Testing.chart();
  const promise = new KratixPromise(chart, 'env', props);
  build(promise);
  return Testing.synth(chart).find((o: any) => o.kind === 'Promise');
}

describe('KratixPromise', () => {
  describe('minimal definition', () => {
    test('is a platform.kratix.io/v1alpha1 Promise named after the construct id', () => {
      const chart = Testing.chart();
      new KratixPromise(chart, 'env');
      expect(Testing.synth(chart)).toEqual([{
        apiVersion: 'platform.kratix.io/v1alpha1',
        kind: 'Promise',
        metadata: { name: 'env' },
        spec: {},
      }]);
    });

    test('passes the real Kratix CRD schema', () => {
      expect(promiseCrdErrors(synthPromise())).toEqual([]);
    });
  });

  describe('defaults', () => {
    test('no version label, no api, no workflows, no dependencies', () => {
      const chart = Testing.chart();
      const promise = new KratixPromise(chart, 'env');
      expect(promise.name).toBe('env');
      expect(promise.api).toBeUndefined();
      expect(promise.pipelineNamespace).toBeUndefined();
      expect(promise.reconciliationInterval).toBeUndefined();
      expect(promise.workflows).toEqual([]);
      expect(promise.toJson().spec).toEqual({});
    });
  });

  describe('when given every property', () => {
    test('writes metadata, api, dependencies, selectors, required promises and workflow config', () => {
      const chart = Testing.chart();
      const ns = new ApiObject(chart, 'ns', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
      new KratixPromise(chart, 'redis-promise', {
        name: 'redis',
        version: 'v1.2.0',
        labels: { team: 'data' },
        annotations: { 'example.com/doc': 'https://example.com' },
        api: PromiseApi.of({ group: 'marketplace.kratix.io', kind: 'Redis' }),
        dependencies: [ns],
        dependencyManifests: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }],
        destinationSelectors: [{ matchLabels: { environment: 'dev' } }],
        requiredPromises: [{ name: 'namespace', version: 'v1.0.0' }, { name: 'any' }],
        pipelineNamespace: 'redis-pipelines',
        reconciliationInterval: Duration.minutes(90),
      });
      const docs = Testing.synth(chart);
      // the dependency object moved into the Promise: it is not a document of its own
      expect(docs.map((d: any) => d.kind)).toEqual(['Promise']);
      const promise = docs[0];
      expect(promise.metadata).toEqual({
        name: 'redis',
        labels: { 'team': 'data', 'kratix.io/promise-version': 'v1.2.0' },
        annotations: { 'example.com/doc': 'https://example.com' },
      });
      expect(promise.spec.api.metadata.name).toBe('redises.marketplace.kratix.io');
      expect(promise.spec.dependencies).toEqual([
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } },
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } },
      ]);
      expect(promise.spec.destinationSelectors).toEqual([{ matchLabels: { environment: 'dev' } }]);
      expect(promise.spec.requiredPromises).toEqual([{ name: 'namespace', version: 'v1.0.0' }, { name: 'any' }]);
      expect(promise.spec.workflows).toEqual({ config: { pipelineNamespace: 'redis-pipelines', reconciliationInterval: '1h30m0s' } });
      expect(promiseCrdErrors(promise)).toEqual([]);
    });
  });

  describe('workflows', () => {
    test('an empty workflow is written as an empty list, an unused one not at all', () => {
      const promise = synthPromise(p => p.workflow(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE));
      expect(promise.spec.workflows).toEqual({ resource: { configure: [] } });
    });

    test('workflow() returns the same workflow every time', () => {
      const chart = Testing.chart();
      const promise = new KratixPromise(chart, 'env');
      expect(promise.workflow(WorkflowType.PROMISE, WorkflowAction.DELETE)).toBe(promise.workflow(WorkflowType.PROMISE, WorkflowAction.DELETE));
    });

    test('all four workflows land under spec.workflows.<type>.<action> in pipeline order', () => {
      const promise = synthPromise(p => {
        p.addPipeline(WorkflowType.RESOURCE, WorkflowAction.DELETE, 'rd', { containers: [{ name: 'c', image: 'i:1' }] });
        p.addPipeline(WorkflowType.PROMISE, WorkflowAction.CONFIGURE, 'pc1', { containers: [{ name: 'c', image: 'i:1' }] });
        p.addPipeline(WorkflowType.PROMISE, WorkflowAction.CONFIGURE, 'pc2', { containers: [{ name: 'c', image: 'i:1' }] });
        p.addPipeline(WorkflowType.PROMISE, WorkflowAction.DELETE, 'pd', { containers: [{ name: 'c', image: 'i:1' }] });
        p.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'rc', { containers: [{ name: 'c', image: 'i:1' }] });
      }, { api: testApi() });
      const names = (list: any[]) => list.map(p => p.metadata.name);
      expect(names(promise.spec.workflows.promise.configure)).toEqual(['pc1', 'pc2']);
      expect(names(promise.spec.workflows.promise.delete)).toEqual(['pd']);
      expect(names(promise.spec.workflows.resource.configure)).toEqual(['rc']);
      expect(names(promise.spec.workflows.resource.delete)).toEqual(['rd']);
      expect(promiseCrdErrors(promise)).toEqual([]);
    });
  });

  describe('add* methods return what they added', () => {
    test('addDependency returns the object, addDependencyManifest, addDestinationSelector and addRequiredPromise a copy of the entry', () => {
      const chart = Testing.chart();
      const promise = new KratixPromise(chart, 'env');
      const namespace = new ApiObject(chart, 'ns', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } });
      expect(promise.addDependency(namespace)).toBe(namespace);
      const manifest = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'b' } };
      const added = promise.addDependencyManifest(manifest);
      expect(added).toEqual(manifest);
      expect(added).not.toBe(manifest);
      expect(promise.addDestinationSelector({ zone: 'eu' })).toEqual({ matchLabels: { zone: 'eu' } });
      expect(promise.addRequiredPromise('base', 'v1')).toEqual({ name: 'base', version: 'v1' });
      expect(promise.addRequiredPromise('other')).toEqual({ name: 'other' });
      added.metadata.name = 'changed';
      expect(Testing.synth(chart)[0].spec.dependencies).toEqual([
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } },
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'b' } },
      ]);
    });
  });

  describe('mutate after construction, then synth', () => {
    test('pipelines, dependencies, selectors and required promises added later are synthesized', () => {
      const chart = Testing.chart();
      const promise = new KratixPromise(chart, 'env', { api: testApi() });
      const pipeline = promise.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'late');
      pipeline.addContainer({ name: 'c', image: 'i:1' });
      promise.addDependencyManifest({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' } });
      promise.addDestinationSelector({ zone: 'eu' });
      promise.addRequiredPromise('base', 'v1');
      promise.addOverride('status', { kind: 'Env' });
      const json = Testing.synth(chart)[0];
      expect(json.spec.workflows.resource.configure[0].spec.containers).toEqual([{ name: 'c', image: 'i:1' }]);
      expect(json.spec.dependencies).toHaveLength(1);
      expect(json.spec.destinationSelectors).toEqual([{ matchLabels: { zone: 'eu' } }]);
      expect(json.spec.requiredPromises).toEqual([{ name: 'base', version: 'v1' }]);
      expect(json.status).toEqual({ kind: 'Env' });
    });
  });

  test('a change right after validation, in the same tick, still shows in toJson and in the next synth', () => {
    const chart = Testing.chart();
    const promise = new KratixPromise(chart, 'env', { api: testApi() });
    const pipeline = promise.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'p', { containers: [{ name: 'a', image: 'i:1' }] });
    expect(promise.node.validate()).toEqual([]);
    pipeline.addContainer({ name: 'b', image: 'i:1' });
    promise.addDependencyManifest({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'late' } });
    const json = promise.toJson();
    expect(json.spec.workflows.resource.configure[0].spec.containers).toHaveLength(2);
    expect(json.spec.dependencies).toHaveLength(1);
    Testing.synth(chart);
    pipeline.addContainer({ name: 'c', image: 'i:1' });
    expect(Testing.synth(chart)[0].spec.workflows.resource.configure[0].spec.containers).toHaveLength(3);
  });

  describe('reconciliationInterval', () => {
    test.each([
      [Duration.hours(2), '2h0m0s'],
      [Duration.seconds(90), '1m30s'],
      [Duration.minutes(10), '10m0s'],
      [Duration.hours(10), '10h0m0s'],
    ])('%s is written as Go duration text %s', (interval, text) => {
      const chart = Testing.chart();
      new KratixPromise(chart, 'env', { reconciliationInterval: interval });
      expect(Testing.synth(chart)[0].spec.workflows.config.reconciliationInterval).toBe(text);
    });
  });

  test('synthesis is deterministic: the same program gives the same bytes', () => {
    const build = () => {
      const app = Testing.app();
      const chart = new Chart(app, 'c');
      const promise = new KratixPromise(chart, 'env', { api: PromiseApi.of({ group: 'g.io', kind: 'Env' }) });
      const p = promise.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'p', { containers: [{ name: 'c', image: 'i:1', args: ['b', 'a'] }] });
      p.rbac.addPermission({ verbs: ['get'], apiGroups: [''], resources: ['secrets'] });
      return app.synthYaml();
    };
    expect(build()).toBe(build());
  });

  test('an override changes only its own Promise, never an API, pipeline or manifest it shares', () => {
    const chart = Testing.chart();
    const api = PromiseApi.of({ group: 'g.io', kind: 'Env' });
    const dependency = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: '1' } };
    const [a, b] = ['a', 'b'].map(id => {
      const promise = new KratixPromise(chart, id, { api });
      promise.addDependencyManifest(dependency);
      promise.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'p', { containers: [{ name: 'c', image: 'i:1' }], nodeSelector: { zone: 'z' } });
      return promise;
    });
    a.addOverride('spec.api.spec.names.kind', 'Changed');
    a.workflow(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE).pipelines[0].addOverride('spec.nodeSelector.zone', 'changed');
    const [docA, docB] = Testing.synth(chart);
    expect(docA.spec.api.spec.names.kind).toBe('Changed');
    expect(docA.spec.workflows.resource.configure[0].spec.nodeSelector).toEqual({ zone: 'changed' });
    expect(docB.spec.api.spec.names.kind).toBe('Env');
    expect(api.toJson().spec.names.kind).toBe('Env');
    expect(a.workflow(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE).pipelines[0].toJson().spec.nodeSelector).toEqual({ zone: 'changed' });
    expect(b.workflow(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE).pipelines[0].toJson().spec.nodeSelector).toEqual({ zone: 'z' });
    expect(dependency.data).toEqual({ a: '1' });
  });

  describe('warnings at synth', () => {
    const TYPO = "cdk8s-kratix: warning: KratixPromise 'test/env': spec.workflow: unknown field 'workflow': Kratix's API server drops it; did you mean 'workflows'?\n";
    let stderr: jest.SpyInstance;
    const printed = () => stderr.mock.calls.map(c => String(c[0])).filter(t => t.startsWith('cdk8s-kratix: warning: '));
    beforeEach(() => { stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true); });
    afterEach(() => {
      stderr.mockRestore();
      delete process.env.CDK8S_KRATIX_STRICT;
    });

    function typo(props: { strict?: boolean } = {}): Chart {
      const chart = Testing.chart();
      const promise = new KratixPromise(chart, 'env', props);
      promise.addOverride('spec.workflow.config.pipelineNamespace', 'x');
      return chart;
    }

    test('are printed on stderr once each, with the construct path, the field and the fix', () => {
      const chart = typo();
      expect(Testing.synth(chart)[0].spec.workflow).toEqual({ config: { pipelineNamespace: 'x' } });
      Testing.synth(chart);
      expect(printed()).toEqual([TYPO]);
    });

    test('name the pipeline construct for a problem inside a pipeline', () => {
      const chart = Testing.chart();
      const promise = new KratixPromise(chart, 'env');
      promise.addPipeline(WorkflowType.PROMISE, WorkflowAction.CONFIGURE, 'setup', { containers: [{ name: 'main', image: 'ghcr.io/acme/setup:v1' }] })
        .addOverride('metadata.namespace', 'elsewhere');
      Testing.synth(chart);
      expect(printed()).toEqual(["cdk8s-kratix: warning: Pipeline 'test/env/promise/configure/setup': metadata.namespace: Kratix ignores a pipeline's namespace 'elsewhere': " +
        "pipelines run in the Promise's pipeline namespace (spec.workflows.config.pipelineNamespace); remove it\n"]);
    });

    test('strict mode (the strict prop) fails the synthesis with each warning', () => {
      const chart = typo({ strict: true });
      expect(() => Testing.synth(chart)).toThrow("KratixPromise 'test/env': spec.workflow: unknown field 'workflow': Kratix's API server drops it; did you mean 'workflows'? " +
        '(a warning, an error in strict mode: CDK8S_KRATIX_STRICT or the strict prop)');
    });

    test('strict mode (CDK8S_KRATIX_STRICT=1) fails the synthesis; strict: false overrides it', () => {
      process.env.CDK8S_KRATIX_STRICT = '1';
      expect(() => Testing.synth(typo())).toThrow(/spec\.workflow: unknown field 'workflow'.*\(a warning, an error in strict mode/);
      expect(() => Testing.synth(typo({ strict: false }))).not.toThrow();
    });

    test('strict mode is off by default; a Promise without warnings passes in strict mode', () => {
      expect(new KratixPromise(Testing.chart(), 'env').strict).toBe(false);
      process.env.CDK8S_KRATIX_STRICT = 'true';
      expect(new KratixPromise(Testing.chart(), 'env').strict).toBe(true);
      const chart = Testing.chart();
      new KratixPromise(chart, 'env', { strict: true });
      expect(() => Testing.synth(chart)).not.toThrow();
      expect(printed()).toEqual([]);
    });
  });
});
