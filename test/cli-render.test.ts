import * as path from 'path';
import { parseAllDocuments, stringify } from 'yaml';
import { CliError, CliIo, processIo } from '../src/cli/io';
import { main } from '../src/cli/main';

const SHARED_CASE = path.join(__dirname, '..', '..', 'shared', 'conformance', 'render', '01-promise-configure-rbac-own-namespace');

const PIPELINE = {
  apiVersion: 'platform.kratix.io/v1alpha1',
  kind: 'Pipeline',
  metadata: { name: 'deploy' },
  spec: { containers: [{ name: 'main', image: 'ghcr.io/acme/main:v1' }] },
};
const PROMISE = {
  apiVersion: 'platform.kratix.io/v1alpha1',
  kind: 'Promise',
  metadata: { name: 'app', uid: 'u-1' },
  spec: {
    api: {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'apps.example.com' },
      spec: { group: 'example.com', names: { kind: 'App', plural: 'apps' }, scope: 'Namespaced', versions: [{ name: 'v1', served: true, storage: true }] },
    },
    workflows: { promise: { configure: [PIPELINE] }, resource: { configure: [PIPELINE], delete: [PIPELINE] } },
  },
};
const REQUEST = { apiVersion: 'example.com/v1', kind: 'App', metadata: { name: 'my-app', namespace: 'team-a', uid: 'r-1' }, spec: { size: 1 } };
const configMap = (config: string | undefined) => stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kratix' }, data: config === undefined ? {} : { config } });

function run(args: string[], files: Record<string, string> = {}): { code: number; stdout: string; stderr: string; docs: any[] } {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    ...processIo,
    stdout: t => { stdout += t; },
    stderr: t => { stderr += t; },
    readFile: p => {
      if (p in files) return files[p];
      if (p.startsWith(SHARED_CASE)) return processIo.readFile(p);
      throw new CliError(`${p}: cannot read file: ENOENT`);
    },
  };
  const code = main(['render', ...args], io);
  return { code, stdout, stderr, docs: code === 0 ? parseAllDocuments(stdout).map(d => d.toJS()) : [] };
}

const files = { 'promise.yaml': stringify(PROMISE), 'request.yaml': stringify(REQUEST) };

describe('cdk8s-kratix render', () => {
  test('prints every object of a promise workflow in apply order, as YAML documents', () => {
    const r = run(['promise.yaml', '--workflow', 'promise/configure', '--adapter-image', 'img:v1'], files);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.docs.map(d => d.kind)).toEqual(['ServiceAccount', 'ConfigMap', 'ClusterRole', 'ClusterRoleBinding', 'Job']);
    expect(r.docs[4].spec.template.spec.initContainers[0].image).toBe('img:v1');
    expect(r.stdout).toContain('\n---\n');
  });

  test('renders a resource workflow for --request; delete renders the delete pipeline', () => {
    const r = run(['promise.yaml', '--workflow', 'resource/delete', '--request', 'request.yaml'], files);
    expect(r.code).toBe(0);
    expect(r.docs.map(d => `${d.kind}/${d.metadata.namespace}`)).toEqual([
      'ServiceAccount/team-a', 'Role/team-a', 'RoleBinding/team-a', expect.stringMatching(/^Job\/team-a$/),
    ]);
  });

  test('--adapter-pull-secret comes first in imagePullSecrets', () => {
    const r = run(['promise.yaml', '--workflow=promise/configure', '--adapter-pull-secret=regcred'], files);
    expect(r.docs[4].spec.template.spec.imagePullSecrets).toEqual([{ name: 'regcred' }]);
  });

  test('--kratix-config takes the ConfigMap manifest; without keys the user security context is {}', () => {
    const withConfig = run(['promise.yaml', '--workflow', 'promise/configure', '--kratix-config', 'cm.yaml'], { ...files, 'cm.yaml': configMap('') });
    expect(withConfig.docs[4].spec.template.spec.initContainers[1].securityContext).toEqual({});
    const without = run(['promise.yaml', '--workflow', 'promise/configure'], files);
    expect('securityContext' in without.docs[4].spec.template.spec.initContainers[1]).toBe(false);
    const tuned = run(['promise.yaml', '--workflow', 'promise/configure', '--kratix-config', 'cm.yaml'],
      { ...files, 'cm.yaml': configMap('workflows:\n  defaultImagePullPolicy: Always\n  jobOptions:\n    defaultBackoffLimit: 2\n') });
    expect(tuned.docs[4].spec.backoffLimit).toBe(2);
    expect(tuned.docs[4].spec.template.spec.containers[0].imagePullPolicy).toBe('Always');
  });

  test('a Promise file with several documents uses the Promise', () => {
    const multi = `${stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' } })}---\n${stringify(PROMISE)}`;
    expect(run(['multi.yaml', '--workflow', 'promise/configure'], { 'multi.yaml': multi }).code).toBe(0);
  });

  test('renders a shared conformance case from disk', () => {
    const r = run([path.join(SHARED_CASE, 'promise.yaml'), '--workflow', 'promise/configure']);
    expect(r.code).toBe(0);
    expect(r.docs.map(d => d.kind)).toEqual(['ServiceAccount', 'ConfigMap', 'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding', 'Job']);
  });

  test('output is deterministic', () => {
    const args = ['promise.yaml', '--workflow', 'resource/configure', '--request', 'request.yaml'];
    expect(run(args, files).stdout).toBe(run(args, files).stdout);
  });

  describe('warnings go to stderr and leave the exit code 0', () => {
    const WARN = 'cdk8s-kratix render: warning: ';
    const NO_IMAGE = `${WARN}no --adapter-image: Kratix's own containers (reader, work-writer, status-writer) have no image, as when Kratix's ` +
      'PIPELINE_ADAPTER_IMG is unset, and the API server rejects such a Job; pass the image your Kratix runs, e.g. ' +
      'docker.io/syntasso/kratix-platform-pipeline-adapter:<kratix version> with the Helm chart, docker.io/syntasso/kratix-platform:<kratix version> with the kustomize manifests\n';

    test('without --adapter-image, says that Kratix containers have no image', () => {
      const r = run(['promise.yaml', '--workflow', 'promise/configure'], files);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(NO_IMAGE);
      expect('image' in r.docs[4].spec.template.spec.initContainers[0]).toBe(false);
    });

    test('a workflow without pipelines prints nothing and says so', () => {
      const noDelete = stringify({ ...PROMISE, spec: { ...PROMISE.spec, workflows: { promise: { configure: [PIPELINE] } } } });
      const r = run(['promise.yaml', '--workflow', 'promise/delete', '--adapter-image', 'img:v1'], { 'promise.yaml': noDelete });
      expect(r).toEqual({
        code: 0,
        stdout: '',
        stderr: `${WARN}promise.yaml: spec.workflows.promise.delete: Promise 'app' has no promise/delete pipeline, so Kratix creates nothing for this workflow; nothing to print\n`,
        docs: [],
      });
    });

    test('a request without metadata.uid: its ownerReference uid is "", named in a warning', () => {
      const noUid = stringify({ ...REQUEST, metadata: { name: 'my-app', namespace: 'team-a' } });
      const r = run(['promise.yaml', '--workflow', 'resource/configure', '--request', 'request.yaml', '--adapter-image', 'img:v1'], { ...files, 'request.yaml': noUid });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(`${WARN}request.yaml: metadata.uid: the resource request has no uid, so the Job's ownerReferences[0].uid is ""; ` +
        'the API server gives every stored object one: render the object as read back from the cluster (kubectl get -o yaml), or set metadata.uid\n');
      expect(r.docs.find(d => d.kind === 'Job').metadata.ownerReferences[0].uid).toBe('');
    });

    test('a Promise without metadata.uid, for a promise workflow', () => {
      const noUid = stringify({ ...PROMISE, metadata: { name: 'app' } });
      const r = run(['promise.yaml', '--workflow', 'promise/configure', '--adapter-image', 'img:v1'], { 'promise.yaml': noUid });
      expect(r.stderr).toBe(`${WARN}promise.yaml: metadata.uid: the Promise has no uid, so the Job's ownerReferences[0].uid is ""; ` +
        'the API server gives every stored object one: render the object as read back from the cluster (kubectl get -o yaml), or set metadata.uid\n');
    });
  });

  describe('--promise NAME, for a file with several Promises', () => {
    const second = { ...PROMISE, metadata: { name: 'db', uid: 'u-2' } };
    const both = { 'both.yaml': `${stringify(PROMISE)}---\n${stringify(second)}` };

    test('renders the named Promise', () => {
      const r = run(['both.yaml', '--workflow', 'promise/configure', '--promise', 'db', '--adapter-image', 'img:v1'], both);
      expect(r.stderr).toBe('');
      expect(r.docs[4].metadata.labels['kratix.io/promise-name']).toBe('db');
      expect(run(['both.yaml', '--workflow', 'promise/configure', '--promise=app', '--adapter-image', 'img:v1'], both).docs[4].metadata.labels['kratix.io/promise-name']).toBe('app');
    });

    test('without --promise, refuses and lists the names', () => {
      const r = run(['both.yaml', '--workflow', 'promise/configure'], both);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe("cdk8s-kratix render: both.yaml: holds 2 Promises ('app', 'db'); choose one with --promise NAME\n");
    });

    test('a name the file does not hold', () => {
      const r = run(['both.yaml', '--workflow', 'promise/configure', '--promise', 'cache'], both);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe("cdk8s-kratix render: both.yaml: no Promise named 'cache' (--promise); the file holds the Promises 'app', 'db'\n");
    });
  });

  describe('errors go to stderr, name the file and the field, exit code 1', () => {
    const badPipeline = stringify({ ...PROMISE, spec: { ...PROMISE.spec, workflows: { promise: { configure: [{ ...PIPELINE, kind: 'Job' }] } } } });
    test.each<[string, string[], Record<string, string>, string]>([
      ['no file', ['--workflow', 'promise/configure'], {}, 'expected one PROMISE.yaml, got 0 files'],
      ['no --workflow', ['promise.yaml'], files, '--workflow is required'],
      ['unknown workflow', ['promise.yaml', '--workflow', 'promise/update'], files, '--workflow "promise/update": expected one of'],
      ['unknown option', ['promise.yaml', '--workflow', 'promise/configure', '--colour'], files, "unknown option '--colour'"],
      ['missing file', ['missing.yaml', '--workflow', 'promise/configure'], {}, 'missing.yaml: cannot read file'],
      ['invalid YAML', ['bad.yaml', '--workflow', 'promise/configure'], { 'bad.yaml': 'a: [' }, 'bad.yaml: line 1, column 5: not valid YAML'],
      ['empty file', ['empty.yaml', '--workflow', 'promise/configure'], { 'empty.yaml': '' }, 'empty.yaml: no document found; expected a Promise'],
      ['resource workflow without --request', ['promise.yaml', '--workflow', 'resource/configure'], files, '--request REQUEST.yaml is required for resource/configure'],
      ['bad pipeline', ['promise.yaml', '--workflow', 'promise/configure'], { 'promise.yaml': badPipeline },
        'promise.yaml: spec.workflows.promise.configure[0].kind: unsupported pipeline "deploy" with APIVersion "Job/platform.kratix.io/v1alpha1"'],
      ['bad request', ['promise.yaml', '--workflow', 'resource/configure', '--request', 'request.yaml'],
        { ...files, 'request.yaml': stringify({ ...REQUEST, metadata: { name: 'x' } }) }, 'request.yaml: metadata.namespace: missing'],
      ['ConfigMap without data.config', ['promise.yaml', '--workflow', 'promise/configure', '--kratix-config', 'cm.yaml'],
        { ...files, 'cm.yaml': configMap(undefined) }, "cm.yaml: data.config: missing; Kratix refuses to start when the kratix ConfigMap has no 'config' key"],
      ['not a ConfigMap', ['promise.yaml', '--workflow', 'promise/configure', '--kratix-config', 'cm.yaml'],
        { ...files, 'cm.yaml': stringify({ kind: 'Secret' }) }, 'cm.yaml: holds 0 ConfigMaps in 1 documents; pass the one kratix ConfigMap manifest (kratix-platform-system/kratix)'],
      ['bad config value', ['promise.yaml', '--workflow', 'promise/configure', '--kratix-config', 'cm.yaml'],
        { ...files, 'cm.yaml': configMap('workflows:\n  defaultContainerResources:\n    limits:\n      cpu: lots\n') },
        'cm.yaml: data.config.workflows.defaultContainerResources.limits.cpu: \'lots\' is not a Kubernetes quantity'],
    ])('%s', (_name, args, fs, message) => {
      const r = run(args, fs);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`cdk8s-kratix render: ${message}`);
    });
  });
});
