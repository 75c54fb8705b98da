import { MAX_NESTING_DEPTH, tooDeepAt } from '../_json';
import { PipelineContext } from './context';
import { Kratix, KratixLabels } from '../constants';
import { destinationSelectorsConfigMap } from './destination-selectors';
import { RenderError, RenderInput } from './errors';
import { goJsonMarshal, md5Hex } from './go-json';
import { PromiseApi, PromiseInfo, readApi, readPromise, readRequest, RequestInfo } from './inputs';
import { pipelineJob } from './job';
import { pipelineId } from './names';
import { WorkflowAction, WorkflowType } from './pipeline';
import { pipelineRbac, serviceAccount } from './rbac';
import { resolveSettings } from './settings';
import { KubeObject, RenderedPipeline, RenderSettings, WorkflowRef } from './types';

export * from './types';
export { RenderError } from './errors';
export type { RenderInput } from './errors';
export { checkPipelineKind } from './pipeline';
export { pipelinePod } from './pod';
export { toYaml } from './yaml';
// The single implementation of each Kratix rule, for the constructs, validate and audit modules.
export { deterministicName, jobBaseName, jobName, MAX_PIPELINE_ID_LENGTH, pipelineId, processName } from './names';
export { goJsonMarshal, hashSpec, md5Hex, promiseSpecForHash } from './go-json';
export { canonicalQuantity } from './quantity';
export { readCrd } from './inputs';
export type { PromiseApi as CrdInfo } from './inputs';
export { DEFAULT_CONTAINER_RESOURCES, KRATIX_SECURITY_CONTEXT, resolveSettings } from './settings';
export type { ControllerSettings } from './settings';
export { destinationSelectorsYaml } from './destination-selectors';


const WORKFLOWS: readonly WorkflowRef[] = ['promise/configure', 'promise/delete', 'resource/configure', 'resource/delete'];

/**
 * Every pipeline of the workflow that Kratix runs (delete: only the first), in order, with every
 * object Kratix creates for it.
 *
 * Follows the rendering specification (`docs/kratix-rendering.md`) rule by rule, with two
 * deliberate differences: the Job name's last 5 characters, random in Kratix, are derived from the
 * input (see `jobName` in `names.ts`), and in dry-run mode each user container gets its own env
 * (Kratix's env aliasing bug, §11 item 17, is not reproduced). User-permission ClusterRoles come
 * in declaration order of `resourceNamespace` (random in Kratix).
 *
 * @param promise the Promise document as stored (parsed YAML/JSON), or a `PreparedPromise` of it;
 * without `metadata.uid` the ownerReference uid renders as `""`
 * @param workflow which workflow to render
 * @param request the resource request, as written or as stored: the `kratix.io/hash` covers it as the
 * API server stores it, so the CRD schema's pruning and defaults are applied first (`storedResource`);
 * required for resource workflows, ignored for promise workflows
 * @param settings the controller settings
 * @throws RenderError for bad input, naming the document, the field path and the value
 */
export function renderWorkflow(promise: any, workflow: WorkflowRef, request: any | undefined, settings?: RenderSettings): RenderedPipeline[] {
  if (!WORKFLOWS.includes(workflow)) {
    throw new Error(`unknown workflow ${JSON.stringify(workflow)}: expected one of ${WORKFLOWS.join(', ')}`);
  }
  const [type, action] = workflow.split('/') as [WorkflowType, WorkflowAction];
  const prepared = promise instanceof PreparedPromise;
  if (!prepared) checkDepth('promise', promise);
  checkDepth('request', request);
  checkDepth('settings', settings?.kratixConfig);
  const info = prepared ? promise.info : readPromise(promise);
  const resolved = resolveSettings(settings);
  const declared = info.pipelines[type][action];

  let req: RequestInfo | undefined;
  let api: PromiseApi | undefined;
  if (type === 'resource') {
    if (request === undefined || request === null) {
      throw new Error(`workflow ${workflow} renders for one resource request: the request argument is missing`);
    }
    if (declared.length === 0) return [];
    api = readApi(info);
    req = readRequest(request, api);
  }
  if (declared.length === 0) return [];

  const namespace = info.pipelineNamespace !== '' ? info.pipelineNamespace : req ? req.namespace : Kratix.SYSTEM_NAMESPACE;
  const dryRun = req !== undefined && req.labels[KratixLabels.DRY_RUN] === 'true';
  const hash = req ? md5Hex(`${info.hash}-${req.hash}${dryRun ? '-dry-run' : ''}`) : info.hash;
  const runs = action === 'delete' ? declared.slice(0, 1) : declared;

  return runs.map((pipeline, i) => {
    const id = pipelineId(info.name, type, action, pipeline.name);
    const ctx: PipelineContext = {
      promise: info,
      pipeline,
      type,
      action,
      id,
      namespace,
      request: req,
      api,
      settings: resolved,
      isLast: i === declared.length - 1,
      serviceAccountName: pipeline.serviceAccount !== '' ? pipeline.serviceAccount : id,
      hash,
      dryRun,
    };
    const rbac = pipelineRbac(ctx);
    return {
      pipelineName: pipeline.name,
      id,
      namespace,
      serviceAccount: serviceAccount(ctx),
      configMap: action === 'configure' ? destinationSelectorsConfigMap(info.name, namespace, info.destinationSelectors) : undefined,
      ...rbac,
      job: pipelineJob(ctx),
    };
  });
}

/**
 * A Promise read, checked and hashed once, to render many resource requests of it: pass it to
 * `renderWorkflow` in place of the document. The document must not change afterwards.
 */
export class PreparedPromise {
  /** @internal */
  public readonly info: PromiseInfo;

  /** @throws RenderError for bad input, as `renderWorkflow` */
  constructor(promise: unknown) {
    checkDepth('promise', promise);
    this.info = readPromise(promise);
  }
}

function checkDepth(input: RenderInput, doc: unknown): void {
  const deep = tooDeepAt(doc);
  if (deep !== undefined) throw new RenderError(input, deep, `nested more than ${MAX_NESTING_DEPTH} levels deep: no Kubernetes object needs that many levels of maps and lists; flatten it`);
}

/**
 * The objects in Kratix's apply order (SA, ConfigMap, Roles, RoleBindings, ClusterRoles,
 * ClusterRoleBindings, Job per pipeline), an identical object repeated by a later pipeline (the
 * shared ConfigMap) listed once.
 */
export function workflowObjects(rendered: RenderedPipeline[]): KubeObject[] {
  const out: KubeObject[] = [];
  const seen = new Map<string, KubeObject[]>();
  const add = (obj: KubeObject) => {
    const key = `${obj.apiVersion}/${obj.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
    const same = seen.get(key);
    if (same) {
      const json = goJsonMarshal(obj);
      if (same.some(o => o === obj || goJsonMarshal(o) === json)) return;
      same.push(obj);
    } else {
      seen.set(key, [obj]);
    }
    out.push(obj);
  };
  for (const p of rendered) {
    add(p.serviceAccount);
    if (p.configMap) add(p.configMap);
    p.roles.forEach(add);
    p.roleBindings.forEach(add);
    p.clusterRoles.forEach(add);
    p.clusterRoleBindings.forEach(add);
    add(p.job);
  }
  return out;
}
