import { WorkflowAction, WorkflowType } from '../workflow-types';

/** The workflow types, in Kratix's order. */
export const WORKFLOW_TYPES: readonly WorkflowType[] = [WorkflowType.PROMISE, WorkflowType.RESOURCE];
/** The workflow actions, in Kratix's order. */
export const WORKFLOW_ACTIONS: readonly WorkflowAction[] = [WorkflowAction.CONFIGURE, WorkflowAction.DELETE];
/** The four workflows as `<type>/<action>`: promise/configure, promise/delete, resource/configure, resource/delete. */
export const WORKFLOW_REFS: readonly string[] = WORKFLOW_TYPES.flatMap(type => WORKFLOW_ACTIONS.map(action => `${type}/${action}`));
