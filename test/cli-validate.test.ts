import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CliError, CliIo } from '../src/cli/io';
import { main } from '../src/cli/main';
import { validate } from '../src/cli/validate';
import { NO_API_PROBLEM } from '../src/validate';
import { API_YAML } from './support/promise-api';

const FIXTURES = path.join(__dirname, '..', '..', 'shared', 'fixtures', 'promises');

function fakeIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => { io.out += text; },
    stderr: (text: string) => { io.err += text; },
    readFile: (name: string) => {
      try {
        return fs.readFileSync(name, 'utf8');
      } catch (e: any) {
        throw new CliError(`${name}: cannot read file: ${e.code}`);
      }
    },
    writeFile: () => { throw new Error('validate must not write files'); },
  };
  return io;
}

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-kratix-validate-')); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
}

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
            name: slack-notify
          spec:
            containers:
              - name: notify
                image: ghcr.io/acme/notify:v1
`;

function run(...args: string[]) {
  const io = fakeIo();
  const code = validate(args, io);
  return { code, out: io.out, err: io.err };
}

describe('cdk8s-kratix validate', () => {
  test('prints nothing on stdout and exits 0 for a valid Promise', () => {
    const f = file('ok.yaml', PROMISE);
    expect(run(f)).toEqual({ code: 0, out: '', err: '1 file checked: 0 errors, 0 warnings\n' });
  });

  test('prints FILE: PATH: message per error and exits 1', () => {
    const f = file('bad.yaml', PROMISE.replace('name: notify', 'name: Notify').replace('image: ghcr.io/acme/notify:v1', 'image: ""'));
    const { code, out } = run(f);
    expect(code).toBe(1);
    expect(out).toBe(
      `${f}: spec.workflows.resource.configure[0].spec.containers[0].name: container name 'Notify' must be a DNS-1123 label (lower case letters, digits and '-', at most 63 characters)\n`
      + `${f}: spec.workflows.resource.configure[0].spec.containers[0].image: container 'Notify' has no image: Kubernetes rejects a container without one; set image\n`,
    );
  });

  test('prints warnings with "warning:" and exits 0 when there are only warnings', () => {
    const f = file('warn.yaml', PROMISE.replace('name: slack-notify', 'name: slack-notify\n            namespace: default'));
    const { code, out } = run(f);
    expect(code).toBe(0);
    expect(out).toBe(`${f}: spec.workflows.resource.configure[0].metadata.namespace: warning: Kratix ignores a pipeline's namespace 'default': pipelines run in the Promise's pipeline namespace (spec.workflows.config.pipelineNamespace); remove it\n`);
  });

  test('starts paths with the document index in multi-document files, skipping empty documents and other kinds', () => {
    const f = file('multi.yaml', `---\n${PROMISE}---\n# nothing here\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n---\n${PROMISE.replace('name: env', 'name: Env')}`);
    const { code, out } = run(f);
    expect(code).toBe(1);
    expect(out).toBe(
      `${f}: [1].kind: warning: document is a Namespace, not a Promise: skipped\n`
      + `${f}: [2].metadata.name: Promise name 'Env' must be a DNS-1123 label (lower case letters, digits and '-', at most 63 characters): Kratix uses it in label values and in the names of pipeline objects\n`,
    );
  });

  test('refuses a file without any Promise', () => {
    const f = file('objects.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: y\n');
    const { code, out } = run(f);
    expect(code).toBe(1);
    expect(out).toContain(`${f}: [0].kind: document is a Namespace, not a Promise`);
  });

  test('reports unknown pipeline fields as errors, or as warnings with --lenient', () => {
    const f = file('unknown.yaml', PROMISE.replace('image: ghcr.io/acme/notify:v1', 'image: ghcr.io/acme/notify:v1\n                workingDir: /tmp'));
    const strict = run(f);
    expect(strict.code).toBe(1);
    expect(strict.out).toMatch(/^.*unknown\.yaml: spec\.workflows\.resource\.configure\[0\]\.spec\.containers\[0\]\.workingDir: unknown field 'workingDir' in a Kratix Container/);
    const lenient = run('--lenient', f);
    expect(lenient.code).toBe(0);
    expect(lenient.out).toMatch(/workingDir: warning: unknown field 'workingDir'/);
  });

  test('reports malformed YAML with line and column', () => {
    const f = file('broken.yaml', 'apiVersion: platform.kratix.io/v1alpha1\nkind: Promise\nspec: [\n');
    const { code, out } = run(f);
    expect(code).toBe(1);
    expect(out).toMatch(new RegExp(`^${f.replace(/[.\\]/g, '\\$&')}: line \\d+, column \\d+: not valid YAML: .+\\n$`));
  });

  test('reads YAML 1.2: yes is a string', () => {
    const f = file('yaml12.yaml', PROMISE.replace('name: env', 'name: env\n  labels:\n    enabled: yes'));
    expect(run(f).code).toBe(0);
  });

  test('reports a file that cannot be read and goes on with the others', () => {
    const ok = file('ok2.yaml', PROMISE);
    const missing = path.join(dir, 'missing.yaml');
    const { code, out } = run(missing, ok);
    expect(code).toBe(1);
    expect(out).toBe(`${missing}: cannot read file: ENOENT\n`);
  });

  test('reports a file without documents', () => {
    const f = file('empty.yaml', '# only a comment\n');
    expect(run(f)).toEqual(expect.objectContaining({ code: 1, out: `${f}: the file has no document: expected a Promise\n` }));
  });

  test('survives a deeply nested document', () => {
    const f = file('deep.yaml', `${PROMISE}  dependencies:\n    - kind: X\n      deep: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    expect(() => run(f)).not.toThrow();
  });

  test('needs at least one file', () => {
    expect(() => run()).toThrow(new CliError('no file given\nusage: cdk8s-kratix validate FILE... [--lenient]'));
  });

  test('validates every fixture without errors but Kratix\'s placeholder sample', () => {
    const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml')).map((f) => path.join(FIXTURES, f));
    const { out } = run(...files);
    const errorLines = out.split('\n').filter((l) => l !== '' && !/: warning: /.test(l));
    // Kratix's placeholder sample (4 errors) and a docs excerpt that elides its API but has a resource workflow.
    const excerpt = 'writing-a-promise-05-resource-workflow.yaml';
    expect(errorLines.filter((l) => !l.includes(excerpt)).every((l) => l.includes('config-samples-platform_v1alpha1_promise.yaml'))).toBe(true);
    // Kratix's placeholder sample: apiVersion, kind, no versions, and a plural and singular that apiextensions
    // rejects (not DNS-1035 labels); the docs excerpt without its API.
    expect(errorLines).toHaveLength(6);
    expect(errorLines.filter((l) => l.includes(excerpt))).toEqual([expect.stringContaining(`${excerpt}: spec.api: ${NO_API_PROBLEM}`)]);
  });

  test('is the validate command of the cdk8s-kratix program', () => {
    const f = file('main.yaml', PROMISE.replace('name: notify', 'name: reader'));
    const io = fakeIo();
    expect(main(['validate', f], io)).toBe(1);
    expect(io.out).toMatch(/container name 'reader' is reserved/);
  });
});
