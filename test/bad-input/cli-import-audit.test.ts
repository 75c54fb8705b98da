import { cli, deepFlowSequence, deepJsonObject, guardTest, HUGE_PROMISE_YAML, PROMISE_YAML, promiseWithContainer, STACK_LINE, tempFiles } from './support';

// `cdk8s-kratix import` and `cdk8s-kratix audit` with bad input: exit code 1, one message naming
// the file, the field, the bad value and the fix, and no stack trace unless --debug.

const t = tempFiles();
const TOO_DEEP = 'nested too deeply: the YAML parser follows at most a few hundred levels of [ ] and { }, and no Kubernetes object needs that many; flatten it';
const C0 = 'spec.workflows.resource.configure[0].spec.containers[0]';
const UNCLOSED = 'kind: Promise\nmetadata: {name: env\n';
const CONFIGMAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n';

function fails(command: string, args: string[], stderr: string): void {
  const r = cli(command, ...args);
  expect(r.stderr).toEqual(`cdk8s-kratix ${command}: ${stderr}\n`);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(STACK_LINE);
}

describe('cdk8s-kratix import', () => {
  const imports = (name: string, text: string | undefined, stderr: (file: string) => string, args: string[] = []) => {
    const file = text === undefined ? t.path(name) : t.file(name, text);
    fails('import', [file, ...args], stderr(file));
  };

  test('a missing file', () => imports('missing.yaml', undefined, f => `${f}: cannot read file: ENOENT`));
  test('an empty file', () => imports('empty.yaml', '', f => `${f}: no Promise document (kind: Promise) in the file`));
  test('a document that is not a Promise', () => imports('configmap.yaml', CONFIGMAP, f => `${f}: no Promise document (kind: Promise) in the file`));
  test('malformed YAML', () => imports('unclosed.yaml', UNCLOSED, f =>
    `${f}: line 3, column 1: not valid YAML: Flow map in block collection must be sufficiently indented and end with a }`));

  test('a Pipeline with a wrong kind', () => imports('job-kind.yaml', PROMISE_YAML.replace('kind: Pipeline', 'kind: Job'), f =>
    `${f}: cannot import Promise 'env': Kratix would reject its pipeline:\n  spec.workflows.resource.configure[0].kind: unsupported pipeline "deploy" with APIVersion "Job/platform.kratix.io/v1alpha1": set kind: Pipeline and apiVersion: platform.kratix.io/v1alpha1`));

  test('a Pipeline with a wrong apiVersion', () => imports('v1.yaml', PROMISE_YAML.replace('- apiVersion: platform.kratix.io/v1alpha1', '- apiVersion: platform.kratix.io/v1'), f =>
    `${f}: cannot import Promise 'env': Kratix would reject its pipeline:\n  spec.workflows.resource.configure[0].apiVersion: unsupported pipeline "deploy" with APIVersion "Pipeline/platform.kratix.io/v1": set kind: Pipeline and apiVersion: platform.kratix.io/v1alpha1`));

  test('a number as an env value', () => imports('env-number.yaml', promiseWithContainer('              - name: main\n                image: i:v1\n                env:\n                  - name: PORT\n                    value: 8080\n'), f =>
    `${f}: cannot import Promise 'env': Kratix would reject its pipeline:\n  ${C0}.env[0].value: 8080 is a whole number, not a string: Kratix cannot decode it (json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string); quote it: '8080'`));

  test('an unknown container field, with the --lenient hint', () => imports('workdir.yaml', promiseWithContainer('              - name: main\n                image: i:v1\n                workdir: /x\n'), f =>
    `${f}: cannot import Promise 'env': Kratix would reject its pipeline:\n  ${C0}.workdir: unknown field 'workdir' in a Kratix Container: Kratix decodes pipelines strictly and rejects it (json: unknown field "workdir"); ` +
    'remove it (v1alpha1.Container has name, image, args, command, env, envFrom, volumeMounts, imagePullPolicy, securityContext, resources)\n' +
    '(to keep fields Kratix does not know, import with lenient: true, or --lenient on the command line)'));

  test('100,000 levels of nested YAML flow sequences', () => imports('deep.yaml', deepFlowSequence(100_000), f => `${f}: document 1: ${TOO_DEEP}`));
  test('100,000 levels of nested JSON objects', () => imports('deep.json', deepJsonObject(100_000), f => `${f}: document 1: ${TOO_DEEP}`));

  test('a 10 MB Promise with a bad image', () => imports('huge.yaml', HUGE_PROMISE_YAML.replace('image: ghcr.io/acme/main:v1', 'image: 42'), f =>
    `${f}: cannot import Promise 'env': Kratix would reject its pipeline:\n  ${C0}.image: 42 is a whole number, not a string: Kratix cannot decode it (json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string); quote it: '42'`));

  test('an output file in a missing directory', () => {
    const out = t.path('no-such-dir/env.ts');
    fails('import', [t.file('ok.yaml', PROMISE_YAML), '-o', out], `${out}: cannot write file: ENOENT`);
  });

  test('no file', () => fails('import', [], 'expected one Promise file, got 0\nusage: cdk8s-kratix import PROMISE.yaml [-o FILE.ts] [--lenient]'));
  test('-o without a value', () => fails('import', [t.file('ok.yaml', PROMISE_YAML), '-o'], 'option -o needs a value'));
  test('an unknown option', () => fails('import', [t.file('ok.yaml', PROMISE_YAML), '--out', 'x.ts'], "unknown option '--out'; known options: --lenient, -o, --output"));

  test('--debug prints the stack trace', () => {
    const r = cli('import', t.path('missing.yaml'), '--debug');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^CliError: .*missing\.yaml: cannot read file: ENOENT\n {4}at /);
  });
});

describe('cdk8s-kratix audit', () => {
  const audits = (name: string, text: string | undefined, stderr: (file: string) => string, args: string[] = []) => {
    const file = text === undefined ? t.path(name) : t.file(name, text);
    fails('audit', [file, ...args], stderr(file));
  };
  const USAGE = 'usage: cdk8s-kratix audit FILE... [--json] [--fail-on critical|high|medium|low|info] [--kratix-config KRATIX-CONFIGMAP.yaml]';

  test('a missing file', () => audits('missing.yaml', undefined, f => `${f}: cannot read file: ENOENT`));
  test('an empty file', () => audits('empty.yaml', '', f => `${f}: no Promise found (0 documents); pass a file with kind: Promise documents`));
  test('a document that is not a Promise', () => audits('configmap.yaml', CONFIGMAP, f => `${f}: no Promise found (1 document, kinds "ConfigMap"); pass a file with kind: Promise documents`));
  test('malformed YAML', () => audits('unclosed.yaml', UNCLOSED, f =>
    `${f}: line 3, column 1: not valid YAML: Flow map in block collection must be sufficiently indented and end with a }`));
  test('a number where the image string belongs', () => audits('image.yaml', promiseWithContainer('              - name: main\n                image: 42\n'), f =>
    `${f}: document 1: ${C0}.image: 42 is a whole number, not a string: Kratix cannot decode it (json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string); quote it: '42'`));
  test('100,000 levels of nested YAML flow sequences', () => audits('deep.yaml', deepFlowSequence(100_000), f => `${f}: document 1: ${TOO_DEEP}`));
  test('100,000 levels of nested JSON objects', () => audits('deep.json', deepJsonObject(100_000), f => `${f}: document 1: ${TOO_DEEP}`));
  test('a 10 MB Promise with a bad image', () => audits('huge.yaml', HUGE_PROMISE_YAML.replace('image: ghcr.io/acme/main:v1', 'image: 42'), f =>
    `${f}: document 1: ${C0}.image: 42 is a whole number, not a string: Kratix cannot decode it (json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string); quote it: '42'`));

  test('a bad --fail-on value', () => fails('audit', [t.file('ok.yaml', PROMISE_YAML), '--fail-on', 'severe'], '--fail-on "severe": expected one of critical, high, medium, low, info'));
  test('an upper-case --fail-on value that is no severity', () => fails('audit', [t.file('ok.yaml', PROMISE_YAML), '--fail-on=WARNING'], '--fail-on "WARNING": expected one of critical, high, medium, low, info'));
  test('--fail-on without a value', () => fails('audit', [t.file('ok.yaml', PROMISE_YAML), '--fail-on'], 'option --fail-on needs a value'));
  test('a value for --json', () => fails('audit', [t.file('ok.yaml', PROMISE_YAML), '--json=true'], 'option --json takes no value'));
  test('an unknown option', () => fails('audit', [t.file('ok.yaml', PROMISE_YAML), '--format', 'json'], "unknown option '--format'; known options: --json, --fail-on, --kratix-config"));
  test('no file', () => fails('audit', [], `no file given\n${USAGE}`));
  test('a missing --kratix-config file', () => fails('audit', [t.file('ok.yaml', PROMISE_YAML), '--kratix-config', t.path('kratix.yaml')], `${t.path('kratix.yaml')}: cannot read file: ENOENT`));
  test('a --kratix-config whose data.config is not YAML', () => {
    const f = t.file('bad-config.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kratix\ndata:\n  config: "workflows: [unclosed"\n');
    const r = cli('audit', t.file('ok.yaml', PROMISE_YAML), '--kratix-config', f);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^cdk8s-kratix audit: ${f.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: data.config: line \\d+, column \\d+: not valid YAML: `));
  });

  test('--debug prints the stack trace', () => {
    const r = cli('audit', t.file('ok.yaml', PROMISE_YAML), '--fail-on', 'severe', '--debug');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^CliError: --fail-on "severe": expected one of critical, high, medium, low, info\n {4}at /);
  });
});

guardTest();
