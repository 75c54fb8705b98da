import { Duration, Testing } from 'cdk8s';
import { ServiceAccount } from 'cdk8s-plus-28';
import { deepObject, errorOf, guardTest } from './support';
import { KratixPromise, KratixPromiseProps, Pipeline, PipelineProps, PromiseApi, WorkflowAction, WorkflowType } from '../../src';
import { testApi } from '../support/promise-api';

// The constructs with bad input: synth (or the call) fails with the construct path, the field,
// the bad value and the fix. Values of the wrong type come in as a TypeScript caller can pass
// them (`as any`, plain manifests), as from JavaScript or from parsed YAML.

const C = { name: 'c', image: 'ghcr.io/acme/c:v1' };
const PIPELINE = "Pipeline 'test/env/resource/configure/deploy'";
const PROMISE = "KratixPromise 'test/env'";

/** The message of synthesizing a chart with a Promise `env` built by `build`. */
function synthError(build: (promise: KratixPromise) => void, props: KratixPromiseProps = {}): string {
  return errorOf(() => {
    const chart = Testing.chart();
    build(new KratixPromise(chart, 'env', { api: testApi(), ...props }));
    Testing.synth(chart);
  });
}

const failed = (...lines: string[]) => `Validation failed with the following errors:\n${lines.map(l => `  [test/env] ${l}`).join('\n')}`;
const pipeline = (props: PipelineProps) => (p: KratixPromise) => p.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'deploy', props);
const manifest = (container: any) => (p: KratixPromise) => p.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'deploy').addContainerManifest(container);
const withPipeline = (build: (p: Pipeline) => void) => (p: KratixPromise) => build(p.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'deploy', { containers: [C] }));

describe('constructs: containers', () => {
  test.each<[string, (p: KratixPromise) => void, string]>([
    ['an upper-case container name', pipeline({ containers: [{ ...C, name: 'Main' }] }),
      "spec.containers[0].name: container name 'Main' must be a DNS-1123 label (lower case letters, digits and '-', at most 63 characters)"],
    ['a container name with an underscore', pipeline({ containers: [{ ...C, name: 'my_step' }] }),
      "spec.containers[0].name: container name 'my_step' must be a DNS-1123 label (lower case letters, digits and '-', at most 63 characters)"],
    ['a container name of 64 characters', pipeline({ containers: [{ ...C, name: 'a'.repeat(64) }] }),
      `spec.containers[0].name: container name '${'a'.repeat(64)}' must be a DNS-1123 label (lower case letters, digits and '-', at most 63 characters)`],
    ['a number where the image string belongs', manifest({ name: 'c', image: 42 }),
      "spec.containers[0].image: 42 is a whole number, not a string: Kratix cannot decode it (json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string); quote it: '42'"],
    ['a container without image', manifest({ name: 'c' }),
      "spec.containers[0].image: container 'c' has no image: Kubernetes rejects a container without one; set image"],
    ['a number as an env value', manifest({ ...C, env: [{ name: 'PORT', value: 8080 }] }),
      "spec.containers[0].env[0].value: 8080 is a whole number, not a string: Kratix cannot decode it (json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string); quote it: '8080'"],
    ['a boolean as an env value', pipeline({ containers: [{ ...C, envVariables: [{ name: 'DEBUG', value: true as any }] }] }),
      "spec.containers[0].env[0].value: true is a boolean, not a string: Kratix cannot decode it (json: cannot unmarshal bool into Go struct field EnvVar.spec.containers.env.value of type string); quote it: 'true'"],
    ['an env variable without name', manifest({ ...C, env: [{ value: 'x' }] }),
      'spec.containers[0].env[0].name: environment variable has no name: Kubernetes requires one; set name'],
    ['an unknown container field', manifest({ ...C, workdir: '/x' }),
      "spec.containers[0].workdir: unknown field 'workdir' in a Kratix Container: Kratix decodes pipelines strictly and rejects it (json: unknown field \"workdir\"); " +
      'remove it (v1alpha1.Container has name, image, args, command, env, envFrom, volumeMounts, imagePullPolicy, securityContext, resources)'],
    ['an imagePullPolicy that does not exist', manifest({ ...C, imagePullPolicy: 'Sometimes' }),
      "spec.containers[0].imagePullPolicy: imagePullPolicy 'Sometimes' must be one of Always, IfNotPresent, Never"],
    ['a mount of a volume the pipeline does not have', pipeline({ containers: [{ ...C, volumeMountSpecs: [{ name: 'nope', mountPath: '/x' }] }] }),
      "spec.containers[0].volumeMounts[0].name: volume mount refers to volume 'nope', which the pipeline does not have; add it to spec.volumes"],
  ])('%s', (_, build, message) => {
    expect(synthError(build)).toEqual(failed(`${PIPELINE}: ${message}`));
  });

  test('a null container manifest: Kratix decodes it as an empty container', () => {
    expect(synthError(manifest(null))).toEqual(failed(
      `${PIPELINE}: spec.containers[0].name: container has no name: Kubernetes requires one; set name to a DNS-1123 label unique within the pipeline`,
      `${PIPELINE}: spec.containers[0].image: container has no image: Kubernetes rejects a container without one; set image`));
  });
});

describe('constructs: pipelines', () => {
  test.each<[string, (p: KratixPromise) => void, string]>([
    ['a Pipeline with a wrong kind', withPipeline(p => p.addOverride('kind', 'Job')),
      'kind: unsupported pipeline "deploy" with APIVersion "Job/platform.kratix.io/v1alpha1": set kind: Pipeline and apiVersion: platform.kratix.io/v1alpha1'],
    ['a Pipeline with a wrong apiVersion', withPipeline(p => p.addOverride('apiVersion', 'platform.kratix.io/v1')),
      'apiVersion: unsupported pipeline "deploy" with APIVersion "Pipeline/platform.kratix.io/v1": set kind: Pipeline and apiVersion: platform.kratix.io/v1alpha1'],
    ['a number as a pipeline label', pipeline({ containers: [C], labels: { tier: 1 as any } }),
      "metadata.labels.tier: 1 is a whole number, not a string: Kratix cannot decode it (json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string); quote it: '1'"],
    ['a negative backoffLimit', pipeline({ containers: [C], backoffLimit: -1 }), 'spec.jobOptions.backoffLimit: backoffLimit -1 must be 0 or more'],
    ['a fractional backoffLimit', pipeline({ containers: [C], backoffLimit: 1.5 }),
      'spec.jobOptions.backoffLimit: 1.5 is a fractional number, not a 32-bit whole number: Kratix cannot decode it (json: cannot unmarshal number 1.5 into Go struct field JobOptions.spec.jobOptions.backoffLimit of type int32); write a 32-bit whole number'],
    ['a reserved volume name', withPipeline(p => p.addVolumeManifest({ name: 'shared-output', emptyDir: {} })),
      "spec.volumes[0].name: volume name 'shared-output' is reserved for Kratix's own volumes (shared-input, shared-output, shared-metadata, promise-scheduling); rename it"],
    ['two volumes of one name', withPipeline(p => { p.addVolumeManifest({ name: 'v', emptyDir: {} }); p.addVolumeManifest({ name: 'v', emptyDir: {} }); }),
      "spec.volumes[1].name: volume name 'v' is used by more than one volume of the pipeline; volume names must be unique"],
    ['a toleration operator that does not exist', pipeline({ containers: [C], tolerations: [{ key: 'k', operator: 'Sometimes' }] }),
      "spec.tolerations[0].operator: Toleration.operator 'Sometimes' must be Equal or Exists: the API server rejects the pipeline's Job with any other value, and Kratix's webhook dry-runs that Job"],
    ['a resourceNamespace that is no namespace name', pipeline({ containers: [C], rbac: { permissions: [{ verbs: ['get'], apiGroups: [''], resources: ['pods'], scope: { resourceNamespace: 'Bad Ns' } }] } }),
      "spec.rbac.permissions[0].resourceNamespace: resourceNamespace 'Bad Ns' must be a DNS-1123 label (lower case letters, digits and '-', at most 63 characters), or '*' for all namespaces"],
    ['nonResourceURLs in the pipeline namespace', pipeline({ containers: [C], rbac: { permissions: [{ verbs: ['get'], nonResourceURLs: ['/healthz'] }] } }),
      "spec.rbac.permissions[0].nonResourceURLs: nonResourceURLs need resourceNamespace '*' (they are not namespaced), not the pipeline's namespace: Kubernetes rejects them in a Role; set resourceNamespace: '*'"],
    ['a number as a verb', pipeline({ containers: [C], rbac: { permissions: [{ verbs: [1 as any], apiGroups: [''], resources: ['pods'] }] } }),
      "spec.rbac.permissions[0].verbs[0]: 1 is a whole number, not a string: Kratix cannot decode it (json: cannot unmarshal number into Go struct field Permission.spec.rbac.permissions.verbs of type string); quote it: '1'"],
    ['a service account name that is not a DNS subdomain', pipeline({ containers: [C], rbac: { serviceAccountName: 'Bad_SA' } }),
      "spec.rbac.serviceAccount: service account name 'Bad_SA' must be a DNS-1123 subdomain (lower case letters, digits, '-' and '.', at most 253 characters)"],
  ])('%s', (_, build, message) => {
    expect(synthError(build)).toEqual(failed(`${PIPELINE}: ${message}`));
  });

  test('a pipeline ID one character over the 60-character budget', () => {
    const promise = 'a'.repeat(30);
    const name = 'b'.repeat(11); // 30 + '-resource-configure-' (20) + 11 = 61
    const build = (p: KratixPromise) => p.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, name, { containers: [C] });
    expect(synthError(build, { name: promise })).toEqual(failed(
      `Pipeline 'test/env/resource/configure/${name}': metadata.name: pipeline ID '${promise}-resource-configure-${name}' (<promise>-<type>-<action>-<pipeline>) is 61 characters, ` +
      "over Kratix's limit of 60: shorten the pipeline name to at most 10 characters (or the Promise name)"));
  });

  test('a second delete pipeline', () => {
    expect(synthError(p => {
      p.addPipeline(WorkflowType.RESOURCE, WorkflowAction.DELETE, 'a', { containers: [C] });
      p.addPipeline(WorkflowType.RESOURCE, WorkflowAction.DELETE, 'b', { containers: [C] });
    })).toEqual("PromiseWorkflow 'test/env/resource/delete': cannot add pipeline 'b': a resource delete workflow runs exactly one pipeline (Kratix ignores the others); put its containers in 'a'");
  });

  test('two pipelines of one name in a workflow', () => {
    expect(synthError(p => {
      p.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'a', { containers: [C] });
      p.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'b', { name: 'a', containers: [C] });
    })).toEqual("PromiseWorkflow 'test/env/resource/configure': pipeline name 'a' is already used by 'test/env/resource/configure/a'; pipeline names must be unique in a workflow");
  });

  test('both serviceAccount and serviceAccountName', () => {
    const sa = new ServiceAccount(Testing.chart(), 'sa', { metadata: { name: 'runner' } });
    expect(synthError(pipeline({ containers: [C], rbac: { serviceAccount: sa, serviceAccountName: 'other' } }))).toEqual(
      "PipelineRbac 'test/env/resource/configure/deploy/Rbac': give either serviceAccount ('runner') or serviceAccountName ('other'), not both");
  });

  test('100,000 levels of nested lists in a container manifest', () => {
    expect(synthError(manifest({ ...C, args: deepObject(100_000) }))).toEqual(
      'a value nested more than 1000 levels deep (at args.a.a.a.a.a.a.a.a.a.a.a...): cdk8s-kratix takes at most 1000 levels of maps and lists; flatten it');
  });

  test('100,000 levels of nested maps in an override', () => {
    expect(errorOf(() => new KratixPromise(Testing.chart(), 'env').addOverride('spec.extra', deepObject(100_000)))).toEqual(
      'a value nested more than 1000 levels deep (at a.a.a.a.a.a.a.a.a.a.a.a...): cdk8s-kratix takes at most 1000 levels of maps and lists; flatten it');
  });
});

describe('constructs: the Promise', () => {
  test.each<[string, KratixPromiseProps, string]>([
    ['a Promise name that is not a DNS label', { name: 'My Env' },
      "metadata.name: Promise name 'My Env' must be a DNS-1123 label (lower case letters, digits and '-', at most 63 characters): Kratix uses it in label values and in the names of pipeline objects"],
    ['a number as a Promise label', { labels: { tier: 1 as any } },
      "metadata.labels.tier: 1 is a whole number, not a string: Kratix cannot decode it (json: cannot unmarshal number into Go struct field ObjectMeta.labels of type string); quote it: '1'"],
    ['a pipelineNamespace that is no namespace name', { pipelineNamespace: 'Team_A' },
      "spec.workflows.config.pipelineNamespace: pipelineNamespace 'Team_A' must be a DNS-1123 label (lower case letters, digits and '-', at most 63 characters): it is a namespace name"],
    ['a reconciliationInterval under a minute', { reconciliationInterval: Duration.millis(500) },
      "spec.workflows.config.reconciliationInterval: reconciliationInterval '500ms' (500ms) is under Kratix's minimum of 1m0s: its webhook rejects the Promise; use '1m' or more"],
    ['a number as a destination selector label', { destinationSelectors: [{ matchLabels: { env: 1 as any } }] },
      "spec.destinationSelectors[0].matchLabels.env: 1 is a number, but the Promise CRD requires a string here; quote it: '1'"],
    ['a dependency that is a string', { dependencyManifests: ['just a string'] },
      "spec.dependencies[0]: 'just a string' is a string, but the Promise CRD requires a map here"],
  ])('%s', (_, props, message) => {
    expect(synthError(() => {}, props)).toEqual(failed(`${PROMISE}: ${message}`));
  });

  test('an API that is a ConfigMap, not a CRD: one line per problem', () => {
    const api = PromiseApi.fromManifest({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } });
    expect(synthError(() => {}, { api })).toEqual(failed(
      `${PROMISE}: spec.api.apiVersion: spec.api must be an apiextensions.k8s.io/v1 CustomResourceDefinition, but its apiVersion is 'v1'; set apiVersion: apiextensions.k8s.io/v1`,
      `${PROMISE}: spec.api.kind: spec.api must be a CustomResourceDefinition, but its kind is 'ConfigMap'; set kind: CustomResourceDefinition`,
      `${PROMISE}: spec.api.spec: spec.api has no spec: a CustomResourceDefinition needs spec.group, spec.names, spec.scope and spec.versions`));
  });

  test('a workflow list overridden with a string', () => {
    expect(synthError(p => {
      p.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'deploy', { containers: [C] });
      p.addOverride('spec.workflows.resource.configure', 'not a list');
    })).toEqual(failed(`${PROMISE}: spec.workflows.resource.configure: 'not a list' is a string, but the Promise CRD requires a list here`));
  });
});

guardTest();
