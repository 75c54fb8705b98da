/**
 * Shared by the benchmarks: timing (warm-up, repeats, medians), peak RSS of a scenario in a
 * child process, and the workload (a Promise with every feature the issue lists).
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import { ApiObject, App, Chart } from 'cdk8s';
import { ApiResource, EnvValue, ISecret, Secret } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { KratixPromise, PermissionScope, PromiseApi, WorkflowAction, WorkflowType } from '../src';

export const REPO = path.resolve(__dirname, '..');
export const SHARED = path.resolve(REPO, '..', 'shared');

/** Milliseconds since an arbitrary origin, sub-millisecond. */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

v8.setFlagsFromString('--expose-gc');
const fullGc: () => void = (globalThis as any).gc ?? vm.runInNewContext('gc');

/** Forces a full GC between timed runs, so one case's garbage is not charged to the next. */
export function gc(): void {
  fullGc();
}

/** A case whose input is built, untimed, just before each timed run and dropped after it. */
export interface StagedCase {
  readonly prepare: () => any;
  readonly run: (input: any) => unknown;
}

/**
 * Times several cases interleaved in the same process, round after round (A, B, C, then C, B, A,
 * ...), so that a noisy machine slows all of them alike and `pairedRatio` holds. `warmup` rounds are
 * run and discarded.
 * A staged case's input lives only around its own run, so that one case's large input does not
 * slow another case's garbage collection. Returns the median milliseconds of each case.
 */
export function timeInterleaved(
  cases: Record<string, (() => unknown) | StagedCase>, repeats: number, warmup = 1,
): Record<string, { ms: number; runs: number[] }> {
  const runs: Record<string, number[]> = {};
  for (const name of Object.keys(cases)) runs[name] = [];
  for (let round = 0; round < warmup + repeats; round++) {
    const order = Object.entries(cases);
    if (round % 2 === 1) order.reverse();
    for (const [name, c] of order) {
      let input = typeof c === 'function' ? undefined : c.prepare();
      gc();
      const t0 = now();
      const out = typeof c === 'function' ? c() : c.run(input);
      const t = now() - t0;
      input = undefined;
      if (out === undefined) throw new Error(`benchmark case ${name} returned nothing (its result must be used)`);
      if (round >= warmup) runs[name].push(t);
    }
  }
  const result: Record<string, { ms: number; runs: number[] }> = {};
  for (const [name, r] of Object.entries(runs)) result[name] = { ms: median(r), runs: r.map(x => Math.round(x * 100) / 100) };
  return result;
}

/**
 * The median over rounds of `a[i] / b[i]`: two cases timed in the same round of `timeInterleaved`
 * ran seconds apart, so this ratio holds even when the machine's speed drifts between rounds (on a
 * shared VM it changes by up to 2x within a minute), which a ratio of medians does not.
 */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) throw new Error(`pairedRatio: ${a.length} runs against ${b.length}`);
  return median(a.map((x, i) => x / b[i]));
}

/**
 * How the time grows with the work: the time of `large` over the time of `small`, both timed in
 * the same rounds of `timeInterleaved` (the sizes' own benchmarks run minutes apart).
 */
export function scaling(small: () => unknown, large: () => unknown, repeats: number): { ratio: number; runs: { small: number[]; large: number[] } } {
  const t = timeInterleaved({ small, large }, repeats);
  return { ratio: pairedRatio(t.large.runs, t.small.runs), runs: { small: t.small.runs, large: t.large.runs } };
}

/**
 * Peak RSS (bytes) of one scenario run alone in a fresh node process: bench/scenario.ts runs it
 * once and reports `process.resourceUsage().maxRSS`. `baseline` scenarios load the same modules
 * and build nothing, so their RSS is the process floor.
 */
export function peakRss(scenario: string, ...args: Array<string | number>): number {
  const r = spawnSync(process.execPath, [
    '-r', 'ts-node/register/transpile-only',
    path.join(__dirname, 'scenario.ts'), scenario, ...args.map(String),
  ], { cwd: REPO, encoding: 'utf8', env: { ...process.env, TS_NODE_TRANSPILE_ONLY: '1', TS_NODE_PROJECT: path.join(REPO, 'test', 'tsconfig.json') }, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`scenario ${scenario} ${args.join(' ')} failed: ${r.stderr || r.stdout}`);
  const line = r.stdout.trim().split('\n').pop()!;
  return JSON.parse(line).maxRssBytes;
}

/** The Secret every pipeline reads its token from. */
const SECRET_NAME = 'bench-credentials';

/**
 * Adds Promise `i` to `scope`: an API CRD, all four workflows, two pipelines per configure
 * workflow (one per delete), two containers per pipeline with env from a Secret, and three
 * permissions across the three scopes.
 */
export function addBenchPromise(scope: Construct, i: number, secret: ISecret): KratixPromise {
  const name = `svc${String(i).padStart(4, '0')}`;
  const promise = new KratixPromise(scope, name, {
    version: 'v1.2.3',
    labels: { team: `team-${i % 17}` },
    api: PromiseApi.of({
      group: 'bench.example.com',
      kind: `Svc${i}`,
      versions: [{
        name: 'v1alpha1',
        openApiV3Schema: {
          type: 'object',
          properties: {
            spec: {
              type: 'object',
              properties: {
                size: { type: 'string', enum: ['small', 'medium', 'large'], default: 'small' },
                replicas: { type: 'integer', minimum: 1, default: 1 },
                region: { type: 'string' },
                backup: { type: 'object', properties: { enabled: { type: 'boolean' }, schedule: { type: 'string' } } },
              },
            },
          },
        },
      }],
    }),
    destinationSelectors: [{ matchLabels: { environment: 'prod' } }],
  });
  for (const type of [WorkflowType.PROMISE, WorkflowType.RESOURCE]) {
    for (const action of [WorkflowAction.CONFIGURE, WorkflowAction.DELETE]) {
      const count = action === WorkflowAction.CONFIGURE ? 2 : 1;
      for (let p = 0; p < count; p++) {
        const pipelineName = `${action}-${p}`;
        const pipeline = promise.addPipeline(type, action, pipelineName, {
          containers: [0, 1].map(c => ({
            name: `step-${c}`,
            image: `ghcr.io/bench/${type}-${action}:v${p}.${c}`,
            args: ['--promise', name, '--step', String(c)],
            env: {
              LOG_LEVEL: EnvValue.fromValue('info'),
              API_TOKEN: EnvValue.fromSecretValue({ secret, key: 'token' }),
            },
          })),
        });
        pipeline.rbac.allow(['get', 'list', 'watch'], [ApiResource.CONFIG_MAPS]);
        pipeline.rbac.allow(['get'], [ApiResource.SECRETS], { scope: PermissionScope.namedNamespace('shared-secrets'), resourceNames: [SECRET_NAME] });
        pipeline.rbac.allow(['get', 'list'], [ApiResource.NAMESPACES], { scope: PermissionScope.allNamespaces() });
      }
    }
  }
  return promise;
}

/** A cdk8s app with `n` bench Promises in one chart. */
export function benchApp(n: number): App {
  const app = new App();
  const chart = new Chart(app, 'platform');
  const secret = Secret.fromSecretName(chart, 'credentials', SECRET_NAME);
  for (let i = 0; i < n; i++) addBenchPromise(chart, i, secret);
  return app;
}

/** The objects of an app, as its charts synthesize them. */
export function appObjects(app: App): any[] {
  return app.charts.flatMap(c => c.toJson());
}

/** The cdk8s floor: `objects` as plain ApiObjects in one chart, synthesized. */
export function apiObjectsYaml(objects: readonly any[]): string {
  const app = new App();
  const chart = new Chart(app, 'floor');
  objects.forEach((o, i) => new ApiObject(chart, `o${i}`, o));
  return app.synthYaml();
}

/**
 * The paths of the constructs under the first KratixPromise of `app`, parents first, other than
 * its ApiObject: the tree a Promise brings to cdk8s besides its object.
 */
export function promiseTreeShape(app: App): string[] {
  const promise = app.node.findAll().find((c): c is KratixPromise => c instanceof KratixPromise);
  if (!promise) throw new Error('promiseTreeShape: the app has no KratixPromise');
  const base = `${promise.node.path}/`;
  return promise.node.findAll().slice(1).filter(c => !(c instanceof ApiObject)).map(c => c.node.path.slice(base.length));
}

/**
 * The tree floor: `objects` as ApiObjects in one chart, each under a construct with the empty
 * constructs of `shape` beside it, synthesized: what cdk8s costs for the Promises' construct tree
 * with none of the library's work.
 */
export function bareTreeYaml(objects: readonly any[], shape: readonly string[]): string {
  const app = new App();
  const chart = new Chart(app, 'floor');
  objects.forEach((o, i) => {
    const root = new Construct(chart, `o${i}`);
    new ApiObject(root, 'Resource', o);
    const byPath = new Map<string, Construct>([['', root]]);
    for (const constructPath of shape) {
      const slash = constructPath.lastIndexOf('/');
      const parent = byPath.get(constructPath.slice(0, Math.max(slash, 0)))!;
      byPath.set(constructPath, new Construct(parent, constructPath.slice(slash + 1)));
    }
  });
  return app.synthYaml();
}

/** The text floor: `objects` written with JSON.stringify, one per line. */
export function jsonText(objects: readonly any[]): string {
  let out = '';
  for (const o of objects) out += JSON.stringify(o) + '\n';
  return out;
}
