import { EnvFrom, EnvValue, ImagePullPolicy, k8s, Volume } from 'cdk8s-plus-28';
import { compact, cloneJson } from './private/json';

/**
 * A volume mounted into a pipeline container.
 */
export interface PipelineVolumeMount {
  /** The volume to mount; it must also be added to the pipeline's volumes. */
  readonly volume: Volume;
  /** The path in the container. */
  readonly path: string;
  /**
   * Mount the volume read-only.
   *
   * @default false
   */
  readonly readOnly?: boolean;
  /**
   * A path inside the volume to mount instead of its root.
   *
   * @default - the volume's root
   */
  readonly subPath?: string;
}

/**
 * A user container of a Kratix Pipeline.
 *
 * Kratix runs the containers of a pipeline in order, as init containers, with
 * `/kratix/input`, `/kratix/output` and `/kratix/metadata` mounted.
 *
 * @see https://docs.kratix.io/main/reference/workflows#pipelines
 */
export interface PipelineContainerProps {
  /** The container name: a DNS-1123 label, unique in the pipeline. */
  readonly name: string;
  /** The container image. */
  readonly image: string;
  /**
   * The entrypoint.
   *
   * @default - the image's entrypoint
   */
  readonly command?: string[];
  /**
   * Arguments to the entrypoint.
   *
   * @default - the image's arguments
   */
  readonly args?: string[];
  /**
   * Environment variables, in order, from values, Secrets, ConfigMaps or field refs.
   *
   * Kratix puts them after its own `KRATIX_*` variables.
   *
   * @default - none
   */
  readonly env?: { [name: string]: EnvValue };
  /**
   * Environment variables as plain Kubernetes structs, appended after `env`.
   *
   * @default - none
   */
  readonly envVariables?: k8s.EnvVar[];
  /**
   * Sources of environment variables: whole Secrets or ConfigMaps (`Env.fromSecret`, `Env.fromConfigMap`).
   *
   * @default - none
   */
  readonly envFrom?: EnvFrom[];
  /**
   * Sources of environment variables as plain Kubernetes structs, appended after `envFrom`.
   *
   * @default - none
   */
  readonly envFromSources?: k8s.EnvFromSource[];
  /**
   * Volumes to mount, after Kratix's own three mounts.
   *
   * @default - none
   */
  readonly volumeMounts?: PipelineVolumeMount[];
  /**
   * Volume mounts as plain Kubernetes structs, appended after `volumeMounts`.
   *
   * @default - none
   */
  readonly volumeMountSpecs?: k8s.VolumeMount[];
  /**
   * When to pull the image.
   *
   * @default - the kratix ConfigMap's `workflows.defaultImagePullPolicy`, else Kubernetes' default
   */
  readonly imagePullPolicy?: ImagePullPolicy;
  /**
   * The container's security context.
   *
   * @default - the kratix ConfigMap's `workflows.defaultContainerSecurityContext`, if any
   */
  readonly securityContext?: k8s.SecurityContext;
  /**
   * Compute resources; `{}` turns Kratix's default resources off.
   *
   * @default - the kratix ConfigMap's `workflows.defaultContainerResources`, else Kratix's built-in defaults
   */
  readonly resources?: k8s.ResourceRequirements;
}

/** The Pipeline `spec.containers[]` entry for `props`, in Kubernetes JSON. */
export function containerJson(props: PipelineContainerProps): any {
  const env = [
    ...Object.entries(props.env ?? {}).map(([name, value]) => envVarJson(name, value)),
    ...(props.envVariables ?? []).map(k8s.toJson_EnvVar),
  ];
  const envFrom = [
    ...(props.envFrom ?? []).map(e => k8s.toJson_EnvFromSource(e._toKube())),
    ...(props.envFromSources ?? []).map(k8s.toJson_EnvFromSource),
  ];
  const mounts = [
    ...(props.volumeMounts ?? []).map(m => compact({ name: m.volume.name, mountPath: m.path, readOnly: m.readOnly, subPath: m.subPath })),
    ...(props.volumeMountSpecs ?? []).map(k8s.toJson_VolumeMount),
  ];
  return compact({
    name: props.name,
    image: props.image,
    command: cloneJson(props.command),
    args: cloneJson(props.args),
    env: props.env || props.envVariables ? env : undefined,
    envFrom: props.envFrom || props.envFromSources ? envFrom : undefined,
    volumeMounts: props.volumeMounts || props.volumeMountSpecs ? mounts : undefined,
    imagePullPolicy: props.imagePullPolicy,
    securityContext: props.securityContext && k8s.toJson_SecurityContext(props.securityContext),
    resources: props.resources && k8s.toJson_ResourceRequirements(props.resources),
  });
}

function envVarJson(name: string, value: EnvValue): any {
  return compact({
    name,
    value: value.value,
    valueFrom: value.valueFrom && k8s.toJson_EnvVarSource(value.valueFrom),
  });
}
