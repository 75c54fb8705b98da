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

/** The path Kratix names `workflow-control.yaml` by. */
export const CONTROL_FILE = podPath(WORKFLOW_CONTROL_FILE);

let noControl: WorkflowControl | undefined;
/** What a missing `workflow-control.yaml` means, parsed once. */
function noWorkflowControl(): WorkflowControl {
  return noControl ??= parseWorkflowControl('', CONTROL_FILE);
}

/** The metadata directory of one pipeline, listed once: a file Kratix reads may be missing. */
export class MetadataDir {
  private readonly names: Set<string>;

  constructor(private readonly dir: string) {
    this.names = new Set(fs.readdirSync(dir));
  }

  /** `destination-selectors.yaml` as the work-writer reads it; missing = no entries. */
  public selectors(): DestinationSelectorEntry[] {
    const text = this.text(DESTINATION_SELECTORS_FILE);
    return text === undefined ? [] : parseDestinationSelectors(text, podPath(DESTINATION_SELECTORS_FILE));
  }

  /** `workflow-control.yaml` as the work-writer and status-writer read it; missing = no control. */
  public control(): WorkflowControl {
    const text = this.text(WORKFLOW_CONTROL_FILE);
    return text === undefined ? noWorkflowControl() : parseWorkflowControl(text, CONTROL_FILE);
  }

  /** `status.yaml` as the status-writer reads it (missing = `{}`), refused with a top-level `kratix` key. */
  public status(): Record<string, any> {
    const text = this.text(STATUS_FILE);
    const status = text === undefined ? {} : parseStatus(text, podPath(STATUS_FILE));
    checkStatus(status, podPath(STATUS_FILE));
    return status;
  }

  private text(name: string): string | undefined {
    return this.names.has(name) ? fs.readFileSync(path.join(this.dir, name), 'utf8') : undefined;
  }
}
