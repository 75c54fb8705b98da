/**
 * Benchmark 6, pipeline SDK load time: `require('cdk8s-kratix/pipeline')` (the compiled SDK,
 * through the package's `exports` entry) in a new node process, against `node -e 0`, runs
 * interleaved, median of several. A pipeline container starts once per run, so this is paid on
 * every run. Also timed: the SDK plus its first YAML parse (reading a status file), which loads
 * the `yaml` package on first use; and the CPU time of the two processes (`process.cpuUsage()` at
 * exit), which a busy machine inflates less than wall time.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { timeProcess } from './cold-start';
import { median, REPO } from './common';

export interface PipelineLoadResult {
  readonly ms: { sdk: number; sdkFirstYaml: number; emptyNode: number };
  /** Median of same-round differences `sdk - emptyNode`. */
  readonly overheadMs: number;
  /** Median of same-round differences of the processes' CPU time (user + system). */
  readonly cpuOverheadMs: number;
  readonly runs: Record<string, number[]>;
}

/** CPU time (user + system, all threads) of `node -e <code>` from its start to its end, in milliseconds. */
function cpuOfProcess(code: string): number {
  const tail = '; const u = process.cpuUsage(); process.stdout.write(String((u.user + u.system) / 1000))';
  const r = spawnSync(process.execPath, ['-e', code + tail], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pipeline load: node -e ${JSON.stringify(code)} failed: ${r.stderr}`);
  return Number(r.stdout);
}

export function benchPipelineLoad(repeats: number): PipelineLoadResult {
  const entry = path.join(REPO, 'lib', 'sdk', 'index.js');
  if (!fs.existsSync(entry)) throw new Error(`pipeline load: ${entry} is missing; build it with npx jsii --silence-warnings=reserved-word`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pipeline-load-'));
  fs.writeFileSync(path.join(dir, 'status.yaml'), 'message: ready\n');
  const cases: Record<string, string> = {
    sdk: "require('cdk8s-kratix/pipeline')",
    sdkFirstYaml: `new (require('cdk8s-kratix/pipeline').KratixSdk)({ metadataDir: ${JSON.stringify(dir)} }).readStatus()`,
    emptyNode: '0',
  };
  const runs: Record<string, number[]> = { sdk: [], sdkFirstYaml: [], emptyNode: [] };
  const overheads: number[] = [];
  const cpuOverheads: number[] = [];
  for (let round = 0; round < repeats + 2; round++) {
    const t: Record<string, number> = {};
    for (const [name, code] of Object.entries(cases)) t[name] = timeProcess(code);
    if (round < 2) continue;
    for (const name of Object.keys(cases)) runs[name].push(Math.round(t[name] * 100) / 100);
    overheads.push(t.sdk - t.emptyNode);
    cpuOverheads.push(cpuOfProcess(cases.sdk) - cpuOfProcess(cases.emptyNode));
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    ms: { sdk: median(runs.sdk), sdkFirstYaml: median(runs.sdkFirstYaml), emptyNode: median(runs.emptyNode) },
    overheadMs: median(overheads),
    cpuOverheadMs: median(cpuOverheads),
    runs,
  };
}
