import * as fs from 'fs';
import * as path from 'path';
import { PipelineFileError } from './errors';
import { isMap, jsonKind } from './go-scalars';
import { parseYaml11 } from './yaml-1-1';
import { KratixPaths } from '../constants';

/** The file name Kratix's status-writer reads. */
export const STATUS_FILE = path.posix.basename(KratixPaths.STATUS);

/** The words the status-writer fails with when `status.yaml` has a top-level `kratix` key. */
export const KRATIX_STATUS_KEY_ERROR = "'kratix' is a kratix managed status field that cannot be updated via workflows; remove update to 'kratix' from the '/kratix/metadata/status.yaml' file";

/** The only status key a promise workflow can set: the Promise status schema prunes the others. */
export const PROMISE_STATUS_KEYS: readonly string[] = ['message'];

/**
 * Parses `status.yaml` as Kratix's status-writer does: YAML 1.1 into a map, empty text (or `null`)
 * as `{}`. Does not apply {@link checkStatus}.
 *
 * @param text the file's content
 * @param file the file's path, for errors
 * @throws PipelineFileError when the text is not YAML or not a map
 * @see https://github.com/syntasso/kratix/blob/main/work-creator/cmd/update_status.go
 */
export function parseStatus(text: string, file: string): Record<string, unknown> {
  const prefix = 'failed to load incoming status: failed to unmarshal incoming status: ';
  const doc = parseYaml11(text, file, { prefix, fix: 'write the status as a YAML map, for example `message: ready`' });
  if (doc === null || doc === undefined) return {};
  if (!isMap(doc)) {
    throw new PipelineFileError(file, `${prefix}error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(doc)} into Go value of type map[string]interface {}`,
      'write the status as a YAML map of keys to values, for example `message: ready`');
  }
  return doc;
}

/**
 * Reads `status.yaml`; a missing file is an empty status, as the status-writer treats it.
 *
 * @param file the file's path
 * @throws PipelineFileError as {@link parseStatus}
 */
export function readStatusFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e: any) {
    if (e.code === 'ENOENT') return {};
    throw new PipelineFileError(file, `cannot read the status: ${e.message}`, 'check the metadata directory and its permissions');
  }
  return parseStatus(text, file);
}

/**
 * Checks a status as the status-writer does before merging it: a top-level `kratix` key fails the
 * pipeline (nested `kratix` keys are fine).
 *
 * @param status the status to be written
 * @param file the status file, for errors
 * @throws PipelineFileError with the status-writer's words
 */
export function checkStatus(status: Record<string, unknown>, file: string): void {
  if (!isMap(status)) throw new PipelineFileError(file, `the status must be a map, got ${jsonKind(status)}`, 'pass an object of status keys to values');
  if (Object.prototype.hasOwnProperty.call(status, 'kratix')) {
    throw new PipelineFileError(file, KRATIX_STATUS_KEY_ERROR, 'Kratix owns status.kratix; write your keys at the top level under another name');
  }
}

/**
 * The warning the status-writer prints when a promise workflow's status has keys other than
 * `message` (Kratix keeps them in its update, but the Promise status schema prunes them); `undefined`
 * when there are none.
 *
 * @param status the status written by a promise workflow
 */
export function promiseStatusWarning(status: Record<string, unknown>): string | undefined {
  const extra = Object.keys(status).filter(k => !PROMISE_STATUS_KEYS.includes(k));
  if (extra.length === 0) return undefined;
  return `Warning: promise workflow status has unsupported keys: ${extra.join(', ')} in status.yaml; only 'message' can be updated in Promise status.`;
}
