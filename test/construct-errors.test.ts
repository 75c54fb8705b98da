import { ApiObject, Chart, Duration, JsonPatch, Testing } from 'cdk8s';
import { RestartPolicy } from 'cdk8s-plus-28';
import { KratixPromise, PipelineProps, PromiseApi, WorkflowAction, WorkflowType } from '../src';
import { testApi } from './support/promise-api';

// Each bad input of the foundation issue fails at synth with the construct path, the field,
// the bad value and the fix. The rules live in src/validate; these pin what a user sees.

const C = { name: 'c', image: 'ghcr.io/acme/c:v1' };

function synthError(build: (promise: KratixPromise) => void, props = {}): string {
  const chart = Testing.chart();
  build(new KratixPromise(chart, 'env', { api: testApi(), ...props }));
  try {
    Testing.synth(chart);
  } catch (e: any) {
    return e.message;
  }
  throw new Error('synth did not fail');
}

function pipelineError(props: PipelineProps, id = 'notify'): string {
  return synthError(p => p.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, id, props));
}

describe('when the input is bad, synth fails naming construct, field, value and fix', () => {
  test.each<[string, PipelineProps, string]>([
    ['a container name that is not a DNS-1123 label', { containers: [{ ...C, name: 'Notify' }] },
      "spec.containers[0].name: container name 'Notify' must be a DNS-1123 label (lower case letters, digits and '-', at most 63 characters)"],
    ['duplicate container names', { containers: [C, C] },
      "spec.containers[1].name: container name 'c' is used by more than one container of the pipeline; container names must be unique"],
    ['a container named reader', { containers: [{ ...C, name: 'reader' }] },
      "spec.containers[0].name: container name 'reader' is reserved for Kratix's own containers (reader, work-writer, status-writer); rename it"],
    ['a container named work-writer', { containers: [{ ...C, name: 'work-writer' }] },
      "spec.containers[0].name: container name 'work-writer' is reserved for Kratix's own containers"],
    ['a container named status-writer', { containers: [{ ...C, name: 'status-writer' }] },
      "spec.containers[0].name: container name 'status-writer' is reserved for Kratix's own containers"],
    ['an empty image', { containers: [{ ...C, image: '' }] },
      "spec.containers[0].image: container 'c' has no image: Kubernetes rejects a container without one; set image"],
    ['a permission without verbs', { containers: [C], rbac: { permissions: [{ verbs: [], apiGroups: [''], resources: ['secrets'] }] } },
      'spec.rbac.permissions[0].verbs: permission has no verbs: Kubernetes rejects an RBAC rule without any; add verbs such as get, list or watch'],
    ['a permission without resources', { containers: [C], rbac: { permissions: [{ verbs: ['get'] }] } },
      "spec.rbac.permissions[0].resources: permission has no resources: Kubernetes rejects an RBAC rule without resources or nonResourceURLs; add resources such as 'configmaps'"],
    ['restartPolicy Always', { containers: [C], restartPolicy: RestartPolicy.ALWAYS },
      "spec.restartPolicy: restartPolicy 'Always' is not allowed: a pipeline runs as a Kubernetes Job, which only allows OnFailure or Never"],
  ])('%s', (_, props, message) => {
    expect(pipelineError(props)).toContain(`Pipeline 'test/env/resource/configure/notify': ${message}`);
  });

  test.each(['shared-input', 'shared-output', 'shared-metadata', 'promise-scheduling'])('a volume named %s', (name) => {
    const message = synthError(p => p.addPipeline(WorkflowType.PROMISE, WorkflowAction.CONFIGURE, 'setup', { containers: [C] }).addVolumeManifest({ name, emptyDir: {} }));
    expect(message).toContain(`Pipeline 'test/env/promise/configure/setup': spec.volumes[0].name: volume name '${name}' is reserved for Kratix's own volumes (shared-input, shared-output, shared-metadata, promise-scheduling); rename it`);
  });

  test('a pipeline name that is not a DNS-1123 label', () => {
    expect(pipelineError({ containers: [C] }, 'Bad_Name')).toContain(
      "Pipeline 'test/env/resource/configure/Bad_Name': metadata.name: pipeline name 'Bad_Name' must be a DNS-1123 label (lower case letters, digits and '-', at most 63 characters)");
  });

  test('a pipeline ID over 60 characters, with the budget left for the name', () => {
    const id = 'a'.repeat(38);
    expect(pipelineError({ containers: [C] }, id)).toContain(
      `Pipeline 'test/env/resource/configure/${id}': metadata.name: pipeline ID 'env-resource-configure-${id}' (<promise>-<type>-<action>-<pipeline>) is 61 characters, over Kratix's limit of 60: shorten the pipeline name to at most 37 characters (or the Promise name)`);
  });

  test('a pipeline ID of exactly 60 characters is accepted', () => {
    const chart = Testing.chart();
    new KratixPromise(chart, 'env', { api: testApi() }).addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'a'.repeat(37), { containers: [C] });
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('a Promise name that is not a DNS-1123 label', () => {
    expect(synthError(() => {}, { name: 'Env' })).toContain(
      "KratixPromise 'test/env': metadata.name: Promise name 'Env' must be a DNS-1123 label (lower case letters, digits and '-', at most 63 characters)");
  });

  test('a reconciliationInterval under one minute', () => {
    expect(synthError(() => {}, { reconciliationInterval: Duration.seconds(30) })).toContain(
      "KratixPromise 'test/env': spec.workflows.config.reconciliationInterval: reconciliationInterval '30s' (30s) is under Kratix's minimum of 1m0s: its webhook rejects the Promise; use '1m' or more");
  });

  test('a Cluster-scoped API', () => {
    const api = PromiseApi.fromManifest({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'envs.g.io' },
      spec: { group: 'g.io', names: { kind: 'Env', plural: 'envs' }, scope: 'Cluster', versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object' } } }] },
    });
    expect(synthError(() => {}, { api })).toContain(
      "KratixPromise 'test/env': spec.api.spec.scope: API scope 'Cluster' is not allowed: Kratix's webhook rejects a Cluster-scoped Promise API when the Promise is created; set scope: Namespaced");
  });

  test('an unknown Pipeline field added through an override', () => {
    const message = synthError(p => p.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'notify', { containers: [C] }).addOverride('spec.containers', [{ ...C, workingDir: '/x' }]));
    expect(message).toContain("Pipeline 'test/env/resource/configure/notify': spec.containers[0].workingDir:");
  });

  test('never a TypeError for values of the wrong type in plain manifests', () => {
    const message = synthError(p => p.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'notify').addContainerManifest({ name: 42, image: null, env: 'x' }));
    expect(message).not.toMatch(/TypeError|undefined/);
    expect(message).toContain("Pipeline 'test/env/resource/configure/notify': spec.containers[0]");
  });
});

describe('when a pipeline changes after a synth', () => {
  // Pipelines keep their validation results between synths until they change: every change counts.
  test.each<[string, (p: any) => void, string]>([
    ['addContainer', p => p.addContainer({ name: 'Bad', image: 'i:1' }), "container name 'Bad'"],
    ['addContainerManifest', p => p.addContainerManifest({ name: 'reader', image: 'i:1' }), "container name 'reader' is reserved"],
    ['addVolumeManifest', p => p.addVolumeManifest({ name: 'shared-input', emptyDir: {} }), "volume name 'shared-input' is reserved"],
    ['addOverride', p => p.addOverride('spec.restartPolicy', 'Always'), "restartPolicy 'Always' is not allowed"],
    ['rbac.addPermission', p => p.rbac.addPermission({ verbs: ['get'] }), 'permission has no resources'],
  ])('%s is validated at the next synth', (_, change, message) => {
    const chart = Testing.chart();
    const pipeline = new KratixPromise(chart, 'env', { api: testApi() }).addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'notify', { containers: [C] });
    expect(() => Testing.synth(chart)).not.toThrow();
    change(pipeline);
    expect(() => Testing.synth(chart)).toThrow(message);
  });
});

describe('when a Promise changes after a synth', () => {
  // A Promise keeps its validation result between synths until it changes: every change counts,
  // and a spec built for one synth is never reused after a change.
  const valid = (chart: ReturnType<typeof Testing.chart>) => {
    const promise = new KratixPromise(chart, 'env', { api: testApi() });
    promise.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'notify', { containers: [C] });
    return promise;
  };

  test.each<[string, (p: KratixPromise) => void, string]>([
    ['addOverride', p => p.addOverride('spec.workflows.config.reconciliationInterval', '30s'), "reconciliationInterval '30s'"],
    ['addDependencyManifest', p => p.addDependencyManifest({ apiVersion: 'v1', metadata: { name: 'x' } }), 'dependency has no kind'],
    ['apiObject.metadata.addLabel', p => p.apiObject.metadata.addLabel('team', 'not a label value'), 'metadata.labels'],
    ['addPipeline', p => p.addPipeline(WorkflowType.PROMISE, WorkflowAction.CONFIGURE, 'Bad_Name', { containers: [C] }), "pipeline name 'Bad_Name'"],
    ['a dependency given as an ApiObject, changed', p => {
      const dep = new ApiObject(Testing.chart(), 'ns', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' } });
      p.addDependency(dep);
      Testing.synth(Chart.of(p));
      dep.addJsonPatch(JsonPatch.remove('/kind'));
    }, 'dependency has no kind'],
  ])('%s is validated at the next synth', (_, change, message) => {
    const chart = Testing.chart();
    const promise = valid(chart);
    expect(() => Testing.synth(chart)).not.toThrow();
    change(promise);
    expect(() => Testing.synth(chart)).toThrow(message);
  });

  test('a problem removed is no longer reported', () => {
    const chart = Testing.chart();
    const promise = valid(chart);
    promise.addPipeline(WorkflowType.PROMISE, WorkflowAction.CONFIGURE, 'Bad_Name', { containers: [C] });
    expect(() => Testing.synth(chart)).toThrow("pipeline name 'Bad_Name'");
    promise.workflow(WorkflowType.PROMISE, WorkflowAction.CONFIGURE).node.tryRemoveChild('Bad_Name');
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test.each<[string, (p: KratixPromise) => void, (json: any) => unknown, unknown]>([
    ['addDestinationSelector', p => p.addDestinationSelector({ zone: 'eu' }), j => j.spec.destinationSelectors, [{ matchLabels: { zone: 'eu' } }]],
    ['addRequiredPromise', p => p.addRequiredPromise('base'), j => j.spec.requiredPromises, [{ name: 'base' }]],
    ['a pipeline container', p => p.workflow(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE).pipelines[0].addContainer({ name: 'd', image: 'i:2' }),
      j => j.spec.workflows.resource.configure[0].spec.containers.map((c: any) => c.name), ['c', 'd']],
    ['a pipeline removed', p => p.workflow(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE).node.tryRemoveChild('notify'),
      j => j.spec.workflows.resource.configure, []],
  ])('%s is in the next synth', (_, change, pick, expected) => {
    const chart = Testing.chart();
    const promise = valid(chart);
    Testing.synth(chart);
    change(promise);
    expect(pick(Testing.synth(chart)[0])).toEqual(expected);
  });
});
