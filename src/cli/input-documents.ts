// The Promise and the request a command reads from its YAML files, read the same way by every command.
import { CliError, CliIo } from './io';
import { readYamlDocuments } from './yaml-files';

/** Whether a value is a YAML map. */
export function isMap(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The name of a Promise document, for messages. */
export function nameOf(value: unknown): string {
  const name = isMap(value) && isMap(value.metadata) ? value.metadata.name : undefined;
  return typeof name === 'string' ? name : '';
}

/**
 * Reads the Promise a command works on from a YAML file: its only Promise document, or the one named
 * `chosen` (`--promise NAME`). A file of one document holds the Promise whatever its kind, so that
 * a wrong kind is reported by the renderer with its field.
 */
export function readPromise(io: CliIo, file: string, chosen: string | undefined): Record<string, any> {
  const values = readYamlDocuments(io, file).map(d => d.value);
  if (values.length === 0) throw new CliError(`${file}: no document found; expected a Promise`);
  const promises = values.length === 1 && chosen === undefined ? values : values.filter(v => v?.kind === 'Promise');
  const names = promises.map(p => `'${nameOf(p)}'`).join(', ');
  let candidates = promises;
  if (chosen !== undefined) {
    candidates = promises.filter(p => nameOf(p) === chosen);
    if (candidates.length === 0) {
      throw new CliError(`${file}: no Promise named '${chosen}' (--promise); the file holds ${promises.length === 0 ? 'no Promise' : `the Promises ${names}`}`);
    }
  }
  if (candidates.length === 0) throw new CliError(`${file}: holds ${values.length} documents but no Promise; expected exactly one Promise`);
  if (candidates.length > 1) {
    throw new CliError(chosen === undefined
      ? `${file}: holds ${candidates.length} Promises (${names}); choose one with --promise NAME`
      : `${file}: holds ${candidates.length} Promises named '${chosen}'; keep one of them in the file`);
  }
  const value = candidates[0];
  if (!isMap(value)) throw new CliError(`${file}: the document is not a Promise object`);
  return value;
}

/** Reads the one resource request of a YAML file. */
export function readRequest(io: CliIo, file: string): Record<string, any> {
  const values = readYamlDocuments(io, file).map(d => d.value);
  if (values.length === 0) throw new CliError(`${file}: no document found; expected a resource request`);
  if (values.length !== 1) throw new CliError(`${file}: holds ${values.length} documents; expected exactly one resource request`);
  if (!isMap(values[0])) throw new CliError(`${file}: the document is not a resource request object`);
  return values[0];
}
