import * as fs from 'fs';
import * as path from 'path';
import { parse, stringify } from 'yaml';
import { DESTINATIONS, REQUEST, tmpDir, webappPromise } from './fixtures';
import { CliIo, processIo } from '../../src/cli/io';
import { main, mainAsync } from '../../src/cli/main';
import { diffTrees, resultFiles, runWorkflow } from '../../src/run';

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { ...processIo, stdout: t => { stdout += t; }, stderr: t => { stderr += t; } };
  const code = await mainAsync(['run', ...args], io);
  return { code, stdout, stderr };
}

/** The case files: the Promise, the request, the Destinations. */
function caseFiles(promise: any = webappPromise()): { dir: string; promise: string; request: string; destinations: string } {
  const dir = tmpDir('cli-run-');
  const files = {
    promise: path.join(dir, 'promise.yaml'),
    request: path.join(dir, 'request.yaml'),
    destinations: path.join(dir, 'destinations.yaml'),
  };
  fs.writeFileSync(files.promise, stringify(promise));
  fs.writeFileSync(files.request, stringify(REQUEST));
  fs.writeFileSync(files.destinations, DESTINATIONS.map(d => stringify(d)).join('---\n'));
  return { dir, ...files };
}

const RENDER_SH = [
  'mkdir -p "$KRATIX_OUTPUT_DIR/platform"',
  'printf "kind: Deployment\\nname: %s\\n" "$KRATIX_OBJECT_NAME" > "$KRATIX_OUTPUT_DIR/deployment.yaml"',
  'printf "kind: Postgresql\\n" > "$KRATIX_OUTPUT_DIR/platform/db.yaml"',
  'printf -- "- matchLabels: {region: eu}\\n- directory: platform\\n  matchLabels: {environment: platform}\\n" > "$KRATIX_METADATA_DIR/destination-selectors.yaml"',
  'printf "iam: {user: %s}\\n" "$TIER" > "$KRATIX_METADATA_DIR/status.yaml"',
].join(' && ');
const VAULT_SH = 'grep -q "message: Pending" "$KRATIX_INPUT_DIR/object.yaml" && printf "vault: stored\\n" > "$KRATIX_METADATA_DIR/status.yaml"';

describe('cdk8s-kratix run', () => {
  test('the command and runWorkflow give the same result on the same case', async () => {
    const c = caseFiles();
    const out = path.join(c.dir, 'out');
    const r = await cli(c.promise, '--workflow', 'resource/configure', '--request', c.request, '--destinations', c.destinations,
      '--exec', `render=${RENDER_SH}`, '--exec', `vault=${VAULT_SH}`, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const api = await runWorkflow(webappPromise(), {
      workflow: 'resource/configure',
      request: REQUEST,
      destinations: DESTINATIONS,
      steps: {
        render: sdk => {
          sdk.writeOutput('deployment.yaml', `kind: Deployment\nname: ${sdk.context.objectName}\n`);
          sdk.writeOutput('platform/db.yaml', 'kind: Postgresql\n');
          sdk.writeDestinationSelectors([{ matchLabels: { region: 'eu' } }, { directory: 'platform', matchLabels: { environment: 'platform' } }]);
          sdk.writeStatus({ iam: { user: 'web' } });
        },
        vault: sdk => {
          if (sdk.readInput().getValue('status.message') !== 'Pending') throw new Error('not Pending');
          sdk.writeStatus({ vault: 'stored' });
        },
      },
    });
    const written = new Map<string, Buffer>();
    const walk = (d: string) => fs.readdirSync(d, { withFileTypes: true }).forEach(e => (e.isDirectory() ? walk(path.join(d, e.name))
      : written.set(path.relative(out, path.join(d, e.name)).split(path.sep).join('/'), fs.readFileSync(path.join(d, e.name)))));
    walk(out);
    expect([...written.keys()].sort()).toEqual([...resultFiles(api).keys()].sort());
    expect(diffTrees(written, resultFiles(api), parse)).toBe('');
    expect([...written.keys()]).toEqual(expect.arrayContaining([
      'object.yaml',
      'state-store/worker-1/worker-1/resources/team-a/webapp/shop/deploy/5058f/deployment.yaml',
      'state-store/platform-cluster/platform-cluster/resources/team-a/webapp/shop/deploy/34a6e/platform/db.yaml',
    ]));
    expect(written.get('state-store/worker-1/worker-1/resources/team-a/webapp/shop/deploy/5058f/deployment.yaml')!.toString()).toBe('kind: Deployment\nname: shop\n');
    const obj = parse(written.get('object.yaml')!.toString());
    expect(obj.status).toMatchObject({ iam: { user: 'web' }, vault: 'stored', message: 'Resource requested' });
    // The summary a person reads.
    expect(r.stdout).toContain('resource/configure for WebApp team-a/shop');
    expect(r.stdout).toMatch(/container render \(exec\): exit 0, [0-9.]+ ms/);
    expect(r.stdout).toContain('  worker-1: 1 file\n');
    expect(r.stdout).toContain('  platform-cluster: 1 file\n');
    expect(r.stdout).toContain('  +message: Resource requested\n');
    expect(r.stdout.endsWith('OK\n')).toBe(true);

    // --expect: the same tree matches; a changed file is a unified diff and exit 1.
    const again = await cli(c.promise, '--workflow', 'resource/configure', '--request', c.request, '--destinations', c.destinations,
      '--exec', `render=${RENDER_SH}`, '--exec', `vault=${VAULT_SH}`, '--out', path.join(c.dir, 'out2'), '--expect', out);
    expect(again.stdout).toContain(`matches ${out}`);
    expect(again.code).toBe(0);
    fs.writeFileSync(path.join(out, 'state-store/worker-1/worker-1/resources/team-a/webapp/shop/deploy/5058f/deployment.yaml'), 'kind: Deployment\nname: other\n');
    const diff = await cli(c.promise, '--workflow', 'resource/configure', '--request', c.request, '--destinations', c.destinations,
      '--exec', `render=${RENDER_SH}`, '--exec', `vault=${VAULT_SH}`, '--out', path.join(c.dir, 'out3'), '--expect', out);
    expect(diff.code).toBe(1);
    expect(diff.stdout).toContain('--- expected/state-store/worker-1/worker-1/resources/team-a/webapp/shop/deploy/5058f/deployment.yaml\n+++ actual/');
    expect(diff.stdout).toContain('-name: other\n+name: shop\n');
    // The Work file itself matches: --expect compares Works by decoded content.
    expect(diff.stdout).not.toContain('expected/works/');
  });

  test('a failing container: its stderr prefixed with its name, exit 1, nothing written to --out', async () => {
    const c = caseFiles();
    const out = path.join(c.dir, 'out');
    const r = await cli(c.promise, '--workflow', 'resource/configure', '--request', c.request,
      '--exec', 'render=echo broken >&2; exit 3', '--exec', 'vault=true', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[render] broken\n');
    expect(r.stderr).toContain('pipeline deploy, container render: container render exited with code 3; nothing written to');
    expect(r.stdout).toContain('container render (exec): exit 3');
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(c.dir).filter(f => f.startsWith('.out'))).toEqual([]);
  });

  test('a pipeline Kratix would fail (invalid status.yaml) is exit 1 naming the file, nothing written', async () => {
    const c = caseFiles();
    const out = path.join(c.dir, 'out');
    const r = await cli(c.promise, '--workflow', 'resource/configure', '--request', c.request,
      '--exec', 'render=echo "- a" > "$KRATIX_METADATA_DIR/status.yaml"', '--exec', 'vault=true', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('/kratix/metadata/status.yaml: failed to load incoming status');
    expect(fs.existsSync(out)).toBe(false);
  });

  test('the exec environment is exactly the rendered env, PATH and HOME, and the three directories', async () => {
    const c = caseFiles();
    const out = path.join(c.dir, 'out');
    const r = await cli(c.promise, '--workflow', 'resource/configure', '--request', c.request,
      '--exec', 'render=env | sort | grep -v "^PWD=\\|^SHLVL=\\|^_=" | sed "s/=.*//" | tr "\\n" " " > "$KRATIX_OUTPUT_DIR/env.txt"', '--exec', 'vault=true', '--out', out);
    expect(r.code).toBe(0);
    const names = fs.readFileSync(path.join(out, 'works', fs.readdirSync(path.join(out, 'works')).find(f => f.includes('deploy'))!), 'utf8');
    expect(names).toContain('env.txt');
    const state = await runWorkflow(webappPromise(), { workflow: 'resource/configure', request: REQUEST, exec: { render: 'env > "$KRATIX_OUTPUT_DIR/env.txt"', vault: 'true' }, destinations: [DESTINATIONS[0]] });
    const env = state.stateStore[0].content.toString().split('\n').filter(l => l !== '').map(l => l.split('=')[0]).filter(n => !['PWD', 'SHLVL', '_', 'OLDPWD'].includes(n)).sort();
    expect(env).toEqual(['HOME', 'KRATIX_CLUSTER_SCOPED', 'KRATIX_CRD_PLURAL', 'KRATIX_INPUT_DIR', 'KRATIX_METADATA_DIR', 'KRATIX_OBJECT_GROUP', 'KRATIX_OBJECT_KIND',
      'KRATIX_OBJECT_NAME', 'KRATIX_OBJECT_NAMESPACE', 'KRATIX_OBJECT_VERSION', 'KRATIX_OUTPUT_DIR', 'KRATIX_PIPELINE_NAME', 'KRATIX_PROMISE_NAME',
      'KRATIX_WORKFLOW_ACTION', 'KRATIX_WORKFLOW_TYPE', 'PATH', 'TIER'].filter(n => n !== 'HOME' || process.env.HOME !== undefined));
  });

  describe('--engine', () => {
    const savedPath = process.env.PATH;
    afterEach(() => { process.env.PATH = savedPath; });

    test('runs each image with the engine on PATH: the exact command line', async () => {
      const c = caseFiles();
      const bin = path.join(c.dir, 'bin');
      fs.mkdirSync(bin);
      const log = path.join(c.dir, 'docker.log');
      fs.writeFileSync(path.join(bin, 'docker'), `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done >> "${log}"\necho --- >> "${log}"\n`, { mode: 0o755 });
      process.env.PATH = `${bin}${path.delimiter}${savedPath}`;
      const r = await cli(c.promise, '--workflow', 'resource/configure', '--request', c.request, '--engine', 'docker', '--exec', 'vault=true', '--out', path.join(c.dir, 'out'));
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/container render \(docker\): exit 0/);
      const lines = fs.readFileSync(log, 'utf8').split('\n');
      const dirs = /^(.*)\/input:\/kratix\/input:ro$/.exec(lines[3])![1];
      expect(lines.slice(0, lines.indexOf('---'))).toEqual([
        'run', '--rm',
        '-v', `${dirs}/input:/kratix/input:ro`,
        '-v', `${dirs}/output:/kratix/output`,
        '-v', `${dirs}/metadata:/kratix/metadata`,
        '-e', 'KRATIX_WORKFLOW_ACTION=configure', '-e', 'KRATIX_WORKFLOW_TYPE=resource', '-e', 'KRATIX_PROMISE_NAME=webapp',
        '-e', 'KRATIX_PIPELINE_NAME=deploy', '-e', 'KRATIX_OBJECT_KIND=WebApp', '-e', 'KRATIX_OBJECT_GROUP=example.org',
        '-e', 'KRATIX_OBJECT_VERSION=v1', '-e', 'KRATIX_OBJECT_NAME=shop', '-e', 'KRATIX_OBJECT_NAMESPACE=team-a',
        '-e', 'KRATIX_CRD_PLURAL=webapps', '-e', 'KRATIX_CLUSTER_SCOPED=false', '-e', 'TIER=web',
        'ghcr.io/acme/render:v1',
      ]);
    });

    test('an engine that is not installed is a clear error before anything runs', async () => {
      const c = caseFiles();
      process.env.PATH = path.join(c.dir, 'empty-bin');
      const r = await cli(c.promise, '--workflow', 'resource/configure', '--request', c.request, '--engine', 'podman', '--out', path.join(c.dir, 'out'));
      expect(r.code).toBe(1);
      expect(r.stderr).toBe("cdk8s-kratix run: --engine podman: 'podman' is not installed (not found on PATH); install it, or run container deploy/render with --exec NAME=COMMAND\n");
    });
  });

  describe('bad input: a message naming the flag or file, exit 1, nothing written', () => {
    const c = caseFiles();
    const out = path.join(c.dir, 'out');
    afterAll(() => expect(fs.existsSync(out)).toBe(false));

    test.each([
      [['--workflow', 'resource/configure', '--exec', 'render=true', '--exec', 'vault=true', '--out', out], '--request REQUEST.yaml is required for resource/configure'],
      [['--workflow', 'resource/configure', '--request', '$promise', '--out', out], 'kind: "Promise" is not the kind of Promise \'webapp\'\'s API ("WebApp")'],
      [['--workflow', 'resource/configure', '--request', '$request', '--exec', 'render=true', '--exec', 'vault=true', '--exec', 'nope=true', '--out', out], "no container of the workflow is named 'nope'"],
      [['--workflow', 'resource/configure', '--request', '$request', '--out', out], 'no way to run containers deploy/render, populate-vault/vault'],
      [['--workflow', 'resource/configure', '--request', '$request', '--destinations', '$request', '--out', out], 'document 1: kind: "WebApp" (apiVersion "example.org/v1") is not a Destination'],
      [['--workflow', 'resource/configure', '--request', '$request', '--exec', 'render', '--out', out], '--exec "render": expected CONTAINER=COMMAND'],
      [['--workflow', 'resource/configure', '--request', '$request'], '--out DIR is required'],
      [['--workflow', 'resource/upgrade', '--out', out], '--workflow "resource/upgrade": expected one of'],
      [['--workflow', 'promise/configure', '--exec', 'install=true', '--out', out, '--expect', '/nonexistent/expected'], '--expect /nonexistent/expected: no such directory'],
    ])('%j', async (args, message) => {
      const r = await cli(c.promise, ...args.map(a => (a === '$promise' ? c.promise : a === '$request' ? c.request : a)));
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(message);
      expect(r.stderr.startsWith('cdk8s-kratix run: ')).toBe(true);
    });
  });

  test('main refuses the asynchronous run command and points at mainAsync', () => {
    const quiet: CliIo = { ...processIo, stdout: () => undefined, stderr: () => undefined };
    expect(() => main(['run'], quiet)).toThrow('cdk8s-kratix run runs asynchronously: call mainAsync');
  });
});
