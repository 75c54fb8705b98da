/**
 * Benchmark 5, cold start: `require('<repo>/lib/index.js')` (the COMPILED library, built by
 * `npx jsii`) in a new node process, against `require('cdk8s-plus-28')` alone and an empty
 * `node -e ''`, runs interleaved, median of several.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { median, now, REPO } from './common';

export const LIB_INDEX = path.join(REPO, 'lib', 'index.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

export interface ColdStartResult {
  readonly ms: { ours: number; cdk8sPlus28: number; emptyNode: number };
  readonly libStale: boolean;
  readonly runs: Record<string, number[]>;
}

/** Wall time of `node -e <code>` in a new process, in milliseconds. */
export function timeProcess(code: string): number {
  const t0 = now();
  const r = spawnSync(process.execPath, ['-e', code], { cwd: REPO, encoding: 'utf8' });
  const t = now() - t0;
  if (r.status !== 0) throw new Error(`cold start: node -e ${JSON.stringify(code)} failed: ${r.stderr}`);
  return t;
}

export function benchColdStart(repeats: number): ColdStartResult {
  if (!fs.existsSync(LIB_INDEX)) throw new Error(`cold start: ${LIB_INDEX} is missing; build it with npx projen compile`);
  const cases: Record<string, string> = {
    ours: `require(${JSON.stringify(LIB_INDEX)})`,
    cdk8sPlus28: "require('cdk8s-plus-28')",
    emptyNode: '',
  };
  const runs: Record<string, number[]> = { ours: [], cdk8sPlus28: [], emptyNode: [] };
  for (let round = 0; round < repeats + 2; round++) {
    for (const [name, code] of Object.entries(cases)) {
      const t = timeProcess(code);
      if (round >= 2) runs[name].push(Math.round(t * 100) / 100);
    }
  }
  return {
    ms: { ours: median(runs.ours), cdk8sPlus28: median(runs.cdk8sPlus28), emptyNode: median(runs.emptyNode) },
    libStale: newestMtime(path.join(REPO, 'src')) > fs.statSync(LIB_INDEX).mtimeMs,
    runs,
  };
}
