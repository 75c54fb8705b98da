/*
 * cdk8s-kratix/pipeline: write what runs inside a Kratix pipeline container in TypeScript.
 * Loads neither cdk8s nor constructs. Only what every pipeline needs is loaded here; Kratix's file
 * rules (and `yaml`) and the HTTP client load on first use. `cdk8s-kratix/lib/pipeline-files`
 * holds the file rules themselves, for tools that read pipeline output.
 */
export { KratixSdk } from './kratix-sdk';
export type { ComponentRequestOptions, DurationLike, KratixSdkOptions, PublishStatusOptions, ToJson } from './kratix-sdk';
export { KratixEnvError, WorkflowContext } from './context';
export type { Environment, WorkflowActionName, WorkflowTypeName } from './context';
export { KratixObject } from './kratix-object';
export type { GroupVersionKind, KubeObject, KubeObjectFields } from './kratix-object';
export { Status } from './status';
export type { StatusCondition } from './status';
export { formatPath, parsePath } from './object-path';
export type { PathSegment } from './object-path';
export type { KubeClientOptions, KubeConnection, ObjectRef } from './kube-client';
export { KratixEnv, KratixLabels, KratixPaths } from '../constants';
export { PipelineFileError } from '../pipeline-files/errors';
export type { DestinationSelectorEntry } from '../pipeline-files/destination-selectors';
export type { WorkflowControl, WorkflowControlAction } from '../pipeline-files/workflow-control';
