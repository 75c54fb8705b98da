/*
 * cdk8s-kratix/pipeline: write what runs inside a Kratix pipeline container in TypeScript.
 * Loads neither cdk8s nor constructs; `yaml` and the HTTP client are loaded on first use.
 */
export { KratixSdk } from './kratix-sdk';
export type { ComponentRequestOptions, DurationLike, KratixSdkOptions, PublishStatusOptions, ToJson } from './kratix-sdk';
export { KratixEnvError, WorkflowContext } from './context';
export type { Environment, WorkflowActionName, WorkflowTypeName } from './context';
export { KratixObject } from './kratix-object';
export type { GroupVersionKind, KubeObject } from './kratix-object';
export { Status } from './status';
export type { StatusCondition } from './status';
export { formatPath, parsePath } from './object-path';
export type { PathSegment } from './object-path';
export { resolveKubeConnection, statusPath } from './kube-client';
export type { KubeClientOptions, KubeConnection, ObjectRef } from './kube-client';
export { KratixEnv, KratixLabels, KratixPaths } from '../constants';
export {
  checkDestinationSelectors, DESTINATION_SELECTORS_FILE, parseDestinationSelectors, parseStatus, parseWorkflowControl,
  PipelineFileError, STATUS_FILE, WORKFLOW_CONTROL_FILE,
} from '../pipeline-files';
export type { DestinationSelectorEntry, WorkflowControl, WorkflowControlAction } from '../pipeline-files';
