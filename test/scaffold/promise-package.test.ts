import { execFileSync, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { packLibrary, ROOT, writeTypeScriptApp } from '../support/packed-library';

// The Promise-package chain of README "Publishing a Promise as a construct package", as a user
// runs it, against this library packed as a tarball: `cdk8s-kratix init promise` into a temporary
// folder; `npm install` with the tarball for cdk8s-kratix; `npm run projen` (projen's first
// synthesis, which installs its tool chain); the build (jsii compile, docgen, the package's jest
// tests and eslint, `npm pack` by jsii-pacmak); then a second app installs both tarballs, requires
// the package's Promise from a compound Promise and synthesizes.
//
// Not part of jest's default suite (testPathIgnorePatterns): `npm run test:scaffold` runs it,
// once per CI run (.ci/run). It uses the npm registry for what the local npm cache lacks.

const NAME = 'redis';
const GROUP = 'example.kratix.io';
const KIND = 'Redis';
const LIBRARY = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** npm settings for every install of the chain, projen's own included: the local cache first. */
const NPM_ENV = { npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

const timings: Array<[string, number]> = [];
let failed: string | undefined;
let checkFailed = false;

/**
 * Runs a command, timed under `label`; a non-zero exit is an error with the command, its folder
 * and its whole output. `ci` sets CI=true (projen's CI mode: `npm ci`, JavaScript packaging only);
 * otherwise CI is unset, whatever the caller's environment, because projen's first synthesis
 * must `npm install` (its `npm ci` would reject the bootstrap lockfile).
 */
function run(label: string, cwd: string, command: string, args: string[], ci = false): string {
  const env: NodeJS.ProcessEnv = { ...process.env, ...NPM_ENV };
  delete env.CI;
  if (ci) env.CI = 'true';
  const start = Date.now();
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  timings.push([label, (Date.now() - start) / 1000]);
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0) {
    throw new Error(`${label}: \`${[command, ...args].join(' ')}\` in ${cwd} ${r.error ? `failed to start: ${r.error.message}` : `exited with ${r.status ?? r.signal}`}; its output:\n${output}`);
  }
  return output;
}

/** Runs `body` as a step of the chain, unless an earlier step failed (then it says which). */
function step(name: string, body: () => void, timeout = 600_000): void {
  test(name, () => {
    if (failed) throw new Error(`not run: the earlier step "${failed}" failed`);
    try {
      body();
    } catch (e) {
      failed = name;
      throw e;
    }
  }, timeout);
}

/** A check of the chain's result, once every step has passed. */
function check(name: string, body: () => void): void {
  test(name, () => {
    if (failed) throw new Error(`not run: the step "${failed}" failed`);
    try {
      body();
    } catch (e) {
      checkFailed = true;
      throw e;
    }
  });
}

function filesUnder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string): void => fs.readdirSync(d, { withFileTypes: true }).forEach(e => {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else files[path.relative(dir, p)] = fs.readFileSync(p, 'utf8');
  });
  walk(dir);
  return files;
}

function tarList(tarball: string): string[] {
  return execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map(f => f.replace(/^package\//, '')).sort();
}

describe('a Promise package: scaffolded, installed against the packed library, built with projen, packed, and composed by another app', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'promise-package-'));
  const pkg = path.join(tmp, NAME);
  const app = path.join(tmp, 'platform-app');
  let library: string;
  let scaffolded: Record<string, string>;
  let packageTarball: string;
  let synthesized: any[];

  afterAll(() => {
    const total = timings.reduce((sum, [, s]) => sum + s, 0);
    const outcome = failed ? `failed at "${failed}"` : checkFailed ? 'built, but a check failed' : 'passed';
    console.log(`Promise-package chain on Node.js ${process.version} (${outcome}${failed || checkFailed ? `; files kept in ${tmp}` : ''}):\n${
      timings.map(([s, t]) => `  ${s.padEnd(44)} ${t.toFixed(1).padStart(6)} s`).join('\n')}\n  ${'total'.padEnd(44)} ${total.toFixed(1).padStart(6)} s`);
    if (!failed && !checkFailed) fs.rmSync(tmp, { recursive: true, force: true });
  });

  step('npm pack the library (compiled by the task first)', () => {
    const start = Date.now();
    library = packLibrary(tmp);
    timings.push(['npm pack cdk8s-kratix', (Date.now() - start) / 1000]);
    expect(path.basename(library)).toBe(`cdk8s-kratix-${LIBRARY.version}.tgz`);
  });

  step('cdk8s-kratix init promise', () => {
    run('cdk8s-kratix init promise', tmp, process.execPath, [path.join(ROOT, 'bin', 'cdk8s-kratix'), 'init', 'promise', NAME, '--group', GROUP, '--kind', KIND, '--dir', pkg]);
    scaffolded = filesUnder(pkg);
    expect(JSON.parse(scaffolded['package.json']).devDependencies['cdk8s-kratix']).toBe('>=0.0.0');
  });

  step('npm install, with the packed library for cdk8s-kratix', () => {
    run('npm install (cdk8s-kratix from the tarball)', pkg, 'npm', ['install', '--loglevel=error', path.relative(pkg, library)]);
    expect(JSON.parse(fs.readFileSync(path.join(pkg, 'node_modules', 'cdk8s-kratix', 'package.json'), 'utf8')).version).toBe(LIBRARY.version);
  });

  step('npm run projen: the first synthesis writes the project and installs its tool chain', () => {
    run('npm run projen (synthesis + tool chain)', pkg, 'npm', ['run', 'projen']);
    const manifest = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8'));
    expect(manifest.peerDependencies).toMatchObject({ 'cdk8s-kratix': '>=0.0.0', 'cdk8s-plus-28': '^2.5.6' });
    expect(manifest.devDependencies).toHaveProperty('jsii');
    // projen pins the peer as the devDependency `0.0.0`, which the installed tarball satisfies, so its
    // `npm install` keeps the tarball's copy rather than looking for 0.0.0 on the registry.
    const lock = JSON.parse(fs.readFileSync(path.join(pkg, 'package-lock.json'), 'utf8'));
    expect(manifest.devDependencies['cdk8s-kratix']).toBe(LIBRARY.version);
    expect(lock.packages['node_modules/cdk8s-kratix'].integrity).toBe(`sha512-${createHash('sha512').update(fs.readFileSync(library)).digest('base64')}`);
  });

  step('build: jsii compile', () => {
    run('projen compile (jsii)', pkg, 'npx', ['projen', 'compile'], true);
    const assembly = JSON.parse(fs.readFileSync(path.join(pkg, '.jsii'), 'utf8'));
    expect(Object.keys(assembly.types)).toEqual(expect.arrayContaining([`${NAME}.RedisPromise`, `${NAME}.RedisPromiseProps`, `${NAME}.RedisRequest`, `${NAME}.RedisSpec`]));
    expect(assembly.types[`${NAME}.RedisPromise`].base).toBe('cdk8s-kratix.KratixPromise');
  });

  step('build: docgen', () => {
    run('projen post-compile (docgen)', pkg, 'npx', ['projen', 'post-compile'], true);
    expect(fs.readFileSync(path.join(pkg, 'API.md'), 'utf8')).toContain('RedisPromise');
  });

  step('build: the package\'s jest tests and eslint, which leave the scaffolded sources unchanged', () => {
    const output = run('projen test (jest, eslint --fix)', pkg, 'npx', ['projen', 'test'], true);
    expect(output).toMatch(/Tests: +3 passed, 3 total/);
    const sources = Object.keys(scaffolded).filter(f => f !== 'package.json');
    expect(sources.filter(f => fs.readFileSync(path.join(pkg, f), 'utf8') !== scaffolded[f])).toEqual([]);
  });

  step('build: package (jsii-pacmak --target js, an npm pack)', () => {
    run('projen package (npm pack by jsii-pacmak)', pkg, 'npx', ['projen', 'package'], true);
    packageTarball = path.join(pkg, 'dist', 'js', `${NAME}@0.0.0.jsii.tgz`);
    expect(tarList(packageTarball)).toEqual(['.jsii', 'API.md', 'LICENSE', 'README.md', 'lib/index.d.ts', 'lib/index.js', 'lib/request.d.ts', 'lib/request.js', 'package.json']);
  });

  step('another app installs both tarballs, requires the Promise from a compound Promise, and synthesizes', () => {
    writeTypeScriptApp(app, { 'cdk8s-kratix': library, [NAME]: packageTarball }, `import { App, Chart } from 'cdk8s';
import { KratixPromise, PromiseApi, WorkflowAction, WorkflowType } from 'cdk8s-kratix';
import { RedisPromise, RedisRequest } from '${NAME}';

const app = new App();
const chart = new Chart(app, 'platform');
const redis = new RedisPromise(chart, 'redis', {
  version: 'v1.2.0',
  destinationSelectors: [{ matchLabels: { environment: 'dev' } }],
  pipelineImage: 'ghcr.io/acme/redis-configure:v1.2.0',
});
const stack = new KratixPromise(chart, 'app-stack', {
  version: 'v0.1.0',
  api: PromiseApi.of({ group: 'platform.acme.io', kind: 'AppStack' }),
});
stack.requires(redis);
const create = stack.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'instance', {
  containers: [{ name: 'create-redis', image: 'ghcr.io/acme/app-stack-configure:v0.1.0' }],
});
create.rbac.allow(['get', 'list'], [redis.api!]);
new RedisRequest(chart, 'cache', { metadata: { name: 'cache', namespace: 'team-a' }, spec: {} });
app.synth();
`);
    run('app: npm install both tarballs', app, 'npm', ['install', '--loglevel=error']);
    run('app: tsc --strict', app, process.execPath, [require.resolve('typescript/bin/tsc'), '-p', app]);
    run('app: synthesize', app, process.execPath, ['main.js']);
    synthesized = parseAllDocuments(fs.readFileSync(path.join(app, 'dist', 'platform.k8s.yaml'), 'utf8')).map(d => d.toJS());
    expect(synthesized.map(d => `${d.kind}/${d.metadata.name}`)).toEqual(['Promise/redis', 'Promise/app-stack', 'Redis/cache']);
  });

  check('the package peers on the app\'s cdk8s-kratix: one copy installed, not its own', () => {
    const fromPackage = require.resolve('cdk8s-kratix', { paths: [path.join(app, 'node_modules', NAME)] });
    expect(fromPackage).toBe(path.join(app, 'node_modules', 'cdk8s-kratix', 'lib', 'index.js'));
  });

  check('the compound Promise requires the package\'s Promise by name and version, and grants on its API', () => {
    const stack = synthesized[1];
    expect(stack.spec.requiredPromises).toEqual([{ name: 'redis', version: 'v1.2.0' }]);
    expect(stack.spec.workflows.resource.configure[0].spec.rbac.permissions).toEqual([{ apiGroups: [GROUP], resources: ['redises'], verbs: ['get', 'list'] }]);
  });

  check('the package\'s Promise carries its API, version, destination selectors and resource configure pipeline', () => {
    const redis = synthesized[0];
    expect(redis.metadata.labels).toEqual({ 'kratix.io/promise-version': 'v1.2.0' });
    expect(redis.spec.api.metadata.name).toBe(`redises.${GROUP}`);
    expect(redis.spec.destinationSelectors).toEqual([{ matchLabels: { environment: 'dev' } }]);
    const [configure] = redis.spec.workflows.resource.configure;
    expect(configure.metadata.name).toBe('instance');
    expect(configure.spec.containers).toEqual([{ name: 'configure', image: 'ghcr.io/acme/redis-configure:v1.2.0' }]);
  });

  check('the package\'s typed request synthesizes with its API\'s default', () => {
    expect(synthesized[2]).toEqual({ apiVersion: `${GROUP}/v1alpha1`, kind: KIND, metadata: { name: 'cache', namespace: 'team-a' }, spec: { size: 'small' } });
  });
});
