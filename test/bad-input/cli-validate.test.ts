import { cli, deepFlowSequence, deepJsonObject, guardTest, HUGE_PROMISE_YAML, PROMISE_YAML, promiseWithContainer, STACK_LINE, tempFiles } from './support';

// `cdk8s-kratix validate` with bad input: exit code 1, one line per problem on stdout naming the
// file, the field, the bad value and the fix, a summary on stderr, and never a stack trace.

const t = tempFiles();
const TOO_DEEP = 'nested too deeply: the YAML parser follows at most a few hundred levels of [ ] and { }, and no Kubernetes object needs that many; flatten it';
const C0 = 'spec.workflows.resource.configure[0].spec.containers[0]';

/** validate of one file with `text`: its problem lines (the file name replaced by FILE). */
function problems(name: string, text: string | undefined): string {
  const file = text === undefined ? t.path(name) : t.file(name, text);
  const r = cli('validate', file);
  expect(r.code).toBe(1);
  expect(r.stderr).toBe('1 file checked: 1 error, 0 warnings\n');
  expect(r.stdout).not.toMatch(STACK_LINE);
  return r.stdout.split(file).join('FILE');
}

function usageError(args: string[], stderr: string): void {
  const r = cli('validate', ...args);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toEqual(`cdk8s-kratix validate: ${stderr}\n`);
}

describe('cdk8s-kratix validate', () => {
  test('a missing file', () => expect(problems('missing.yaml', undefined)).toEqual('FILE: cannot read file: ENOENT\n'));
  test('an empty file', () => expect(problems('empty.yaml', '')).toEqual('FILE: the file has no document: expected a Promise\n'));
  test('a file with only a document separator', () => expect(problems('separator.yaml', '---\n')).toEqual('FILE: the file has no document: expected a Promise\n'));

  test('malformed YAML', () => expect(problems('unclosed.yaml', 'kind: Promise\nmetadata: {name: env\n')).toEqual(
    'FILE: line 3, column 1: not valid YAML: Flow map in block collection must be sufficiently indented and end with a }\n'));

  test('a duplicate key', () => expect(problems('duplicate.yaml', 'kind: Promise\nkind: Promise\n')).toEqual(
    'FILE: line 2, column 1: not valid YAML: Map keys must be unique\n'));

  test('a document that is not a Promise', () => expect(problems('configmap.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n')).toEqual(
    'FILE: kind: document is a ConfigMap, not a Promise: validate only Promise documents (kind: Promise, apiVersion: platform.kratix.io/v1alpha1)\n'));

  test('a document that is a string', () => expect(problems('scalar.yaml', 'hello\n')).toEqual(
    "FILE: a Promise must be a map with apiVersion, kind, metadata and spec, not 'hello'\n"));

  test('a Pipeline with a wrong kind', () => expect(problems('job-kind.yaml', PROMISE_YAML.replace('kind: Pipeline', 'kind: Job'))).toEqual(
    'FILE: spec.workflows.resource.configure[0].kind: unsupported pipeline "deploy" with APIVersion "Job/platform.kratix.io/v1alpha1": set kind: Pipeline and apiVersion: platform.kratix.io/v1alpha1\n'));

  test('a Pipeline with a wrong apiVersion', () => expect(problems('v1.yaml', PROMISE_YAML.replace('- apiVersion: platform.kratix.io/v1alpha1', '- apiVersion: platform.kratix.io/v1'))).toEqual(
    'FILE: spec.workflows.resource.configure[0].apiVersion: unsupported pipeline "deploy" with APIVersion "Pipeline/platform.kratix.io/v1": set kind: Pipeline and apiVersion: platform.kratix.io/v1alpha1\n'));

  test('a number where the image string belongs', () => expect(problems('image.yaml', promiseWithContainer('              - name: main\n                image: 42\n'))).toEqual(
    `FILE: ${C0}.image: 42 is a whole number, not a string: Kratix cannot decode it (json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string); quote it: '42'\n`));

  test('a number as an env value', () => expect(problems('env-number.yaml', promiseWithContainer('              - name: main\n                image: i:v1\n                env:\n                  - name: PORT\n                    value: 8080\n'))).toEqual(
    `FILE: ${C0}.env[0].value: 8080 is a whole number, not a string: Kratix cannot decode it (json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string); quote it: '8080'\n`));

  test('a boolean as an env value', () => expect(problems('env-bool.yaml', promiseWithContainer('              - name: main\n                image: i:v1\n                env:\n                  - name: DEBUG\n                    value: true\n'))).toEqual(
    `FILE: ${C0}.env[0].value: true is a boolean, not a string: Kratix cannot decode it (json: cannot unmarshal bool into Go struct field EnvVar.spec.containers.env.value of type string); quote it: 'true'\n`));

  test('100,000 levels of nested YAML flow sequences', () => expect(problems('deep.yaml', deepFlowSequence(100_000))).toEqual(`FILE: document 1: ${TOO_DEEP}\n`));
  test('100,000 levels of nested JSON objects', () => expect(problems('deep.json', deepJsonObject(100_000))).toEqual(`FILE: document 1: ${TOO_DEEP}\n`));

  test('a 10 MB file with one bad field', () => expect(problems('huge.yaml', HUGE_PROMISE_YAML.replace('image: ghcr.io/acme/main:v1', 'image: 42'))).toEqual(
    `FILE: ${C0}.image: 42 is a whole number, not a string: Kratix cannot decode it (json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string); quote it: '42'\n`));

  test('no file', () => usageError([], 'no file given\nusage: cdk8s-kratix validate FILE... [--lenient]'));
  test('an unknown option', () => usageError([t.file('ok.yaml', PROMISE_YAML), '--strict'], "unknown option '--strict'; known options: --lenient"));
  test('a value for a switch', () => usageError([t.file('ok.yaml', PROMISE_YAML), '--lenient=yes'], 'option --lenient takes no value'));
});

guardTest();
