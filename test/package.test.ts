import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments, stringify } from 'yaml';
import { packLibrary, writeTypeScriptApp } from './support/packed-library';

// The published-package check: pack the jsii build, install the tarball into a fresh cdk8s
// TypeScript app outside the repository, and synthesize a Promise there, as an npm user would.
// `npm test` compiles lib/ before jest runs.
const ROOT = path.resolve(__dirname, '..');

describe('the packed library, installed into a new cdk8s app', () => {
  let app: string;
  let synthesized: any[];

  beforeAll(() => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-kratix-app-'));
    const packed = packLibrary(tmp);
    app = path.join(tmp, 'app');
    writeTypeScriptApp(app, { 'cdk8s-kratix': packed }, [
      "import { App, Chart, Duration } from 'cdk8s';",
      "import { ApiResource, EnvValue } from 'cdk8s-plus-28';",
      "import { KratixPromise, PermissionScope, PromiseApi, WorkflowAction, WorkflowType } from 'cdk8s-kratix';",
      '',
      'const app = new App();',
      "const chart = new Chart(app, 'platform');",
      "const promise = new KratixPromise(chart, 'redis', {",
      "  api: PromiseApi.of({ group: 'marketplace.kratix.io', kind: 'Redis' }),",
      '  reconciliationInterval: Duration.hours(2),',
      '});',
      "const pipeline = promise.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'instance', {",
      "  containers: [{ name: 'deploy', image: 'ghcr.io/acme/redis-deploy:v1', env: { TIER: EnvValue.fromValue('dev') } }],",
      '});',
      "pipeline.rbac.allowRead([ApiResource.SECRETS], { scope: PermissionScope.namedNamespace('redis-secrets') });",
      'app.synth();',
      '',
    ].join('\n'));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: app, stdio: 'pipe' });
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', app], { cwd: app, stdio: 'pipe' });
    execFileSync(process.execPath, ['main.js'], { cwd: app, stdio: 'pipe' });
    synthesized = parseAllDocuments(fs.readFileSync(path.join(app, 'dist', 'platform.k8s.yaml'), 'utf8')).map(d => d.toJS());
  }, 300_000);

  test('the app type-checks against the published typings and synthesizes the Promise', () => {
    expect(synthesized).toHaveLength(1);
    const promise = synthesized[0];
    expect(promise.kind).toBe('Promise');
    expect(promise.spec.api.metadata.name).toBe('redises.marketplace.kratix.io');
    expect(promise.spec.workflows.config.reconciliationInterval).toBe('2h0m0s');
    expect(promise.spec.workflows.resource.configure[0].spec).toEqual({
      containers: [{ name: 'deploy', image: 'ghcr.io/acme/redis-deploy:v1', env: [{ name: 'TIER', value: 'dev' }] }],
      rbac: { permissions: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch'], resourceNamespace: 'redis-secrets' }] },
    });
  });

  test('the package ships its command line as the bin cdk8s-kratix', () => {
    const out = execFileSync(path.join(app, 'node_modules', '.bin', 'cdk8s-kratix'), ['--help'], { cwd: app, encoding: 'utf8' });
    expect(out).toContain('usage: cdk8s-kratix <command>');
  });

  test('validate checks CEL rules with the bundled parser, an ES module', () => {
    const promise = structuredClone(synthesized[0]);
    promise.spec.api.spec.versions[0].schema.openAPIV3Schema['x-kubernetes-validations'] = [{ rule: 'self.spec.size >=' }];
    const file = path.join(app, 'bad-cel.yaml');
    fs.writeFileSync(file, stringify(promise));
    const r = spawnSync(path.join(app, 'node_modules', '.bin', 'cdk8s-kratix'), ['validate', file], { cwd: app, encoding: 'utf8' });
    expect(r.stderr).toBe('1 file checked: 1 error, 0 warnings\n');
    expect(r.stdout).toContain("spec.api.spec.versions[0].schema.openAPIV3Schema.x-kubernetes-validations[0].rule: the validation rule 'self.spec.size >=' is not CEL: Unexpected token: EOF at character 18");
    expect(r.status).toBe(1);
  });
});

/** The bundled dependencies and, recursively, the dependencies npm hoisted beside them, which it bundles too. */
function bundledClosure(direct: string[]): string[] {
  const found = new Set<string>();
  const visit = (dep: string): void => {
    const manifest = path.join(ROOT, 'node_modules', dep, 'package.json');
    if (found.has(dep) || !fs.existsSync(manifest)) return;
    found.add(dep);
    Object.keys(JSON.parse(fs.readFileSync(manifest, 'utf8')).dependencies ?? {}).forEach(visit);
  };
  direct.forEach(visit);
  return [...found];
}

describe('the npm tarball (npm pack --dry-run)', () => {
  // What users need and nothing else: the compiled library and its typings, the command line, the
  // jsii assembly and API docs, the README and LICENSE, and the bundled dependencies as published.
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const SHIPPED = [
    /^lib\/.+\.(js|d\.ts)$/,
    /^bin\/cdk8s-kratix$/,
    /^(package\.json|README\.md|LICENSE|API\.md|\.jsii)$/,
    ...bundledClosure(pkg.bundledDependencies).map(dep => new RegExp(`^node_modules/${dep}/`)),
  ];
  let files: string[];

  beforeAll(() => {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--loglevel=error'], { cwd: ROOT, encoding: 'utf8' }));
    files = packed.files.map((f: { path: string }) => f.path);
  });

  test('holds only lib/ (JavaScript and typings), bin/, the docs, LICENSE, .jsii and the bundled dependencies', () => {
    expect(files.filter(f => !SHIPPED.some(re => re.test(f)))).toEqual([]);
  });

  test('holds everything a user runs: the library, its typings, every file package.json points at, the CLI and the assembly', () => {
    const pointedAt = [pkg.main, pkg.types, ...Object.values(pkg.bin as Record<string, string>)].map(f => path.normalize(f));
    expect(files).toEqual(expect.arrayContaining([...pointedAt, '.jsii', 'API.md', 'README.md', 'LICENSE', ...pkg.bundledDependencies.map((d: string) => `node_modules/${d}/package.json`)]));
    const compiled = (fs.readdirSync(path.join(ROOT, 'lib'), { recursive: true }) as string[]).filter(f => /\.(js|d\.ts)$/.test(f)).map(f => path.join('lib', f));
    expect(files.filter(f => f.startsWith('lib/')).sort()).toEqual(compiled.sort());
  });

  test('holds no TypeScript sources, source maps, tests, CI, scripts, examples, benchmarks or build configuration of ours', () => {
    const ours = files.filter(f => !f.startsWith('node_modules/'));
    expect(ours.filter(f => /(\.map|(?<!\.d)\.ts|tsconfig[^/]*\.json|\.projenrc\.ts)$/.test(f) || /^(\.ci|scripts|test|examples|bench|projenrc|src|\.projen)\//.test(f))).toEqual([]);
  });
});
