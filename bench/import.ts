/**
 * Benchmark 4, import: `KratixPromise.fromYaml` then synth, for the largest fixture in
 * ../shared/fixtures/promises and for all of them in one app, against the cdk8s floor for the
 * same text: parse the YAML (`yaml` package) and synthesize the parsed documents as ApiObjects.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { apiObjectsYaml, SHARED, timeInterleaved } from './common';
import { KratixPromise } from '../src';

export const FIXTURES = path.join(SHARED, 'fixtures', 'promises');

export interface Fixture { readonly name: string; readonly text: string }

export function fixtures(): Fixture[] {
  return fs.readdirSync(FIXTURES).filter(f => f.endsWith('.yaml') || f.endsWith('.yml')).sort()
    .map(name => ({ name, text: fs.readFileSync(path.join(FIXTURES, name), 'utf8') }));
}

export function largestFixture(): Fixture {
  return fixtures().sort((a, b) => b.text.length - a.text.length)[0];
}

const QUIET = { warningHandler: { onWarning: () => undefined } };

/** Imports each fixture into its own chart of one app and synthesizes it. */
export function importAndSynth(list: readonly Fixture[]): string {
  const app = new App();
  list.forEach((f, i) => KratixPromise.fromYaml(new Chart(app, `c${i}`), 'promise', f.text, QUIET));
  return app.synthYaml();
}

/** The floor: parse the same text and synthesize its documents as plain ApiObjects. */
export function parseAndSynth(list: readonly Fixture[]): string {
  const docs = list.flatMap(f => parseAllDocuments(f.text).map(d => d.toJS()).filter(d => d?.kind === 'Promise'));
  return apiObjectsYaml(docs);
}

export interface ImportResult {
  readonly scenario: string;
  readonly fixtures: number;
  readonly bytes: number;
  readonly ms: { ours: number; parseAndApiObjectFloor: number };
  readonly skipped: Array<{ name: string; error: string }>;
  readonly runs: Record<string, number[]>;
}

/** The fixtures that import and synthesize; the others, with why. */
export function importable(list: readonly Fixture[]): { ok: Fixture[]; skipped: Array<{ name: string; error: string }> } {
  const ok: Fixture[] = [];
  const skipped: Array<{ name: string; error: string }> = [];
  for (const f of list) {
    try {
      importAndSynth([f]);
      ok.push(f);
    } catch (e: any) {
      skipped.push({ name: f.name, error: String(e?.message ?? e).split('\n').slice(0, 3).join(' ').slice(0, 300) });
    }
  }
  return { ok, skipped };
}

export function benchImport(scenario: 'largest' | 'all', repeats: number): ImportResult {
  const { ok, skipped } = importable(scenario === 'largest' ? [largestFixture()] : fixtures());
  if (ok.length === 0) throw new Error(`import ${scenario}: no fixture imports: ${JSON.stringify(skipped)}`);
  const t = timeInterleaved({
    ours: () => importAndSynth(ok),
    parseAndApiObjectFloor: () => parseAndSynth(ok),
  }, repeats);
  return {
    scenario,
    fixtures: ok.length,
    bytes: ok.reduce((n, f) => n + f.text.length, 0),
    ms: { ours: t.ours.ms, parseAndApiObjectFloor: t.parseAndApiObjectFloor.ms },
    skipped,
    runs: { ours: t.ours.runs, parseAndApiObjectFloor: t.parseAndApiObjectFloor.runs },
  };
}
