import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { packLibrary } from '../support/packed-library';

// The pipeline SDK as a pipeline image gets it: the packed tarball installed with
// `npm install --omit=peer` (offline, from an empty cache: only the bundled dependencies), so no
// cdk8s, cdk8s-plus-28 or constructs. `npm test` builds lib/ before jest runs.

const PIPELINE = `
const { KratixSdk } = require('cdk8s-kratix/pipeline');
const sdk = new KratixSdk();
const input = sdk.readInput();
sdk.writeYaml('cm.yaml', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: input.name }, data: { size: input.getValue('spec.size', 'small') } });
sdk.writeDestinationSelectors([{ matchLabels: { env: 'dev' } }]);
sdk.updateStatus(s => { s.set('message', 'done'); });
sdk.retryAfter('30s', 'waiting');
const loaded = Object.keys(require.cache).filter(f => /node_modules[\\\\/](cdk8s|cdk8s-plus-28|constructs)[\\\\/]/.test(f));
console.log(JSON.stringify({ loaded, context: sdk.context.workflow }));
`;

let app: string;

beforeAll(() => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sdk-packed-'));
  const packed = packLibrary(tmp);
  app = path.join(tmp, 'image');
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'pipeline-image', private: true, dependencies: { 'cdk8s-kratix': `file:${packed}` } }));
  // An empty npm cache and --offline: nothing can come from the registry or this machine's cache.
  // --legacy-peer-deps because npm otherwise fetches the peers' metadata to plan the tree it then
  // leaves them out of (with a lockfile, as in the README's `npm ci --omit=dev --omit=peer`, it does not).
  execFileSync('npm', ['install', '--omit=peer', '--legacy-peer-deps', '--offline', '--cache', path.join(tmp, 'empty-cache'), '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: app, stdio: 'pipe' });
}, 300_000);

test('installs without the peers: no cdk8s, cdk8s-plus-28 or constructs anywhere', () => {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      names.add(name);
      walk(path.join(dir, name, 'node_modules'));
    }
  };
  walk(path.join(app, 'node_modules'));
  expect([...names].filter(n => ['cdk8s', 'cdk8s-plus-28', 'constructs'].includes(n))).toEqual([]);
  expect(names.has('cdk8s-kratix')).toBe(true);
});

test('cdk8s-kratix/pipeline loads there and runs a pipeline', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sdk-packed-run-'));
  const dirs = { KRATIX_INPUT_DIR: path.join(root, 'in'), KRATIX_OUTPUT_DIR: path.join(root, 'out'), KRATIX_METADATA_DIR: path.join(root, 'meta') };
  fs.mkdirSync(dirs.KRATIX_INPUT_DIR);
  fs.writeFileSync(path.join(dirs.KRATIX_INPUT_DIR, 'object.yaml'), 'apiVersion: x.io/v1\nkind: Thing\nmetadata: {name: t1, namespace: ns}\nspec: {size: large}\n');
  fs.writeFileSync(path.join(app, 'pipeline.js'), PIPELINE);
  const out = execFileSync(process.execPath, ['pipeline.js'], {
    cwd: app,
    encoding: 'utf8',
    env: { ...dirs, KRATIX_WORKFLOW_TYPE: 'resource', KRATIX_WORKFLOW_ACTION: 'configure' },
  });
  expect(JSON.parse(out)).toEqual({ loaded: [], context: 'resource/configure' });
  expect(fs.readFileSync(path.join(dirs.KRATIX_OUTPUT_DIR, 'cm.yaml'), 'utf8')).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: t1\ndata:\n  size: large\n');
  expect(fs.readFileSync(path.join(dirs.KRATIX_METADATA_DIR, 'destination-selectors.yaml'), 'utf8')).toBe('- matchLabels:\n    env: dev\n');
  expect(fs.readFileSync(path.join(dirs.KRATIX_METADATA_DIR, 'status.yaml'), 'utf8')).toBe('message: done\n');
  expect(fs.readFileSync(path.join(dirs.KRATIX_METADATA_DIR, 'workflow-control.yaml'), 'utf8')).toBe('retryAfter: 30s\nmessage: waiting\n');
});

test('the package still exposes its main entry and package.json', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(app, 'node_modules', 'cdk8s-kratix', 'package.json'), 'utf8'));
  expect(pkg.exports['.']).toEqual({ types: './lib/index.d.ts', default: './lib/index.js' });
  expect(pkg.exports['./pipeline']).toEqual({ types: './lib/sdk/index.d.ts', default: './lib/sdk/index.js' });
  const resolved = execFileSync(process.execPath, ['-e', "console.log(require.resolve('cdk8s-kratix/package.json'), require.resolve('cdk8s-kratix'))"], { cwd: app, encoding: 'utf8' });
  expect(resolved.trim().split(/\s+/).map(p => path.relative(app, p))).toEqual([
    path.join('node_modules', 'cdk8s-kratix', 'package.json'),
    path.join('node_modules', 'cdk8s-kratix', 'lib', 'index.js'),
  ]);
});

test('loading the SDK loads neither yaml nor an HTTP client: they load on first use', () => {
  const out = execFileSync(process.execPath, ['-e', [
    "require('cdk8s-kratix/pipeline');",
    'const files = Object.keys(require.cache).map(f => f.split(/node_modules[\\\\/]/).pop());',
    "console.log(JSON.stringify({ files, https: process.moduleLoadList.some(m => m === 'NativeModule https') }));",
  ].join('\n')], { cwd: app, encoding: 'utf8' });
  const { files, https } = JSON.parse(out);
  expect(files.filter((f: string) => !f.startsWith('cdk8s-kratix/lib/'))).toEqual([]);
  expect(files.filter((f: string) => /pipeline-files[\\/](destination-selectors|status|workflow-control|yaml-1-1)/.test(f))).toEqual([]);
  expect(https).toBe(false);
});
