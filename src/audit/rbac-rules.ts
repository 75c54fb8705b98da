import { AuditPermission, AuditPermissionScope, AuditSeverity } from './model';
import { raise } from './severity';
import { joinPath } from '../model/problem';
import { quote as show } from '../private/quote';

/** A finding before it is tied to a pipeline. */
export interface RawFinding {
  readonly severity: AuditSeverity;
  readonly rule: string;
  readonly location: string;
  readonly message: string;
}

const ESCALATION_VERBS = ['bind', 'escalate', 'impersonate'];
const WRITE_VERBS = new Set(['*', 'create', 'update', 'patch', 'delete', 'deletecollection', ...ESCALATION_VERBS]);
const RBAC_RESOURCES = ['roles', 'clusterroles', 'rolebindings', 'clusterrolebindings'];
const WEBHOOK_RESOURCES = ['mutatingwebhookconfigurations', 'validatingwebhookconfigurations'];

/** Where a permission applies, as the end of a sentence. */
export function describeScope(p: AuditPermission): string {
  switch (p.scope) {
    case AuditPermissionScope.CLUSTER_WIDE: return 'in all namespaces (resourceNamespace "*")';
    case AuditPermissionScope.NAMED_NAMESPACE: return `in namespace "${p.targetNamespace}"`;
    default: return p.targetNamespace === undefined
      ? "in its own namespace (each resource request's namespace)"
      : `in its own namespace "${p.targetNamespace}"`;
  }
}

/**
 * The findings of one of a pipeline's own permissions (Kratix's grants are not audited: the
 * pipeline cannot change them).
 *
 * A permission in all namespaces raises every other finding of it by one level.
 */
export function rbacFindings(p: AuditPermission): RawFinding[] {
  const at = p.location ?? '';
  const clusterWide = p.scope === AuditPermissionScope.CLUSTER_WIDE;
  const level = (s: AuditSeverity) => clusterWide ? raise(s) : s;
  const where = describeScope(p);
  const target = `resources ${show(p.resources)} (apiGroups ${show(p.apiGroups)})`;
  const writes = p.verbs.some(v => WRITE_VERBS.has(v));
  const inGroup = (group: string) => p.apiGroups.includes(group) || p.apiGroups.includes('*');
  const out: RawFinding[] = [];
  const add = (severity: AuditSeverity, rule: string, field: string, message: string) =>
    out.push({ severity, rule, location: joinPath(at, field), message });

  const escalation = p.verbs.filter(v => ESCALATION_VERBS.includes(v));
  if (escalation.length > 0) {
    add(AuditSeverity.CRITICAL, 'rbac-escalation-verb', 'verbs',
      `verbs ${show(escalation)} on ${target} ${where} let the pipeline grant itself, or act with, permissions it was not given; remove them and grant only the permissions the pipeline needs`);
  }
  if (p.verbs.includes('*')) {
    add(level(AuditSeverity.HIGH), 'rbac-wildcard-verb', 'verbs',
      `verbs ["*"] grant every verb, delete and escalate included, on ${target} ${where}; list only the verbs the pipeline needs, e.g. ["get","list"]`);
  }
  if (p.resources.some(r => r === '*' || r.startsWith('*/'))) {
    add(level(AuditSeverity.HIGH), 'rbac-wildcard-resource', 'resources',
      `resources ${show(p.resources)} match every resource of apiGroups ${show(p.apiGroups)}, Secrets and RBAC objects included, ${where}; list only the resources the pipeline needs`);
  }
  if (p.apiGroups.includes('*')) {
    add(level(AuditSeverity.MEDIUM), 'rbac-wildcard-api-group', 'apiGroups',
      `apiGroups ["*"] match every API group, including ones installed later, for resources ${show(p.resources)} ${where}; list the groups the resources belong to ("" for the core group)`);
  }
  if (inGroup('') && p.resources.includes('secrets')) {
    if (p.resourceNames && p.resourceNames.length > 0) {
      add(level(AuditSeverity.MEDIUM), 'rbac-secrets-access', 'resources',
        `verbs ${show(p.verbs)} on Secrets ${show(p.resourceNames)} ${where}; check the pipeline needs them, or pass a single value to a container with env valueFrom.secretKeyRef instead`);
    } else {
      add(level(AuditSeverity.HIGH), 'rbac-secrets-access', 'resources',
        `verbs ${show(p.verbs)} on every Secret ${where}; limit the permission to the Secrets the pipeline needs with resourceNames, or pass values to containers with env valueFrom.secretKeyRef instead`);
    }
  }
  const rbac = p.resources.filter(r => RBAC_RESOURCES.includes(r));
  if (rbac.length > 0 && inGroup('rbac.authorization.k8s.io')) {
    add(level(writes ? AuditSeverity.HIGH : AuditSeverity.LOW), 'rbac-rbac-resource', 'resources', writes
      ? `verbs ${show(p.verbs)} on RBAC resources ${show(rbac)} ${where} let the pipeline change who may do what; create RBAC objects outside the pipeline (e.g. as Promise dependencies) instead`
      : `verbs ${show(p.verbs)} on RBAC resources ${show(rbac)} ${where} reveal who may do what; remove the permission unless the pipeline needs it`);
  }
  const webhooks = p.resources.filter(r => WEBHOOK_RESOURCES.includes(r));
  if (webhooks.length > 0 && inGroup('admissionregistration.k8s.io')) {
    add(level(writes ? AuditSeverity.HIGH : AuditSeverity.LOW), 'rbac-webhook-resource', 'resources', writes
      ? `verbs ${show(p.verbs)} on admission webhook resources ${show(webhooks)} ${where} let the pipeline intercept or rewrite any object sent to the API server; install webhooks as Promise dependencies instead`
      : `verbs ${show(p.verbs)} on admission webhook resources ${show(webhooks)} ${where} reveal the cluster's admission controls; remove the permission unless the pipeline needs it`);
  }
  if (clusterWide) {
    add(writes ? AuditSeverity.MEDIUM : AuditSeverity.LOW, 'rbac-cluster-wide', 'resourceNamespace',
      `verbs ${show(p.verbs)} on ${target} apply in all namespaces (resourceNamespace "*"); name the namespace the pipeline works in with resourceNamespace, or leave resourceNamespace out for the pipeline's own namespace`);
  }
  return out;
}
