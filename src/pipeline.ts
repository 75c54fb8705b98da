import { k8s, RestartPolicy, Volume } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Kratix } from './constants';
import { containerJson, PipelineContainerProps } from './pipeline-container';
import { PipelineRbac, PipelineRbacProps } from './pipeline-rbac';
import { isMarked, mark, PIPELINE } from './private/identity';
import { cloneJson, compact, setPath } from './private/json';
import { nextRevision } from './private/revision';
import { PipelineContext, pipelineProblems, Problem } from './validate';

/**
 * Properties of a Kratix Pipeline.
 *
 * @see https://docs.kratix.io/main/reference/workflows#pipelines
 */
export interface PipelineProps {
  /**
   * The pipeline name (`metadata.name`): a DNS-1123 label, unique in its workflow.
   *
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * Labels, given to the pipeline's Job and Pod.
   *
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * Annotations, given to the pipeline's Pod.
   *
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
  /**
   * The containers, run in order.
   *
   * @default - none; add them with `addContainer()`
   */
  readonly containers?: PipelineContainerProps[];
  /**
   * Volumes, beyond Kratix's own.
   *
   * @default - none
   */
  readonly volumes?: Volume[];
  /**
   * Volumes as plain Kubernetes structs, after `volumes`.
   *
   * @default - none
   */
  readonly volumeSpecs?: k8s.Volume[];
  /**
   * Names of Secrets to pull images with; Kratix puts its adapter pull secret first.
   *
   * @default - none
   */
  readonly imagePullSecrets?: string[];
  /**
   * Extra permissions and a custom service account.
   *
   * @default - Kratix's default service account and permissions
   */
  readonly rbac?: PipelineRbacProps;
  /**
   * The Job's `backoffLimit` (`spec.jobOptions.backoffLimit`).
   *
   * @default - the kratix ConfigMap's `workflows.jobOptions.defaultBackoffLimit`, else Kubernetes' 6
   */
  readonly backoffLimit?: number;
  /**
   * The Pod's node selector.
   *
   * @default - none
   */
  readonly nodeSelector?: { [key: string]: string };
  /**
   * The Pod's tolerations.
   *
   * @default - none
   */
  readonly tolerations?: k8s.Toleration[];
  /**
   * The Pod's restart policy: `OnFailure` or `Never` (Jobs allow no other).
   *
   * @default RestartPolicy.ON_FAILURE (Kratix's default)
   */
  readonly restartPolicy?: RestartPolicy;
}

/**
 * A Kratix Pipeline: a Pod of containers that Kratix runs as a Job in a workflow.
 *
 * Create it with `PromiseWorkflow.addPipeline()`, or as a child of a `PromiseWorkflow`.
 *
 * @see https://docs.kratix.io/main/reference/workflows#pipelines
 */
export class Pipeline extends Construct {
  /**
   * Whether `x` is a `Pipeline`, from this or any other installed copy of the library.
   *
   * @param x any value
   */
  public static isPipeline(x: any): x is Pipeline {
    return isMarked(x, PIPELINE);
  }

  /** The pipeline name. */
  public readonly name: string;
  /** The pipeline's RBAC: its permissions and service account. */
  public readonly rbac: PipelineRbac;
  /** The Job's backoff limit, if set. */
  public readonly backoffLimit?: number;
  /** The restart policy, if set. */
  public readonly restartPolicy?: RestartPolicy;
  /**
   * Changes whenever the pipeline does (a number no other pipeline had), for whatever is kept
   * until then: its problems, and its Promise's.
   *
   * @internal
   */
  public _revision = nextRevision();

  private readonly labels?: Record<string, string>;
  private readonly annotations?: Record<string, string>;
  private containers?: any[];
  private volumes?: any[];
  private readonly imagePullSecrets?: string[];
  private readonly nodeSelector?: Record<string, string>;
  private readonly tolerations?: any[];
  private readonly overrides: Array<[string, any]> = [];
  private validation?: { readonly key: string; readonly problems: Problem[] };

  constructor(scope: Construct, id: string, props: PipelineProps = {}) {
    super(scope, id);
    mark(this, PIPELINE);
    this.name = props.name ?? id;
    this.labels = props.labels && { ...props.labels };
    this.annotations = props.annotations && { ...props.annotations };
    this.containers = props.containers && [];
    this.volumes = props.volumes || props.volumeSpecs ? [] : undefined;
    this.imagePullSecrets = props.imagePullSecrets && [...props.imagePullSecrets];
    this.nodeSelector = props.nodeSelector && { ...props.nodeSelector };
    this.tolerations = props.tolerations?.map(k8s.toJson_Toleration);
    this.backoffLimit = props.backoffLimit;
    this.restartPolicy = props.restartPolicy;
    this.rbac = new PipelineRbac(this, 'Rbac', props.rbac);

    for (const container of props.containers ?? []) this.addContainer(container);
    for (const volume of props.volumes ?? []) this.addVolume(volume);
    for (const volume of props.volumeSpecs ?? []) this.addVolumeSpec(volume);
  }

  /** The names of the containers, in order. */
  public get containerNames(): string[] {
    return (this.containers ?? []).map(c => c.name);
  }

  /**
   * Adds a container, run after those added before.
   *
   * @param props the container
   * @returns the container added, as it goes into `spec.containers` (a copy)
   */
  public addContainer(props: PipelineContainerProps): any {
    // containerJson builds a new object: no copy needed.
    return this.addContainerJson(containerJson(props));
  }

  /**
   * Adds a container given as a plain `spec.containers[]` entry, kept exactly as given.
   *
   * @param manifest the container, in Kubernetes JSON (e.g. from an existing Promise)
   * @returns the container added (a copy)
   */
  public addContainerManifest(manifest: any): any {
    return this.addContainerJson(cloneJson(manifest));
  }

  /**
   * Adds a volume that containers can mount.
   *
   * @param volume the volume
   * @returns the volume
   */
  public addVolume(volume: Volume): Volume {
    this.addVolumeManifest(k8s.toJson_Volume(volume._toKube()));
    return volume;
  }

  /**
   * Adds a volume given as a plain Kubernetes struct.
   *
   * @param volume the volume
   * @returns the volume
   */
  public addVolumeSpec(volume: k8s.Volume): k8s.Volume {
    this.addVolumeManifest(k8s.toJson_Volume(volume));
    return volume;
  }

  /**
   * Adds a volume given as Kubernetes JSON, kept exactly as given.
   *
   * @param manifest the `spec.volumes[]` entry
   * @returns the volume added (a copy)
   */
  public addVolumeManifest(manifest: any): any {
    const copy = cloneJson(manifest);
    (this.volumes ??= []).push(copy);
    this._changed();
    return cloneJson(copy);
  }

  private addContainerJson(container: any): any {
    (this.containers ??= []).push(container);
    this._changed();
    return cloneJson(container);
  }

  /**
   * Sets a field of the Pipeline object that the typed API does not cover, by its path.
   *
   * @param path dot-separated keys from the top of the Pipeline object, e.g. `spec.jobOptions.backoffLimit`
   * @param value the value, plain JSON
   */
  public addOverride(path: string, value: any): void {
    this.overrides.push([path, cloneJson(value)]);
    this._changed();
  }

  /**
   * The problems of this pipeline (`pipelineProblems`), kept until the pipeline changes: cdk8s
   * validates every construct twice per synthesis.
   *
   * @internal
   */
  public _problems(context: PipelineContext): Problem[] {
    const key = `${this._revision}/${context.promiseName}/${context.type}/${context.action}/${context.unknownFields ?? ''}`;
    if (this.validation?.key !== key) this.validation = { key, problems: pipelineProblems(this._toJson(), context) };
    return this.validation.problems;
  }

  /**
   * Marks the pipeline changed, so that what was kept for it is worked out again: called by
   * everything that changes the pipeline, its RBAC included.
   *
   * @internal
   */
  public _changed(): void {
    this._revision = nextRevision();
  }

  /**
   * The Pipeline object, as it goes into the Promise's workflow list (a copy).
   */
  public toJson(): any {
    return cloneJson(this._toJson());
  }

  /**
   * The Pipeline object sharing this construct's lists and maps, for synthesis, which copies it
   * anyway; never to be changed.
   *
   * @internal
   */
  public _toJson(): any {
    const metadata = compact({ name: this.name, labels: this.labels, annotations: this.annotations });
    const spec = compact({
      containers: this.containers,
      volumes: this.volumes,
      imagePullSecrets: this.imagePullSecrets?.map(name => ({ name })),
      rbac: this.rbac._toJson(),
      jobOptions: this.backoffLimit === undefined ? undefined : { backoffLimit: this.backoffLimit },
      nodeSelector: this.nodeSelector,
      tolerations: this.tolerations,
      restartPolicy: this.restartPolicy,
    });
    const json: any = { apiVersion: Kratix.API_VERSION, kind: 'Pipeline', metadata, spec };
    for (const [path, value] of this.overrides) setPath(json, path, value);
    return json;
  }
}
