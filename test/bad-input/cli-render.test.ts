import { cli, deepFlowSequence, deepJsonObject, guardTest, HUGE_PROMISE_YAML, PROMISE_YAML, promiseWithContainer, STACK_LINE, tempFiles } from './support';

// `cdk8s-kratix render` with bad input: exit code 1, one line naming the file, the field, the bad
// value and the fix, and no stack trace unless --debug.

const t = tempFiles();
const REQUEST = 'apiVersion: example.com/v1\nkind: Env\nmetadata:\n  name: dev\n  namespace: team-a\n';
const WORKFLOWS = 'promise/configure, promise/delete, resource/configure, resource/delete';
const USAGE = 'usage: cdk8s-kratix render PROMISE.yaml --workflow promise/configure|promise/delete|resource/configure|resource/delete ' +
  '[--promise NAME] [--request REQUEST.yaml] [--kratix-config KRATIX-CONFIGMAP.yaml] [--adapter-image IMAGE] [--adapter-pull-secret NAME]';
const IMAGE_42 = "42 is a whole number, not a string: Kratix cannot decode it (json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string); quote it: '42'";
const TOO_DEEP = 'nested too deeply: the YAML parser follows at most a few hundred levels of [ ] and { }, and no Kubernetes object needs that many; flatten it';

function fails(args: string[], stderr: string): void {
  const r = cli('render', ...args);
  expect(r.stderr).toEqual(`cdk8s-kratix render: ${stderr}\n`);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(STACK_LINE);
}

/** render of `promiseText` for a resource workflow with a valid request. */
function failsForRequest(name: string, promiseText: string, stderr: (file: string) => string): void {
  const file = t.file(name, promiseText);
  fails([file, '--workflow', 'resource/configure', '--request', t.file('request.yaml', REQUEST)], stderr(file));
}

describe('cdk8s-kratix render: the Promise file', () => {
  test('a missing file', () => {
    fails([t.path('missing.yaml'), '--workflow', 'promise/configure'], `${t.path('missing.yaml')}: cannot read file: ENOENT`);
  });

  test('an empty file', () => {
    const f = t.file('empty.yaml', '');
    fails([f, '--workflow', 'promise/configure'], `${f}: no document found; expected a Promise`);
  });

  test('a file of comments and empty documents only', () => {
    const f = t.file('comments.yaml', '# nothing here\n---\n');
    fails([f, '--workflow', 'promise/configure'], `${f}: no document found; expected a Promise`);
  });

  test('malformed YAML: an unclosed flow map', () => {
    const f = t.file('unclosed.yaml', 'kind: Promise\nmetadata: {name: env\n');
    fails([f, '--workflow', 'promise/configure'],
      `${f}: line 3, column 1: not valid YAML: Flow map in block collection must be sufficiently indented and end with a }`);
  });

  test('malformed YAML: a tab as indentation', () => {
    const f = t.file('tab.yaml', 'kind: Promise\nmetadata:\n\tname: env\n');
    fails([f, '--workflow', 'promise/configure'], `${f}: line 3, column 1: not valid YAML: Tabs are not allowed as indentation`);
  });

  test('a document that is not a Promise', () => {
    const f = t.file('configmap.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n');
    fails([f, '--workflow', 'promise/configure'], `${f}: kind: 'ConfigMap' is not Promise`);
  });

  test('a document that is a plain string', () => {
    const f = t.file('scalar.yaml', 'hello\n');
    fails([f, '--workflow', 'promise/configure'], `${f}: the document is not a Promise object`);
  });

  test('a document that is a list', () => {
    const f = t.file('list.yaml', '- a\n- b\n');
    fails([f, '--workflow', 'promise/configure'], `${f}: the document is not a Promise object`);
  });

  test('a Pipeline with a wrong kind', () => {
    failsForRequest('job-kind.yaml', PROMISE_YAML.replace('kind: Pipeline', 'kind: Job'), f =>
      `${f}: spec.workflows.resource.configure[0].kind: unsupported pipeline "deploy" with APIVersion "Job/platform.kratix.io/v1alpha1": set kind: Pipeline and apiVersion: platform.kratix.io/v1alpha1`);
  });

  test('a Pipeline with a wrong apiVersion', () => {
    failsForRequest('v1-pipeline.yaml', PROMISE_YAML.replace('- apiVersion: platform.kratix.io/v1alpha1', '- apiVersion: platform.kratix.io/v1'), f =>
      `${f}: spec.workflows.resource.configure[0].apiVersion: unsupported pipeline "deploy" with APIVersion "Pipeline/platform.kratix.io/v1": set kind: Pipeline and apiVersion: platform.kratix.io/v1alpha1`);
  });

  test('a number where the image string belongs', () => {
    failsForRequest('image-number.yaml', promiseWithContainer('              - name: main\n                image: 42\n'), f =>
      `${f}: spec.workflows.resource.configure[0].spec.containers[0].image: ${IMAGE_42}`);
  });

  test('a number as an env value', () => {
    failsForRequest('env-number.yaml', promiseWithContainer('              - name: main\n                image: i:v1\n                env:\n                  - name: PORT\n                    value: 8080\n'), f =>
      `${f}: spec.workflows.resource.configure[0].spec.containers[0].env[0].value: 8080 is a whole number, not a string: Kratix cannot decode it (json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string); quote it: '8080'`);
  });

  test('a boolean as an env value', () => {
    failsForRequest('env-bool.yaml', promiseWithContainer('              - name: main\n                image: i:v1\n                env:\n                  - name: DEBUG\n                    value: true\n'), f =>
      `${f}: spec.workflows.resource.configure[0].spec.containers[0].env[0].value: true is a boolean, not a string: Kratix cannot decode it (json: cannot unmarshal bool into Go struct field EnvVar.spec.containers.env.value of type string); quote it: 'true'`);
  });

  test('an unknown container field', () => {
    failsForRequest('workdir.yaml', promiseWithContainer('              - name: main\n                image: i:v1\n                workdir: /x\n'), f =>
      `${f}: spec.workflows.resource.configure[0].spec.containers[0].workdir: unknown field 'workdir' in a Kratix Container: Kratix decodes pipelines strictly and rejects it (json: unknown field "workdir"); ` +
      'remove it (v1alpha1.Container has name, image, args, command, env, envFrom, volumeMounts, imagePullPolicy, securityContext, resources)');
  });

  test('100,000 levels of nested YAML flow sequences', () => {
    const f = t.file('deep.yaml', deepFlowSequence(100_000));
    fails([f, '--workflow', 'promise/configure'], `${f}: document 1: ${TOO_DEEP}`);
  });

  test('100,000 levels of nested JSON objects', () => {
    const f = t.file('deep.json', deepJsonObject(100_000));
    fails([f, '--workflow', 'promise/configure'], `${f}: document 1: ${TOO_DEEP}`);
  });

  test('a 10 MB Promise with a bad image: the message quotes the value, not the file', () => {
    failsForRequest('huge.yaml', HUGE_PROMISE_YAML.replace('image: ghcr.io/acme/main:v1', 'image: 42'), f =>
      `${f}: spec.workflows.resource.configure[0].spec.containers[0].image: ${IMAGE_42}`);
  });

  test('a 10 MB string where the API belongs: the message shows its start only', () => {
    const f = t.file('huge-api.yaml', PROMISE_YAML.replace(/ {2}api:\n(.|\n)*? {2}workflows:/, `  api: '${'y'.repeat(10 * 1024 * 1024)}'\n  workflows:`));
    fails([f, '--workflow', 'promise/configure'], `${f}: spec.api: '${'y'.repeat(77)}...' is not a CustomResourceDefinition`);
  });
});

describe('cdk8s-kratix render: options', () => {
  let promise: string;
  beforeAll(() => { promise = t.file('promise.yaml', PROMISE_YAML); });

  test('no --workflow', () => fails([promise], `--workflow is required\n${USAGE}`));
  test('a --workflow that is no workflow', () => fails([promise, '--workflow', 'resource/update'], `--workflow "resource/update": expected one of ${WORKFLOWS}`));
  test('a --workflow without its type', () => fails([promise, '--workflow=configure'], `--workflow "configure": expected one of ${WORKFLOWS}`));
  test('--workflow without a value', () => fails([promise, '--workflow'], 'option --workflow needs a value'));
  test('an unknown option', () => fails([promise, '--workflow', 'promise/configure', '--namespace', 'x'],
    "unknown option '--namespace'; known options: --workflow, --promise, --request, --kratix-config, --adapter-image, --adapter-pull-secret"));
  test('two Promise files', () => fails([promise, promise, '--workflow', 'promise/configure'], `expected one PROMISE.yaml, got 2 files\n${USAGE}`));
  test('no Promise file', () => fails(['--workflow', 'promise/configure'], `expected one PROMISE.yaml, got 0 files\n${USAGE}`));
  test('a resource workflow without --request', () => fails([promise, '--workflow', 'resource/delete'],
    '--request REQUEST.yaml is required for resource/delete: resource workflows render for one resource request'));

  test('a request of the wrong kind', () => {
    const f = t.file('database.yaml', REQUEST.replace('kind: Env', 'kind: Database'));
    fails([promise, '--workflow', 'resource/configure', '--request', f], `${f}: kind: 'Database' is not the Promise API's kind "Env"`);
  });

  test('a request of another API group', () => {
    const f = t.file('other-group.yaml', REQUEST.replace('example.com/v1', 'other.io/v1'));
    fails([promise, '--workflow', 'resource/configure', '--request', f], `${f}: apiVersion: 'other.io/v1' is not in the Promise API's group "example.com"`);
  });

  test('a request without a namespace', () => {
    const f = t.file('no-namespace.yaml', REQUEST.replace('  namespace: team-a\n', ''));
    fails([promise, '--workflow', 'resource/configure', '--request', f],
      `${f}: metadata.namespace: missing: the Promise API is namespaced, so the request must say which namespace it is stored in`);
  });

  test('the Promise passed as the request', () => {
    fails([promise, '--workflow', 'resource/configure', '--request', promise], `${promise}: apiVersion: 'platform.kratix.io/v1alpha1' is not in the Promise API's group "example.com"`);
  });

  test('a missing request file', () => {
    fails([promise, '--workflow', 'resource/configure', '--request', t.path('no-request.yaml')], `${t.path('no-request.yaml')}: cannot read file: ENOENT`);
  });

  test('a --kratix-config file without a ConfigMap', () => {
    fails([promise, '--workflow', 'promise/configure', '--kratix-config', promise],
      `${promise}: holds 0 ConfigMaps in 1 documents; pass the one kratix ConfigMap manifest (kratix-platform-system/kratix)`);
  });

  test('a --kratix-config whose data.config is a map, not a string', () => {
    const f = t.file('config-map.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kratix\ndata:\n  config:\n    workflows: {}\n');
    fails([promise, '--workflow', 'promise/configure', '--kratix-config', f], `${f}: data.config: {"workflows":{}} is not a YAML string; use 'config: |'`);
  });

  test('--debug prints the stack trace, and still exits 1', () => {
    const r = cli('render', t.path('missing.yaml'), '--workflow', 'promise/configure', '--debug');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`CliError: ${t.path('missing.yaml')}: cannot read file: ENOENT`);
    expect(r.stderr).toMatch(STACK_LINE);
  });
});

describe('cdk8s-kratix: the command itself', () => {
  test('no command: the usage, exit 1', () => {
    const r = cli();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^usage: cdk8s-kratix <command> \[options\]\n/);
  });

  test('an unknown command', () => {
    const r = cli('deploy');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^cdk8s-kratix: unknown command 'deploy'\n\nusage: cdk8s-kratix <command>/);
  });
});

guardTest();
