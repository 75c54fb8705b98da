import { Job } from 'kubernetes-models/batch/v1';
import { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import { ConfigMap, Pod, ServiceAccount } from 'kubernetes-models/v1';

const MODELS: Record<string, new (data: any) => { validate(): void }> = {
  'batch/v1/Job': Job,
  'v1/Pod': Pod,
  'v1/ConfigMap': ConfigMap,
  'v1/ServiceAccount': ServiceAccount,
  'rbac.authorization.k8s.io/v1/Role': Role,
  'rbac.authorization.k8s.io/v1/RoleBinding': RoleBinding,
  'rbac.authorization.k8s.io/v1/ClusterRole': ClusterRole,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': ClusterRoleBinding,
};

/**
 * Throws unless `obj` is valid against the Kubernetes 1.28 OpenAPI schema of its kind
 * (kubernetes-models), for the kinds Kratix creates for a pipeline.
 */
export function validateKubernetesObject(obj: { apiVersion: string; kind: string; [key: string]: any }): void {
  const Model = MODELS[`${obj.apiVersion}/${obj.kind}`];
  if (!Model) throw new Error(`no schema for ${obj.apiVersion}/${obj.kind}`);
  new Model(JSON.parse(JSON.stringify(obj))).validate();
}
