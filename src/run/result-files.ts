import { KubeObject } from '../render';
import { objectYaml, sortedKeys } from './object-yaml';
import type { RunResult } from './run-workflow';
import { unifiedDiff } from './unified-diff';
import { decompress } from './workload-groups';
import { emitYamlDocument } from '../render/yaml-emitter';

/** What `--out DIR` holds: paths relative to DIR (`/`-separated) and their bytes. */
export function resultFiles(result: RunResult): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  files.set('object.yaml', Buffer.from(objectYaml(result.object)));
  for (const work of result.works) files.set(`works/${work.metadata.name}.yaml`, Buffer.from(emitYamlDocument(work)));
  for (const f of result.stateStore) files.set(`state-store/${f.destination}/${f.path}`, f.content);
  return files;
}

/** Keys whose values are times of the run: they differ between runs, so `--expect` ignores them. */
const TIME_KEYS = new Set(['lastTransitionTime', 'nextRetryAt', 'lastExecutionTimestamp']);

function maskTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskTimes);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = TIME_KEYS.has(k) && typeof v === 'string' ? '<time>' : maskTimes(v);
  return out;
}

/**
 * What `--expect` compares of one file of a result tree: of `object.yaml` its labels and status;
 * of a Work its metadata and workload groups with every workload's content decoded; a state-store
 * file byte for byte. Times of the run are masked (`<time>`) and conditions sorted by type, whose
 * order Kratix leaves unspecified.
 *
 * @param parse parses a YAML document (the command line's reader)
 */
export function comparableText(file: string, bytes: Buffer, parse: (text: string) => any): string {
  if (file === 'object.yaml') {
    const obj = parse(bytes.toString('utf8')) ?? {};
    const status = obj.status && Array.isArray(obj.status.conditions)
      ? { ...obj.status, conditions: [...obj.status.conditions].sort((x: any, y: any) => String(x?.type).localeCompare(String(y?.type))) }
      : obj.status;
    return emitYamlDocument(maskTimes(sortedKeys({ labels: obj.metadata?.labels ?? {}, status: status ?? {} })));
  }
  if (file.startsWith('works/')) {
    const work: KubeObject = parse(bytes.toString('utf8')) ?? {};
    const groups = (work.spec?.workloadGroups ?? []).map((g: any) => ({
      ...g,
      workloads: (g.workloads ?? []).map((w: any) => ({ filepath: w.filepath, content: decodeOrKeep(w.content) })),
    }));
    return emitYamlDocument(maskTimes({ metadata: work.metadata, spec: { ...work.spec, workloadGroups: groups } }));
  }
  return bytes.toString('utf8');
}

function decodeOrKeep(content: unknown): unknown {
  try {
    return decompress(String(content)).toString('utf8');
  } catch {
    return content;
  }
}

/**
 * The unified diff of an expected result tree against an actual one ('' when they agree), file
 * by file in path order, each compared by `comparableText`. A file on one side only shows as added
 * or removed.
 */
export function diffTrees(expected: Map<string, Buffer>, actual: Map<string, Buffer>, parse: (text: string) => any): string {
  const names = [...new Set([...expected.keys(), ...actual.keys()])].sort();
  let out = '';
  for (const name of names) {
    const e = expected.get(name);
    const a = actual.get(name);
    out += unifiedDiff(e ? `expected/${name}` : '/dev/null', a ? `actual/${name}` : '/dev/null',
      e ? comparableText(name, e, parse) : '', a ? comparableText(name, a, parse) : '');
  }
  return out;
}
