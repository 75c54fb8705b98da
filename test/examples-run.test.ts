import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { EnvPromiseChart } from '../examples/env-promise';
import { createWorkspace, notify } from '../examples/pipelines/notify';
import { CliIo, processIo } from '../src/cli/io';
import { mainAsync } from '../src/cli/main';
import { diffTrees, resultFiles, runWorkflow } from '../src/run';

// The README's "Testing a workflow locally": the examples app's pipelines, run in-process by
// runWorkflow and as commands by `cdk8s-kratix run`.
const ROOT = path.resolve(__dirname, '..');
const RUN = path.join(ROOT, 'examples', 'run');
const destinations = parseAllDocuments(fs.readFileSync(path.join(RUN, 'destinations.yaml'), 'utf8')).map(d => d.toJS());
const request = parse(fs.readFileSync(path.join(RUN, 'env-request.yaml'), 'utf8'));

describe('the examples app\'s pipelines, run locally', () => {
  test('runWorkflow: slack-notify writes a Namespace for worker-1, a notification for the platform cluster and the Env\'s status', async () => {
    const chart = new EnvPromiseChart(Testing.app(), 'env');
    const result = await runWorkflow(chart.promise, { workflow: 'resource/configure', request, destinations, steps: { notify } });
    expect(result.ok).toBe(true);
    expect(result.stateStore.map(f => f.path)).toEqual([
      'platform/resources/team-a/env/dev/slack-notify/34a6e/platform/notification.yaml',
      'worker-1/resources/team-a/env/dev/slack-notify/5058f/namespace.yaml',
    ]);
    expect(parse(result.stateStore[1].content.toString())).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'env-dev', labels: { size: 'large' } } });
    expect(result.object.status).toMatchObject({ message: 'env-dev ready', size: 'large' });
    expect(result.object.status.conditions.find((c: any) => c.type === 'ConfigureWorkflowCompleted').status).toBe('True');
    // Env from a Secret and a ConfigMap cannot be set locally: the run says so.
    expect(result.pipelines[0].containers[0].unresolvedEnv).toEqual(['SLACK_WEBHOOK_URL', 'SLACK_MSG']);
  });

  test('runWorkflow: the promise configure workflow writes the workspace to every Destination that takes empty selectors', async () => {
    const chart = new EnvPromiseChart(Testing.app(), 'env');
    const result = await runWorkflow(chart.promise, { workflow: 'promise/configure', destinations, steps: { 'create-workspace': createWorkspace } });
    expect(result.stateStore.map(f => f.path)).toEqual(['worker-1/dependencies/env/tf-workspace/5058f/workspace.yaml']);
    expect(result.object.status.message).toBe('tf workspace ready');
  });

  test('cdk8s-kratix run with --exec gives the same result as runWorkflow', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'examples-run-'));
    const promiseFile = path.join(dir, 'env.k8s.yaml');
    fs.writeFileSync(promiseFile, Testing.synth(new EnvPromiseChart(Testing.app(), 'env')).map(d => stringify(d)).join('---\n'));
    const out = path.join(dir, 'out');
    const command = `TS_NODE_PROJECT=${path.join(ROOT, 'examples/tsconfig.json')} ${process.execPath} -r ${require.resolve('ts-node/register/transpile-only')} ${path.join(ROOT, 'examples/pipelines/notify.ts')} notify`;
    let stdout = '';
    let stderr = '';
    const io: CliIo = { ...processIo, stdout: t => { stdout += t; }, stderr: t => { stderr += t; } };
    const code = await mainAsync(['run', promiseFile, '--promise', 'env', '--workflow', 'resource/configure',
      '--request', path.join(RUN, 'env-request.yaml'), '--destinations', path.join(RUN, 'destinations.yaml'),
      '--exec', `notify=${command}`, '--out', out], io);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('not set locally (from Secrets, ConfigMaps or the Pod): SLACK_WEBHOOK_URL, SLACK_MSG');

    const chart = new EnvPromiseChart(Testing.app(), 'env');
    const api = await runWorkflow(chart.promise, { workflow: 'resource/configure', request, destinations, steps: { notify } });
    const written = new Map<string, Buffer>();
    const walk = (d: string): void => fs.readdirSync(d, { withFileTypes: true }).forEach(e => (e.isDirectory() ? walk(path.join(d, e.name))
      : written.set(path.relative(out, path.join(d, e.name)).split(path.sep).join('/'), fs.readFileSync(path.join(d, e.name)))));
    walk(out);
    expect(diffTrees(written, resultFiles(api), parse)).toBe('');
  });
});
