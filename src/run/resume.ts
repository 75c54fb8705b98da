import { KratixLabels } from '../constants';
import { KubeObject } from '../render';
import { pipelineEntries } from './status-merge';

/** The label the controller sets to run a suspended workflow again from its first pipeline. */
export const RUN_FROM_START_LABEL = 'internal.workflows.kratix.io/run-from-start';

/** Where the controller picks a workflow up. */
export type WorkflowStart =
  /** Every pipeline, from the first: entries reset to Pending. */
  | { readonly kind: 'start' }
  /** The Suspended pipeline again, then the later ones; earlier pipelines do not run, entries are kept. */
  | { readonly kind: 'resume'; readonly index: number }
  /** Nothing runs: the object is suspended and no retry is due. */
  | { readonly kind: 'wait'; readonly reason: string };

/**
 * Where Kratix picks up a workflow for an object as it is now (runtime doc §7.4;
 * lib/workflow/reconciler.go `getWorkflowState`, the controllers' `reconcileSuspendedWorkflow`):
 * - `kratix.io/manual-reconciliation` or `internal.workflows.kratix.io/run-from-start`: from the
 *   start, the suspended label removed;
 * - labelled `kratix.io/workflow-suspended: "true"`: nothing runs, unless the Suspended pipeline's
 *   `nextRetryAt` has passed, when the controller removes the label (done here) and resumes;
 * - not labelled, with a pipeline entry `Suspended` (the label removed by hand or by the
 *   controller): that pipeline runs again, keeping its `attempts` and `nextRetryAt`;
 * - otherwise from the start.
 */
export function workflowStart(object: KubeObject, now: Date): WorkflowStart {
  const labels: Record<string, string> = object.metadata?.labels ?? {};
  if (labels[KratixLabels.MANUAL_RECONCILIATION] === 'true' || labels[RUN_FROM_START_LABEL] === 'true') {
    if (KratixLabels.WORKFLOW_SUSPENDED in labels) object.metadata.labels = withoutSuspendedLabel(labels);
    return { kind: 'start' };
  }
  const entries = typeof object.status === 'object' && object.status !== null ? pipelineEntries(object.status) ?? [] : [];
  const index = entries.findIndex(e => e?.phase === 'Suspended');
  if (labels[KratixLabels.WORKFLOW_SUSPENDED] === 'true') {
    const entry = index >= 0 ? entries[index] : undefined;
    const due = typeof entry?.nextRetryAt === 'string' ? Date.parse(entry.nextRetryAt) : NaN;
    if (Number.isNaN(due)) {
      return { kind: 'wait', reason: `the object is labelled ${KratixLabels.WORKFLOW_SUSPENDED}: "true" and no retry is scheduled; remove the label to resume` };
    }
    if (due > now.getTime()) {
      return { kind: 'wait', reason: `pipeline ${JSON.stringify(entry!.name)} retries at ${entry!.nextRetryAt}; run again at or after that time` };
    }
    object.metadata.labels = withoutSuspendedLabel(labels);
  }
  return index >= 0 ? { kind: 'resume', index } : { kind: 'start' };
}

function withoutSuspendedLabel(labels: Record<string, string>): Record<string, string> {
  const rest = { ...labels };
  delete rest[KratixLabels.WORKFLOW_SUSPENDED];
  return rest;
}
