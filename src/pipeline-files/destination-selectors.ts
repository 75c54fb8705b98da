import * as path from 'path';
import { PipelineFileError } from './errors';
import { goField, goString, isMap, jsonKind } from './go-scalars';
import { parseYaml11, stringifyYaml11 } from './yaml-1-1';
import { KratixPaths } from '../constants';

/**
 * One entry of `/kratix/metadata/destination-selectors.yaml`.
 *
 * @see https://docs.kratix.io/main/reference/destinations/multidestination-management
 */
export interface DestinationSelectorEntry {
  /**
   * A top-level directory of `/kratix/output` whose files are scheduled by `matchLabels` alone.
   *
   * @default - the root entry: its labels join the Promise's selectors for the other files
   */
  readonly directory?: string;
  /** Labels a Destination must carry (at least one). */
  readonly matchLabels: Readonly<Record<string, string>>;
}

/** The file name Kratix's work-writer reads (with a hyphen). */
export const DESTINATION_SELECTORS_FILE = path.posix.basename(KratixPaths.DESTINATION_SELECTORS);

const TYPE = '[]v1alpha1.WorkflowDestinationSelectors';
const FIX_SHAPE = 'write a list of entries, each `matchLabels: {key: "value"}` with an optional `directory: name`';

/**
 * Parses `destination-selectors.yaml` as Kratix's work-writer does (YAML 1.1, keys matched
 * case-insensitively, unknown keys ignored, scalars turned into strings) and checks it with the
 * work-writer's rules ({@link checkDestinationSelectors}). Empty text or `null` is no entries.
 *
 * @param text the file's content
 * @param file the file's path, for errors
 * @returns the entries, directories cleaned as Kratix cleans them; the root entry has no `directory`
 * @throws PipelineFileError with the work-writer's own words for each rule it enforces
 * @see https://github.com/syntasso/kratix/blob/main/work-creator/lib/work_creator.go
 */
export function parseDestinationSelectors(text: string, file: string): DestinationSelectorEntry[] {
  const doc = parseYaml11(text, file, { intAsBigInt: true, prefix: 'invalid destination-selectors.yaml: ', fix: FIX_SHAPE });
  if (doc === null || doc === undefined) return [];
  const decodeError = (problem: string) => new PipelineFileError(file, `invalid destination-selectors.yaml: error unmarshaling JSON: while decoding JSON: json: ${problem}`, FIX_SHAPE);
  if (!Array.isArray(doc)) throw decodeError(`cannot unmarshal ${jsonKind(doc)} into Go value of type ${TYPE}`);
  const entries = doc.map((raw): { directory?: string; matchLabels: Record<string, string> } => {
    if (raw === null) return { matchLabels: {} };
    if (!isMap(raw)) throw decodeError(`cannot unmarshal ${jsonKind(raw)} into Go value of type v1alpha1.WorkflowDestinationSelectors`);
    const labels = goField(raw, 'matchLabels').value;
    const matchLabels: Record<string, string> = {};
    if (labels !== null && labels !== undefined) {
      if (!isMap(labels)) throw decodeError(`cannot unmarshal ${jsonKind(labels)} into Go struct field WorkflowDestinationSelectors.matchLabels of type map[string]string`);
      for (const [k, v] of Object.entries(labels)) {
        const s = goString(v);
        if (s === undefined) throw decodeError(`cannot unmarshal ${jsonKind(v)} into Go struct field WorkflowDestinationSelectors.matchLabels of type string`);
        matchLabels[k] = s;
      }
    }
    const dir = goField(raw, 'directory').value;
    const directory = goString(dir);
    if (directory === undefined) throw decodeError(`cannot unmarshal ${jsonKind(dir)} into Go struct field WorkflowDestinationSelectors.directory of type string`);
    return directory === '' ? { matchLabels } : { directory, matchLabels };
  });
  return checkDestinationSelectors(entries, file);
}

/**
 * Checks entries with the work-writer's rules, in its order: each directory cleaned as Go's
 * `filepath.Clean` does; every entry has at least one `matchLabels` pair; no two entries share a
 * directory (two root entries included); a directory is one path segment. Also refuses `..` and
 * `/`, which Kratix lets through but which read outside, or all of, `/kratix/output`.
 *
 * @param entries the entries, as written or parsed
 * @param file the file (or argument) they are for, for errors
 * @returns the entries with cleaned directories (`.` becomes the root entry, without `directory`)
 * @throws PipelineFileError naming the entry and the rule
 */
export function checkDestinationSelectors(entries: readonly DestinationSelectorEntry[], file: string): DestinationSelectorEntry[] {
  if (!Array.isArray(entries)) {
    throw new PipelineFileError(file, `destination selectors must be a list of entries, got ${jsonKind(entries)}`, FIX_SHAPE);
  }
  const cleaned = entries.map((entry, i) => {
    if (!isMap(entry)) throw new PipelineFileError(file, `entry with index ${i} is ${jsonKind(entry)}, not an entry`, FIX_SHAPE);
    if (entry.directory !== undefined && typeof entry.directory !== 'string') {
      throw new PipelineFileError(file, `entry with index ${i}: directory must be a string, got ${jsonKind(entry.directory)}`, 'name one top-level directory of /kratix/output, or leave it out for the root entry');
    }
    const labels = entry.matchLabels ?? {};
    if (!isMap(labels)) throw new PipelineFileError(file, `entry with index ${i}: matchLabels must be a map of strings, got ${jsonKind(labels)}`, FIX_SHAPE);
    for (const [k, v] of Object.entries(labels)) {
      if (typeof v !== 'string') {
        throw new PipelineFileError(file, `entry with index ${i}: matchLabels ${JSON.stringify(k)} must be a string, got ${jsonKind(v)}`, 'quote the label value');
      }
    }
    return { directory: cleanPath(entry.directory ?? ''), matchLabels: { ...labels } as Record<string, string> };
  });
  cleaned.forEach((entry, i) => {
    if (Object.keys(entry.matchLabels).length === 0) {
      throw new PipelineFileError(file, `invalid destination-selectors.yaml: entry with index ${i} has no selectors`, 'give every entry at least one matchLabels pair');
    }
  });
  const seen = new Set<string>();
  for (const entry of cleaned) {
    if (seen.has(entry.directory)) {
      throw new PipelineFileError(file, `duplicate entries in destination-selectors.yaml: \n${goPrint(cleaned)}`,
        `directory ${JSON.stringify(entry.directory)} appears twice; merge the two entries into one (at most one entry may leave out directory)`);
    }
    seen.add(entry.directory);
  }
  for (const { directory } of cleaned) {
    if (basePath(directory) !== directory) {
      throw new PipelineFileError(file, `invalid directory in destination-selectors.yaml: ${directory}, sub-directories are not allowed`,
        'name a top-level directory of /kratix/output (one path segment, no leading /)');
    }
    if (directory === '..' || directory === '/') {
      throw new PipelineFileError(file, `invalid directory in destination-selectors.yaml: ${directory} is outside the output directory`,
        'name a top-level directory of /kratix/output (Kratix accepts this one, but then schedules files from outside, or all, of /kratix/output)');
    }
  }
  return cleaned.map(({ directory, matchLabels }) => (directory === '.' ? { matchLabels } : { directory, matchLabels }));
}

/**
 * The text of `destination-selectors.yaml` for checked entries: every string quoted where YAML
 * 1.1 would misread it, keys in Kratix's struct order.
 */
export function destinationSelectorsText(entries: readonly DestinationSelectorEntry[]): string {
  if (entries.length === 0) return '[]\n';
  return stringifyYaml11(entries.map(e => (e.directory === undefined
    ? { matchLabels: e.matchLabels }
    : { directory: e.directory, matchLabels: e.matchLabels })));
}

/** Go's `%v` of the parsed slice: `[{map[a:b] .} {map[c:d] platform}]`. */
function goPrint(entries: readonly { directory: string; matchLabels: Record<string, string> }[]): string {
  const map = (m: Record<string, string>) => `map[${Object.keys(m).sort().map(k => `${k}:${m[k]}`).join(' ')}]`;
  return `[${entries.map(e => `{${map(e.matchLabels)} ${e.directory}}`).join(' ')}]`;
}

/** Go's `filepath.Clean` on a POSIX system. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else {
      out.push(part);
    }
  }
  const joined = out.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

/** Go's `filepath.Base` on a POSIX system. */
function basePath(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
