import { PipelineContext } from './context';
import { ALL_NAMESPACES_LABEL_VALUE, ALL_NAMESPACES_NAME, objectMeta, promiseNameLabels, userPermissionLabels } from './labels';
import { deterministicName } from './names';
import { KubeObject } from './types';
import { Kratix, KratixLabels } from '../constants';

const RBAC_API_VERSION = 'rbac.authorization.k8s.io/v1';
const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** The RBAC objects of one pipeline, in Kratix's order. */
export interface PipelineRbac {
  readonly roles: KubeObject[];
  readonly roleBindings: KubeObject[];
  readonly clusterRoles: KubeObject[];
  readonly clusterRoleBindings: KubeObject[];
}

/**
 * The pipeline's ServiceAccount: `rbac.serviceAccount` or the pipeline ID, in the pipeline
 * namespace, labelled with the promise name. Kratix renders (and creates when missing) a custom
 * ServiceAccount too; it only never updates an existing one that lacks the label.
 */
export function serviceAccount(ctx: PipelineContext): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: objectMeta(ctx.serviceAccountName, ctx.namespace, promiseNameLabels(ctx.promise.name)),
  };
}

function subjects(ctx: PipelineContext): Array<Record<string, string>> {
  const subject: Record<string, string> = { kind: 'ServiceAccount', name: ctx.serviceAccountName };
  if (ctx.namespace !== '') subject.namespace = ctx.namespace;
  return [subject];
}

function rbacObject(
  kind: string, name: string, namespace: string | undefined, labels: Record<string, string>, body: Record<string, any>,
): KubeObject {
  return { apiVersion: RBAC_API_VERSION, kind, metadata: objectMeta(name, namespace, labels), ...body };
}

/** The rule granting a resource pipeline access to the Promise API's resources and their status. */
function resourceRule(ctx: PipelineContext): Record<string, any> {
  const plural = ctx.api!.plural;
  return { verbs: ['get', 'list', 'update', 'create', 'patch'], apiGroups: [ctx.api!.group], resources: [plural, `${plural}/status`] };
}

function userLabels(ctx: PipelineContext): Record<string, string> {
  return userPermissionLabels(ctx.promise.name, ctx.type, ctx.action, ctx.pipeline.name, ctx.namespace);
}

/**
 * The pipeline's Roles, RoleBindings, ClusterRoles and ClusterRoleBindings (rendering doc §7.3-7.7).
 *
 * User-permission ClusterRoles come in declaration (first-appearance) order of
 * `resourceNamespace`; Kratix iterates a Go map there, so its order is random.
 */
export function pipelineRbac(ctx: PipelineContext): PipelineRbac {
  const { id, namespace } = ctx;
  const promiseLabels = promiseNameLabels(ctx.promise.name);
  const roles: KubeObject[] = [];
  const clusterRoles: KubeObject[] = [];

  if (ctx.type === 'resource') {
    roles.push(rbacObject('Role', id, namespace, promiseLabels, {
      rules: [resourceRule(ctx), { verbs: ['*'], apiGroups: [Kratix.API_GROUP], resources: ['works'] }],
    }));
  }
  const ownNamespaceRules = ctx.pipeline.permissions.filter(p => p.resourceNamespace === '').map(p => p.rule);
  if (ownNamespaceRules.length > 0) {
    roles.push(rbacObject('Role', deterministicName(id), namespace, userLabels(ctx), { rules: ownNamespaceRules }));
  }

  if (ctx.type === 'promise') {
    clusterRoles.push(rbacObject('ClusterRole', id, undefined, promiseLabels, {
      rules: [{ verbs: ['get', 'list', 'update', 'create', 'patch'], apiGroups: [Kratix.API_GROUP], resources: ['promises', 'promises/status', 'works'] }],
    }));
  } else if (namespace !== ctx.request!.namespace) {
    // Kratix concatenates here without det(): no hash, no truncation, a trailing '-' for a cluster-scoped request.
    clusterRoles.push(rbacObject('ClusterRole', `${id}-${ctx.request!.namespace}`, undefined, promiseLabels, { rules: [resourceRule(ctx)] }));
  }
  const byNamespace = new Map<string, Array<Record<string, any>>>();
  for (const p of ctx.pipeline.permissions) {
    if (p.resourceNamespace === '') continue;
    const rules = byNamespace.get(p.resourceNamespace) ?? [];
    rules.push(p.rule);
    byNamespace.set(p.resourceNamespace, rules);
  }
  for (const [ns, rules] of byNamespace) {
    const all = ns === '*';
    const labels = { ...userLabels(ctx), [KratixLabels.RESOURCE_NAMESPACE]: all ? ALL_NAMESPACES_LABEL_VALUE : ns };
    clusterRoles.push(rbacObject('ClusterRole', deterministicName(`${id}-${all ? ALL_NAMESPACES_NAME : ns}`), undefined, labels, { rules }));
  }

  const roleBindings: KubeObject[] = roles.map(role => rbacObject('RoleBinding', role.metadata.name, namespace, { ...role.metadata.labels }, {
    roleRef: { apiGroup: RBAC_GROUP, kind: 'Role', name: role.metadata.name },
    subjects: subjects(ctx),
  }));
  const clusterRoleBindings: KubeObject[] = [];
  const userBindingName = deterministicName(`${id}-${namespace}`);
  for (const role of clusterRoles) {
    const labels = role.metadata.labels!;
    const ns = labels[KratixLabels.RESOURCE_NAMESPACE];
    const roleRef = { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: role.metadata.name };
    if (ns === undefined) {
      clusterRoleBindings.push(rbacObject('ClusterRoleBinding', role.metadata.name, undefined, promiseLabels, { roleRef, subjects: subjects(ctx) }));
    } else if (ns === ALL_NAMESPACES_LABEL_VALUE) {
      clusterRoleBindings.push(rbacObject('ClusterRoleBinding', userBindingName, undefined, userLabels(ctx), { roleRef, subjects: subjects(ctx) }));
    } else {
      roleBindings.push(rbacObject('RoleBinding', userBindingName, ns, { ...labels }, { roleRef, subjects: subjects(ctx) }));
    }
  }
  return { roles, roleBindings, clusterRoles, clusterRoleBindings };
}
