import { Kratix } from '../constants';
import { WorkflowType } from '../workflow-types';
import { Node } from './input';
import { AuditPermission, AuditPermissionScope, AuditPermissionSource } from './model';

/** The verbs of Kratix's own grants on Promises and on the Promise API. */
const KRATIX_VERBS = ['get', 'list', 'update', 'create', 'patch'];

/** The Promise API's group and plural, when the Promise has an API. */
export interface PromiseApiNames {
  readonly group: string;
  readonly plural: string;
}

/**
 * The permissions Kratix grants every pipeline of a workflow type, whatever the pipeline asks for.
 *
 * @param namespace the pipeline namespace; undefined = each resource request's namespace
 * @param pipelineNamespace `workflows.config.pipelineNamespace`, if set
 * @see kratix-rendering.md sections 7.3 and 7.5
 */
export function kratixGrants(
  type: WorkflowType, namespace: string | undefined, pipelineNamespace: string | undefined, api: PromiseApiNames | undefined,
): AuditPermission[] {
  const grant = (scope: AuditPermissionScope, apiGroups: string[], resources: string[], verbs: string[], condition?: string): AuditPermission => ({
    source: AuditPermissionSource.KRATIX,
    scope,
    targetNamespace: scope === AuditPermissionScope.OWN_NAMESPACE ? namespace : undefined,
    verbs,
    apiGroups,
    resources,
    ...(condition ? { condition } : {}),
  });
  if (type === WorkflowType.PROMISE) {
    return [grant(AuditPermissionScope.CLUSTER_WIDE, [Kratix.API_GROUP], ['promises', 'promises/status', 'works'], KRATIX_VERBS)];
  }
  const own: AuditPermission[] = [];
  if (api) own.push(grant(AuditPermissionScope.OWN_NAMESPACE, [api.group], [api.plural, `${api.plural}/status`], KRATIX_VERBS));
  own.push(grant(AuditPermissionScope.OWN_NAMESPACE, [Kratix.API_GROUP], ['works'], ['*']));
  // With pipelineNamespace set, Kratix binds a ClusterRole on the API for requests in other namespaces.
  if (api && pipelineNamespace !== undefined) {
    own.push(grant(AuditPermissionScope.CLUSTER_WIDE, [api.group], [api.plural, `${api.plural}/status`], KRATIX_VERBS,
      `for resource requests outside namespace "${pipelineNamespace}"`));
  }
  return own;
}

/**
 * One of the pipeline's `spec.rbac.permissions`.
 *
 * @param namespace the pipeline namespace; undefined = each resource request's namespace
 */
export function readPermission(node: Node, namespace: string | undefined): AuditPermission {
  node.requiredMap('a permission: verbs, apiGroups, resources and an optional resourceNamespace');
  const target = node.get('resourceNamespace').string('a namespace name, or "*" for all namespaces') ?? '';
  const scope = target === '' ? AuditPermissionScope.OWN_NAMESPACE
    : target === '*' ? AuditPermissionScope.CLUSTER_WIDE
      : AuditPermissionScope.NAMED_NAMESPACE;
  const resourceNames = node.get('resourceNames').strings('object names');
  const nonResourceUrls = node.get('nonResourceURLs').strings('URL paths');
  return {
    source: AuditPermissionSource.PIPELINE,
    scope,
    ...namespaceOf(scope, target, namespace),
    verbs: node.get('verbs').strings('verbs, e.g. "get"') ?? [],
    apiGroups: node.get('apiGroups').strings('API groups, e.g. "" for the core group') ?? [],
    resources: node.get('resources').strings('resources, e.g. "configmaps"') ?? [],
    ...(resourceNames ? { resourceNames } : {}),
    ...(nonResourceUrls ? { nonResourceUrls } : {}),
    location: node.path,
  };
}

function namespaceOf(scope: AuditPermissionScope, target: string, pipelineNamespace: string | undefined): { targetNamespace?: string } {
  if (scope === AuditPermissionScope.NAMED_NAMESPACE) return { targetNamespace: target };
  if (scope === AuditPermissionScope.OWN_NAMESPACE && pipelineNamespace !== undefined) return { targetNamespace: pipelineNamespace };
  return {};
}
