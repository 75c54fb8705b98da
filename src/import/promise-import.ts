/**
 * Import: a Promise document to the constructs that synthesize it again, as an inverse of the
 * Promise synthesis. `planPromise` decides, field by field, which construct prop or method
 * expresses the input exactly (and falls back to the constructs' escape hatches where none
 * does); `buildPromise` runs that plan on real constructs, and the code generator prints the
 * same plan as TypeScript, so the two can never disagree.
 */
import { App, Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { Kratix, KratixLabels } from '../constants';
import { planPipeline } from './pipeline-plan';
import { applyCalls, Code, isStringMap, jsonEqual, KRATIX, materialize, ordered, Override, overrider, PlannedCall, PromisePlan, withoutNulls, WorkflowPlan } from './plan';
import type { KratixPromise, KratixPromiseProps } from '../kratix-promise';
import { MAX_NESTING_DEPTH, tooDeepAt } from '../private/json';
import { parseYamlDocuments } from '../private/yaml';
import { PromiseApi } from '../promise-api';
import { PromiseImportOptions, PromiseImportWarning } from '../promise-import-options';
import { formatGoDuration, isMap, isRequiredFieldProblem, parseGoDuration, Problem, promiseProblems } from '../validate';
import { WorkflowAction, WorkflowType } from '../workflow-types';


/**
 * The `KratixPromise` class, passed in by its callers: the importer builds Promises, and
 * `KratixPromise.fromYaml` calls the importer, so the importer cannot import the class.
 */
export type PromiseClass = new (scope: Construct, id: string, props?: KratixPromiseProps) => KratixPromise;

/** The node metadata type under which an imported Promise records its warnings. */
export const IMPORT_WARNING_METADATA = 'cdk8s-kratix:import-warning';

/**
 * The Promise documents of a YAML stream, parsed as YAML 1.2 (a key `yes` stays a string).
 *
 * @param source names the text in messages, e.g. a file name
 * @returns the Promises, and a warning for each document of another kind
 */
export function promiseDocuments(text: string, source = 'input'): { docs: unknown[]; warnings: PromiseImportWarning[] } {
  const docs: unknown[] = [];
  const warnings: PromiseImportWarning[] = [];
  for (const { index, value } of parseYamlDocuments(text, source)) {
    if (isMap(value) && value.kind === 'Promise') {
      docs.push(value);
    } else {
      const kind = isMap(value) && typeof value.kind === 'string' ? `a ${value.kind}` : 'not a Kubernetes object';
      warnings.push({ path: `[document ${index}]`, message: `document ${index} is ${kind}, not a Promise: not imported` });
    }
  }
  return { docs, warnings };
}

/**
 * Builds the constructs of the Promise in `doc` under `scope`: what `KratixPromise.fromObject` does.
 */
export function importPromise(
  promiseClass: PromiseClass, scope: Construct, id: string, doc: unknown,
  options: PromiseImportOptions = {}, extraWarnings: PromiseImportWarning[] = [],
): KratixPromise {
  const plan = planPromise(doc, options);
  const promise = buildPromise(promiseClass, scope, id, plan);
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
export function importPromiseYaml(
  promiseClass: PromiseClass, scope: Construct, id: string, text: string, options: PromiseImportOptions = {},
): KratixPromise {
  const { docs, warnings } = promiseDocuments(text);
  if (docs.length !== 1) {
    throw new Error(`KratixPromise.fromYaml: the text has ${docs.length} Promise documents, not one; split it and import each with KratixPromise.fromObject (or the 'cdk8s-kratix import' command, which handles several)`);
  }
  return importPromise(promiseClass, scope, id, docs[0], options, warnings);
}

/**
 * `planPromise`, checked by building it: a field the plan missed (a bug) becomes an override,
 * with a warning, so that the plan always reproduces `doc`.
 */
export function verifiedPlan(promiseClass: PromiseClass, doc: unknown, options: PromiseImportOptions = {}): PromisePlan {
  const plan = planPromise(doc, options);
  const promise = buildPromise(promiseClass, new Chart(new App(), 'import'), 'promise', plan);
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
  const rejected = warnings.some(w => w.message.startsWith(REJECTED));
  return { name, props: ordered(props, PROMISE_PROPS), workflows, calls, warnings, ...(rejected ? { rejectedDocument: doc } : {}) };
}

/** Runs `plan` on real constructs. */
export function buildPromise(promiseClass: PromiseClass, scope: Construct, id: string, plan: PromisePlan): KratixPromise {
  const promise = new promiseClass(scope, id, materialize(plan.props));
  for (const wf of plan.workflows) {
    const workflow = promise.workflow(wf.type, wf.action);
    for (const p of wf.pipelines) {
      const props = materialize(p.props);
      const pipeline = p.extra ? workflow._addIgnoredPipeline(p.name, props) : workflow.addPipeline(p.name, props);
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

// ---- validation ----------------------------------------------------------------------------

/** How an import warning about an error Kratix would reject the Promise for begins. */
const REJECTED = 'Kratix would reject the Promise: ';

/**
 * The validator's problems: errors inside pipelines throw, because Kratix parses all pipelines of
 * a Promise or none; everything else is a warning, since the constructs can keep it as it is.
 */
function checkDocument(doc: Record<string, unknown>, name: string | undefined, lenient: boolean): PromiseImportWarning[] {
  const problems: Problem[] = promiseProblems(doc, { unknownPipelineFields: lenient ? 'warning' : 'error' });
  const inPipeline = (p: Problem) => /^spec\.workflows\.(promise|resource)\.(configure|delete)\b/.test(p.path);
  // Kratix decodes a pipeline that lacks a field Kubernetes requires; only its webhook's dry-run fails.
  const fatal = problems.filter(p => p.severity === 'error' && inPipeline(p) && !isRequiredFieldProblem(p));
  if (fatal.length > 0) {
    const hint = !lenient && fatal.some(p => p.message.startsWith('unknown field'))
      ? '\n(to keep fields Kratix does not know, import with lenient: true, or --lenient on the command line)'
      : '';
    throw new Error(`cannot import Promise${name ? ` '${name}'` : ''}: Kratix would reject ${fatal.length === 1 ? 'its pipeline' : 'its pipelines'}:\n${fatal.map(p => `  ${p.path}: ${p.message}`).join('\n')}${hint}`);
  }
  return problems.map(p => ({
    path: p.path,
    message: p.severity === 'error' ? `${REJECTED}${p.message}` : p.message,
  }));
}

// ---- the Promise -----------------------------------------------------------------------------

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

// ---- helpers ---------------------------------------------------------------------------------

const PROMISE_PROPS = ['name', 'version', 'labels', 'annotations', 'api', 'dependencyManifests', 'destinationSelectors', 'requiredPromises', 'pipelineNamespace', 'reconciliationInterval'];

function isDestinationSelector(value: unknown): boolean {
  return isMap(value) && Object.keys(value).length === 1 && isStringMap(value.matchLabels);
}

function isRequiredPromise(value: unknown): boolean {
  return isMap(value) && typeof value.name === 'string'
    && Object.keys(value).every(k => k === 'name' || (k === 'version' && typeof value.version === 'string'));
}
