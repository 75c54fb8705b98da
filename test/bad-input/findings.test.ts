import { App, Chart, Testing } from 'cdk8s';
import { EnvValue } from 'cdk8s-plus-28';
import { stringify } from 'yaml';
import { errorOf } from './support';
import { KratixPromise, WorkflowAction, WorkflowType } from '../../src';
import { renderWorkflow } from '../../src/render';
import { NO_API_PROBLEM, Problem, validatePromiseDocument } from '../../src/validate';
import { testApi } from '../support/promise-api';

// Issue 12, item 4: what Kratix or Kubernetes accepts silently but is certain to misbehave. Each
// finding is pinned with its exact message at synth (printed once on stderr, an error in strict
// mode), in `validate`, and in `render` where render reads the field.

const PIPELINE = "Pipeline 'test/env/promise/configure/setup'";
const PROMISE = "KratixPromise 'test/env'";

let stderr: jest.SpyInstance;
beforeEach(() => { stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true); });
afterEach(() => stderr.mockRestore());

/** The warnings printed at synth of a Promise `env` built by `build` (the synth must pass). */
function synthWarnings(build: (promise: KratixPromise) => void, chart: Chart = Testing.chart()): string[] {
  build(new KratixPromise(chart, 'env'));
  Testing.synth(chart);
  Testing.synth(chart);
  return stderr.mock.calls.map(c => String(c[0]));
}

/** The problems `validate` finds in the document the same construct tree synthesizes. */
function validateSynthesized(build: (promise: KratixPromise) => void): Problem[] {
  const chart = Testing.chart();
  const promise = new KratixPromise(chart, 'env');
  build(promise);
  return validatePromiseDocument(promise.toJson());
}

const setup = (container: Record<string, unknown>) => (p: KratixPromise) => p.addPipeline(WorkflowType.PROMISE, WorkflowAction.CONFIGURE, 'setup', {
  containers: [{ name: 'main', image: 'ghcr.io/acme/setup:v1', ...container }],
});
const warning = (path: string, message: string): Problem => ({ path, message, severity: 'warning' });

describe('findings Kratix accepts silently', () => {
  describe.each<[string, (p: KratixPromise) => void, string, string, string]>([
    ['a dependency without apiVersion', p => p.addDependencyManifest({ kind: 'Namespace', metadata: { name: 'team' } }), PROMISE, 'spec.dependencies[0].apiVersion',
      "dependency 'team' has no apiVersion: Kratix writes it to the destinations as it is, and Flux or Argo CD cannot apply an object without one; set apiVersion, e.g. v1 or apps/v1"],
    ['an image reference that cannot be parsed', setup({ image: 'ghcr.io/acme/queue render:v1' }), PIPELINE, 'spec.containers[0].image',
      "image 'ghcr.io/acme/queue render:v1' is not an image reference (it contains white space): the kubelet cannot parse it and the pod fails with InvalidImageName; " +
      'write [registry[:port]/]repository[:tag][@digest], e.g. ghcr.io/acme/tool:v1.2.3'],
    ['an image with an upper-case repository', setup({ image: 'ghcr.io/Acme/queue:v1' }), PIPELINE, 'spec.containers[0].image',
      "image 'ghcr.io/Acme/queue:v1' is not an image reference (the repository name must be lower case): the kubelet cannot parse it and the pod fails with InvalidImageName; " +
      'write [registry[:port]/]repository[:tag][@digest], e.g. ghcr.io/acme/tool:v1.2.3'],
    ['user env that shadows a KRATIX_* variable', setup({ env: { KRATIX_PROMISE_NAME: EnvValue.fromValue('other') } }), PIPELINE, 'spec.containers[0].env[0].name',
      "environment variable 'KRATIX_PROMISE_NAME' shadows the one Kratix sets: Kubernetes keeps the last of two variables of one name, so the container sees this value instead of Kratix's; rename it"],
    ['an env name Kubernetes 1.28 rejects', setup({ env: { '1ST_PORT': EnvValue.fromValue('80') } }), PIPELINE, 'spec.containers[0].env[0].name',
      "environment variable name '1ST_PORT' is rejected by Kubernetes up to 1.31 (letters, digits, '_', '-' and '.', not starting with a digit), " +
      "and by every version if it has '=' or characters outside printable ASCII; rename it, e.g. to upper case letters, digits and '_'"],
    ['a destination selector label key that is no label key', p => p.addDestinationSelector({ 'team name': 'a' }), PROMISE, 'spec.destinationSelectors[0].matchLabels["team name"]',
      "label key 'team name' must be a qualified name (an optional DNS subdomain and '/', then at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit): " +
      "Kratix's scheduler cannot parse the selector, so the Promise's work is never scheduled; fix it"],
  ])('%s', (_, build, construct, path, message) => {
    test('synth prints one warning naming the construct, the field and the fix', () => {
      expect(synthWarnings(build)).toEqual([`cdk8s-kratix: warning: ${construct}: ${path}: ${message}\n`]);
    });

    test('strict mode fails the synth with it', () => {
      const chart = Testing.chart();
      build(new KratixPromise(chart, 'env', { strict: true }));
      expect(errorOf(() => Testing.synth(chart))).toBe('Validation failed with the following errors:\n' +
        `  [test/env] ${construct}: ${path}: ${message} (a warning, an error in strict mode: CDK8S_KRATIX_STRICT or the strict prop)`);
    });

    test('validate reports the warning at the document path', () => {
      const documentPath = construct === PROMISE ? path : `spec.workflows.promise.configure[0].${path}`;
      expect(validateSynthesized(build)).toEqual([warning(documentPath, message)]);
    });
  });

  describe('metadata.namespace on the cluster-scoped Promise', () => {
    const MESSAGE = "a Promise is cluster-scoped: the API server drops its namespace 'team-a'; remove it (a cdk8s Chart's namespace prop sets it too: put the Promise in a chart without one)";

    test("synth warns, for a chart's namespace too", () => {
      expect(synthWarnings(() => {}, new Chart(new App(), 'platform', { namespace: 'team-a' })))
        .toEqual([`cdk8s-kratix: warning: KratixPromise 'platform/env': metadata.namespace: ${MESSAGE}\n`]);
    });

    test('validate warns', () => {
      expect(validateSynthesized(p => p.addOverride('metadata.namespace', 'team-a'))).toEqual([warning('metadata.namespace', MESSAGE)]);
    });
  });
});

describe('resource workflows on a Promise without an API: an error everywhere, as in Kratix', () => {
  // Kratix's webhook builds every pipeline's objects; a resource pipeline's Role names the API
  // (`resourcePolicyRule`), and without one `GetAPI` fails: "promise does not contain an API".
  const withResourcePipeline = (p: KratixPromise) => p.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'deploy', {
    containers: [{ name: 'main', image: 'ghcr.io/acme/deploy:v1' }],
  });

  test('synth fails', () => {
    const chart = Testing.chart();
    withResourcePipeline(new KratixPromise(chart, 'env'));
    expect(errorOf(() => Testing.synth(chart))).toBe(`Validation failed with the following errors:\n  [test/env] ${PROMISE}: spec.api: ${NO_API_PROBLEM}`);
  });

  test('validate reports an error', () => {
    expect(validateSynthesized(withResourcePipeline)).toEqual([{ path: 'spec.api', severity: 'error', message: NO_API_PROBLEM }]);
  });

  test('render refuses with the same message', () => {
    const promise = new KratixPromise(Testing.chart(), 'env');
    withResourcePipeline(promise);
    const doc = promise.toJson();
    const request = { apiVersion: 'example.com/v1', kind: 'Env', metadata: { name: 'dev', namespace: 'team-a', uid: 'u' } };
    expect(errorOf(() => renderWorkflow(doc, 'resource/configure', request))).toBe(`promise spec.api: ${NO_API_PROBLEM}`);
  });

  test('an API, or no resource pipelines, passes', () => {
    const chart = Testing.chart();
    withResourcePipeline(new KratixPromise(chart, 'env', { api: testApi() }));
    new KratixPromise(chart, 'empty').workflow(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE);
    expect(() => Testing.synth(chart)).not.toThrow();
    expect(stringify(Testing.synth(chart))).toContain('kind: Env');
  });
});

describe('a field Kubernetes requires, missing from the pipeline\'s Job (Kratix\'s webhook dry-runs it)', () => {
  const MESSAGE = "SecretKeySelector needs 'key': the API server rejects the pipeline's Job without it, and Kratix's webhook dry-runs that Job; set key";
  const noKey = (p: KratixPromise) => p.addPipeline(WorkflowType.PROMISE, WorkflowAction.CONFIGURE, 'setup')
    .addContainerManifest({ name: 'main', image: 'ghcr.io/acme/setup:v1', env: [{ name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'gh' } } }] });

  test('synth fails naming the pipeline and the field', () => {
    const chart = Testing.chart();
    noKey(new KratixPromise(chart, 'env'));
    expect(errorOf(() => Testing.synth(chart))).toBe(`Validation failed with the following errors:\n  [test/env] ${PIPELINE}: spec.containers[0].env[0].valueFrom.secretKeyRef.key: ${MESSAGE}`);
  });

  test('validate reports an error at the document path', () => {
    expect(validateSynthesized(noKey)).toEqual([{ path: 'spec.workflows.promise.configure[0].spec.containers[0].env[0].valueFrom.secretKeyRef.key', severity: 'error', message: MESSAGE }]);
  });

  test('a key given in another case counts, as Go decodes it', () => {
    const chart = Testing.chart();
    new KratixPromise(chart, 'env').addPipeline(WorkflowType.PROMISE, WorkflowAction.CONFIGURE, 'setup')
      .addContainerManifest({ name: 'main', image: 'ghcr.io/acme/setup:v1', env: [{ name: 'T', valueFrom: { configMapKeyRef: { name: 'c', Key: 'k' } } }] });
    expect(() => Testing.synth(chart)).not.toThrow();
  });
});

describe('a value outside an enum of the Kubernetes 1.28 schema, in the pipeline\'s Job (Kratix\'s webhook dry-runs it)', () => {
  const MESSAGE = "SeccompProfile.type 'Default' must be Localhost, RuntimeDefault or Unconfined: the API server rejects the pipeline's Job with any other value, and Kratix's webhook dry-runs that Job";
  const badSeccomp = (p: KratixPromise) => {
    const setupPipeline = p.addPipeline(WorkflowType.PROMISE, WorkflowAction.CONFIGURE, 'setup');
    setupPipeline.addContainerManifest({ name: 'main', image: 'ghcr.io/acme/setup:v1' });
    setupPipeline.addContainerManifest({ name: 'second', image: 'ghcr.io/acme/setup:v1', securityContext: { seccompProfile: { type: 'Default' } } });
  };

  test('synth fails naming the pipeline and the field', () => {
    const chart = Testing.chart();
    badSeccomp(new KratixPromise(chart, 'env'));
    expect(errorOf(() => Testing.synth(chart))).toBe(`Validation failed with the following errors:\n  [test/env] ${PIPELINE}: spec.containers[1].securityContext.seccompProfile.type: ${MESSAGE}`);
  });

  test('validate reports an error at the Promise field that caused it', () => {
    expect(validateSynthesized(badSeccomp)).toEqual([{ path: 'spec.workflows.promise.configure[0].spec.containers[1].securityContext.seccompProfile.type', severity: 'error', message: MESSAGE }]);
  });

  test('render refuses the pipeline, naming the field', () => {
    const promise = new KratixPromise(Testing.chart(), 'env');
    badSeccomp(promise);
    expect(errorOf(() => renderWorkflow(promise.toJson(), 'promise/configure', undefined))).toContain(`spec.containers[1].securityContext.seccompProfile.type: ${MESSAGE}`);
  });

  test('an empty value is unset, and a field given in another case is checked as Go decodes it', () => {
    const chart = Testing.chart();
    const setupPipeline = new KratixPromise(chart, 'env').addPipeline(WorkflowType.PROMISE, WorkflowAction.CONFIGURE, 'setup');
    setupPipeline.addContainerManifest({ name: 'main', image: 'ghcr.io/acme/setup:v1', volumeMounts: [{ name: 'v', mountPath: '/v', mountPropagation: '' }] });
    setupPipeline.addVolumeManifest({ name: 'v', hostPath: { path: '/v', Type: 'Dir' } });
    expect(errorOf(() => Testing.synth(chart))).toContain("spec.volumes[0].hostPath.Type: HostPathVolumeSource.type 'Dir' must be BlockDevice, CharDevice, Directory, DirectoryOrCreate, File, FileOrCreate or Socket");
  });
});
