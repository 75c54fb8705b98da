import { KubeObject } from '../render';
import { pipelineEntries, setCondition, Status } from './status-merge';
import { rfc3339 } from './time';

/** Condition types and reasons the Kratix controller and status-writer set. */
export const CONFIGURE_WORKFLOW_COMPLETED = 'ConfigureWorkflowCompleted';
/** The controller's overall condition. */
export const RECONCILED = 'Reconciled';
/** The delete workflow's condition. */
export const DELETE_WORKFLOW_COMPLETED = 'DeleteWorkflowCompleted';

function statusOf(object: KubeObject): Status {
  if (typeof object.status !== 'object' || object.status === null || Array.isArray(object.status)) object.status = {};
  return object.status;
}

/** A cluster-api condition as the controller sets it (`SetCondition`). */
function condition(type: string, status: string, reason: string, message: string, now: Date): Status {
  return { type, status, lastTransitionTime: rfc3339(now), reason, message };
}

/**
 * What the controller writes when a workflow runs from the start (runtime doc §6.7,
 * `ResetPipelineStatusToPending`; counters of `ensureConfigureWorkflowStatus`): one Pending entry
 * per pipeline in `status.kratix.workflows.pipelines`, `suspendedGeneration` removed; configure
 * workflows also set `workflows` to the pipeline count and the succeeded/failed counters to 0.
 * A delete workflow's entries are reset to the delete pipeline list (runtime doc §8).
 */
export function startWorkflow(object: KubeObject, pipelines: readonly string[], action: string, now: Date): void {
  const status = statusOf(object);
  if (action === 'configure') {
    status.workflows = pipelines.length;
    status.workflowsSucceeded = 0;
    status.workflowsFailed = 0;
  }
  const kratix = typeof status.kratix === 'object' && status.kratix !== null ? status.kratix : (status.kratix = {});
  const workflows = typeof kratix.workflows === 'object' && kratix.workflows !== null ? kratix.workflows : (kratix.workflows = {});
  delete workflows.suspendedGeneration;
  workflows.pipelines = pipelines.map(name => ({ name, phase: 'Pending', lastTransitionTime: rfc3339(now) }));
}

/** `MarkCurrentPipelineAs`: a new phase and time; leaving `Suspended` drops the entry's message. */
function markPipeline(object: KubeObject, pipelineName: string, phase: string, now: Date): void {
  const entry = pipelineEntries(statusOf(object))?.find(e => e?.name === pipelineName);
  if (!entry || entry.phase === phase) return;
  if (entry.phase === 'Suspended') delete entry.message;
  entry.phase = phase;
  entry.lastTransitionTime = rfc3339(now);
}

/**
 * The controller's changes when it starts a pipeline (runtime doc §2.4,
 * `setPipelineStartingStatus`), made before the reader runs: configure pipelines set
 * `message: Pending`, `Reconciled` Unknown/WorkflowPending and `ConfigureWorkflowCompleted`
 * False/PipelinesInProgress; every pipeline's entry becomes `Running`.
 */
export function startPipeline(object: KubeObject, pipelineName: string, action: string, now: Date): void {
  if (action === 'configure') {
    const status = statusOf(object);
    status.message = 'Pending';
    const reconciled = (status.conditions ?? []).find?.((c: Status) => c?.type === RECONCILED);
    if (!reconciled || reconciled.status !== 'Unknown' || reconciled.reason !== 'WorkflowPending') {
      setCondition(status, condition(RECONCILED, 'Unknown', 'WorkflowPending', 'Pending', now));
    }
    const completed = (status.conditions ?? []).find?.((c: Status) => c?.type === CONFIGURE_WORKFLOW_COMPLETED);
    if (!completed || completed.status !== 'False' || completed.reason !== 'PipelinesInProgress') {
      setCondition(status, condition(CONFIGURE_WORKFLOW_COMPLETED, 'False', 'PipelinesInProgress', 'Pipelines are still in progress', now));
    }
  }
  markPipeline(object, pipelineName, 'Running', now);
}

/**
 * The controller's changes when a pipeline's Job succeeds and the object is not suspended
 * (runtime doc §6.7): the entry becomes `Succeeded`; configure workflows count it in
 * `workflowsSucceeded`.
 */
export function pipelineSucceeded(object: KubeObject, pipelineName: string, action: string, succeeded: number, now: Date): void {
  if (action === 'configure') statusOf(object).workflowsSucceeded = succeeded;
  markPipeline(object, pipelineName, 'Succeeded', now);
}

/**
 * The controller's changes when a pipeline's Job fails (runtime doc §6.7, §8): configure:
 * `ConfigureWorkflowCompleted` False/ConfigureWorkflowFailed, `Reconciled` False/Failing, the
 * entry `Failed`, `workflowsFailed: 1`; delete: `DeleteWorkflowCompleted` False/DeleteWorkflowFailed.
 */
export function pipelineFailed(object: KubeObject, pipelineName: string, action: string, now: Date): void {
  const status = statusOf(object);
  if (action === 'delete') {
    setCondition(status, condition(DELETE_WORKFLOW_COMPLETED, 'False', 'DeleteWorkflowFailed', 'The Delete Pipeline has failed', now));
    return;
  }
  setCondition(status, condition(CONFIGURE_WORKFLOW_COMPLETED, 'False', 'ConfigureWorkflowFailed', `A Configure Pipeline has failed: ${pipelineName}`, now));
  setCondition(status, condition(RECONCILED, 'False', 'ConfigureWorkflowFailed', 'Failing', now));
  status.workflowsFailed = 1;
  markPipeline(object, pipelineName, 'Failed', now);
}

/**
 * The controller's changes while the object carries `kratix.io/workflow-suspended: "true"`
 * (runtime doc §6.7, §8): configure: `Reconciled` Unknown/WorkflowSuspended; delete:
 * `DeleteWorkflowCompleted` False/DeleteWorkflowSuspended.
 */
export function workflowSuspended(object: KubeObject, action: string, now: Date): void {
  const status = statusOf(object);
  if (action === 'delete') {
    setCondition(status, condition(DELETE_WORKFLOW_COMPLETED, 'False', 'DeleteWorkflowSuspended', 'The delete workflow is suspended', now));
  } else {
    setCondition(status, condition(RECONCILED, 'Unknown', 'WorkflowSuspended', 'Suspended', now));
  }
}
