import { Kratix } from '../constants';
import { isObject } from '../model/errors';
import { quote } from '../private/quote';

/** How a Destination lays out files in its state store (`spec.filepath.mode`). */
export type FilepathMode = 'nestedByMetadata' | 'none' | 'aggregatedYAML';

const MODES: FilepathMode[] = ['nestedByMetadata', 'none', 'aggregatedYAML'];

/** What scheduling and the state store need from a Kratix `Destination`. */
export interface Destination {
  readonly name: string;
  readonly labels: Record<string, string>;
  /** `spec.path`: where its files start in the state store. */
  readonly path: string;
  readonly strictMatchLabels: boolean;
  readonly filepathMode: FilepathMode;
  /** `spec.filepath.filename` (aggregatedYAML mode), default `aggregated.yaml`. */
  readonly filename: string;
  /** It has a `metadata.deletionTimestamp`: scheduling skips it. */
  readonly deleting: boolean;
}

/** A Destination file that is not Destinations. */
export class DestinationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DestinationError';
  }
}

/**
 * Reads Kratix `Destination` documents (`platform.kratix.io/v1alpha1`), also inside a `List`.
 *
 * @param docs the documents of the file
 * @param file the file name, for messages
 * @throws DestinationError naming the file, the document, the field and the value
 */
export function readDestinations(docs: readonly unknown[], file: string): Destination[] {
  const out: Destination[] = [];
  const seen = new Set<string>();
  const read = (doc: unknown, where: string) => {
    const fail = (field: string, problem: string): never => {
      throw new DestinationError(`${file}: ${where}: ${field}: ${problem}`);
    };
    if (!isObject(doc)) return fail('(document)', `${quote(doc)} is not a Destination object`);
    if (doc.kind === 'List' || doc.kind === 'DestinationList') {
      if (!Array.isArray(doc.items)) fail('items', `${quote(doc.items)} is not a list of Destinations`);
      doc.items.forEach((item: unknown, i: number) => read(item, `${where} items[${i}]`));
      return;
    }
    if (doc.kind !== 'Destination' || doc.apiVersion !== Kratix.API_VERSION) {
      fail('kind', `${quote(doc.kind)} (apiVersion ${quote(doc.apiVersion)}) is not a Destination: expected apiVersion ${Kratix.API_VERSION}, kind Destination`);
    }
    const meta = isObject(doc.metadata) ? doc.metadata : fail('metadata', `${quote(doc.metadata)} is not an object with a name`);
    const name = typeof meta.name === 'string' && meta.name !== '' ? meta.name : fail('metadata.name', `${quote(meta.name)}: every Destination needs a name`);
    if (seen.has(name)) fail('metadata.name', `${quote(name)}: two Destinations have this name`);
    seen.add(name);
    const labels = meta.labels ?? {};
    if (!isObject(labels)) fail('metadata.labels', `${quote(labels)} is not a map of strings`);
    for (const [k, v] of Object.entries(labels)) if (typeof v !== 'string') fail(`metadata.labels.${k}`, `${quote(v)} is not a string (quote it in YAML)`);
    const spec = isObject(doc.spec) ? doc.spec : fail('spec', `${quote(doc.spec)} is not a Destination spec`);
    // Kratix's webhook: "path field is required".
    const path = typeof spec.path === 'string' && spec.path !== '' ? spec.path : fail('spec.path', `${quote(spec.path)}: path field is required (Kratix's webhook rejects a Destination without it)`);
    const strict = spec.strictMatchLabels ?? false;
    if (typeof strict !== 'boolean') fail('spec.strictMatchLabels', `${quote(strict)} is not true or false`);
    const filepath = spec.filepath ?? {};
    if (!isObject(filepath)) fail('spec.filepath', `${quote(filepath)} is not an object`);
    const mode = filepath.mode === undefined || filepath.mode === '' ? 'nestedByMetadata' : filepath.mode;
    if (!MODES.includes(mode)) fail('spec.filepath.mode', `${quote(mode)} is not one of ${MODES.join(', ')}`);
    const filename = filepath.filename === undefined || filepath.filename === '' ? 'aggregated.yaml' : filepath.filename;
    if (typeof filename !== 'string') fail('spec.filepath.filename', `${quote(filename)} is not a file name`);
    const deleting = meta.deletionTimestamp !== undefined && meta.deletionTimestamp !== null;
    out.push({ name, labels: labels as Record<string, string>, path, strictMatchLabels: strict, filepathMode: mode, filename, deleting });
  };
  docs.forEach((doc, i) => read(doc, `document ${i + 1}`));
  return out;
}
