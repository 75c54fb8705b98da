import { ApiObject, Duration, Yaml } from 'cdk8s';
import { ImagePullPolicy, k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Kratix } from './constants';
import { cloneJson, compact } from './private/json';
import { formatGoDuration } from './validate';

/**
 * Job options of Kratix's workflows.
 */
export interface KratixJobOptions {
  /**
   * The `backoffLimit` of pipeline Jobs whose pipeline sets none.
   *
   * @default - Kubernetes' default (6)
   */
  readonly defaultBackoffLimit?: number;
  /**
   * Seconds after which Kratix deletes the Pods of finished pipeline Jobs.
   *
   * @default - Pods are kept
   */
  readonly podTtlSecondsAfterFinished?: number;
}

/**
 * The `workflows` options of the kratix ConfigMap.
 */
export interface KratixWorkflowsConfig {
  /**
   * The security context of user containers that set none (never of Kratix's own containers).
   *
   * @default - none; but when the ConfigMap exists without this key, Kratix gives such containers `securityContext: {}`
   */
  readonly defaultContainerSecurityContext?: k8s.SecurityContext;
  /**
   * The pull policy of Kratix's containers and of user containers that set none.
   *
   * @default - Kubernetes' default
   */
  readonly defaultImagePullPolicy?: ImagePullPolicy;
  /**
   * Resources of Kratix's containers and of user containers that set none; replaces Kratix's built-in
   * defaults wholesale.
   *
   * @default - requests cpu 100m, memory 128Mi, ephemeral-storage 128Mi; limits cpu 200m, memory 256Mi, ephemeral-storage 256Mi
   */
  readonly defaultContainerResources?: k8s.ResourceRequirements;
  /**
   * Job options.
   *
   * @default - none
   */
  readonly jobOptions?: KratixJobOptions;
  /**
   * Whether failed workflows are re-run on the reconciliation interval.
   *
   * @default true
   */
  readonly reconcileAfterFailure?: boolean;
}

/**
 * Properties of `KratixConfig`.
 *
 * @see https://docs.kratix.io/main/reference/kratix-config/config
 */
export interface KratixConfigProps {
  /**
   * Workflow options.
   *
   * @default - none
   */
  readonly workflows?: KratixWorkflowsConfig;
  /**
   * Jobs kept per pipeline.
   *
   * @default 5
   */
  readonly numberOfJobsToKeep?: number;
  /**
   * How often workflows are re-run.
   *
   * @default Duration.hours(10)
   */
  readonly reconciliationInterval?: Duration;
  /**
   * How often State Stores are reconciled.
   *
   * @default Duration.hours(10)
   */
  readonly stateStoreReconciliationInterval?: Duration;
  /**
   * Restrict the Secrets cache to `app.kubernetes.io/part-of=kratix`.
   *
   * @default false
   */
  readonly selectiveCache?: boolean;
  /**
   * Enables dry-run resource requests (`featureFlags.dryRun`).
   *
   * @default false
   */
  readonly dryRun?: boolean;
  /**
   * Other keys of the config, merged over the typed ones (e.g. `telemetry`, `logging`).
   *
   * @default - none
   */
  readonly extraConfig?: { [key: string]: any };
}

/**
 * The `kratix` ConfigMap in `kratix-platform-system`: platform-wide Kratix settings, under the key `config`.
 *
 * @see https://docs.kratix.io/main/reference/kratix-config/config
 */
export class KratixConfig extends Construct {
  /** The ConfigMap. */
  public readonly apiObject: ApiObject;
  private readonly props: KratixConfigProps;

  constructor(scope: Construct, id: string, props: KratixConfigProps = {}) {
    super(scope, id);
    this.props = props;
    for (const [field, value] of [['numberOfJobsToKeep', props.numberOfJobsToKeep], ['workflows.jobOptions.defaultBackoffLimit', props.workflows?.jobOptions?.defaultBackoffLimit]] as const) {
      if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
        throw new Error(`KratixConfig '${this.node.path}': ${field} must be a whole number of at least 0, got ${value}`);
      }
    }
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: Kratix.CONFIG_MAP_NAME, namespace: Kratix.SYSTEM_NAMESPACE },
      data: { config: Yaml.stringify(this.config) },
    } as any);
  }

  /** The parsed `config` key: what Kratix reads. */
  public get config(): any {
    const p = this.props;
    const w = p.workflows;
    const jobOptions = w?.jobOptions && compact({
      defaultBackoffLimit: w.jobOptions.defaultBackoffLimit,
      podTTLSecondsAfterFinished: w.jobOptions.podTtlSecondsAfterFinished,
    });
    const workflows = w && compact({
      defaultContainerSecurityContext: w.defaultContainerSecurityContext && k8s.toJson_SecurityContext(w.defaultContainerSecurityContext),
      defaultImagePullPolicy: w.defaultImagePullPolicy,
      defaultContainerResources: w.defaultContainerResources && k8s.toJson_ResourceRequirements(w.defaultContainerResources),
      jobOptions,
      reconcileAfterFailure: w.reconcileAfterFailure,
    });
    return {
      ...compact({
        workflows,
        numberOfJobsToKeep: p.numberOfJobsToKeep,
        reconciliationInterval: p.reconciliationInterval && formatGoDuration(p.reconciliationInterval.toMilliseconds()),
        stateStoreReconciliationInterval: p.stateStoreReconciliationInterval && formatGoDuration(p.stateStoreReconciliationInterval.toMilliseconds()),
        selectiveCache: p.selectiveCache,
        featureFlags: p.dryRun === undefined ? undefined : { dryRun: p.dryRun },
      }),
      ...cloneJson(p.extraConfig),
    };
  }
}
