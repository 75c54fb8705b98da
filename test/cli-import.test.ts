import { API_YAML } from './support/promise-api';
import { CliError, CliIo } from '../src/cli/io';
import { main } from '../src/cli/main';

const PROMISE = `apiVersion: platform.kratix.io/v1alpha1
kind: Promise
metadata:
  name: env
spec:
${API_YAML}  workflows:
    resource:
      configure:
        - apiVersion: platform.kratix.io/v1alpha1
          kind: Pipeline
          metadata:
            name: notify
            namespace: default
          spec:
            containers:
              - name: notify
                image: ghcr.io/example/notify:v1
`;

class FakeIo implements CliIo {
  public out = '';
  public err = '';
  public readonly written: Record<string, string> = {};
  constructor(private readonly files: Record<string, string>) {}
  public stdout(text: string): void { this.out += text; }
  public stderr(text: string): void { this.err += text; }
  public readFile(path: string): string {
    if (!(path in this.files)) throw new CliError(`${path}: cannot read file: ENOENT`);
    return this.files[path];
  }
  public writeFile(path: string, text: string): void { this.written[path] = text; }
}

function run(args: string[], files: Record<string, string>): { code: number; io: FakeIo } {
  const io = new FakeIo(files);
  return { code: main(['import', ...args], io), io };
}

describe('cdk8s-kratix import', () => {
  test('prints the module on stdout and warnings on stderr, naming the file', () => {
    const { code, io } = run(['env.yaml'], { 'env.yaml': PROMISE });
    expect(code).toBe(0);
    expect(io.out).toContain("export function envPromise(scope: Construct, id = 'env'): KratixPromise {");
    expect(io.out).toContain("import { KratixPromise, PromiseApi, ResourceRequest, WorkflowAction, WorkflowType } from 'cdk8s-kratix';");
    expect(io.out).toContain('export class EnvRequest extends ResourceRequest');
    expect(io.err).toBe("env.yaml: warning: spec.workflows.resource.configure[0].metadata.namespace: Kratix ignores a pipeline's namespace 'default': "
      + "pipelines run in the Promise's pipeline namespace (spec.workflows.config.pipelineNamespace); remove it\n");
  });

  test('writes the module to the file given with -o', () => {
    const { code, io } = run(['env.yaml', '-o', 'env.ts'], { 'env.yaml': PROMISE });
    expect(code).toBe(0);
    expect(io.out).toBe('');
    expect(io.written['env.ts']).toContain('export function envPromise(');
  });

  test('writes one function per Promise of a multi-document file, and skips other documents', () => {
    const other = PROMISE.replace('name: env', 'name: other-env');
    const { code, io } = run(['--output=all.ts', 'all.yaml'], { 'all.yaml': `${PROMISE}---\napiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n---\n${other}` });
    expect(code).toBe(0);
    expect(io.written['all.ts']).toContain('export function envPromise(');
    expect(io.written['all.ts']).toContain("export function otherEnvPromise(scope: Construct, id = 'other-env'): KratixPromise {");
    expect(io.err).toContain('all.yaml: warning: [document 2]: document 2 is a Namespace, not a Promise: not imported\n');
  });

  describe('when Kratix would reject a pipeline', () => {
    const bad = PROMISE.replace('image: ghcr.io/example/notify:v1', 'image: ghcr.io/example/notify:v1\n                workingDir: /tmp');

    test('fails with the file, the field and the value, without a stack trace', () => {
      const { code, io } = run(['env.yaml'], { 'env.yaml': bad });
      expect(code).toBe(1);
      expect(io.out).toBe('');
      expect(io.err).toMatch(/^cdk8s-kratix import: env\.yaml: cannot import Promise 'env': Kratix would reject its pipeline:\n {2}spec\.workflows\.resource\.configure\[0\]\.spec\.containers\[0\]\.workingDir: unknown field 'workingDir'/);
      expect(io.err).toContain('--lenient');
      expect(io.err).not.toMatch(/\n\s+at /);
    });

    test('with --lenient, keeps the field and warns', () => {
      const { code, io } = run(['env.yaml', '--lenient'], { 'env.yaml': bad });
      expect(code).toBe(0);
      expect(io.out).toContain("workingDir: '/tmp'");
      expect(io.err).toContain("env.yaml: warning: spec.workflows.resource.configure[0].spec.containers[0].workingDir: unknown field 'workingDir'");
    });

    test('fails on a wrong Pipeline kind', () => {
      const { code, io } = run(['env.yaml'], { 'env.yaml': PROMISE.replace('kind: Pipeline', 'kind: Job') });
      expect(code).toBe(1);
      expect(io.err).toContain('env.yaml: cannot import Promise \'env\': Kratix would reject its pipeline:\n  spec.workflows.resource.configure[0].kind: unsupported pipeline "notify" with APIVersion "Job/platform.kratix.io/v1alpha1"');
    });
  });

  test('names functions and variables without shadowing the library', () => {
    const text = PROMISE.replace('name: env', 'name: promise').replace('name: notify', 'name: pipeline');
    const { io } = run(['p.yaml'], { 'p.yaml': text });
    expect(io.out).toContain("export function promisePromise(scope: Construct, id = 'promise'): KratixPromise {");
    expect(io.out).toContain('const pipelinePipeline = promise.addPipeline(');
  });

  test('fails on a file without a Promise', () => {
    const { code, io } = run(['ns.yaml'], { 'ns.yaml': 'apiVersion: v1\nkind: Namespace\n' });
    expect(code).toBe(1);
    expect(io.err).toBe('cdk8s-kratix import: ns.yaml: no Promise document (kind: Promise) in the file\n');
  });

  test('fails on invalid YAML, naming the file and the line', () => {
    const { code, io } = run(['bad.yaml'], { 'bad.yaml': 'kind: Promise\nmetadata: [\n' });
    expect(code).toBe(1);
    expect(io.err).toMatch(/^cdk8s-kratix import: bad\.yaml: line \d+, column \d+: not valid YAML: /);
  });

  test('fails on a missing file', () => {
    const { code, io } = run(['missing.yaml'], {});
    expect(code).toBe(1);
    expect(io.err).toBe('cdk8s-kratix import: missing.yaml: cannot read file: ENOENT\n');
  });

  test('fails without exactly one file', () => {
    const { code, io } = run([], {});
    expect(code).toBe(1);
    expect(io.err).toContain('usage: cdk8s-kratix import PROMISE.yaml [-o FILE.ts] [--lenient]');
  });

  test('prints a stack trace with --debug', () => {
    const io = new FakeIo({ 'ns.yaml': 'kind: Namespace\n' });
    expect(main(['import', 'ns.yaml', '--debug'], io)).toBe(1);
    expect(io.err).toMatch(/\n\s+at /);
  });
});
