/** A workflow of a Promise: `<type>/<action>`. */
export type WorkflowRef = 'promise/configure' | 'promise/delete' | 'resource/configure' | 'resource/delete';

/**
 * The Kratix controller settings that change what is rendered.
 */
export interface RenderSettings {
  /** PIPELINE_ADAPTER_IMG; default '' (Kratix renders image: "" when unset). */
  readonly adapterImage?: string;
  /** PIPELINE_ADAPTER_PULL_SECRET; '' or undefined = unset. */
  readonly adapterPullSecret?: string;
  /** The parsed `data.config` of the kratix ConfigMap; undefined = the ConfigMap is ABSENT; {} = present without keys. */
  readonly kratixConfig?: Record<string, any>;
}

/** The metadata of a rendered object. */
export interface KubeObjectMeta {
  name: string;
  /** Absent for cluster-scoped objects (and for objects in a cluster-scoped request's namespace `""`). */
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: Array<Record<string, any>>;
  [key: string]: any;
}

/** A rendered Kubernetes object, as plain JSON-compatible data. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: KubeObjectMeta;
  [key: string]: any;
}

/** Everything Kratix creates for one pipeline of a workflow. */
export interface RenderedPipeline {
  /** The pipeline's `metadata.name`. */
  readonly pipelineName: string;
  /** The pipeline ID: `<promise>-<type>-<action>-<pipeline>`. */
  readonly id: string;
  /** The namespace the pipeline runs in. */
  readonly namespace: string;
  readonly serviceAccount: KubeObject;
  /** The destination-selectors ConfigMap (configure workflows only). */
  readonly configMap?: KubeObject;
  readonly roles: KubeObject[];
  readonly roleBindings: KubeObject[];
  readonly clusterRoles: KubeObject[];
  readonly clusterRoleBindings: KubeObject[];
  readonly job: KubeObject;
}
