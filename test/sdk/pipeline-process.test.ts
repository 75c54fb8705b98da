import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseDestinationSelectors, parseStatus, parseWorkflowControl } from '../../src/pipeline-files';
import { pipelinePod, renderWorkflow } from '../../src/render';
import { pipeline, promise, request } from '../render/fixtures';

// The README's pipeline (section "Writing a pipeline in TypeScript") and its unit test, compiled
// with tsc against the built package (`cdk8s-kratix/pipeline` through its `exports` entry) with
// the README's tsconfig; the unit test runs with `node --test`, and the pipeline as a plain `node`
// process with exactly the env the renderer gives the user container in the Pod, plus the three
// directory variables pointing at temporary directories. `npm test` builds lib/ before jest runs.
const ROOT = path.resolve(__dirname, '..', '..');

const PROMISE = promise({
  workflows: {
    promise: { configure: [pipeline('deps')] },
    resource: {
      configure: [pipeline('instance', { containers: [{ name: 'main', image: 'ghcr.io/acme/main:v1', env: [{ name: 'TIER', value: 'dev' }] }] })],
      delete: [pipeline('teardown')],
    },
  },
}, { name: 'redis' });
const REQUEST = request({ name: 'shop' }, { size: 'large', database: true });

const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The README code block whose first line is `// <file>`. */
function readmeFile(file: string): string {
  const block = [...README.matchAll(/```ts\n([\s\S]*?)```/g)].map(m => m[1]).find(code => code.startsWith(`// ${file}\n`));
  if (!block) throw new Error(`README.md has no ts block for ${file}`);
  return block;
}

let app: string;
let built: string;

beforeAll(() => {
  app = fs.mkdtempSync(path.join(os.tmpdir(), 'sdk-pipeline-'));
  fs.mkdirSync(path.join(app, 'node_modules'));
  fs.symlinkSync(ROOT, path.join(app, 'node_modules', 'cdk8s-kratix'));
  fs.mkdirSync(path.join(app, 'src'));
  fs.writeFileSync(path.join(app, 'src', 'main.ts'), readmeFile('pipeline/src/main.ts'));
  fs.writeFileSync(path.join(app, 'src', 'main.test.ts'), readmeFile('pipeline/src/main.test.ts'));
  const tsconfig = JSON.parse(README.match(/`(\{ "compilerOptions": .*\})`/)![1]);
  // The README's app has @types/node in its own node_modules; this one borrows ours.
  tsconfig.compilerOptions.typeRoots = [path.join(ROOT, 'node_modules', '@types')];
  fs.writeFileSync(path.join(app, 'tsconfig.json'), JSON.stringify(tsconfig));
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', app], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e: any) {
    throw new Error(`the README pipeline does not compile:\n${e.stdout}${e.stderr}`);
  }
  built = path.join(app, 'dist', 'main.js');
}, 120_000);

test("the README's unit test passes under node --test", () => {
  const out = execFileSync(process.execPath, ['--test', '--test-reporter=tap', path.join(app, 'dist', 'main.test.js')], { cwd: app, encoding: 'utf8', stdio: 'pipe' });
  expect(out).toMatch(/# pass 1\n/);
  expect(out).toMatch(/# fail 0\n/);
});

test('the README Dockerfile builds on node:22-slim and installs without dev dependencies or peers', () => {
  const dockerfile = README.match(/```dockerfile\n([\s\S]*?)```/)![1];
  expect(dockerfile).toMatch(/^FROM node:22-slim$/m);
  expect(dockerfile).toContain('RUN npm ci --omit=dev --omit=peer');
  expect(dockerfile).toContain('ENTRYPOINT ["node", "/pipeline/dist/main.js"]');
});

function run(workflow: 'promise/configure' | 'resource/configure' | 'resource/delete') {
  const [rendered] = renderWorkflow(PROMISE, workflow, workflow.startsWith('resource') ? REQUEST : undefined);
  const pod: any = pipelinePod(rendered);
  const container = pod.spec.initContainers.find((c: any) => c.name === 'main');
  const env: Record<string, string> = {};
  for (const e of container.env) {
    expect(e.valueFrom).toBeUndefined();
    env[e.name] = e.value;
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sdk-run-'));
  const dirs = { KRATIX_INPUT_DIR: path.join(root, 'input'), KRATIX_OUTPUT_DIR: path.join(root, 'output'), KRATIX_METADATA_DIR: path.join(root, 'metadata') };
  Object.values(dirs).forEach(d => fs.mkdirSync(d));
  fs.writeFileSync(path.join(dirs.KRATIX_INPUT_DIR, 'object.yaml'), JSON.stringify(workflow.startsWith('resource') ? REQUEST : PROMISE));
  execFileSync(process.execPath, [built], { env: { ...env, ...dirs }, encoding: 'utf8', stdio: 'pipe' });
  const metadata = (file: string) => path.join(dirs.KRATIX_METADATA_DIR, file);
  return { env, dirs, metadata, output: () => listFiles(dirs.KRATIX_OUTPUT_DIR) };
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]).sort();
}

test('resource configure: the rendered env, the files Kratix reads, and a compound request', () => {
  const { env, dirs, metadata, output } = run('resource/configure');
  expect(Object.keys(env)).toEqual([
    'KRATIX_WORKFLOW_ACTION', 'KRATIX_WORKFLOW_TYPE', 'KRATIX_PROMISE_NAME', 'KRATIX_PIPELINE_NAME', 'KRATIX_OBJECT_KIND', 'KRATIX_OBJECT_GROUP',
    'KRATIX_OBJECT_VERSION', 'KRATIX_OBJECT_NAME', 'KRATIX_OBJECT_NAMESPACE', 'KRATIX_CRD_PLURAL', 'KRATIX_CLUSTER_SCOPED', 'TIER',
  ]);
  expect(output()).toEqual(['platform/postgresql-shop-db.yaml', 'redis/deployment.yaml']);
  expect(fs.readFileSync(path.join(dirs.KRATIX_OUTPUT_DIR, 'redis', 'deployment.yaml'), 'utf8')).toContain('  name: redis-shop\n  namespace: team-a\nspec:\n  replicas: 3\n');
  const db = fs.readFileSync(path.join(dirs.KRATIX_OUTPUT_DIR, 'platform', 'postgresql-shop-db.yaml'), 'utf8');
  expect(db).toContain('    kratix.io/component-of-promise-name: redis\n');
  expect(db).toContain('    kratix.io/parent-resource-name: shop\n    kratix.io/parent-resource-namespace: team-a\n');
  const selectors = metadata('destination-selectors.yaml');
  expect(parseDestinationSelectors(fs.readFileSync(selectors, 'utf8'), selectors)).toEqual([
    { matchLabels: { environment: 'dev' } },
    { directory: 'platform', matchLabels: { environment: 'platform' } },
  ]);
  const control = metadata('workflow-control.yaml');
  expect(parseWorkflowControl(fs.readFileSync(control, 'utf8'), control)).toEqual({ action: 'retry', suspend: false, retryAfter: '1m', message: 'waiting for the database' });
  const status = parseStatus(fs.readFileSync(metadata('status.yaml'), 'utf8'), metadata('status.yaml'));
  expect(status.message).toBe('3 replica(s)');
  expect(status.connection).toEqual({ host: 'redis-shop.team-a.svc' });
  expect(status.conditions).toEqual([expect.objectContaining({ type: 'RedisDeployed', status: 'True', reason: 'ManifestsWritten' })]);
});

test('promise configure: the Promise is cluster scoped and only message is written', () => {
  const { dirs, metadata, output } = run('promise/configure');
  expect(output()).toEqual(['operator/namespace.yaml']);
  expect(fs.readFileSync(path.join(dirs.KRATIX_OUTPUT_DIR, 'operator', 'namespace.yaml'), 'utf8')).toBe('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: redis-operator\n');
  expect(fs.readFileSync(metadata('status.yaml'), 'utf8')).toBe('message: "redis: operator scheduled"\n');
});

test('resource delete: nothing is written', () => {
  const { dirs, output } = run('resource/delete');
  expect(output()).toEqual([]);
  expect(fs.readdirSync(dirs.KRATIX_METADATA_DIR)).toEqual([]);
});
