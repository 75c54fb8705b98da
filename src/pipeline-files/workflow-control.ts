import * as path from 'path';
import { PipelineFileError } from './errors';
import { goField, goString, isMap, jsonKind } from './go-scalars';
import { parseYaml11 } from './yaml-1-1';
import { KratixPaths } from '../constants';
import { goDurationError, parseGoDuration } from '../validate/go-duration';

/** The file name Kratix's work-writer and status-writer read. */
export const WORKFLOW_CONTROL_FILE = path.posix.basename(KratixPaths.WORKFLOW_CONTROL);

/** What `workflow-control.yaml` asks for, after Kratix's precedence. */
export type WorkflowControlAction = 'retry' | 'suspend' | 'none';

/**
 * The content of `/kratix/metadata/workflow-control.yaml`, as Kratix reads it.
 *
 * @see https://docs.kratix.io/main/reference/workflows
 */
export interface WorkflowControl {
  /** `retry` when `retryAfter` is non-empty; else `suspend` when `suspend` is true; else `none`. */
  readonly action: WorkflowControlAction;
  /** The `suspend` field (`false` when absent). */
  readonly suspend: boolean;
  /** The `retryAfter` field as Go reads it (a string; `""` when absent). Not checked: see {@link retryAfterMs}. */
  readonly retryAfter: string;
  /** The message for the pipeline's status entry (`""` when absent). */
  readonly message: string;
}

const FIX = 'write `suspend: true` (a YAML boolean, unquoted) or `retryAfter: 10m` (a Go duration), and an optional `message`';

/**
 * Parses `workflow-control.yaml` as Kratix does: exactly the fields `suspend` (a YAML 1.1 boolean),
 * `retryAfter` and `message` (any scalar, read as a string), keys matched case-insensitively,
 * others (`maxAttempts`) ignored; empty text is no control. The duration is checked by
 * {@link retryAfterMs}, as only the status-writer checks it.
 *
 * @param text the file's content
 * @param file the file's path, for errors
 * @throws PipelineFileError with the status-writer's words when Kratix cannot decode the file
 * @see https://github.com/syntasso/kratix/blob/main/work-creator/lib/workflow_control.go
 */
export function parseWorkflowControl(text: string, file: string): WorkflowControl {
  const prefix = `failed to unmarshal the workflow control file: ${JSON.stringify(file)} with error: `;
  const doc = parseYaml11(text, file, { intAsBigInt: true, prefix, fix: FIX });
  if (doc === null || doc === undefined) return { action: 'none', suspend: false, retryAfter: '', message: '' };
  const decodeError = (problem: string) => new PipelineFileError(file, `${prefix}error unmarshaling JSON: while decoding JSON: json: ${problem}`, FIX);
  if (!isMap(doc)) throw decodeError(`cannot unmarshal ${jsonKind(doc)} into Go value of type lib.WorkflowControl`);
  const suspendField = goField(doc, 'suspend').value;
  if (suspendField !== null && suspendField !== undefined && typeof suspendField !== 'boolean') {
    throw decodeError(`cannot unmarshal ${jsonKind(suspendField)} into Go struct field WorkflowControl.suspend of type bool`);
  }
  const text_ = (name: string) => {
    const value = goField(doc, name).value;
    const s = goString(value);
    if (s === undefined) throw decodeError(`cannot unmarshal ${jsonKind(value)} into Go struct field WorkflowControl.${name} of type string`);
    return s;
  };
  const retryAfter = text_('retryAfter');
  const message = text_('message');
  const suspend = suspendField === true;
  return { action: retryAfter !== '' ? 'retry' : suspend ? 'suspend' : 'none', suspend, retryAfter, message };
}

/**
 * The retry delay, checked with Go's `time.ParseDuration` grammar as the status-writer checks it
 * (`1d` is refused: Go has no day unit).
 *
 * @param retryAfter the duration text
 * @param file the file or argument it comes from, for errors
 * @returns the delay in milliseconds (negative delays are allowed: retried at once)
 * @throws PipelineFileError with the status-writer's words and Go's
 */
export function retryAfterMs(retryAfter: string, file: string): number {
  const error = goDurationError(retryAfter);
  if (error !== undefined) {
    throw new PipelineFileError(file, `failed to parse retry duration: ${JSON.stringify(retryAfter)} with error: ${error}`,
      'use a Go duration: numbers with the units ns, us, ms, s, m or h, without spaces (30s, 10m, 1h30m; there is no day unit, write 24h)');
  }
  return parseGoDuration(retryAfter)!;
}
