import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import * as ts from 'typescript';
import * as lib from '../src';
import { parseYaml12, semanticDifference } from './support/semantic-equal';
import { generatePromiseModule } from '../src/codegen/promise-module';
import { printValue } from '../src/codegen/ts-value';
import { promiseDocuments, verifiedPlan } from '../src/import/promise-import';

const FIXTURES = path.join(__dirname, '..', '..', 'shared', 'fixtures', 'promises');
const fixtures = fs.readdirSync(FIXTURES).filter(f => f.endsWith('.yaml')).sort();

function generate(text: string, source = 'promise.yaml'): string {
  return generatePromiseModule(promiseDocuments(text).docs.map(doc => verifiedPlan(lib.KratixPromise, doc)), { source });
}

/** Transpiles a generated module (no type check) and runs it with `cdk8s-kratix` bound to the project's src. */
function load(module: string): Record<string, (scope: any, id?: string) => lib.KratixPromise> {
  const js = ts.transpileModule(module, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const exports: any = {};
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const requireFn = (m: string) => (m === 'cdk8s-kratix' ? lib : require(m));
  new Function('require', 'exports', 'module', js)(requireFn, exports, { exports });
  return exports;
}

function synthOne(build: (scope: any) => lib.KratixPromise): unknown {
  const chart = new Chart(Testing.app(), 'test');
  const promise = build(chart);
  try {
    const out = Testing.synth(chart);
    expect(out).toHaveLength(1);
    return out[0];
  } catch (e) {
    // A Promise Kratix's webhook would reject is not synthesized; compare its document instead.
    expect(String(e)).toMatch(/Validation failed/);
    return promise.toJson();
  }
}

describe('printValue', () => {
  test('writes identifier keys bare and other keys quoted', () => {
    expect(printValue({ 'a': 1, 'b-c': 2, 'kratix.io/x': 'y' })).toBe("{ a: 1, 'b-c': 2, 'kratix.io/x': 'y' }");
  });

  test('writes a string with a newline as a template literal, escaping backticks and ${', () => {
    expect(printValue('echo `date`\necho ${HOME} \\n')).toBe('`echo \\`date\\`\necho \\${HOME} \\\\n`');
  });

  test('escapes quotes in one-line strings', () => {
    expect(printValue("it's")).toBe("'it\\'s'");
  });

  test('keeps a carriage return escaped, since a template literal would turn it into a newline', () => {
    expect(printValue('a\r\nb')).toBe("'a\\r\\nb'");
  });

  test('breaks long lists over lines with trailing commas', () => {
    expect(printValue(['x'.repeat(50), 'y'.repeat(50)])).toBe(`[\n  '${'x'.repeat(50)}',\n  '${'y'.repeat(50)}',\n]`);
  });

  test('round-trips awkward strings through the TypeScript compiler', () => {
    const values = ['`${a}` \\ \' " \t \u2028', 'line\nwith `tick` and ${x} and \\', '\u0001\n', { __proto__: 1, yes: 'on', 0: 'x' }];
    for (const value of values) {
      const js = ts.transpileModule(`module.exports = ${printValue(value)};`, {}).outputText;
      const m: any = { exports: undefined };
      new Function('module', js)(m);
      expect(m.exports).toEqual(value);
    }
  });
});

describe('generated module', () => {
  const text = `
apiVersion: platform.kratix.io/v1alpha1
kind: Promise
metadata:
  name: env
  labels: { kratix.io/promise-version: v1.0.0, team: platform }
spec:
  api:
    apiVersion: apiextensions.k8s.io/v1
    kind: CustomResourceDefinition
    metadata: { name: envs.example.com }
    spec:
      group: example.com
      names: { kind: Env, plural: envs }
      scope: Namespaced
      versions: [{ name: v1, served: true, storage: true, schema: { openAPIV3Schema: { type: object } } }]
  workflows:
    config: { reconciliationInterval: 1h0m0s }
    resource:
      configure:
        - apiVersion: platform.kratix.io/v1alpha1
          kind: Pipeline
          metadata: { name: slack-notify, namespace: default }
          spec:
            restartPolicy: Never
            containers:
              - name: notify
                image: ghcr.io/example/notify:v1
                imagePullPolicy: IfNotPresent
                resources: { limits: { cpu: 100m, memory: 1 } }
                args:
                  - |
                    echo "\`hello\`" \${NAME}
                    exit 0
              - name: odd
                image: ghcr.io/example/odd:v1
                workingDir: /tmp
            volumes:
              - name: nfs
                nfs: { server: nfs.example.com, path: /exports }
      delete:
        - apiVersion: platform.kratix.io/v1alpha1
          kind: Pipeline
          metadata: { name: first }
          spec: { containers: [{ name: a, image: a }] }
        - apiVersion: platform.kratix.io/v1alpha1
          kind: Pipeline
          metadata: { name: second }
          spec: { containers: [{ name: b, image: b }] }
status: { observedGeneration: 2 }
`;
  const module = generatePromiseModule([verifiedPlan(lib.KratixPromise, parseYaml12(text)[0], { lenient: true })], { source: 'env.yaml' });

  test('exports one function named after the Promise, with the Promise name as default id', () => {
    expect(module).toContain("export function envPromise(scope: Construct, id = 'env'): KratixPromise {");
    expect(module).toMatch(/^import \{ Duration \} from 'cdk8s';$/m);
    expect(module).toMatch(/^import \{ ImagePullPolicy, k8s, RestartPolicy \} from 'cdk8s-plus-28';$/m);
    expect(module).toMatch(/^import \{ KratixPromise, Pipeline, PromiseApi, WorkflowAction, WorkflowType \} from 'cdk8s-kratix';$/m);
  });

  test('uses typed props where they express the input, escape hatches elsewhere', () => {
    expect(module).toContain('version: \'v1.0.0\'');
    expect(module).toContain('reconciliationInterval: Duration.hours(1)');
    expect(module).toContain('restartPolicy: RestartPolicy.NEVER');
    expect(module).toContain('imagePullPolicy: ImagePullPolicy.IF_NOT_PRESENT');
    expect(module).toContain("cpu: k8s.Quantity.fromString('100m'),\n");
    expect(module).toContain('memory: k8s.Quantity.fromNumber(1),\n');
    expect(module).toContain("slackNotifyPipeline.addContainerManifest({ name: 'odd', image: 'ghcr.io/example/odd:v1', workingDir: '/tmp' });");
    expect(module).toContain("slackNotifyPipeline.addOverride('metadata.namespace', 'default');");
    expect(module).toContain("promise.addOverride('status', { observedGeneration: 2 });");
    expect(module).toContain("new Pipeline(resourceDelete, 'second', {");
  });

  test('writes scripts as template literals', () => {
    expect(module).toContain('`echo "\\`hello\\`" \\${NAME}\nexit 0\n`');
  });

  test('synthesizes the input again', () => {
    const { envPromise } = load(module);
    expect(semanticDifference(synthOne(s => envPromise(s)), parseYaml12(text)[0])).toBeUndefined();
  });

  test('type-checks against the library', () => {
    expect(typeCheck({ 'env.ts': module, 'rbac.ts': generate(fs.readFileSync(path.join(FIXTURES, 'syntasso+kratix__test-system-assets-rbac-promise.yaml'), 'utf8')) })).toEqual([]);
  });
});

/**
 * The diagnostics of `tsc --strict --noUnusedLocals` on generated modules, all in one program
 * (one program checks the library once), with `cdk8s-kratix` bound to the project's src.
 */
function typeCheck(modules: Record<string, string>): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-kratix-codegen-'));
  const files = Object.entries(modules).map(([name, text]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  });
  const root = path.join(__dirname, '..');
  const program = ts.createProgram(files, {
    noEmit: true,
    strict: true,
    noUnusedLocals: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    skipLibCheck: true,
    types: ['node'],
    typeRoots: [path.join(root, 'node_modules', '@types')],
    baseUrl: root,
    paths: { 'cdk8s-kratix': ['src'], '*': ['node_modules/*'] },
  });
  const diagnostics = ts.getPreEmitDiagnostics(program).map(d => {
    const where = d.file ? `${path.basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` : '';
    return `${where}TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
  fs.rmSync(dir, { recursive: true, force: true });
  return diagnostics;
}

describe('a Promise that Kubernetes or Kratix would reject, as found in the marketplace', () => {
  const promise = (name: string, spec: string) => `apiVersion: platform.kratix.io/v1alpha1\nkind: Promise\nmetadata: {name: ${name}}\nspec:\n${spec}`;
  const cases: Array<[string, string]> = [
    // workshop-app-promise: Kubernetes requires secretKeyRef.key, the k8s types make it required.
    ['a secretKeyRef without key', promise('app', `  workflows:
    promise:
      configure:
        - apiVersion: platform.kratix.io/v1alpha1
          kind: Pipeline
          metadata: {name: p}
          spec:
            containers:
              - name: c
                image: ghcr.io/acme/app:v1
                env:
                  - {name: TOKEN, valueFrom: {secretKeyRef: {name: gh}}}
`)],
    // kubeflow-pipelines: an API whose apiVersion is not apiextensions.k8s.io/v1.
    ['an API of apiextensions.k8s.io/v1alpha1', promise('kf', `  api:
    apiVersion: apiextensions.k8s.io/v1alpha1
    kind: CustomResourceDefinition
    metadata: {name: kfs.example.com}
    spec:
      group: example.com
      names: {kind: Kf, plural: kfs}
      scope: Namespaced
      versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}]
`)],
  ];

  test.each(cases)('%s: the generated module synthesizes, the same Promise as fromYaml', (_, text) => {
    const [build] = Object.values(load(generate(text)));
    const chart = new Chart(Testing.app(), 'test');
    build(chart);
    const [generated] = Testing.synth(chart);
    expect(generated).toEqual(synthOne(s => lib.KratixPromise.fromYaml(s, 'imported', text)));
    expect(semanticDifference(generated, parseYaml12(text)[0])).toBeUndefined();
  });

  test('the generated modules pass tsc --strict, with every fixture\'s (one program)', () => {
    const modules: Record<string, string> = Object.fromEntries(cases.map(([, text], i) => [`case${i}.ts`, generate(text)]));
    fixtures.forEach((file, i) => { modules[`fixture${i}.ts`] = generate(fs.readFileSync(path.join(FIXTURES, file), 'utf8'), file); });
    expect(typeCheck(modules)).toEqual([]);
  });
});

describe('every fixture, generated, compiled and synthesized', () => {
  test.each(fixtures)('%s synthesizes the same Promise as KratixPromise.fromYaml', (file) => {
    const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
    const functions = Object.values(load(generate(text, file)));
    if (functions.length !== 1) return expect(functions.length).toBeGreaterThan(1);
    expect(synthOne(s => functions[0](s))).toEqual(synthOne(s => lib.KratixPromise.fromYaml(s, 'imported', text)));
  });

  test.each(fixtures)('%s', (file) => {
    const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
    const module = generate(text, file);
    const functions = Object.values(load(module));
    const input = parseYaml12(text).filter((d: any) => d?.kind === 'Promise');
    expect(functions).toHaveLength(input.length);
    functions.forEach((build, i) => expect(semanticDifference(synthOne(s => build(s)), input[i])).toBeUndefined());
  });
});
