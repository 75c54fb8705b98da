import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseDestinationSelectors, parseStatus } from '../../src/pipeline-files';
import { pipelinePod, renderWorkflow } from '../../src/render';

// A pipeline written with the SDK, compiled with tsc against the built package
// (`cdk8s-kratix/pipeline` through its `exports` entry) and run as a plain `node` process with
// exactly the env the renderer gives the user container in the Pod, plus the three directory
// variables pointing at temporary directories. `npm test` builds lib/ before jest runs.
const ROOT = path.resolve(__dirname, '..', '..');

const PROMISE = {
  apiVersion: 'platform.kratix.io/v1alpha1',
  kind: 'Promise',
  metadata: { name: 'redis' },
  spec: {
    api: {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'redis.marketplace.kratix.io' },
      spec: {
        group: 'marketplace.kratix.io',
        names: { kind: 'Redis', plural: 'redis', singular: 'redis' },
        scope: 'Namespaced',
        versions: [{ name: 'v1alpha1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true } } } } }],
      },
    },
    workflows: {
      promise: { configure: [{ apiVersion: 'platform.kratix.io/v1alpha1', kind: 'Pipeline', metadata: { name: 'deps' }, spec: { containers: [{ name: 'main', image: 'ghcr.io/acme/redis-pipeline:v1' }] } }] },
      resource: { configure: [{ apiVersion: 'platform.kratix.io/v1alpha1', kind: 'Pipeline', metadata: { name: 'instance' }, spec: { containers: [{ name: 'main', image: 'ghcr.io/acme/redis-pipeline:v1', env: [{ name: 'TIER', value: 'dev' }] }] } }] },
    },
  },
};
const REQUEST = { apiVersion: 'marketplace.kratix.io/v1alpha1', kind: 'Redis', metadata: { name: 'shop', namespace: 'team-a' }, spec: { replicas: 3 } };

const PIPELINE = `import { KratixSdk, KubeObject } from 'cdk8s-kratix/pipeline';

interface Redis extends KubeObject {
  spec: { replicas?: number };
}

const sdk = new KratixSdk();
const ctx = sdk.context;
if (ctx.isPromiseWorkflow()) {
  sdk.writeYaml('dependencies/namespace.yaml', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ctx.promiseName + '-system' } });
  sdk.writeStatus({ message: 'configured by ' + ctx.pipelineName });
} else {
  const redis = sdk.readInput<Redis>();
  const replicas = redis.object.spec.replicas ?? 1;
  sdk.writeObjects('redis/deployment.yaml', [{
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: redis.name, namespace: ctx.objectNamespace },
    spec: { replicas },
  }]);
  sdk.writeDestinationSelectors([{ matchLabels: { tier: process.env.TIER ?? 'unset' } }]);
  sdk.updateStatus(status => {
    status.set('message', replicas + ' replicas for ' + ctx.objectKind + ' ' + ctx.objectName);
    status.setCondition({ type: 'Deployed', status: true, reason: 'Written' });
  });
}
console.log(JSON.stringify(ctx.toJSON()));
`;

let built: string;

beforeAll(() => {
  const app = fs.mkdtempSync(path.join(os.tmpdir(), 'sdk-pipeline-'));
  fs.mkdirSync(path.join(app, 'node_modules'));
  fs.symlinkSync(ROOT, path.join(app, 'node_modules', 'cdk8s-kratix'));
  fs.writeFileSync(path.join(app, 'pipeline.ts'), PIPELINE);
  fs.writeFileSync(path.join(app, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'node16', strict: true, skipLibCheck: false, types: ['node'], typeRoots: [path.join(ROOT, 'node_modules', '@types')] },
    files: ['pipeline.ts'],
  }));
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', app], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e: any) {
    throw new Error(`the pipeline does not compile:\n${e.stdout}${e.stderr}`);
  }
  built = path.join(app, 'pipeline.js');
}, 120_000);

function run(workflow: 'promise/configure' | 'resource/configure') {
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
  const stdout = execFileSync(process.execPath, [built], { env: { ...env, ...dirs }, encoding: 'utf8', stdio: 'pipe' });
  return { env, dirs, context: JSON.parse(stdout) };
}

test('a resource configure pipeline runs with the rendered env and leaves the files Kratix reads', () => {
  const { env, dirs, context } = run('resource/configure');
  expect(Object.keys(env)).toEqual([
    'KRATIX_WORKFLOW_ACTION', 'KRATIX_WORKFLOW_TYPE', 'KRATIX_PROMISE_NAME', 'KRATIX_PIPELINE_NAME', 'KRATIX_OBJECT_KIND', 'KRATIX_OBJECT_GROUP',
    'KRATIX_OBJECT_VERSION', 'KRATIX_OBJECT_NAME', 'KRATIX_OBJECT_NAMESPACE', 'KRATIX_CRD_PLURAL', 'KRATIX_CLUSTER_SCOPED', 'TIER',
  ]);
  expect(context).toEqual({
    workflowAction: 'configure',
    workflowType: 'resource',
    promiseName: 'redis',
    pipelineName: 'instance',
    objectKind: 'Redis',
    objectGroup: 'marketplace.kratix.io',
    objectVersion: 'v1alpha1',
    objectName: 'shop',
    objectNamespace: 'team-a',
    crdPlural: 'redis',
    clusterScoped: false,
    dryRun: false,
  });
  expect(fs.readFileSync(path.join(dirs.KRATIX_OUTPUT_DIR, 'redis', 'deployment.yaml'), 'utf8')).toBe(
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\n  namespace: team-a\nspec:\n  replicas: 3\n');
  const selectorsFile = path.join(dirs.KRATIX_METADATA_DIR, 'destination-selectors.yaml');
  expect(parseDestinationSelectors(fs.readFileSync(selectorsFile, 'utf8'), selectorsFile)).toEqual([{ matchLabels: { tier: 'dev' } }]);
  const statusFile = path.join(dirs.KRATIX_METADATA_DIR, 'status.yaml');
  const status = parseStatus(fs.readFileSync(statusFile, 'utf8'), statusFile);
  expect(status.message).toBe('3 replicas for Redis shop');
  expect(status.conditions).toEqual([expect.objectContaining({ type: 'Deployed', status: 'True', reason: 'Written' })]);
});

test('a promise configure pipeline sees a cluster-scoped Promise', () => {
  const { dirs, context } = run('promise/configure');
  expect(context).toMatchObject({ workflowType: 'promise', objectKind: 'Promise', objectGroup: 'platform.kratix.io', objectName: 'redis', objectNamespace: '', crdPlural: 'promises', clusterScoped: true });
  expect(fs.readFileSync(path.join(dirs.KRATIX_OUTPUT_DIR, 'dependencies', 'namespace.yaml'), 'utf8')).toBe('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: redis-system\n');
  expect(fs.readFileSync(path.join(dirs.KRATIX_METADATA_DIR, 'status.yaml'), 'utf8')).toBe('message: configured by deps\n');
});
