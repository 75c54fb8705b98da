import { KratixLabels } from '../constants';
import { promiseStatusWarning, retryAfterMs, WorkflowControl } from '../pipeline-files';
import { KubeObject } from '../render';
import { CONFIGURE_WORKFLOW_COMPLETED } from './controller-status';
import { mergeStatuses, pipelineEntries, setCondition, Status } from './status-merge';
import { rfc3339 } from './time';


/** Kratix would fail the pipeline, with this message. */
export class PipelineFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PipelineFailure';
  }
}

/** The status-writer's input for one pipeline. */
export interface StatusWriterInput {
  /** `promise` or `resource`. */
  readonly type: string;
  readonly pipelineName: string;
  /** `IS_LAST_PIPELINE`. */
  readonly isLast: boolean;
  readonly dryRun: boolean;
  /** The parsed `status.yaml` ({} when missing), already checked for the top-level `kratix` key. */
  readonly incoming: Status;
  /** The parsed `workflow-control.yaml`; undefined when missing. */
  readonly control?: WorkflowControl;
  /** The path of `workflow-control.yaml`, for errors. */
  readonly controlFile: string;
  readonly now: Date;
}

/** What the status-writer did. */
export interface StatusWriterOutcome {
  /** Lines the status-writer printed (the promise-status warning). */
  readonly warnings: string[];
  /** Set when workflow control suspended the workflow here. */
  readonly suspended?: { readonly retry: boolean; readonly message?: string; readonly nextRetryAt?: string };
}

/** Promise status fields the API server keeps (`PromiseStatus`); other keys are pruned. */
const PROMISE_STATUS_FIELDS = new Set(['conditions', 'version', 'observedGeneration', 'kind', 'apiVersion', 'status', 'message',
  'kratix', 'workflows', 'workflowsSucceeded', 'workflowsFailed', 'requiredPromises', 'requiredBy', 'lastAvailableTime']);

/**
 * Kratix's status-writer (runtime doc §6.1–6.5) on the live object, in place: merges `status.yaml`
 * (§6.2), warns about a promise workflow's non-`message` keys (which the API server then prunes,
 * §6.3), marks the workflow completed after the last pipeline (§6.4), then applies workflow
 * control: none clears the pipeline's suspension; suspend or retry adds the
 * `kratix.io/workflow-suspended` label and marks the pipeline's entry `Suspended` (§6.5).
 *
 * @throws PipelineFileError for an invalid `retryAfter`, PipelineFailure for a missing pipeline
 * entry, with Kratix's words: the status-writer then writes nothing
 */
export function writeStatus(object: KubeObject, input: StatusWriterInput): StatusWriterOutcome {
  const existing: Status = typeof object.status === 'object' && object.status !== null ? object.status : {};
  let merged = mergeStatuses(existing, input.incoming);
  const warnings: string[] = [];
  const warning = input.type === 'promise' ? promiseStatusWarning(input.incoming) : undefined;
  if (warning !== undefined) warnings.push(warning);
  const control = input.control;
  const retry = control?.action === 'retry';
  const suspend = control?.action === 'suspend';
  if (input.isLast && !retry && !suspend) markAsCompleted(merged, input.type, input.now);

  let suspended: StatusWriterOutcome['suspended'];
  if (!retry && !suspend) {
    clearPipelineSuspension(merged, input.pipelineName);
  } else {
    let nextRetryAt: string | undefined;
    if (retry) {
      nextRetryAt = rfc3339(new Date(input.now.getTime() + retryAfterMs(control!.retryAfter, input.controlFile)));
    }
    const generation = typeof object.metadata.generation === 'number' ? object.metadata.generation : 0;
    markPipelineAsSuspended(merged, input.pipelineName, control!.message, nextRetryAt, generation);
    object.metadata.labels = { ...(object.metadata.labels ?? {}), [KratixLabels.WORKFLOW_SUSPENDED]: 'true' };
    suspended = { retry, message: control?.message || undefined, nextRetryAt };
  }
  if (input.dryRun) merged.message = 'Dry run executed';
  if (input.type === 'promise') {
    for (const key of Object.keys(merged)) if (!PROMISE_STATUS_FIELDS.has(key)) delete merged[key];
  }
  object.status = merged;
  return { warnings, suspended };
}

/**
 * Kratix's `MarkAsCompleted` (runtime doc §6.4): `Pending` becomes `Resource requested` or
 * `Promise configured`, `suspendedGeneration` goes, and `ConfigureWorkflowCompleted` True replaces
 * the condition of that type in place (else is appended).
 */
export function markAsCompleted(status: Status, type: string, now: Date): void {
  if (status.message === 'Pending') {
    if (type === 'resource') status.message = 'Resource requested';
    else if (type === 'promise') status.message = 'Promise configured';
  }
  const workflows = status.kratix?.workflows;
  if (typeof workflows === 'object' && workflows !== null) delete workflows.suspendedGeneration;
  setCondition(status, {
    type: CONFIGURE_WORKFLOW_COMPLETED,
    status: 'True',
    lastTransitionTime: rfc3339(now),
    reason: 'PipelinesExecutedSuccessfully',
    message: 'Pipelines completed',
  });
}

function entryOf(status: Status, pipelineName: string): Status {
  const entry = pipelineEntries(status)?.find(e => e?.name === pipelineName);
  if (!entry) throw new PipelineFailure(`pipeline ${JSON.stringify(pipelineName)} not found in status.kratix.workflows.pipelines`);
  return entry;
}

/**
 * Kratix's `ClearPipelineSuspension`: the pipeline's entry becomes `Running` and loses `message`,
 * `attempts` and `nextRetryAt`; a no-op without `status.kratix.workflows.pipelines`.
 */
export function clearPipelineSuspension(status: Status, pipelineName: string): void {
  if (!pipelineEntries(status)) return;
  const entry = entryOf(status, pipelineName);
  entry.phase = 'Running';
  delete entry.message;
  delete entry.attempts;
  delete entry.nextRetryAt;
}

/**
 * Kratix's `MarkPipelineAsSuspended`: the entry becomes `Suspended` with the control message;
 * a retry sets `nextRetryAt` and counts `attempts`, a suspend removes both;
 * `suspendedGeneration` is the object's generation. `lastTransitionTime` is untouched.
 */
export function markPipelineAsSuspended(
  status: Status, pipelineName: string, message: string, nextRetryAt: string | undefined, generation: number,
): void {
  for (const [path, value] of [['status.kratix', status.kratix], ['status.kratix.workflows', status.kratix?.workflows]] as const) {
    if (typeof value !== 'object' || value === null) throw new PipelineFailure(`missing ${path} while marking pipeline ${JSON.stringify(pipelineName)} as suspended`);
  }
  if (!pipelineEntries(status)) throw new PipelineFailure(`missing status.kratix.workflows.pipelines while marking pipeline ${JSON.stringify(pipelineName)} as suspended`);
  const entry = entryOf(status, pipelineName);
  entry.phase = 'Suspended';
  if (message === '') delete entry.message;
  else entry.message = message;
  if (nextRetryAt !== undefined) {
    entry.nextRetryAt = nextRetryAt;
    entry.attempts = typeof entry.attempts === 'number' ? entry.attempts + 1 : 1;
  } else {
    delete entry.nextRetryAt;
    delete entry.attempts;
  }
  status.kratix.workflows.suspendedGeneration = generation;
}
