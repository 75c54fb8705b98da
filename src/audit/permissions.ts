import { KratixLabels } from '../constants';
import { ParsedPipeline } from '../model/pipeline-model';
import { KubeObject, RenderedPipeline, STAND_IN_API_GROUP } from '../render';
import { AuditPermission, AuditPermissionScope, AuditPermissionSource } from './model';

/**
 * The permissions of a pipeline, read from the Roles and ClusterRoles that Kratix creates for it
 * and the bindings that grant them: each rule with where it applies and whether it is Kratix's
 * own grant or one the pipeline asked for. Nothing is read from the Promise document itself, so
 * that the audit cannot see other permissions than those Kratix creates.
 *
 * @param namespace the pipeline namespace; undefined = each resource request's namespace
 * @param pipelineNamespace `workflows.config.pipelineNamespace`, `''` when unset
 */
export function renderedPermissions(
  rendered: RenderedPipeline, pipeline: ParsedPipeline, namespace: string | undefined, pipelineNamespace: string,
): AuditPermission[] {
  const bindings = [...rendered.roleBindings, ...rendered.clusterRoleBindings];
  const declared = new Map<unknown, number>(pipeline.permissions.map((p, i) => [p.rule, i]));
  const kratix: AuditPermission[] = [];
  const own: Array<[number, AuditPermission]> = [];
  for (const role of [...rendered.roles, ...rendered.clusterRoles]) {
    const binding = bindings.find(b => b.roleRef?.kind === role.kind && b.roleRef?.name === role.metadata.name);
    const where = scopeOf(role, binding, namespace);
    const user = role.metadata.labels?.[KratixLabels.PIPELINE_NAMESPACE] !== undefined;
    const condition = !user && role.kind === 'ClusterRole' && role.metadata.name.startsWith(`${rendered.id}-`)
      ? `for resource requests outside namespace "${pipelineNamespace}"` : undefined;
    for (const rule of role.rules as Array<Record<string, any>>) {
      // Kratix's grant on an API the Promise does not have is not a permission anyone gets.
      if (!user && rule.apiGroups?.includes(STAND_IN_API_GROUP)) continue;
      const index = declared.get(rule);
      const permission: AuditPermission = {
        source: user ? AuditPermissionSource.PIPELINE : AuditPermissionSource.KRATIX,
        ...where,
        verbs: rule.verbs ?? [],
        apiGroups: rule.apiGroups ?? [],
        resources: rule.resources ?? [],
        ...(rule.resourceNames ? { resourceNames: rule.resourceNames } : {}),
        ...(rule.nonResourceURLs ? { nonResourceUrls: rule.nonResourceURLs } : {}),
        ...(user ? { location: index === undefined ? `${pipeline.path}.spec.rbac` : `${pipeline.path}.spec.rbac.permissions[${index}]` } : {}),
        ...(condition ? { condition } : {}),
      };
      if (user) own.push([index ?? own.length, permission]);
      else kratix.push(permission);
    }
  }
  // Kratix's grants first, then the pipeline's in the order it declares them.
  return [...kratix, ...own.sort((a, b) => a[0] - b[0]).map(([, p]) => p)];
}

function scopeOf(
  role: KubeObject, binding: KubeObject | undefined, namespace: string | undefined,
): { scope: AuditPermissionScope; targetNamespace?: string } {
  if (role.kind === 'Role') return { scope: AuditPermissionScope.OWN_NAMESPACE, ...(namespace === undefined ? {} : { targetNamespace: namespace }) };
  if (binding?.kind === 'RoleBinding') return { scope: AuditPermissionScope.NAMED_NAMESPACE, targetNamespace: binding.metadata.namespace };
  return { scope: AuditPermissionScope.CLUSTER_WIDE };
}
