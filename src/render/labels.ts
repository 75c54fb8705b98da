import { KubeObjectMeta } from './types';
import { KratixLabels } from '../constants';

/** The label value standing for `resourceNamespace: "*"`. */
export const ALL_NAMESPACES_LABEL_VALUE = 'kratix_all_namespaces';
/** The name fragment standing for `resourceNamespace: "*"`. */
export const ALL_NAMESPACES_NAME = 'kratix-all-namespaces';
/** The annotations Kratix copies from the parent object to the Job and its pod when non-empty. */
export const TRACE_ANNOTATIONS = [KratixLabels.TRACE_PARENT, KratixLabels.TRACE_STATE, KratixLabels.TRACE_TIMESTAMP, KratixLabels.TRACE_GENERATION];

/** `{kratix.io/promise-name: P}` */
export function promiseNameLabels(promiseName: string): Record<string, string> {
  return { [KratixLabels.PROMISE_NAME]: promiseName };
}

/** The five labels of user-permission RBAC objects. */
export function userPermissionLabels(
  promiseName: string, type: string, action: string, pipelineName: string, namespace: string,
): Record<string, string> {
  return {
    [KratixLabels.PROMISE_NAME]: promiseName,
    [KratixLabels.WORKFLOW_TYPE]: type,
    [KratixLabels.WORKFLOW_ACTION]: action,
    [KratixLabels.PIPELINE_NAME]: pipelineName,
    [KratixLabels.PIPELINE_NAMESPACE]: namespace,
  };
}

/** Object metadata with `namespace` left out when empty, as Go's omitempty does. */
export function objectMeta(name: string, namespace: string | undefined, labels: Record<string, string>): KubeObjectMeta {
  return namespace === undefined || namespace === '' ? { name, labels } : { name, namespace, labels };
}
