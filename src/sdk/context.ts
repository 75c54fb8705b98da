import { KratixEnv } from '../constants';

/** An environment: variable names to values, like `process.env`. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** The workflow type: `promise` or `resource`. */
export type WorkflowTypeName = 'promise' | 'resource';
/** The workflow action: `configure` or `delete`. */
export type WorkflowActionName = 'configure' | 'delete';

/**
 * A KRATIX_* environment variable that is missing or malformed: names the variable, the value and
 * how to fix it.
 */
export class KratixEnvError extends Error {
  /** The variable at fault. */
  public readonly variable: string;

  /**
   * @param variable the variable at fault
   * @param message the full message
   */
  constructor(variable: string, message: string) {
    super(message);
    this.name = 'KratixEnvError';
    this.variable = variable;
  }
}

const OUTSIDE = 'Kratix sets it in every pipeline container; to run the pipeline elsewhere set it yourself, or use `cdk8s-kratix run`, which sets them all';

/**
 * What a pipeline container learns from the environment Kratix gives it: the workflow, the Promise,
 * the pipeline and the object it runs for.
 *
 * Each property reads its variable when asked, so a pipeline that uses a few of them runs with only
 * those set; a missing or malformed variable throws a {@link KratixEnvError} naming it.
 *
 * @see https://docs.kratix.io/main/reference/workflows#environment-variables
 */
export class WorkflowContext {
  private readonly env: Environment;

  /** @param env the environment to read (default: `process.env`) */
  constructor(env: Environment = process.env) {
    this.env = env;
  }

  /** `configure` or `delete` (`KRATIX_WORKFLOW_ACTION`). */
  public get workflowAction(): WorkflowActionName {
    return this.oneOf(KratixEnv.WORKFLOW_ACTION, ['configure', 'delete']);
  }

  /** `promise` or `resource` (`KRATIX_WORKFLOW_TYPE`). */
  public get workflowType(): WorkflowTypeName {
    return this.oneOf(KratixEnv.WORKFLOW_TYPE, ['promise', 'resource']);
  }

  /** The workflow, `<type>/<action>`, for example `resource/configure`. */
  public get workflow(): `${WorkflowTypeName}/${WorkflowActionName}` {
    return `${this.workflowType}/${this.workflowAction}`;
  }

  /** The Promise's name (`KRATIX_PROMISE_NAME`). */
  public get promiseName(): string {
    return this.required(KratixEnv.PROMISE_NAME);
  }

  /** The pipeline's name (`KRATIX_PIPELINE_NAME`). */
  public get pipelineName(): string {
    return this.required(KratixEnv.PIPELINE_NAME);
  }

  /** The kind of the object in `object.yaml` (`KRATIX_OBJECT_KIND`): `Promise` in promise workflows. */
  public get objectKind(): string {
    return this.required(KratixEnv.OBJECT_KIND);
  }

  /** The API group of the object (`KRATIX_OBJECT_GROUP`): `platform.kratix.io` in promise workflows. */
  public get objectGroup(): string {
    return this.required(KratixEnv.OBJECT_GROUP, true);
  }

  /** The API version of the object (`KRATIX_OBJECT_VERSION`), without the group. */
  public get objectVersion(): string {
    return this.required(KratixEnv.OBJECT_VERSION);
  }

  /** The object's `apiVersion`: `<group>/<version>`, or the version alone for the core group. */
  public get objectApiVersion(): string {
    const group = this.objectGroup;
    return group === '' ? this.objectVersion : `${group}/${this.objectVersion}`;
  }

  /** The object's name (`KRATIX_OBJECT_NAME`); in a dry run, the ephemeral request's. */
  public get objectName(): string {
    return this.required(KratixEnv.OBJECT_NAME);
  }

  /**
   * The object's namespace as Kratix's own containers read `KRATIX_OBJECT_NAMESPACE`: `""` for a
   * cluster-scoped object (every Promise), else the variable, `default` when empty.
   */
  public get objectNamespace(): string {
    if (this.clusterScoped) return '';
    const ns = this.env[KratixEnv.OBJECT_NAMESPACE] ?? '';
    return ns === '' ? 'default' : ns;
  }

  /** The plural of the Promise's API (`KRATIX_CRD_PLURAL`): `promises` in promise workflows. */
  public get crdPlural(): string {
    return this.required(KratixEnv.CRD_PLURAL);
  }

  /** Whether the object is cluster scoped (`KRATIX_CLUSTER_SCOPED`, `true` or `false`). */
  public get clusterScoped(): boolean {
    return this.oneOf(KratixEnv.CLUSTER_SCOPED, ['true', 'false']) === 'true';
  }

  /** Whether this run is a dry run (`KRATIX_DRY_RUN=true`; absent in ordinary runs). */
  public get dryRun(): boolean {
    const v = this.env[KratixEnv.DRY_RUN];
    if (v === undefined || v === '' || v === 'false') return false;
    if (v === 'true') return true;
    throw new KratixEnvError(KratixEnv.DRY_RUN, `${KratixEnv.DRY_RUN} is ${JSON.stringify(v)}: expected "true", or leave it unset`);
  }

  /** Whether this is a promise workflow. */
  public isPromiseWorkflow(): boolean {
    return this.workflowType === 'promise';
  }

  /** Whether this is a resource workflow. */
  public isResourceWorkflow(): boolean {
    return this.workflowType === 'resource';
  }

  /** Whether this is a configure workflow. */
  public isConfigureAction(): boolean {
    return this.workflowAction === 'configure';
  }

  /** Whether this is a delete workflow. */
  public isDeleteAction(): boolean {
    return this.workflowAction === 'delete';
  }

  /** The variables a Kratix pipeline container gets, read and checked at once (for logs and tests). */
  public toJSON(): Record<string, unknown> {
    return {
      workflowAction: this.workflowAction,
      workflowType: this.workflowType,
      promiseName: this.promiseName,
      pipelineName: this.pipelineName,
      objectKind: this.objectKind,
      objectGroup: this.objectGroup,
      objectVersion: this.objectVersion,
      objectName: this.objectName,
      objectNamespace: this.objectNamespace,
      crdPlural: this.crdPlural,
      clusterScoped: this.clusterScoped,
      dryRun: this.dryRun,
    };
  }

  private required(name: string, allowEmpty = false): string {
    const v = this.env[name];
    if (v === undefined || (v === '' && !allowEmpty)) {
      throw new KratixEnvError(name, `${name} is ${v === undefined ? 'not set' : 'empty'}: ${OUTSIDE}`);
    }
    return v;
  }

  private oneOf<T extends string>(name: string, values: readonly T[]): T {
    const v = this.required(name);
    if (!(values as readonly string[]).includes(v)) {
      throw new KratixEnvError(name, `${name} is ${JSON.stringify(v)}: expected ${values.map(x => JSON.stringify(x)).join(' or ')}`);
    }
    return v as T;
  }
}
