import { WorkflowAction, WorkflowType } from '../workflow-types';

/**
 * How serious an audit finding is, from `CRITICAL` down to `INFO`.
 *
 * - `CRITICAL`: the pipeline can take over the cluster or the node (escalation verbs, privileged
 *   containers, wildcards in all namespaces);
 * - `HIGH`: broad or sensitive access (wildcard verbs or resources, Secrets, writing RBAC or
 *   admission webhooks, root or privilege escalation);
 * - `MEDIUM`: weaker defaults that widen the blast radius (no security context, floating images,
 *   writes in all namespaces, wildcard API groups, Secrets limited by name);
 * - `LOW`: hardening left undone (a security context that is not fully restricted,
 *   `imagePullPolicy: Never`, read-only access in all namespaces or to RBAC objects);
 * - `INFO`: facts a reviewer should know (custom service accounts, pipelines that never run).
 *
 * Permissions granted in all namespaces (`resourceNamespace: "*"`) raise the permission's other
 * findings by one level, up to `CRITICAL`.
 */
export enum AuditSeverity {
  /** The pipeline can take over the cluster or the node. */
  CRITICAL = 'critical',
  /** Broad or sensitive access. */
  HIGH = 'high',
  /** A weak default that widens the blast radius. */
  MEDIUM = 'medium',
  /** Hardening left undone. */
  LOW = 'low',
  /** A fact a reviewer should know. */
  INFO = 'info',
}

/**
 * Where a permission applies.
 *
 * @see https://docs.kratix.io/main/reference/workflows#cross-namespace-rbac-permissions
 */
export enum AuditPermissionScope {
  /** The namespace the pipeline runs in (no `resourceNamespace`): a Role and RoleBinding there. */
  OWN_NAMESPACE = 'own-namespace',
  /** A named namespace (`resourceNamespace: <name>`): a ClusterRole bound by a RoleBinding in that namespace. */
  NAMED_NAMESPACE = 'named-namespace',
  /** All namespaces and cluster-scoped resources (`resourceNamespace: "*"`): a ClusterRole and ClusterRoleBinding. */
  CLUSTER_WIDE = 'cluster-wide',
}

/**
 * Who grants a permission.
 */
export enum AuditPermissionSource {
  /** Kratix grants it to every pipeline of the workflow type. */
  KRATIX = 'kratix',
  /** The pipeline asks for it in `spec.rbac.permissions`. */
  PIPELINE = 'pipeline',
}

/**
 * One permission of a pipeline's service account, with where it applies.
 */
export interface AuditPermission {
  /** Kratix's own grant or one of the pipeline's `rbac.permissions`. */
  readonly source: AuditPermissionSource;
  /** Own namespace, a named namespace or cluster-wide. */
  readonly scope: AuditPermissionScope;
  /**
   * The namespace the permission applies in.
   *
   * @default - cluster-wide, or (own namespace of a resource workflow without `pipelineNamespace`) the namespace of each resource request
   */
  readonly targetNamespace?: string;
  /** The verbs. */
  readonly verbs: string[];
  /** The API groups (`''` is the core group). */
  readonly apiGroups: string[];
  /** The resources, subresources included. */
  readonly resources: string[];
  /**
   * The object names the permission is limited to.
   *
   * @default - all objects
   */
  readonly resourceNames?: string[];
  /**
   * Non-resource URLs.
   *
   * @default - none
   */
  readonly nonResourceUrls?: string[];
  /**
   * Where the permission is in the Promise, e.g. `spec.workflows.resource.configure[0].spec.rbac.permissions[1]`.
   *
   * @default - Kratix's own grant: not in the Promise
   */
  readonly location?: string;
  /**
   * When the grant applies, if not always.
   *
   * @default - always
   */
  readonly condition?: string;
}

/**
 * One security finding.
 */
export interface AuditFinding {
  /** How serious it is. */
  readonly severity: AuditSeverity;
  /** The stable rule id, e.g. `rbac-wildcard-verb`. */
  readonly rule: string;
  /** The Promise name. */
  readonly promise: string;
  /** The workflow type. */
  readonly workflowType: WorkflowType;
  /** The workflow action. */
  readonly workflowAction: WorkflowAction;
  /** The pipeline name. */
  readonly pipeline: string;
  /** The JSON path in the Promise of what the finding is about, e.g. `spec.workflows.promise.configure[0].spec.containers[0].image`. */
  readonly location: string;
  /** What is wrong, quoting the value, and how to fix it. */
  readonly message: string;
}

/**
 * The security report of one pipeline.
 */
export interface PipelineAuditReport {
  /** The Promise name. */
  readonly promise: string;
  /** The workflow type. */
  readonly workflowType: WorkflowType;
  /** The workflow action. */
  readonly workflowAction: WorkflowAction;
  /** The pipeline name. */
  readonly pipeline: string;
  /** Where the pipeline is in the Promise, e.g. `spec.workflows.resource.configure[0]`. */
  readonly location: string;
  /**
   * The namespace the pipeline runs in.
   *
   * @default - a resource workflow without `pipelineNamespace`: the namespace of each resource request
   */
  readonly jobNamespace?: string;
  /** The service account the pipeline runs as. */
  readonly serviceAccount: string;
  /** Whether the service account is a custom one (`rbac.serviceAccount`) rather than the one Kratix names after the pipeline. */
  readonly customServiceAccount: boolean;
  /** Kratix's grants, then the pipeline's own permissions in declaration order. */
  readonly permissions: AuditPermission[];
  /** The findings, most severe first. */
  readonly findings: AuditFinding[];
}

/**
 * Options of an audit.
 */
export interface AuditOptions {
  /**
   * The parsed `config` key of the kratix ConfigMap (`kratix-platform-system/kratix`), e.g.
   * `new KratixConfig(...).config`, or `{}` for a ConfigMap without a `config` key.
   *
   * It decides the security context and pull policy of containers that set none: with
   * `workflows.defaultContainerSecurityContext` they inherit it; with the ConfigMap present but
   * without that key Kratix gives them `securityContext: {}`.
   *
   * @default - the ConfigMap is absent: containers without a security context get none
   */
  readonly kratixConfig?: any;
}
