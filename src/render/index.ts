import { PipelineContext } from './context';
import { Kratix, KratixLabels } from '../constants';
import { destinationSelectorsConfigMap } from './destination-selectors';
import { goJsonMarshal, hashSpec, md5Hex, promiseSpecForHash } from './go-json';
import { pipelineJob } from './job';
import { pipelineId } from './names';
import { pipelineRbac, serviceAccount } from './rbac';
import { ControllerSettings, resolveSettings } from './settings';
import { KubeObject, RenderedPipeline, RenderSettings, WorkflowRef } from './types';
import { RenderError, RenderInput } from '../model/errors';
import { ParsedPipeline } from '../model/pipeline-model';
import { PromiseApi, PromiseInfo, readCrd, readPromise, readRequest, RequestInfo } from '../model/promise-model';
import { MAX_NESTING_DEPTH, tooDeepAt } from '../private/json';
import { WORKFLOW_ACTIONS, WORKFLOW_REFS, WORKFLOW_TYPES } from '../private/workflows';
import { storedResource } from '../schema';
import { NO_API_PROBLEM, pipelineIdMessage, podSpecProblems, prefixProblems } from '../validate';
import { WorkflowAction, WorkflowType } from '../workflow-types';

export * from './types';
export { RenderError } from '../model/errors';
export type { RenderInput } from '../model/errors';
export { checkPipelineKind } from '../model/pipeline-model';
export { pipelinePod } from './pod';
export { toYaml } from './yaml';
// The single implementation of each Kratix rule, for the constructs, validate and audit modules.
export { deterministicName, jobBaseName, jobName, MAX_PIPELINE_ID_LENGTH, pipelineId, processName } from './names';
export { goJsonMarshal, hashSpec, md5Hex, promiseSpecForHash } from './go-json';
export { canonicalQuantity } from './quantity';
export { readCrd } from '../model/promise-model';
export type { PromiseApi as CrdInfo } from '../model/promise-model';
export { DEFAULT_CONTAINER_RESOURCES, KRATIX_SECURITY_CONTEXT, resolveSettings } from './settings';
export type { ControllerSettings } from './settings';
export { destinationSelectorsYaml } from './destination-selectors';


const WORKFLOWS = WORKFLOW_REFS as readonly WorkflowRef[];

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
  const { info, hash: promiseHash } = prepared ? promise : checkedPods(readForRendering(promise));
  const resolved = resolveSettings(settings);
  const declared = info.pipelines[type][action];

  let req: RequestInfo | undefined;
  let api: PromiseApi | undefined;
  let requestHash = '';
  if (type === 'resource') {
    if (request === undefined || request === null) {
      throw new Error(`workflow ${workflow} renders for one resource request: the request argument is missing`);
    }
    if (declared.length === 0) return [];
    api = readApi(info);
    req = readRequest(request, api);
    requestHash = hashRequest(request, api);
  }
  if (declared.length === 0) return [];

  const namespace = info.pipelineNamespace !== '' ? info.pipelineNamespace : req ? req.namespace : Kratix.SYSTEM_NAMESPACE;
  const dryRun = req !== undefined && req.labels[KratixLabels.DRY_RUN] === 'true';
  const hash = req ? md5Hex(`${promiseHash}-${requestHash}${dryRun ? '-dry-run' : ''}`) : promiseHash;
  const runs = action === 'delete' ? declared.slice(0, 1) : declared;

  return runs.map((pipeline, i) =>
    renderPipeline(info, type, action, pipeline, i === declared.length - 1, namespace, req, api, resolved, hash, dryRun));
}

function renderPipeline(
  info: PromiseInfo, type: WorkflowType, action: WorkflowAction, pipeline: ParsedPipeline, isLast: boolean, namespace: string,
  request: RequestInfo | undefined, api: PromiseApi | undefined, settings: ControllerSettings, hash: string, dryRun: boolean,
): RenderedPipeline {
  const id = pipelineId(info.name, type, action, pipeline.name);
  const ctx: PipelineContext = {
    promise: info,
    pipeline,
    type,
    action,
    id,
    namespace,
    request,
    api,
    settings,
    isLast,
    serviceAccountName: pipeline.serviceAccount !== '' ? pipeline.serviceAccount : id,
    hash,
    dryRun,
  };
  return {
    pipelineName: pipeline.name,
    id,
    namespace,
    serviceAccount: serviceAccount(ctx),
    configMap: action === 'configure' ? destinationSelectorsConfigMap(info.name, namespace, info.destinationSelectors) : undefined,
    ...pipelineRbac(ctx),
    job: pipelineJob(ctx),
  };
}

/**
 * `info`, once the pods of its pipelines' Jobs pass the API server's rules (`podSpecProblems`):
 * Kratix's webhook dry-runs every pipeline's Job, so it rejects the Promise otherwise. The audit
 * (`renderDeclaredPipelines`) reviews such a Promise all the same.
 *
 * @throws RenderError naming the field path of the first problem
 */
function checkedPods(read: ReadPromise): ReadPromise {
  forEachPipeline(read.info, p => {
    const [problem] = prefixProblems(p.path, podSpecProblems({ containers: p.containers, volumes: p.volumes, tolerations: p.tolerations }));
    if (problem) throw new RenderError('promise', problem.path, problem.message);
  });
  return read;
}

/** Calls `visit` with every pipeline of the four workflows, in Kratix's order. */
function forEachPipeline(info: PromiseInfo, visit: (pipeline: ParsedPipeline, type: WorkflowType, action: WorkflowAction) => void): void {
  for (const type of WORKFLOW_TYPES) {
    for (const action of WORKFLOW_ACTIONS) {
      for (const p of info.pipelines[type][action]) visit(p, type, action);
    }
  }
}

/** A Promise as rendering reads it: the model's reading, and the Promise's `kratix.io/hash`. */
interface ReadPromise {
  readonly info: PromiseInfo;
  /** md5 of the Go JSON of the canonical spec (`promiseSpecForHash`). */
  readonly hash: string;
}

/**
 * Reads the Promise (`readPromise`), then applies rendering's rules to what it read: every
 * pipeline ID short enough for the names Kratix derives from it (`pipelineIdMessage`), then the
 * Promise's hash.
 *
 * @throws RenderError for bad input, naming the field path
 */
function readForRendering(promise: unknown): ReadPromise {
  const info = readPromise(promise);
  forEachPipeline(info, (p, type, action) => {
    const tooLong = pipelineIdMessage(info.name, type, action, p.name);
    if (tooLong) throw new RenderError('promise', `${p.path}.metadata.name`, tooLong);
  });
  return { info, hash: hashSpec(promiseSpecForHash((promise as Record<string, unknown>).spec)) };
}

/**
 * Reads the Promise's API as Kratix's `GetAPI` does (`readCrd`).
 *
 * @throws RenderError when there is no API or it lacks group, names or versions
 */
function readApi(info: PromiseInfo): PromiseApi {
  if (!info.rawApi) throw new RenderError('promise', 'spec.api', NO_API_PROBLEM);
  return readCrd(info.rawApi);
}

/** The request's hash: Kratix hashes the request as the API server returns it, pruned and defaulted by the CRD schema. */
function hashRequest(request: unknown, api: PromiseApi): string {
  return hashSpec(storedResource(api.crd, request).resource.spec);
}

/** The namespace of the stand-in request of `renderDeclaredPipelines`: no real namespace is named so. */
export const STAND_IN_REQUEST_NAMESPACE = '<request namespace>';

/** The API group `renderDeclaredPipelines` gives a Promise that has resource workflows but no API: no real group is named so. */
export const STAND_IN_API_GROUP = '<no API>';

const STAND_IN_API: PromiseApi = { group: STAND_IN_API_GROUP, plural: '<no API>', kind: '<no API>', clusterScoped: false, version: '', crd: {} };

/** A declared pipeline with what Kratix creates for it. */
export interface DeclaredPipeline {
  readonly type: WorkflowType;
  readonly action: WorkflowAction;
  /** Its index in the workflow's list. */
  readonly index: number;
  /** The pipeline as Kratix decodes it. */
  readonly pipeline: ParsedPipeline;
  /** What Kratix creates for it; for a resource workflow, for a stand-in request. */
  readonly rendered: RenderedPipeline;
}

/**
 * Every pipeline the Promise declares, in the order promise/configure, promise/delete,
 * resource/configure, resource/delete, rendered as `renderWorkflow` renders it: what the audit
 * reads, so that it sees exactly what Kratix creates. Delete pipelines after the first, which
 * Kratix never runs, are rendered too. Resource workflows render for a stand-in request of the
 * Promise's API in namespace `STAND_IN_REQUEST_NAMESPACE` (none for a cluster-scoped API); a
 * Promise without an API, which Kratix never sends a request, gets the API group `STAND_IN_API_GROUP`.
 *
 * @throws RenderError for bad input, as `renderWorkflow`
 */
export function renderDeclaredPipelines(promise: unknown, settings?: RenderSettings): { promise: PromiseInfo; pipelines: DeclaredPipeline[] } {
  checkDepth('promise', promise);
  checkDepth('settings', settings?.kratixConfig);
  const { info, hash: promiseHash } = readForRendering(promise);
  const resolved = resolveSettings(settings);
  const out: DeclaredPipeline[] = [];
  for (const workflow of WORKFLOWS) {
    const [type, action] = workflow.split('/') as [WorkflowType, WorkflowAction];
    const declared = info.pipelines[type][action];
    if (declared.length === 0) continue;
    const api = type !== 'resource' ? undefined : info.rawApi ? readApi(info) : STAND_IN_API;
    const request = api && standInRequest(api);
    const namespace = info.pipelineNamespace !== '' ? info.pipelineNamespace : request ? request.namespace : Kratix.SYSTEM_NAMESPACE;
    const hash = request ? md5Hex(`${promiseHash}-${STAND_IN_REQUEST_HASH}`) : promiseHash;
    declared.forEach((pipeline, index) => out.push({
      type,
      action,
      index,
      pipeline,
      rendered: renderPipeline(info, type, action, pipeline, index === declared.length - 1, namespace, request, api, resolved, hash, false),
    }));
  }
  return { promise: info, pipelines: out };
}

function standInRequest(api: PromiseApi): RequestInfo {
  return {
    apiVersion: `${api.group}/${api.version}`,
    kind: api.kind,
    group: api.group,
    version: api.version,
    name: 'request',
    namespace: api.clusterScoped ? '' : STAND_IN_REQUEST_NAMESPACE,
    uid: '',
    labels: {},
    annotations: {},
  };
}

/** The stand-in request has no spec. */
const STAND_IN_REQUEST_HASH = hashSpec(undefined);

/**
 * A Promise read, checked and hashed once, to render many resource requests of it: pass it to
 * `renderWorkflow` in place of the document. The document must not change afterwards.
 */
export class PreparedPromise {
  /** @internal */
  public readonly info: PromiseInfo;
  /** @internal the Promise's `kratix.io/hash` */
  public readonly hash: string;

  /** @throws RenderError for bad input, as `renderWorkflow` */
  constructor(promise: unknown) {
    checkDepth('promise', promise);
    ({ info: this.info, hash: this.hash } = checkedPods(readForRendering(promise)));
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
