import { isObject, RenderError, RenderInput } from './errors';
import { ParsedPipeline, parsePipeline } from './pipeline-model';
import { Kratix } from '../constants';
import { quote } from '../private/quote';
import { WORKFLOW_ACTIONS, WORKFLOW_TYPES } from '../private/workflows';
import { WorkflowAction, WorkflowType } from '../workflow-types';

/** The apiVersion of Promises. */
export const PROMISE_API_VERSION = Kratix.API_VERSION;
/** The kind of Promises. */
export const PROMISE_KIND = 'Promise';


/** The Promise's API (its CRD), as far as rendering needs it. */
export interface PromiseApi {
  readonly group: string;
  readonly plural: string;
  readonly kind: string;
  readonly clusterScoped: boolean;
  /** The stored version's name (`''` when it has none). */
  readonly version: string;
  /** The CustomResourceDefinition manifest. */
  readonly crd: any;
}

/** What rendering needs from a Promise. */
export interface PromiseInfo {
  readonly name: string;
  /** `''` when the document has no `metadata.uid`. */
  readonly uid: string;
  readonly annotations: Record<string, any>;
  /** `spec.workflows.config.pipelineNamespace`, `''` when unset. */
  readonly pipelineNamespace: string;
  readonly destinationSelectors: Array<Record<string, string> | undefined>;
  /** All four workflow lists, parsed (Kratix parses all of them whenever it renders any). */
  readonly pipelines: Record<WorkflowType, Record<WorkflowAction, ParsedPipeline[]>>;
  /** The raw `spec.api`, when present and non-empty. */
  readonly rawApi?: Record<string, any>;
}

/** What rendering needs from a resource request. */
export interface RequestInfo {
  readonly apiVersion: string;
  readonly kind: string;
  readonly group: string;
  readonly version: string;
  readonly name: string;
  /** `''` for a cluster-scoped request. */
  readonly namespace: string;
  readonly uid: string;
  readonly labels: Record<string, any>;
  readonly annotations: Record<string, any>;
}

function fail(input: RenderInput, path: string, problem: string): never {
  throw new RenderError(input, path, problem);
}

function optionalString(input: RenderInput, path: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') fail(input, path, `${quote(value)} is not a string`);
  return value;
}

function requiredName(input: RenderInput, meta: Record<string, any>): string {
  const name = meta.name;
  if (typeof name !== 'string' || name === '') fail(input, 'metadata.name', `${quote(name)}: every ${input} needs a name`);
  return name;
}

function metadataOf(input: RenderInput, doc: Record<string, any>): Record<string, any> {
  if (!isObject(doc.metadata)) fail(input, 'metadata', `${quote(doc.metadata)} is not an object with a name`);
  return doc.metadata;
}

/**
 * Reads a Promise document (as parsed YAML/JSON) and parses all four of its workflow lists.
 *
 * @throws RenderError for a document that is not a Promise, a missing name, or any bad pipeline
 */
export function readPromise(promise: unknown): PromiseInfo {
  if (!isObject(promise)) fail('promise', '(document)', `${quote(promise)} is not a Promise object`);
  if (promise.kind !== undefined && promise.kind !== PROMISE_KIND) fail('promise', 'kind', `${quote(promise.kind)} is not ${PROMISE_KIND}`);
  if (promise.apiVersion !== undefined && promise.apiVersion !== PROMISE_API_VERSION) {
    fail('promise', 'apiVersion', `${quote(promise.apiVersion)} is not ${PROMISE_API_VERSION}`);
  }
  const meta = metadataOf('promise', promise);
  const name = requiredName('promise', meta);
  const uid = optionalString('promise', 'metadata.uid', meta.uid);
  const annotations = isObject(meta.annotations) ? meta.annotations : {};
  const spec = promise.spec ?? {};
  if (!isObject(spec)) fail('promise', 'spec', `${quote(spec)} is not an object`);
  const workflows = spec.workflows ?? {};
  if (!isObject(workflows)) fail('promise', 'spec.workflows', `${quote(workflows)} is not an object`);
  const config = workflows.config ?? {};
  if (!isObject(config)) fail('promise', 'spec.workflows.config', `${quote(config)} is not an object`);
  const pipelineNamespace = optionalString('promise', 'spec.workflows.config.pipelineNamespace', config.pipelineNamespace);

  const pipelines = {} as Record<WorkflowType, Record<WorkflowAction, ParsedPipeline[]>>;
  for (const type of WORKFLOW_TYPES) {
    const triggers = workflows[type] ?? {};
    if (!isObject(triggers)) fail('promise', `spec.workflows.${type}`, `${quote(triggers)} is not an object`);
    pipelines[type] = {} as Record<WorkflowAction, ParsedPipeline[]>;
    for (const action of WORKFLOW_ACTIONS) {
      const path = `spec.workflows.${type}.${action}`;
      const list = triggers[action] ?? [];
      if (!Array.isArray(list)) fail('promise', path, `${quote(list)} is not a list of Pipelines`);
      pipelines[type][action] = list.map((p, i) => parsePipeline(p, `${path}[${i}]`));
    }
  }

  const selectors = spec.destinationSelectors ?? [];
  if (!Array.isArray(selectors)) fail('promise', 'spec.destinationSelectors', `${quote(selectors)} is not a list`);
  const destinationSelectors = selectors.map((sel, i) => {
    const path = `spec.destinationSelectors[${i}]`;
    if (!isObject(sel)) fail('promise', path, `${quote(sel)} is not an object with matchLabels`);
    const labels = sel.matchLabels;
    if (labels === undefined || labels === null) return undefined;
    if (!isObject(labels)) fail('promise', `${path}.matchLabels`, `${quote(labels)} is not a map of strings`);
    for (const key of Object.keys(labels)) {
      if (typeof labels[key] !== 'string') fail('promise', `${path}.matchLabels.${key}`, `${quote(labels[key])} is not a string (quote it in YAML)`);
    }
    return labels as Record<string, string>;
  });

  const rawApi = isObject(spec.api) && Object.keys(spec.api).length > 0 ? spec.api : undefined;
  if (spec.api !== undefined && spec.api !== null && !isObject(spec.api)) fail('promise', 'spec.api', `${quote(spec.api)} is not a CustomResourceDefinition`);

  return {
    name,
    uid,
    annotations,
    pipelineNamespace,
    destinationSelectors,
    pipelines,
    rawApi,
  };
}

/**
 * Reads a Promise's API (a CustomResourceDefinition manifest): its group, plural, kind and scope.
 *
 * @throws RenderError when it lacks group, names or versions
 */
export function readCrd(api: Record<string, any>): PromiseApi {
  const spec = isObject(api.spec) ? api.spec : fail('promise', 'spec.api.spec', `${quote(api.spec)} is not a CRD spec`);
  const group = spec.group;
  if (typeof group !== 'string' || group === '') fail('promise', 'spec.api.spec.group', `${quote(group)} is not an API group`);
  const names = isObject(spec.names) ? spec.names : fail('promise', 'spec.api.spec.names', `${quote(spec.names)} is not a CRD names object`);
  const plural = names.plural;
  if (typeof plural !== 'string' || plural === '') fail('promise', 'spec.api.spec.names.plural', `${quote(plural)} is not a plural name`);
  const kind = names.kind;
  if (typeof kind !== 'string' || kind === '') fail('promise', 'spec.api.spec.names.kind', `${quote(kind)} is not a kind`);
  if (!Array.isArray(spec.versions) || spec.versions.length === 0) {
    fail('promise', 'spec.api.spec.versions', `${quote(spec.versions)}: a CRD needs at least one version`);
  }
  const stored = spec.versions.find((v: unknown) => isObject(v) && v.storage === true) ?? spec.versions[0];
  const version = isObject(stored) && typeof stored.name === 'string' ? stored.name : '';
  return { group, plural, kind, clusterScoped: spec.scope === 'Cluster', version, crd: api };
}

/**
 * Reads a resource request document, as stored by the API server.
 *
 * @param api the Promise's API; the request must be of its group and kind
 * @throws RenderError naming the request field that is missing or wrong
 */
export function readRequest(request: unknown, api: PromiseApi): RequestInfo {
  if (request === undefined || request === null) {
    fail('request', '(document)', 'missing: resource workflows render for one resource request; pass the request document');
  }
  if (!isObject(request)) fail('request', '(document)', `${quote(request)} is not a resource request object`);
  const apiVersion = request.apiVersion;
  if (typeof apiVersion !== 'string' || apiVersion === '') fail('request', 'apiVersion', `${quote(apiVersion)}: expected "${api.group}/<version>"`);
  const slash = apiVersion.indexOf('/');
  const group = slash >= 0 ? apiVersion.slice(0, slash) : '';
  const version = slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion;
  if (group !== api.group) fail('request', 'apiVersion', `${quote(apiVersion)} is not in the Promise API's group "${api.group}"`);
  if (request.kind !== api.kind) fail('request', 'kind', `${quote(request.kind)} is not the Promise API's kind "${api.kind}"`);
  const meta = metadataOf('request', request);
  const name = requiredName('request', meta);
  let namespace = optionalString('request', 'metadata.namespace', meta.namespace);
  if (api.clusterScoped) {
    namespace = '';
  } else if (namespace === '') {
    fail('request', 'metadata.namespace', 'missing: the Promise API is namespaced, so the request must say which namespace it is stored in');
  }
  return {
    apiVersion,
    kind: api.kind,
    group,
    version,
    name,
    namespace,
    uid: optionalString('request', 'metadata.uid', meta.uid),
    labels: isObject(meta.labels) ? meta.labels : {},
    annotations: isObject(meta.annotations) ? meta.annotations : {},
  };
}
