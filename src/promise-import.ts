/**
 * Import: a Promise document to the constructs that synthesize it again, as an inverse of the
 * Promise synthesis. `planPromise` decides, field by field, which construct prop or method
 * expresses the input exactly (and falls back to the constructs' escape hatches where none
 * does); `buildPromise` runs that plan on real constructs, and the code generator prints the
 * same plan as TypeScript, so the two can never disagree.
 */
import { App, Chart, Duration } from 'cdk8s';
import { ImagePullPolicy, k8s, RestartPolicy } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import type * as YamlModule from 'yaml';
import { MAX_NESTING_DEPTH, tooDeepAt } from './_json';
import { Kratix, KratixLabels } from './constants';
import { KratixPromise } from './kratix-promise';
import { Pipeline } from './pipeline';
import { containerJson } from './pipeline-container';
import { PermissionScope, PipelinePermission } from './pipeline-rbac';
import { PromiseApi } from './promise-api';
import { PromiseImportOptions, PromiseImportWarning } from './promise-import-options';
import { formatGoDuration, isMap, parseGoDuration, Problem, promiseProblems } from './validate';
import { WorkflowAction, WorkflowType } from './workflow-types';
import { isTooDeepYaml, TOO_DEEP_YAML } from './yaml-errors';

/** The node metadata type under which an imported Promise records its warnings. */
export const IMPORT_WARNING_METADATA = 'cdk8s-kratix:import-warning';

/** A module and a name to import from it, for generated code. */
export interface CodeImport {
  readonly from: string;
  readonly name: string;
}

/**
 * A value that the constructs take as an object (an enum member, a `Duration`, a `Quantity`, a
 * `PromiseApi`): the value itself, and the expression that creates it, `expr` or `expr(args)`.
 */
export class Code {
  constructor(
    public readonly value: unknown,
    public readonly expr: string,
    public readonly imports: readonly CodeImport[],
    public readonly args?: readonly unknown[],
  ) {}
}

/** A method call on a construct: `addContainer`, `addVolumeManifest`, `addOverride`, ... */
export interface PlannedCall {
  readonly method: string;
  readonly args: readonly unknown[];
}

/** One pipeline of a workflow. */
export interface PipelinePlan {
  readonly name: string;
  /** A pipeline Kratix never runs (a second delete pipeline): `addPipeline` refuses it, so it is created directly. */
  readonly extra: boolean;
  readonly props: Record<string, unknown>;
  readonly calls: PlannedCall[];
}

/** One workflow and its pipelines, in order. */
export interface WorkflowPlan {
  readonly type: WorkflowType;
  readonly action: WorkflowAction;
  readonly pipelines: PipelinePlan[];
}

/** How to build one Promise with the constructs. */
export interface PromisePlan {
  /** The Promise name, if the document has one. */
  readonly name?: string;
  readonly props: Record<string, unknown>;
  readonly workflows: WorkflowPlan[];
  /** Calls on the KratixPromise, after the workflows. */
  readonly calls: PlannedCall[];
  readonly warnings: PromiseImportWarning[];
}

const PLUS = 'cdk8s-plus-28';
const KRATIX = 'cdk8s-kratix';

/**
 * The Promise documents of a YAML stream, parsed as YAML 1.2 (a key `yes` stays a string).
 *
 * @param source names the text in messages, e.g. a file name
 * @returns the Promises, and a warning for each document of another kind
 */
export function promiseDocuments(text: string, source = 'input'): { docs: unknown[]; warnings: PromiseImportWarning[] } {
  const docs: unknown[] = [];
  const warnings: PromiseImportWarning[] = [];
  // Loaded on first use: the YAML parser costs more to load than the rest of the library.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const YAML: typeof YamlModule = require('yaml');
  YAML.parseAllDocuments(text).forEach((document, i) => {
    const error = document.errors[0];
    if (error && isTooDeepYaml(error)) throw new Error(`${source}: document ${i + 1}: ${TOO_DEEP_YAML}`);
    if (error) {
      const where = error.linePos ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}` : `document ${i + 1}`;
      throw new Error(`${source}: ${where}: not valid YAML: ${error.message.split('\n')[0]}`);
    }
    const doc = document.toJS({ maxAliasCount: -1 });
    if (doc === null || doc === undefined) return;
    if (isMap(doc) && doc.kind === 'Promise') {
      docs.push(doc);
    } else {
      const kind = isMap(doc) && typeof doc.kind === 'string' ? `a ${doc.kind}` : 'not a Kubernetes object';
      warnings.push({ path: `[document ${i + 1}]`, message: `document ${i + 1} is ${kind}, not a Promise: not imported` });
    }
  });
  return { docs, warnings };
}

/**
 * Builds the constructs of the Promise in `doc` under `scope`: what `KratixPromise.fromObject` does.
 */
export function importPromise(
  scope: Construct, id: string, doc: unknown, options: PromiseImportOptions = {}, extraWarnings: PromiseImportWarning[] = [],
): KratixPromise {
  const plan = planPromise(doc, options);
  const promise = buildPromise(scope, id, plan);
  const warnings = [...extraWarnings, ...plan.warnings];
  for (const [path, value] of overridesFor(promise.toJson(), withoutNulls(doc))) {
    promise.addOverride(path, value);
    warnings.push(unexpressedWarning(path));
  }
  // What the input already got wrong was reported as warnings above; only new problems fail synth.
  promise._acceptProblems(promiseProblems(promise.toJson()));
  for (const warning of warnings) {
    promise.node.addMetadata(IMPORT_WARNING_METADATA, warning);
    options.warningHandler?.onWarning(warning);
  }
  return promise;
}

/**
 * Builds the constructs of the one Promise in `text`: what `KratixPromise.fromYaml` does.
 */
export function importPromiseYaml(scope: Construct, id: string, text: string, options: PromiseImportOptions = {}): KratixPromise {
  const { docs, warnings } = promiseDocuments(text);
  if (docs.length !== 1) {
    throw new Error(`KratixPromise.fromYaml: the text has ${docs.length} Promise documents, not one; split it and import each with KratixPromise.fromObject (or the 'cdk8s-kratix import' command, which handles several)`);
  }
  return importPromise(scope, id, docs[0], options, warnings);
}

/**
 * `planPromise`, checked by building it: a field the plan missed (a bug) becomes an override,
 * with a warning, so that the plan always reproduces `doc`.
 */
export function verifiedPlan(doc: unknown, options: PromiseImportOptions = {}): PromisePlan {
  const plan = planPromise(doc, options);
  const promise = buildPromise(new Chart(new App(), 'import'), 'promise', plan);
  for (const [path, value] of overridesFor(promise.toJson(), withoutNulls(doc))) {
    plan.calls.push({ method: 'addOverride', args: [path, value] });
    plan.warnings.push(unexpressedWarning(path));
  }
  return plan;
}

/** The warning for a field that had to be kept as an override after the plan missed it. */
export function unexpressedWarning(path: string): PromiseImportWarning {
  return { path, message: 'the constructs did not reproduce this field exactly, so it is kept as an override (addOverride); please report it' };
}

/**
 * Decides which construct props and calls express `doc` exactly.
 *
 * @throws when Kratix would reject a pipeline (its parsing is all-or-nothing), naming the path,
 *   the value and the fix
 */
export function planPromise(raw: unknown, options: PromiseImportOptions = {}): PromisePlan {
  if (!isMap(raw) || raw.kind !== 'Promise') {
    const what = !isMap(raw) ? (raw === null || raw === undefined ? 'null' : Array.isArray(raw) ? 'a list' : `a ${typeof raw}`)
      : typeof raw.kind === 'string' ? `a ${raw.kind}` : 'a document without kind';
    throw new Error(`cannot import ${what} as a Promise: expected kind: Promise, apiVersion: ${Kratix.API_VERSION}`);
  }
  const deep = tooDeepAt(raw);
  if (deep !== undefined) throw new Error(`cannot import the Promise: ${deep}: nested more than ${MAX_NESTING_DEPTH} levels deep; no Kubernetes object needs that many levels of maps and lists, flatten it`);
  const name = isMap(raw.metadata) && typeof raw.metadata.name === 'string' ? raw.metadata.name : undefined;
  const warnings = checkDocument(raw, name, options.lenient ?? false);
  const doc = withoutNulls(raw) as Record<string, any>;
  const props: Record<string, unknown> = {};
  const calls: PlannedCall[] = [];
  const override = overrider(calls, doc);
  const workflows: WorkflowPlan[] = [];

  if (doc.apiVersion !== Kratix.API_VERSION) override(['apiVersion']);
  for (const key of Object.keys(doc)) {
    if (!['apiVersion', 'kind', 'metadata', 'spec'].includes(key)) override([key]);
  }
  planPromiseMetadata(doc, props, override);
  if (!('spec' in doc)) {
    override(['spec']);
  } else if (!isMap(doc.spec)) {
    override(['spec']);
  } else {
    const spec = doc.spec;
    for (const key of Object.keys(spec)) {
      const value = spec[key];
      if (key === 'api' && isMap(value)) {
        props.api = apiCode(value);
      } else if (key === 'dependencies' && Array.isArray(value) && value.length > 0) {
        props.dependencyManifests = value;
      } else if (key === 'destinationSelectors' && Array.isArray(value) && value.every(isDestinationSelector)) {
        props.destinationSelectors = value;
      } else if (key === 'requiredPromises' && Array.isArray(value) && value.every(isRequiredPromise)) {
        props.requiredPromises = value;
      } else if (key === 'workflows' && isMap(value)) {
        planWorkflows(value, props, workflows, override);
      } else {
        override(['spec', key]);
      }
    }
  }
  return { name, props: ordered(props, PROMISE_PROPS), workflows, calls, warnings };
}

/** Runs `plan` on real constructs. */
export function buildPromise(scope: Construct, id: string, plan: PromisePlan): KratixPromise {
  const promise = new KratixPromise(scope, id, materialize(plan.props));
  for (const wf of plan.workflows) {
    const workflow = promise.workflow(wf.type, wf.action);
    for (const p of wf.pipelines) {
      const props = materialize(p.props);
      const pipeline = p.extra ? new Pipeline(workflow, p.name, props) : workflow.addPipeline(p.name, props);
      if (p.extra) workflow._acceptExtraPipeline(pipeline);
      applyCalls(pipeline, p.calls);
    }
  }
  applyCalls(promise, plan.calls);
  return promise;
}

/**
 * The `addOverride` calls that turn `actual` into `expected`: one per differing field, or per
 * differing list (list items have no override path), at the nearest path whose keys have no dot.
 */
export function overridesFor(actual: unknown, expected: unknown): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  const walk = (a: unknown, e: unknown, path: string[]): void => {
    if (isMap(a) && isMap(e)) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(e)])) {
        if (a[key] === undefined && e[key] === undefined) continue;
        if (!key.includes('.')) {
          walk(a[key], e[key], [...path, key]);
        } else if (!jsonEqual(a[key], e[key])) {
          // No override path can name this key: set the whole map that holds it.
          return push(path, e);
        }
      }
    } else if (!jsonEqual(a, e)) {
      push(path, e);
    }
  };
  const push = (path: string[], value: unknown) => {
    if (path.length === 0) throw new Error('cannot import the Promise: a top-level key has a dot in it, which no override can set; remove it');
    out.push([path.join('.'), value]);
  };
  walk(actual, expected, []);
  return out;
}

/** A deep copy of plain data without map entries whose value is null or undefined (Kubernetes treats them as absent). */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isMap(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v !== null && v !== undefined) out[key] = withoutNulls(v);
  }
  return out;
}

/** Deep equality of plain data, map key order ignored. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (!isMap(a) || !isMap(b)) return false;
  const keys = Object.keys(a).filter(k => a[k] !== undefined);
  return keys.length === Object.keys(b).filter(k => b[k] !== undefined).length && keys.every(k => jsonEqual(a[k], b[k]));
}

// ---- validation ----------------------------------------------------------------------------

/**
 * The validator's problems: errors inside pipelines throw, because Kratix parses all pipelines of
 * a Promise or none; everything else is a warning, since the constructs can keep it as it is.
 */
function checkDocument(doc: Record<string, unknown>, name: string | undefined, lenient: boolean): PromiseImportWarning[] {
  const problems: Problem[] = promiseProblems(doc, { unknownPipelineFields: lenient ? 'warning' : 'error' });
  const inPipeline = (p: Problem) => /^spec\.workflows\.(promise|resource)\.(configure|delete)\b/.test(p.path);
  const fatal = problems.filter(p => p.severity === 'error' && inPipeline(p));
  if (fatal.length > 0) {
    const hint = !lenient && fatal.some(p => p.message.startsWith('unknown field'))
      ? '\n(to keep fields Kratix does not know, import with lenient: true, or --lenient on the command line)'
      : '';
    throw new Error(`cannot import Promise${name ? ` '${name}'` : ''}: Kratix would reject ${fatal.length === 1 ? 'its pipeline' : 'its pipelines'}:\n${fatal.map(p => `  ${p.path}: ${p.message}`).join('\n')}${hint}`);
  }
  return problems.map(p => ({
    path: p.path,
    message: p.severity === 'error' ? `Kratix would reject the Promise: ${p.message}` : p.message,
  }));
}

// ---- the Promise -----------------------------------------------------------------------------

type Override = (path: string[]) => void;

/** `override(path)` keeps the input's value at `path` (or its absence) with an `addOverride` call. */
function overrider(calls: PlannedCall[], root: unknown): Override {
  return (path) => {
    let at = path;
    // A key with a dot cannot be addressed; set its whole parent map instead.
    while (at.some(k => k.includes('.'))) at = at.slice(0, -1);
    if (at.length === 0) throw new Error(`cannot import the Promise: the key '${path[0]}' has a dot in it, which no override can set; rename or remove it`);
    const call = { method: 'addOverride', args: [at.join('.'), get(root, at)] };
    if (!calls.some(c => c.args[0] === call.args[0])) calls.push(call);
  };
}

function get(root: unknown, path: string[]): unknown {
  let node = root;
  for (const key of path) node = isMap(node) ? node[key] : undefined;
  return node;
}

function planPromiseMetadata(doc: Record<string, any>, props: Record<string, unknown>, override: Override): void {
  if (!isMap(doc.metadata)) return override(['metadata']);
  const metadata = doc.metadata;
  if (typeof metadata.name === 'string') props.name = metadata.name;
  else override(['metadata', 'name']);
  for (const key of Object.keys(metadata)) {
    const value = metadata[key];
    if (key === 'name') continue;
    if (key === 'labels' && isStringMap(value) && Object.keys(value).length > 0) {
      const { [KratixLabels.PROMISE_VERSION]: version, ...labels } = value;
      if (version !== undefined) props.version = version;
      if (Object.keys(labels).length > 0) props.labels = labels;
    } else if (key === 'annotations' && isStringMap(value) && Object.keys(value).length > 0) {
      props.annotations = value;
    } else {
      override(['metadata', key]);
    }
  }
}

function planWorkflows(workflows: Record<string, any>, props: Record<string, unknown>, plans: WorkflowPlan[], override: Override): void {
  if (Object.keys(workflows).length === 0) return override(['spec', 'workflows']);
  for (const key of Object.keys(workflows)) {
    const value = workflows[key];
    if (key === 'config' && isMap(value)) {
      planConfig(value, props, override);
    } else if ((key === 'promise' || key === 'resource') && isMap(value)) {
      if (Object.keys(value).length === 0) override(['spec', 'workflows', key]);
      for (const action of Object.keys(value)) {
        const list = value[action];
        if ((action === 'configure' || action === 'delete') && Array.isArray(list)) {
          plans.push({
            type: key as WorkflowType,
            action: action as WorkflowAction,
            pipelines: list.map((p, i) => planPipeline(p, action === 'delete' && i > 0)),
          });
        } else {
          override(['spec', 'workflows', key, action]);
        }
      }
    } else {
      override(['spec', 'workflows', key]);
    }
  }
}

function planConfig(config: Record<string, any>, props: Record<string, unknown>, override: Override): void {
  if (Object.keys(config).length === 0) return override(['spec', 'workflows', 'config']);
  for (const key of Object.keys(config)) {
    const value = config[key];
    if (key === 'pipelineNamespace' && typeof value === 'string') {
      props.pipelineNamespace = value;
    } else if (key === 'reconciliationInterval' && typeof value === 'string') {
      const ms = parseGoDuration(value);
      if (ms !== undefined && Number.isInteger(ms) && ms >= 0) {
        props.reconciliationInterval = durationCode(ms);
        // Kratix normalises the text anyway; keep the user's own spelling of it.
        if (formatGoDuration(ms) !== value) override(['spec', 'workflows', 'config', key]);
      } else {
        override(['spec', 'workflows', 'config', key]);
      }
    } else {
      override(['spec', 'workflows', 'config', key]);
    }
  }
}

function apiCode(api: Record<string, unknown>): Code {
  return new Code(PromiseApi.fromManifest(api), 'PromiseApi.fromManifest', [{ from: KRATIX, name: 'PromiseApi' }], [api]);
}

function durationCode(ms: number): Code {
  const units: Array<[string, number]> = [['hours', 3_600_000], ['minutes', 60_000], ['seconds', 1000], ['millis', 1]];
  const [unit, size] = units.find(([, n]) => ms % n === 0 && ms > 0) ?? ['millis', 1];
  return new Code((Duration as any)[unit](ms / size), `Duration.${unit}`, [{ from: 'cdk8s', name: 'Duration' }], [ms / size]);
}

// ---- pipelines --------------------------------------------------------------------------------

const PIPELINE_KEYS = ['apiVersion', 'kind', 'metadata', 'spec'];

function planPipeline(pipeline: Record<string, any>, extra: boolean): PipelinePlan {
  const props: Record<string, unknown> = {};
  const calls: PlannedCall[] = [];
  const overrides: PlannedCall[] = [];
  const override = overrider(overrides, pipeline);
  const name: string = pipeline.metadata.name;

  if (pipeline.apiVersion !== Kratix.API_VERSION) override(['apiVersion']);
  if (pipeline.kind !== 'Pipeline') override(['kind']);
  for (const key of Object.keys(pipeline)) {
    if (!PIPELINE_KEYS.includes(key)) override([key]);
  }
  for (const key of Object.keys(pipeline.metadata)) {
    const value = pipeline.metadata[key];
    if (key === 'name') continue;
    if ((key === 'labels' || key === 'annotations') && isStringMap(value)) props[key] = value;
    else override(['metadata', key]);
  }
  if (!isMap(pipeline.spec)) {
    override(['spec']);
  } else {
    const spec = pipeline.spec;
    for (const key of Object.keys(spec)) {
      const value = spec[key];
      if (key === 'containers' && Array.isArray(value)) {
        planList(value, typedContainer, ['containers', 'addContainer', 'addContainerManifest'], props, calls);
      } else if (key === 'volumes' && Array.isArray(value)) {
        planList(value, typedVolume, ['volumeSpecs', 'addVolumeSpec', 'addVolumeManifest'], props, calls);
      } else if (key === 'imagePullSecrets' && Array.isArray(value) && value.every(s => isMap(s) && Object.keys(s).length === 1 && typeof s.name === 'string')) {
        props.imagePullSecrets = value.map(s => s.name);
      } else if (key === 'rbac' && isMap(value)) {
        planRbac(value, props, override);
      } else if (key === 'jobOptions' && isMap(value)) {
        if (Object.keys(value).length === 0) override(['spec', key]);
        for (const option of Object.keys(value)) {
          if (option === 'backoffLimit' && typeof value[option] === 'number') props.backoffLimit = value[option];
          else override(['spec', key, option]);
        }
      } else if (key === 'nodeSelector' && isStringMap(value)) {
        props.nodeSelector = value;
      } else if (key === 'tolerations' && Array.isArray(value) && value.every(t => isMap(t) && jsonEqual(k8s.toJson_Toleration(t as k8s.Toleration), t))) {
        props.tolerations = value;
      } else if (key === 'restartPolicy' && typeof value === 'string' && enumCode(RestartPolicy, 'RestartPolicy', value)) {
        props.restartPolicy = enumCode(RestartPolicy, 'RestartPolicy', value);
      } else {
        override(['spec', key]);
      }
    }
  }
  return { name, extra, props: ordered(props, PIPELINE_PROPS), calls: [...calls, ...overrides] };
}

/**
 * Plans a list that a Pipeline takes either as typed props or item by item: all typed in the
 * props when every item can be, else one call per item, in order.
 */
function planList(
  items: unknown[], typed: (item: unknown) => unknown, [prop, addTyped, addManifest]: [string, string, string],
  props: Record<string, unknown>, calls: PlannedCall[],
): void {
  const converted = items.map(typed);
  if (converted.every(c => c !== undefined)) {
    props[prop] = converted;
    return;
  }
  items.forEach((item, i) => {
    const c = converted[i];
    calls.push(c === undefined ? { method: addManifest, args: [item] } : { method: addTyped, args: [c] });
  });
}

const CONTAINER_PROPS: Record<string, string> = {
  name: 'name',
  image: 'image',
  command: 'command',
  args: 'args',
  env: 'envVariables',
  envFrom: 'envFromSources',
  volumeMounts: 'volumeMountSpecs',
  imagePullPolicy: 'imagePullPolicy',
  securityContext: 'securityContext',
  resources: 'resources',
};

/** `PipelineContainerProps` that give exactly `container`, if there are any. */
function typedContainer(container: unknown): Record<string, unknown> | undefined {
  if (!isMap(container) || typeof container.name !== 'string' || typeof container.image !== 'string') return undefined;
  const props: Record<string, unknown> = {};
  for (const key of Object.keys(CONTAINER_PROPS)) {
    const value = container[key];
    if (value === undefined) continue;
    if (key === 'imagePullPolicy') {
      const code = typeof value === 'string' ? enumCode(ImagePullPolicy, 'ImagePullPolicy', value) : undefined;
      if (!code) return undefined;
      props.imagePullPolicy = code;
    } else if (key === 'resources') {
      const resources = typedResources(value);
      if (!resources) return undefined;
      props.resources = resources;
    } else {
      props[CONTAINER_PROPS[key]] = value;
    }
  }
  if (Object.keys(container).some(k => !(k in CONTAINER_PROPS))) return undefined;
  try {
    return jsonEqual(containerJson(materialize(props)), container) ? props : undefined;
  } catch {
    return undefined;
  }
}

function typedResources(resources: unknown): Record<string, unknown> | undefined {
  if (!isMap(resources)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resources)) {
    if (key === 'limits' || key === 'requests') {
      if (!isMap(value)) return undefined;
      const quantities: Record<string, unknown> = {};
      for (const [resource, amount] of Object.entries(value)) {
        if (typeof amount === 'string') {
          quantities[resource] = new Code(k8s.Quantity.fromString(amount), 'k8s.Quantity.fromString', [{ from: PLUS, name: 'k8s' }], [amount]);
        } else if (typeof amount === 'number') {
          quantities[resource] = new Code(k8s.Quantity.fromNumber(amount), 'k8s.Quantity.fromNumber', [{ from: PLUS, name: 'k8s' }], [amount]);
        } else {
          return undefined;
        }
      }
      out[key] = quantities;
    } else {
      out[key] = value;
    }
  }
  return out;
}

function typedVolume(volume: unknown): unknown {
  if (!isMap(volume)) return undefined;
  try {
    return jsonEqual(k8s.toJson_Volume(volume as unknown as k8s.Volume), volume) ? volume : undefined;
  } catch {
    return undefined;
  }
}

function planRbac(rbac: Record<string, any>, props: Record<string, unknown>, override: Override): void {
  if (Object.keys(rbac).length === 0) return override(['spec', 'rbac']);
  const typed: Record<string, unknown> = {};
  for (const key of Object.keys(rbac)) {
    const value = rbac[key];
    if (key === 'serviceAccount' && typeof value === 'string') {
      typed.serviceAccountName = value;
    } else if (key === 'permissions' && Array.isArray(value) && value.length > 0) {
      const permissions = value.map(typedPermission);
      if (permissions.every(p => p !== undefined)) typed.permissions = permissions;
      else override(['spec', 'rbac', key]);
    } else {
      override(['spec', 'rbac', key]);
    }
  }
  if (Object.keys(typed).length > 0) props.rbac = typed;
}

const PERMISSION_KEYS = ['apiGroups', 'resources', 'resourceNames', 'nonResourceURLs', 'verbs'];

function typedPermission(permission: unknown): Record<string, unknown> | undefined {
  if (!isMap(permission) || !isStringList(permission.verbs)) return undefined;
  const props: Record<string, unknown> = {};
  for (const key of PERMISSION_KEYS) {
    if (permission[key] === undefined) continue;
    if (!isStringList(permission[key])) return undefined;
    props[key] = permission[key];
  }
  const ns = permission.resourceNamespace;
  if (ns === '*') props.scope = new Code(PermissionScope.allNamespaces(), 'PermissionScope.allNamespaces', [{ from: KRATIX, name: 'PermissionScope' }], []);
  else if (typeof ns === 'string') props.scope = new Code(PermissionScope.namespace(ns), 'PermissionScope.namespace', [{ from: KRATIX, name: 'PermissionScope' }], [ns]);
  else if (ns !== undefined) return undefined;
  if (Object.keys(permission).some(k => k !== 'resourceNamespace' && !PERMISSION_KEYS.includes(k))) return undefined;
  return jsonEqual(new PipelinePermission(materialize(props)).toJson(), permission) ? props : undefined;
}

// ---- helpers ---------------------------------------------------------------------------------

const PROMISE_PROPS = ['name', 'version', 'labels', 'annotations', 'api', 'dependencyManifests', 'destinationSelectors', 'requiredPromises', 'pipelineNamespace', 'reconciliationInterval'];
const PIPELINE_PROPS = ['labels', 'annotations', 'containers', 'volumeSpecs', 'imagePullSecrets', 'rbac', 'backoffLimit', 'nodeSelector', 'tolerations', 'restartPolicy'];

/** `props` with its keys in the order of the construct's documentation, for readable generated code. */
function ordered(props: Record<string, unknown>, order: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of [...order, ...Object.keys(props)]) if (key in props) out[key] = props[key];
  return out;
}

function enumCode(enumObject: Record<string, string>, enumName: string, value: string): Code | undefined {
  const member = Object.keys(enumObject).find(k => enumObject[k] === value);
  return member === undefined ? undefined : new Code(value, `${enumName}.${member}`, [{ from: PLUS, name: enumName }]);
}

/** `value` with every `Code` replaced by its value. */
export function materialize<T = any>(value: unknown): T {
  if (value instanceof Code) return value.value as T;
  if (Array.isArray(value)) return value.map(v => materialize(v)) as unknown as T;
  if (!isMap(value)) return value as T;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = materialize(v);
  return out as T;
}

function applyCalls(target: any, calls: readonly PlannedCall[]): void {
  for (const call of calls) target[call.method](...call.args.map(a => materialize(a)));
}

function isStringMap(value: unknown): value is Record<string, string> {
  return isMap(value) && Object.values(value).every(v => typeof v === 'string');
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(v => typeof v === 'string');
}

function isDestinationSelector(value: unknown): boolean {
  return isMap(value) && Object.keys(value).length === 1 && isStringMap(value.matchLabels);
}

function isRequiredPromise(value: unknown): boolean {
  return isMap(value) && typeof value.name === 'string'
    && Object.keys(value).every(k => k === 'name' || (k === 'version' && typeof value.version === 'string'));
}
