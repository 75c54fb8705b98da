import * as fs from 'fs';
import * as path from 'path';
import {
  checkStatus, DESTINATION_SELECTORS_FILE, DestinationSelectorEntry, parseDestinationSelectors, parseStatus, parseWorkflowControl,
  STATUS_FILE, WORKFLOW_CONTROL_FILE, WorkflowControl,
} from '../pipeline-files';

/*
 * The three files Kratix reads from a pipeline's `/kratix/metadata` (runtime doc §2.1), read from
 * a local metadata directory with the pipeline-files rules. Errors name the file by its path in
 * the Pod, as Kratix's messages do.
 */

/** The path of a metadata file in the Pod. */
function podPath(name: string): string {
  return `/kratix/metadata/${name}`;
}

function readText(dir: string, name: string): string | undefined {
  try {
    return fs.readFileSync(path.join(dir, name), 'utf8');
  } catch (e: any) {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  }
}

/** `destination-selectors.yaml` as the work-writer reads it; missing = no entries. */
export function readSelectors(dir: string): DestinationSelectorEntry[] {
  const text = readText(dir, DESTINATION_SELECTORS_FILE);
  return text === undefined ? [] : parseDestinationSelectors(text, podPath(DESTINATION_SELECTORS_FILE));
}

/** The path Kratix names `workflow-control.yaml` by. */
export const CONTROL_FILE = podPath(WORKFLOW_CONTROL_FILE);

/** `workflow-control.yaml` as the work-writer and status-writer read it; missing = no control. */
export function readControl(dir: string): WorkflowControl {
  return parseWorkflowControl(readText(dir, WORKFLOW_CONTROL_FILE) ?? '', CONTROL_FILE);
}

/** `status.yaml` as the status-writer reads it (missing = `{}`), refused with a top-level `kratix` key. */
export function readStatus(dir: string): Record<string, any> {
  const text = readText(dir, STATUS_FILE);
  const status = text === undefined ? {} : parseStatus(text, podPath(STATUS_FILE));
  checkStatus(status, podPath(STATUS_FILE));
  return status;
}
