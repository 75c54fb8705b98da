/**
 * `npm run bench`: every benchmark of issue 6, a table on stdout and bench/results.json.
 *
 * Each benchmark runs in a fresh node process, so that one benchmark's heap does not slow the
 * next. Each comparison is timed in one process with its cases interleaved (warm-up round
 * discarded, medians of the rest); its ratios are medians of same-round ratios, so that they hold
 * on a noisy machine; peak RSS is measured per scenario in a fresh child process
 * (bench/scenario.ts). BENCH_FULL=1 also times the cdk8s ApiObject floor and the cdk8s-plus-28
 * peer at R = 10,000 (about two minutes more).
 */
import { execSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { benchColdStart } from './cold-start';
import { appObjects, benchApp, pairedRatio, peakRss, REPO, scaling } from './common';
import { benchImport, fixtures, importable } from './import';
import { benchPackageSize } from './package-size';
import { benchPipelineLoad } from './pipeline-load';
import { benchRender, renderAll, renderObjects, renderPromise, renderRequests } from './render';
import { benchRequests } from './requests';
import { benchSynth } from './synth';
import { benchRun, runScaling } from './workflow-run';

const FULL = process.env.BENCH_FULL === '1';
const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

interface Row { bench: string; scenario: string; work: string; ms?: number; rssMiB?: number; note?: string }
interface Check { target: string; value: string; limit: string; pass: boolean }

const rows: Row[] = [];
const checks: Check[] = [];
const results: any = { machine: machine(), benchmarks: {} };

function machine(): any {
  const cpu = fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] ?? os.cpus()[0]?.model;
  let commit = '';
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: REPO, encoding: 'utf8' }).trim();
  } catch { /* not a git checkout */ }
  return {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpu,
    node: process.version,
    memGiB: Math.round(os.totalmem() / GIB * 10) / 10,
    platform: `${os.platform()} ${os.release()}`,
    date: new Date().toISOString(),
    commit,
  };
}

function tmpJson(name: string, value: unknown): string {
  const file = path.join(os.tmpdir(), `cdk8s-kratix-bench-${process.pid}-${name}.json`);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

function rss(scenario: string, arg?: string | number): number | undefined {
  try {
    return peakRss(scenario, ...(arg === undefined ? [] : [arg])) / MIB;
  } catch (e: any) {
    console.error(`peak RSS of ${scenario}: ${String(e.message ?? e).slice(0, 500)}`);
    return undefined;
  }
}

function check(target: string, value: number, limit: number, unit: string, op: '≤' | '≥' | '<' = '≤'): void {
  const pass = op === '≤' ? value <= limit : op === '≥' ? value >= limit : value < limit;
  checks.push({ target, value: `${round(value)}${unit}`, limit: `${op} ${round(limit)}${unit}`, pass });
}

function round(x: number): number {
  return Math.abs(x) >= 100 ? Math.round(x) : Math.round(x * 100) / 100;
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function synth(): void {
  const out: any = {};
  for (const [n, repeats] of [[100, 31], [1000, 11]]) {
    log(`synth N=${n}`);
    const r = benchSynth(n, repeats);
    const objectsFile = tmpJson(`synth-${n}`, appObjects(benchApp(n)));
    const peak = { ours: rss('synth', n), apiObjectFloor: rss('apiobject-floor', objectsFile), jsonFloor: rss('json-floor', objectsFile) };
    fs.unlinkSync(objectsFile);
    const ratios = {
      oursOverApiObjectFloor: pairedRatio(r.runs.ours, r.runs.apiObjectFloor),
      oursOverJsonFloor: pairedRatio(r.runs.ours, r.runs.jsonFloor),
      oursOverTreeFloor: pairedRatio(r.runs.ours, r.runs.treeFloor),
      treeFloorOverApiObjectFloor: pairedRatio(r.runs.treeFloor, r.runs.apiObjectFloor),
    };
    out[n] = { ...r, peakRssMiB: peak, ratios };
    rows.push({ bench: 'synth', scenario: 'KratixPromise app, synthYaml()', work: `N=${n}`, ms: r.ms.ours, rssMiB: peak.ours });
    rows.push({ bench: 'synth', scenario: 'floor: same objects as cdk8s ApiObjects', work: `N=${n}`, ms: r.ms.apiObjectFloor, rssMiB: peak.apiObjectFloor });
    rows.push({ bench: 'synth', scenario: 'floor: the same under empty constructs shaped as the Promises\' trees', work: `N=${n}`, ms: r.ms.treeFloor, note: `${round(ratios.treeFloorOverApiObjectFloor)}x the ApiObject floor; ours ${round(ratios.oursOverTreeFloor)}x this` });
    rows.push({ bench: 'synth', scenario: 'floor: JSON.stringify', work: `N=${n}`, ms: r.ms.jsonFloor, rssMiB: peak.jsonFloor });
    check(`synth N=${n}: ours / cdk8s ApiObject floor`, out[n].ratios.oursOverApiObjectFloor, 1.2, 'x');
  }
  log('synth scaling: N=100 and N=1,000 interleaved');
  const s = scaling(() => benchApp(100).synthYaml(), () => benchApp(1000).synthYaml(), 5);
  out.scaling = { ours: s.ratio, runs: s.runs, ofMedians: ofMedians(out[100].ms, out[1000].ms) };
  check('synth scaling: time(N=1,000) / time(N=100)', out.scaling.ours, 11, 'x');
  if (out[1000].peakRssMiB.ours !== undefined) check('synth N=1,000 peak RSS', out[1000].peakRssMiB.ours, 1024, ' MiB', '<');
  results.benchmarks.synth = out;
}

function render(): void {
  const out: any = {};
  for (const [r, repeats] of [[1000, 9], [10000, 5]]) {
    const withCdk8s = r === 1000 || FULL;
    log(`render R=${r}${withCdk8s ? ' (with the cdk8s floor and the peer)' : ''}`);
    const res = benchRender(r, repeats, withCdk8s ? 3 : 0);
    const objectsFile = tmpJson(`render-${r}`, renderObjects(renderPromise(), renderRequests(r)));
    const peak: any = { ours: rss('render', r), jsonFloor: rss('json-floor', objectsFile) };
    if (withCdk8s) {
      peak.apiObjectFloor = rss('apiobject-floor', objectsFile);
      peak.peer = rss('peer', objectsFile);
    }
    fs.unlinkSync(objectsFile);
    const ratios: any = { oursOverJsonFloor: pairedRatio(res.runs.ours, res.runs.jsonFloor) };
    const c = res.cdk8sRuns;
    if (c) {
      ratios.oursOverApiObjectFloor = pairedRatio(c.ours, c.apiObjectFloor);
      ratios.oursOverPeer = pairedRatio(c.ours, c.peer);
      ratios.peerOverOurs = pairedRatio(c.peer, c.ours);
    }
    out[r] = { ...res, peakRssMiB: peak, ratios };
    const work = `R=${r} (${res.objects} objects)`;
    const perSecond = `${res.objectsPerSecond.toLocaleString('en-US')} objects/s`;
    rows.push({ bench: 'render', scenario: 'renderWorkflow + workflowObjects + toYaml', work, ms: res.ms.ours, rssMiB: peak.ours, note: perSecond });
    rows.push({ bench: 'render', scenario: 'floor: same objects as cdk8s ApiObjects', work, ms: res.ms.apiObjectFloor, rssMiB: peak.apiObjectFloor, note: withCdk8s ? undefined : 'skipped (BENCH_FULL=1)' });
    rows.push({ bench: 'render', scenario: 'floor: JSON.stringify', work, ms: res.ms.jsonFloor, rssMiB: peak.jsonFloor });
    rows.push({ bench: 'peer', scenario: 'cdk8s-plus-28 L2 constructs, synthYaml()', work, ms: res.ms.peer, rssMiB: peak.peer, note: withCdk8s ? undefined : 'skipped (BENCH_FULL=1)' });
    check(`render R=${r}: ours / JSON.stringify floor`, ratios.oursOverJsonFloor, 4, 'x');
    if (ratios.peerOverOurs !== undefined) check(`render R=${r}: cdk8s-plus-28 / ours (times faster)`, ratios.peerOverOurs, 3, 'x', '≥');
  }
  log('render scaling: R=1,000 and R=10,000 interleaved');
  const promise = renderPromise();
  const [small, large] = [renderRequests(1000), renderRequests(10000)];
  const s = scaling(() => renderAll(promise, small), () => renderAll(promise, large), 5);
  out.scaling = { ours: s.ratio, runs: s.runs, ofMedians: ofMedians(out[1000].ms, out[10000].ms) };
  check('render scaling: time(R=10,000) / time(R=1,000)', out.scaling.ours, 11, 'x');
  results.benchmarks.render = out;
}

function importBench(): void {
  const out: any = {};
  const { skipped } = importable(fixtures());
  for (const scenario of ['largest', 'all'] as const) {
    log(`import ${scenario}`);
    const r = benchImport(scenario, 3);
    const peak = scenario === 'largest' ? rss('import-largest') : rss('import-all', skipped.map(s => s.name).join(','));
    out[scenario] = { ...r, peakRssMiB: peak, ratios: { oursOverFloor: pairedRatio(r.runs.ours, r.runs.parseAndApiObjectFloor) } };
    const work = `${r.fixtures} fixture${r.fixtures > 1 ? 's' : ''}, ${(r.bytes / MIB).toFixed(1)} MiB`;
    rows.push({ bench: 'import', scenario: `KratixPromise.fromYaml + synthYaml() (${scenario})`, work, ms: r.ms.ours, rssMiB: peak, note: r.skipped.length ? `${r.skipped.length} fixture(s) rejected by validation, left out` : undefined });
    rows.push({ bench: 'import', scenario: 'floor: parse + same docs as ApiObjects', work, ms: r.ms.parseAndApiObjectFloor });
  }
  results.benchmarks.import = out;
}

function coldStart(): void {
  log('cold start');
  const r = benchColdStart(9);
  results.benchmarks.coldStart = r;
  const note = r.libStale ? 'lib/ is older than src/: run npx projen compile first' : undefined;
  rows.push({ bench: 'cold start', scenario: "node -e \"require('cdk8s-kratix')\" (its main, <repo>/lib/index.js)", work: 'new process', ms: r.ms.ours, note });
  rows.push({ bench: 'cold start', scenario: "node -e \"require('cdk8s-plus-28')\"", work: 'new process', ms: r.ms.cdk8sPlus28 });
  rows.push({ bench: 'cold start', scenario: "node -e ''", work: 'new process', ms: r.ms.emptyNode });
  check('cold start: ours - cdk8s-plus-28', r.ms.ours - r.ms.cdk8sPlus28, 50, ' ms');
}

function requestsBench(): void {
  log('requests R=10,000: validate and default, against ajv alone');
  const r = benchRequests(10000, 7);
  const ratio = pairedRatio(r.runs.ours, r.runs.ajvFloor);
  const onDefaulted = pairedRatio(r.runs.ours, r.runs.ajvOnDefaulted);
  results.benchmarks.requests = { ...r, ratios: { oursOverAjvFloor: ratio, oursOverAjvOnDefaulted: onDefaulted } };
  const work = `R=${r.r} (${r.fixture.replace(/\.yaml$/, '')})`;
  rows.push({ bench: 'requests', scenario: 'checkResource: copy, defaults, ajv (a ResourceRequest at synth)', work, ms: r.ms.ours });
  rows.push({ bench: 'requests', scenario: 'floor: ajv compiled validator alone', work, ms: r.ms.ajvFloor });
  rows.push({ bench: 'requests', scenario: 'ajv alone on the requests already defaulted', work, ms: r.ms.ajvOnDefaulted, note: `ours / this: ${round(onDefaulted)}x` });
  check('requests R=10,000: validate and default / ajv alone', ratio, 2, 'x');
}

function packageSize(): void {
  log('package size (npm pack --dry-run)');
  const r = benchPackageSize();
  results.benchmarks.packageSize = r;
  const kib = (bytes: number): string => `${round(bytes / 1024)} KiB`;
  const parts = Object.entries(r.parts).sort(([, a], [, b]) => b - a).map(([part, bytes]) => `${part} ${kib(bytes)}`).join(', ');
  rows.push({ bench: 'package', scenario: 'npm pack: the tarball', work: `${r.files} files`, note: `${kib(r.packedBytes)} packed, ${kib(r.unpackedBytes)} unpacked (${parts})` });
}

function pipelineLoad(): void {
  log('pipeline SDK load');
  const r = benchPipelineLoad(15);
  results.benchmarks.pipelineLoad = r;
  rows.push({ bench: 'pipeline load', scenario: "node -e \"require('cdk8s-kratix/pipeline')\"", work: 'new process', ms: r.ms.sdk });
  rows.push({ bench: 'pipeline load', scenario: 'the same, then a first YAML parse (readStatus)', work: 'new process', ms: r.ms.sdkFirstYaml });
  rows.push({ bench: 'pipeline load', scenario: 'node -e 0', work: 'new process', ms: r.ms.emptyNode, note: `SDK's CPU time over node -e 0: ${round(r.cpuOverheadMs)} ms` });
  check("pipeline load: require('cdk8s-kratix/pipeline') - node -e 0", r.overheadMs, 25, ' ms');
}

/** Each case's median time at the larger size over its median at the smaller (sizes timed minutes apart). */
function ofMedians(small: Record<string, number | undefined>, large: Record<string, number | undefined>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(small)) if (v !== undefined && large[k] !== undefined) out[k] = large[k]! / v;
  return out;
}

function table(): string {
  const head = ['benchmark', 'scenario', 'work', 'median ms', 'peak RSS MiB', 'note'];
  const body = rows.map(r => [r.bench, r.scenario, r.work, r.ms === undefined ? '-' : String(round(r.ms)), r.rssMiB === undefined ? '-' : String(Math.round(r.rssMiB)), r.note ?? '']);
  const lines = [head, head.map(() => '---'), ...body].map(cells => `| ${cells.join(' | ')} |`);
  const targets = checks.map(c => `| ${c.target} | ${c.value} | ${c.limit} | ${c.pass ? 'PASS' : 'FAIL'} |`);
  return [...lines, '', '| target | measured | limit | result |', '| --- | --- | --- | --- |', ...targets].join('\n');
}

async function workflowRun(): Promise<void> {
  const out: any = {};
  for (const [r, repeats] of [[100, 7], [1000, 5]]) {
    log(`run R=${r}`);
    const res = await benchRun(r, repeats);
    const ratio = pairedRatio(res.runs.ours, res.runs.floor);
    out[r] = { ...res, ratios: { oursOverFloor: ratio } };
    const work = `R=${r} requests`;
    rows.push({ bench: 'run', scenario: 'runWorkflow: 1 pipeline, 1 in-process step writing 3 files, 1 Destination', work, ms: res.ms.ours, note: `${round(res.perRequestMs.ours)} ms per request` });
    rows.push({ bench: 'run', scenario: 'floor: the same 3 files with fs, a directory per request', work, ms: res.ms.floor, note: `${round(res.perRequestMs.floor)} ms per request` });
    check(`run R=${r}: ours / fs floor (per request)`, ratio, 3, 'x');
  }
  log('run scaling: R=100 and R=1,000 interleaved');
  const s = await runScaling(100, 1000, 3);
  out.scaling = { ours: s.ratio, runs: s.runs };
  check('run scaling: time(R=1,000) / time(R=100)', s.ratio, 11, 'x');
  results.benchmarks.run = out;
}

const SECTIONS: Record<string, () => void | Promise<void>> = {
  synth, render, 'import': importBench, 'cold-start': coldStart, 'pipeline-load': pipelineLoad, 'package': packageSize, 'requests': requestsBench, 'run': workflowRun,
};

/** Records that benchmark `name` failed, as a row and in the results. */
function failed(name: string, message: string): void {
  results.benchmarks[name] = { error: message };
  rows.push({ bench: name, scenario: 'FAILED', work: '', note: message.slice(0, 200) });
}

/** Runs one benchmark in this process and writes what it found to `file`, for `inChildProcess`. */
async function runSection(name: string, file: string): Promise<void> {
  try {
    await SECTIONS[name]();
  } catch (e: any) {
    log(`${name} failed: ${e.stack ?? e}`);
    failed(name, String(e.message ?? e));
  }
  fs.writeFileSync(file, JSON.stringify({ rows, checks, benchmarks: results.benchmarks }));
}

/** Runs one benchmark in a fresh node process (`run.ts --section NAME FILE`) and takes its rows, checks and results. */
function inChildProcess(name: string): void {
  const file = path.join(os.tmpdir(), `cdk8s-kratix-bench-${process.pid}-section-${name}.json`);
  spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', __filename, '--section', name, file], {
    cwd: REPO,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, TS_NODE_PROJECT: path.join(__dirname, 'tsconfig.json') },
  });
  if (!fs.existsSync(file)) return failed(name, 'its process ended without results (see the log above)');
  const part = JSON.parse(fs.readFileSync(file, 'utf8'));
  fs.unlinkSync(file);
  rows.push(...part.rows);
  checks.push(...part.checks);
  Object.assign(results.benchmarks, part.benchmarks);
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  if (only[0] === '--section') return runSection(only[1], only[2]);
  const t0 = Date.now();
  for (const name of Object.keys(SECTIONS)) {
    if (only.length > 0 && !only.includes(name)) continue;
    inChildProcess(name);
  }
  results.checks = checks;
  results.seconds = Math.round((Date.now() - t0) / 1000);
  const m = results.machine;
  const text = `${table()}\n\nMachine: ${m.cpu}, ${m.nproc} CPUs, ${m.memGiB} GiB, node ${m.node}, ${m.platform}; commit ${m.commit}; ${results.seconds} s\n`;
  process.stdout.write(text);
  const file = path.join(__dirname, 'results.json');
  if (only.length === 0) {
    fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
    fs.renameSync(`${file}.tmp`, file);
    log(`wrote ${path.relative(REPO, file)}`);
  } else {
    log(`partial run (${only.join(', ')}): ${path.relative(REPO, file)} not written`);
  }
  if (checks.some(c => !c.pass)) process.exitCode = 1;
}

void main();
