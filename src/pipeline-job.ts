import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { cloneJson } from './_json';
import { KratixConfig } from './kratix-config';
import { KratixPromise } from './kratix-promise';
import { Pipeline } from './pipeline';
import { PromiseWorkflow } from './promise-workflow';
import { KubeObject, pipelinePod, renderWorkflow, RenderedPipeline, WorkflowRef } from './render';

/**
 * The settings of the Kratix controller that change what it creates for a pipeline.
 */
export interface KratixControllerSettings {
  /**
   * The pipeline adapter image (the controller's `PIPELINE_ADAPTER_IMG`), used by the reader,
   * work-writer and status-writer containers. Set it to the image of your Kratix release.
   *
   * @default - none, as Kratix renders when the variable is unset (Kubernetes rejects such a Pod)
   */
  readonly adapterImage?: string;
  /**
   * The controller's `PIPELINE_ADAPTER_PULL_SECRET`, put first in the Pod's imagePullSecrets.
   *
   * @default - none
   */
  readonly adapterPullSecret?: string;
  /**
   * The `kratix` ConfigMap of the platform.
   *
   * @default - the ConfigMap is absent (which differs from present with no keys: see `KratixConfig`)
   */
  readonly kratixConfig?: KratixConfig;
}

/**
 * What to render a pipeline for.
 */
export interface PipelineRenderOptions extends KratixControllerSettings {
  /**
   * The resource request, for a resource workflow, as a cdk8s object (e.g. from `cdk8s import` of the Promise's CRD).
   *
   * @default - `requestManifest`
   */
  readonly request?: ApiObject;
  /**
   * The resource request, for a resource workflow, including `metadata.uid` for the ownerReference.
   * The `kratix.io/hash` covers it as the API server stores it: the API schema's defaults are applied
   * and unknown fields pruned first, so a request that leaves defaulted fields out hashes as Kratix's.
   *
   * @default - none; required for a resource workflow unless `request` is given
   */
  readonly requestManifest?: any;
  /**
   * The Promise's `metadata.uid` in the cluster, for the Job's ownerReference.
   *
   * @default - the Promise's own `metadata.uid` (e.g. of an imported Promise), else ''
   */
  readonly promiseUid?: string;
}

/**
 * Which of a pipeline's objects to add.
 */
export enum PipelineObjects {
  /** Everything Kratix creates: ServiceAccount, ConfigMap, Roles, bindings, ClusterRoles and the Job. */
  ALL = 'all',
  /** The ServiceAccount, Roles, RoleBindings, ClusterRoles and ClusterRoleBindings: what to pre-provision through GitOps. */
  RBAC = 'rbac',
  /** Everything, with a standalone Pod in place of the Job: to run the pipeline in a cluster without Kratix's controller. */
  POD = 'pod',
}

/**
 * Properties of `PipelineJob`.
 */
export interface PipelineJobProps extends PipelineRenderOptions {
  /** The pipeline, inside a workflow of a `KratixPromise`. */
  readonly pipeline: Pipeline;
  /**
   * Which objects to add.
   *
   * @default PipelineObjects.ALL
   */
  readonly objects?: PipelineObjects;
}

/**
 * The Kubernetes objects Kratix creates to run a pipeline, added to a chart exactly as Kratix would
 * create them (rendering rules of the Kratix controller's pipeline factory), in Kratix's apply order:
 * for review, for pre-creating RBAC through GitOps, for policy checks, or to run the pipeline as a Pod.
 *
 * The objects are rendered from the Promise as it is when the `PipelineJob` is created; a change to
 * the Promise afterwards is an error at synth. Two choices differ from Kratix, which chooses at random:
 * the Job name's last 5 characters are the first 5 hex characters of md5(`<job base name>-<kratix.io/hash>`),
 * and user-permission ClusterRoles come in the order their namespaces first appear.
 *
 * @see https://docs.kratix.io/main/reference/workflows
 */
export class PipelineJob extends Construct {
  /** The objects added, in apply order. */
  public readonly apiObjects: ApiObject[];
  /** The pipeline ID: `<promise>-<type>-<action>-<pipeline>`. */
  public readonly pipelineId: string;
  /** The namespace the pipeline runs in: its Job's namespace. */
  public readonly jobNamespace: string;
  /** The name of the service account the pipeline runs as. */
  public readonly serviceAccountName: string;

  constructor(scope: Construct, id: string, props: PipelineJobProps) {
    super(scope, id);
    const { promise, workflow } = ancestors(props.pipeline, this.node.path);
    const promiseJson = promise.toJson();
    const rendered = renderPipeline(promiseJson, workflow, props.pipeline, props, this.node.path);
    this.pipelineId = rendered.id;
    this.jobNamespace = rendered.namespace;
    this.serviceAccountName = rendered.serviceAccount.metadata.name;
    const objects = selectObjects(rendered, props.objects ?? PipelineObjects.ALL);
    this.apiObjects = objects.map((obj, i) => new ApiObject(this, `${obj.kind}${i}`, obj as any));
    this.node.addValidation({
      validate: () => JSON.stringify(promise.toJson()) === JSON.stringify(promiseJson) ? [] : [
        `PipelineJob '${this.node.path}': Promise '${promise.node.path}' changed after this PipelineJob rendered it; create the PipelineJob after the last change to the Promise`,
      ],
    });
  }
}

function ancestors(pipeline: Pipeline, path: string): { promise: KratixPromise; workflow: PromiseWorkflow } {
  const workflow = pipeline.node.scope;
  const promise = pipeline.node.scopes.find(KratixPromise.isKratixPromise);
  if (!(workflow instanceof PromiseWorkflow) || !promise) {
    throw new Error(`PipelineJob '${path}': pipeline '${pipeline.node.path}' is not in a workflow of a KratixPromise; create it with KratixPromise.addPipeline()`);
  }
  return { promise, workflow };
}

function renderPipeline(
  promiseJson: any, workflow: PromiseWorkflow, pipeline: Pipeline, props: PipelineRenderOptions, path: string,
): RenderedPipeline {
  const ref = `${workflow.workflowType}/${workflow.action}` as WorkflowRef;
  if (props.request && props.requestManifest !== undefined) {
    throw new Error(`PipelineJob '${path}': give either request ('${props.request.node.path}') or requestManifest, not both`);
  }
  const request = props.request ? props.request.toJson() : cloneJson(props.requestManifest);
  if (workflow.workflowType === 'resource' && request === undefined) {
    throw new Error(`PipelineJob '${path}': pipeline '${pipeline.name}' runs in a resource workflow, which runs for a resource request: set request or requestManifest`);
  }
  const doc = { ...promiseJson, metadata: { ...promiseJson.metadata, uid: props.promiseUid ?? promiseJson.metadata.uid ?? '' } };
  let rendered: RenderedPipeline[];
  try {
    rendered = renderWorkflow(doc, ref, request, {
      adapterImage: props.adapterImage,
      adapterPullSecret: props.adapterPullSecret,
      kratixConfig: props.kratixConfig?.config,
    });
  } catch (e: any) {
    throw new Error(`PipelineJob '${path}': ${e.message}`);
  }
  const found = rendered.find(r => r.pipelineName === pipeline.name);
  if (!found) {
    throw new Error(`PipelineJob '${path}': Kratix never runs pipeline '${pipeline.name}': a ${ref.replace('/', ' ')} workflow runs only its first pipeline`);
  }
  return found;
}

function selectObjects(rendered: RenderedPipeline, which: PipelineObjects): KubeObject[] {
  const rbac = [...rendered.roles, ...rendered.roleBindings, ...rendered.clusterRoles, ...rendered.clusterRoleBindings];
  if (which === PipelineObjects.RBAC) return [rendered.serviceAccount, ...rbac];
  const run = which === PipelineObjects.POD ? pipelinePod(rendered) : rendered.job;
  return [rendered.serviceAccount, ...(rendered.configMap ? [rendered.configMap] : []), ...rbac, run];
}
