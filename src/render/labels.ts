import { KubeObjectMeta } from './types';
import { KratixLabels } from '../constants';

/** `kratix.io/promise-name`: on every object rendered for a pipeline. */
export const PROMISE_NAME_LABEL = KratixLabels.PROMISE_NAME;
/** `kratix.io/workflow-type` */
export const WORKFLOW_TYPE_LABEL = KratixLabels.WORKFLOW_TYPE;
/** `kratix.io/workflow-action` */
export const WORKFLOW_ACTION_LABEL = KratixLabels.WORKFLOW_ACTION;
/** `kratix.io/pipeline-name` */
export const PIPELINE_NAME_LABEL = KratixLabels.PIPELINE_NAME;
/** `kratix.io/pipeline-namespace`: on user-permission RBAC objects. */
export const PIPELINE_NAMESPACE_LABEL = KratixLabels.PIPELINE_NAMESPACE;
/** `kratix.io/resource-name`: on resource-workflow Jobs. */
export const RESOURCE_NAME_LABEL = KratixLabels.RESOURCE_NAME;
/**
 * `kratix.io/resource-namespace`: on resource-workflow Jobs (with `pipelineNamespace` set) the
 * request's namespace; on user-permission ClusterRoles and their RoleBindings the permission's
 * namespace. One string, two meanings.
 */
export const RESOURCE_NAMESPACE_LABEL = KratixLabels.RESOURCE_NAMESPACE;
/** `kratix.io/hash` */
export const HASH_LABEL = KratixLabels.HASH;
/** `app.kubernetes.io/managed-by` */
export const MANAGED_BY_LABEL = KratixLabels.MANAGED_BY;
/** `kratix.io/dry-run`: `"true"` on a request makes its workflows a dry run. */
export const DRY_RUN_LABEL = KratixLabels.DRY_RUN;
/** The label value standing for `resourceNamespace: "*"`. */
export const ALL_NAMESPACES_LABEL_VALUE = 'kratix_all_namespaces';
/** The name fragment standing for `resourceNamespace: "*"`. */
export const ALL_NAMESPACES_NAME = 'kratix-all-namespaces';
/** The annotations Kratix copies from the parent object to the Job and its pod when non-empty. */
export const TRACE_ANNOTATIONS = ['kratix.io/trace-parent', 'kratix.io/trace-state', 'kratix.io/trace-timestamp', 'kratix.io/trace-generation'];

/** `{kratix.io/promise-name: P}` */
export function promiseNameLabels(promiseName: string): Record<string, string> {
  return { [PROMISE_NAME_LABEL]: promiseName };
}

/** The five labels of user-permission RBAC objects. */
export function userPermissionLabels(
  promiseName: string, type: string, action: string, pipelineName: string, namespace: string,
): Record<string, string> {
  return {
    [PROMISE_NAME_LABEL]: promiseName,
    [WORKFLOW_TYPE_LABEL]: type,
    [WORKFLOW_ACTION_LABEL]: action,
    [PIPELINE_NAME_LABEL]: pipelineName,
    [PIPELINE_NAMESPACE_LABEL]: namespace,
  };
}

/** Object metadata with `namespace` left out when empty, as Go's omitempty does. */
export function objectMeta(name: string, namespace: string | undefined, labels: Record<string, string>): KubeObjectMeta {
  return namespace === undefined || namespace === '' ? { name, labels } : { name, namespace, labels };
}
