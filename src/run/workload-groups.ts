import * as fs from 'fs';
import * as path from 'path';
import { gunzipSync, gzipSync } from 'zlib';
import { DestinationSelectorEntry } from '../pipeline-files';
import { md5Hex } from '../render';

/** One `destinationSelectors` entry of a workload group, as the work-writer writes it. */
export interface GroupSelector {
  readonly matchLabels: Record<string, string>;
  /** `promise`, `promise-workflow` or `<type>-workflow`. */
  readonly source: string;
}

/** One file of `/kratix/output`, as a Work's workload. */
export interface Workload {
  /** Relative to the output directory, `/`-separated, with the group's directory prefix. */
  readonly filepath: string;
  /** base64 of the gzipped file. */
  readonly content: string;
}

/** A workload group of a Work (`spec.workloadGroups[]`). */
export interface WorkloadGroup {
  readonly workloads: Workload[];
  /** `.` for the root group, else the top-level directory of the output. */
  readonly directory: string;
  /** `md5hex(directory)`. */
  readonly id: string;
  readonly destinationSelectors: GroupSelector[];
}

/** The directory of the root (default) workload group. */
export const ROOT_DIRECTORY = '.';

/** The source of the Promise's own `spec.destinationSelectors` on a workload group. */
export const PROMISE_SOURCE = 'promise';

/**
 * Every file under `dir`, depth-first, each level in byte-wise name order (Go's `os.ReadDir`), a
 * subdirectory expanded at its sorted place; dotfiles and empty files included.
 *
 * @param root the output directory; `filepath`s are relative to it
 * @see https://github.com/syntasso/kratix/blob/main/work-creator/lib/work_creator.go getWorkloadsFromDir
 */
export function workloadFiles(root: string, dir: string, skipTopLevel: ReadonlySet<string> = new Set()): Workload[] {
  const out: Workload[] = [];
  walk(root, dir, dir === root ? skipTopLevel : undefined, out);
  return out;
}

function walk(root: string, dir: string, skip: ReadonlySet<string> | undefined, out: Workload[]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => byteOrder(a.name, b.name));
  for (const entry of entries) {
    if (skip?.has(entry.name)) continue;
    const file = path.join(dir, entry.name);
    // A symlink is read as a file, as Go's os.ReadFile does: a link to a directory fails.
    if (entry.isDirectory()) {
      walk(root, file, undefined, out);
    } else {
      out.push({ filepath: path.relative(root, file).split(path.sep).join('/'), content: compress(fs.readFileSync(file)) });
    }
  }
}

/** Compares strings by their UTF-8 bytes, as Go sorts directory entries. */
function byteOrder(a: string, b: string): number {
  // UTF-16 order is byte order for ASCII names, the usual case.
  if (/^[\x00-\x7f]*$/.test(a + b)) return a < b ? -1 : a > b ? 1 : 0;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Kratix's `CompressContent`: base64 (padded) of gzip of the bytes. Compare decoded, never the text. */
export function compress(bytes: Uint8Array): string {
  return gzipSync(bytes).toString('base64');
}

/** Kratix's `DecompressContent`: the bytes a workload's `content` stands for. */
export function decompress(content: string): Buffer {
  return gunzipSync(Buffer.from(content, 'base64'));
}

/**
 * Kratix's `SquashPromiseScheduling`: the `matchLabels` of every entry in one map, the FIRST entry
 * winning on a key conflict.
 */
export function squash(selectors: ReadonlyArray<Record<string, string> | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const labels of selectors) {
    for (const [k, v] of Object.entries(labels ?? {})) if (!(k in out)) out[k] = v;
  }
  return out;
}

/**
 * The work-writer's workload groups (runtime doc §4.2): one group per directory entry of
 * `destination-selectors.yaml` (only its own selectors), then the root group LAST when it has
 * files (the root entry's labels, then the Promise's `spec.destinationSelectors` squashed).
 *
 * @param outputDir the pipeline's `/kratix/output`
 * @param selectors the validated `destination-selectors.yaml` entries, in file order
 * @param type the workflow type, `promise` or `resource`
 * @param promiseSelectors the Promise's `spec.destinationSelectors[].matchLabels`
 * @throws Error when a directory entry names a directory that does not exist, with Kratix's message
 */
export function workloadGroups(
  outputDir: string,
  selectors: readonly DestinationSelectorEntry[],
  type: string,
  promiseSelectors: ReadonlyArray<Record<string, string> | undefined>,
): WorkloadGroup[] {
  const source = `${type}-workflow`;
  const groups: WorkloadGroup[] = [];
  const ignore = new Set<string>();
  let rootLabels: Record<string, string> | undefined;
  for (const entry of selectors) {
    const directory = entry.directory ?? ROOT_DIRECTORY;
    if (directory === ROOT_DIRECTORY) {
      rootLabels = entry.matchLabels;
      continue;
    }
    ignore.add(directory);
    const dir = path.join(outputDir, directory);
    if (!fs.existsSync(dir)) {
      throw new Error(`work creator execution failed: open /work-creator-files/input/${directory}: no such file or directory ` +
        `(destination-selectors.yaml names directory '${directory}', which the pipeline did not write to /kratix/output)`);
    }
    groups.push({
      workloads: workloadFiles(outputDir, dir),
      directory,
      id: md5Hex(directory),
      destinationSelectors: [{ matchLabels: entry.matchLabels, source }],
    });
  }
  const rootFiles = workloadFiles(outputDir, outputDir, ignore);
  if (rootFiles.length > 0) {
    const destinationSelectors: GroupSelector[] = [];
    if (rootLabels !== undefined) destinationSelectors.push({ matchLabels: rootLabels, source });
    // Since Kratix PR #94 the promise-scheduling ConfigMap holds only the Promise's own selectors.
    if (promiseSelectors.length > 0) destinationSelectors.push({ matchLabels: squash(promiseSelectors), source: PROMISE_SOURCE });
    groups.push({ workloads: rootFiles, directory: ROOT_DIRECTORY, id: md5Hex(ROOT_DIRECTORY), destinationSelectors });
  }
  return groups;
}
