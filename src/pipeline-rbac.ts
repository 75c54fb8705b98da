import { IApiResource, IServiceAccount } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { PipelineJob, PipelineObjects, PipelineRenderOptions } from './pipeline-job';
import { compact, cloneJson } from './private/json';

/**
 * Where a pipeline permission applies: Kratix's `resourceNamespace`.
 *
 * @see https://docs.kratix.io/main/reference/workflows#cross-namespace-rbac-permissions
 */
export class PermissionScope {
  /**
   * The namespace the pipeline runs in (a Role and RoleBinding there).
   */
  public static pipelineNamespace(): PermissionScope {
    return new PermissionScope(undefined);
  }

  /**
   * A named namespace, wherever the pipeline runs (a ClusterRole and a RoleBinding in that namespace).
   *
   * @param name the namespace's name
   */
  public static namedNamespace(name: string): PermissionScope {
    return new PermissionScope(name);
  }

  /**
   * All namespaces (`resourceNamespace: "*"`: a ClusterRole and a ClusterRoleBinding).
   */
  public static allNamespaces(): PermissionScope {
    return new PermissionScope('*');
  }

  /** Kratix's `resourceNamespace`: undefined for the pipeline's own namespace, `*` for all namespaces. */
  public readonly resourceNamespace?: string;

  private constructor(resourceNamespace: string | undefined) {
    this.resourceNamespace = resourceNamespace;
  }
}

/**
 * One permission of a pipeline: a Kubernetes PolicyRule plus where it applies.
 */
export interface PipelinePermissionProps {
  /** The verbs, e.g. `get`, `list`, `*`. */
  readonly verbs: string[];
  /**
   * The API groups; `''` is the core group.
   *
   * @default - none
   */
  readonly apiGroups?: string[];
  /**
   * The resources, subresources included (`promises/status`).
   *
   * @default - none
   */
  readonly resources?: string[];
  /**
   * Restricts the rule to these object names.
   *
   * @default - all objects
   */
  readonly resourceNames?: string[];
  /**
   * Non-resource URLs; Kubernetes accepts them only in cluster-wide rules (`PermissionScope.allNamespaces()`).
   *
   * @default - none
   */
  readonly nonResourceURLs?: string[];
  /**
   * Where the permission applies.
   *
   * @default PermissionScope.pipelineNamespace()
   */
  readonly scope?: PermissionScope;
}

/**
 * Options of `PipelineRbac.allow()`.
 */
export interface AllowOptions {
  /**
   * Where the permission applies.
   *
   * @default PermissionScope.pipelineNamespace()
   */
  readonly scope?: PermissionScope;
  /**
   * Restricts the rule to these object names, after those the resources carry.
   *
   * @default - the names the resources carry (`IApiResource.resourceName`), else all objects
   */
  readonly resourceNames?: string[];
}

/**
 * A permission added to a pipeline: one entry of `spec.rbac.permissions`.
 */
export class PipelinePermission {
  /** The verbs. */
  public readonly verbs: string[];
  /** The API groups, if given. */
  public readonly apiGroups?: string[];
  /** The resources, if given. */
  public readonly resources?: string[];
  /** The object names, if given. */
  public readonly resourceNames?: string[];
  /** The non-resource URLs, if given. */
  public readonly nonResourceURLs?: string[];
  /** Where the permission applies. */
  public readonly scope: PermissionScope;

  /** @param props the rule and its scope */
  constructor(props: PipelinePermissionProps) {
    this.verbs = [...props.verbs];
    this.apiGroups = cloneJson(props.apiGroups);
    this.resources = cloneJson(props.resources);
    this.resourceNames = cloneJson(props.resourceNames);
    this.nonResourceURLs = cloneJson(props.nonResourceURLs);
    this.scope = props.scope ?? PermissionScope.pipelineNamespace();
  }

  /** The `spec.rbac.permissions[]` entry. */
  public toJson(): any {
    return cloneJson(this._toJson());
  }

  /**
   * The entry, sharing this permission's lists; see `Pipeline._toJson`.
   *
   * @internal
   */
  public _toJson(): any {
    return compact({
      apiGroups: this.apiGroups,
      resources: this.resources,
      resourceNames: this.resourceNames,
      nonResourceURLs: this.nonResourceURLs,
      verbs: this.verbs,
      resourceNamespace: this.scope.resourceNamespace,
    });
  }
}

/**
 * Properties of `PipelineRbac`.
 */
export interface PipelineRbacProps {
  /**
   * A service account to run the pipeline as, instead of the one Kratix names after the pipeline.
   *
   * Kratix creates it if it does not exist and never modifies an existing one.
   *
   * @default - Kratix creates `<promise>-<type>-<action>-<pipeline>`
   */
  readonly serviceAccount?: IServiceAccount;
  /**
   * The name of a service account to run the pipeline as; use either this or `serviceAccount`.
   *
   * @default - Kratix creates `<promise>-<type>-<action>-<pipeline>`
   */
  readonly serviceAccountName?: string;
  /**
   * Permissions, beyond Kratix's defaults.
   *
   * @default - none
   */
  readonly permissions?: PipelinePermissionProps[];
}

/**
 * The RBAC of a pipeline: extra permissions, in the pipeline's namespace, a named namespace or all
 * namespaces, and the service account it runs as. Kratix creates the Roles, ClusterRoles and bindings.
 *
 * Every `Pipeline` has one, as `pipeline.rbac`.
 *
 * @see https://docs.kratix.io/main/reference/workflows#rbac
 */
export class PipelineRbac extends Construct {
  /** The custom service account name, if any. */
  public readonly serviceAccountName?: string;
  private readonly _permissions: PipelinePermission[] = [];

  constructor(scope: Construct, id: string, props: PipelineRbacProps = {}) {
    super(scope, id);
    if (props.serviceAccount && props.serviceAccountName !== undefined) {
      throw new Error(`PipelineRbac '${this.node.path}': give either serviceAccount ('${props.serviceAccount.name}') or serviceAccountName ('${props.serviceAccountName}'), not both`);
    }
    this.serviceAccountName = props.serviceAccount?.name ?? props.serviceAccountName;
    for (const permission of props.permissions ?? []) this.addPermission(permission);
  }

  /** The permissions added so far (a copy). */
  public get permissions(): PipelinePermission[] {
    return [...this._permissions];
  }

  /**
   * Adds a permission given as a plain rule.
   *
   * @param props the rule and its scope
   * @returns the permission added
   */
  public addPermission(props: PipelinePermissionProps): PipelinePermission {
    const permission = new PipelinePermission(props);
    this._permissions.push(permission);
    (this.node.scope as { _changed?: () => void } | undefined)?._changed?.();
    return permission;
  }

  /**
   * Allows `verbs` on `resources`, as one rule.
   *
   * The rule's apiGroups, resources and resourceNames are those of `resources` in order, without
   * repeats; as in any Kubernetes rule, each verb applies to each group and resource.
   *
   * @param verbs the verbs, e.g. `['get', 'list']`
   * @param resources the resources, e.g. `ApiResource.SECRETS` or `ApiResource.custom({ apiGroup: 'platform.kratix.io', resourceType: 'promises/status' })`
   * @returns the permission added
   */
  public allow(verbs: string[], resources: IApiResource[], options: AllowOptions = {}): PipelinePermission {
    const names = unique([
      ...resources.map(r => r.resourceName).filter((n): n is string => n !== undefined),
      ...options.resourceNames ?? [],
    ]);
    return this.addPermission({
      verbs,
      // cdk8s-plus objects of the core group (Secret, ConfigMap...) say 'core'; RBAC writes it ''.
      apiGroups: unique(resources.map(r => r.apiGroup === 'core' ? '' : r.apiGroup)),
      resources: unique(resources.map(r => r.resourceType)),
      resourceNames: names.length > 0 ? names : undefined,
      scope: options.scope,
    });
  }

  /**
   * Allows `get`, `list` and `watch` on `resources`.
   *
   * @returns the permission added
   */
  public allowRead(resources: IApiResource[], options: AllowOptions = {}): PipelinePermission {
    return this.allow(['get', 'list', 'watch'], resources, options);
  }

  /**
   * Allows `get`, `list`, `watch`, `create`, `update`, `patch` and `delete` on `resources`.
   *
   * @returns the permission added
   */
  public allowReadWrite(resources: IApiResource[], options: AllowOptions = {}): PipelinePermission {
    return this.allow(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'], resources, options);
  }

  /**
   * Adds the ServiceAccount, Roles, RoleBindings, ClusterRoles and ClusterRoleBindings that Kratix
   * creates for this pipeline to `scope`, named exactly as Kratix names them: to pre-provision a
   * custom service account's permissions through GitOps, or to review them.
   *
   * @param scope where to add them, e.g. a chart
   * @param id the construct id of the `PipelineJob` holding them
   * @param options the resource request (for a resource workflow) and the controller settings
   * @returns the construct holding the objects
   */
  public addObjectsTo(scope: Construct, id: string, options: PipelineRenderOptions = {}): PipelineJob {
    return new PipelineJob(scope, id, { ...options, pipeline: this.node.scope as any, objects: PipelineObjects.RBAC });
  }

  /**
   * The Pipeline's `spec.rbac`, or undefined when there is nothing to say.
   *
   * @internal
   */
  public _toJson(): any {
    if (this.serviceAccountName === undefined && this._permissions.length === 0) return undefined;
    return compact({
      serviceAccount: this.serviceAccountName,
      permissions: this._permissions.length > 0 ? this._permissions.map(p => p._toJson()) : undefined,
    });
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
