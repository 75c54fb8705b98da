/**
 * What a workflow runs for: the Promise itself or each resource request.
 */
export enum WorkflowType {
  /** Runs for the Promise. */
  PROMISE = 'promise',
  /** Runs for each resource request. */
  RESOURCE = 'resource',
}

/**
 * When a workflow runs.
 */
export enum WorkflowAction {
  /** On create, update and reconciliation; any number of pipelines, run in order. */
  CONFIGURE = 'configure',
  /** On deletion; a single pipeline. */
  DELETE = 'delete',
}
