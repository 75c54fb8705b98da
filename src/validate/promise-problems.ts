import { errorSink } from './api-server';
import { checkSchemaDefaults } from './crd-defaults';
import { checkCrdNames } from './crd-names';
import { checkSchemaExtensions } from './crd-schema-extensions';
import { formatGoDuration, parseGoDuration } from './go-duration';
import { dns1123LabelMessage, dns1123SubdomainMessage, labelValueMessage, qualifiedNameMessage } from './names';
import { checkLabels, PipelineContext, pipelineProblems } from './pipeline-problems';
import { promiseSchemaProblems } from './promise-schema';
import { structuralSchemaProblems } from './structural-schema';
import { Kratix, KratixLabels } from '../constants';
import { decodeStrictly } from '../model/go-decode';
import { Problem, Severity, field, isMap, joinPath, listField, prefixProblems, stringField } from '../model/problem';
import { quote } from '../private/quote';
import { WORKFLOW_ACTIONS, WORKFLOW_TYPES } from '../private/workflows';

/** The apiVersion of a Kratix Promise. */
export const PROMISE_API_VERSION = Kratix.API_VERSION;

/** Kratix's smallest reconciliation interval, in milliseconds (`MinReconciliationInterval`). */
export const MIN_RECONCILIATION_INTERVAL_MS = 60_000;

/** The annotation that overrides a Promise's reconciliation interval. */
export const RECONCILIATION_INTERVAL_ANNOTATION = KratixLabels.RECONCILIATION_INTERVAL_ANNOTATION;

/**
 * Why Kratix refuses resource workflows on a Promise without an API: its webhook builds every
 * pipeline's objects, and a resource pipeline's Role grants access to the API
 * (`resourcePolicyRule`), which fails with `promise does not contain an API`. `render` says the same.
 */
export const NO_API_PROBLEM = "missing: resource workflows need the Promise to have an API (a CustomResourceDefinition), and Kratix's webhook rejects the Promise without one " +
  '(promise does not contain an API); add spec.api or remove the resource workflows';

/** Options of {@link promiseProblems}. */
export interface PromiseProblemsOptions {
  /** Severity of pipeline fields Kratix does not know: `error` (default, as in Kratix) or `warning`. */
  readonly unknownPipelineFields?: Severity;
  /** Computes `pipelineProblems` for a pipeline, e.g. from a cache; by default `pipelineProblems` itself. */
  readonly pipelineProblems?: (pipeline: Record<string, unknown>, context: PipelineContext) => Problem[];
}

/**
 * Why `text` is not a reconciliation interval Kratix accepts (a Go duration of at least one
 * minute), or `undefined` if it is one.
 *
 * @param what what the value is, e.g. `reconciliationInterval`
 */
export function reconciliationIntervalMessage(text: unknown, what = 'reconciliationInterval'): string | undefined {
  if (typeof text !== 'string') return `${what} must be a Go duration string such as '10m' or '1h30m', not ${quote(text)}`;
  const ms = parseGoDuration(text);
  if (ms === undefined) {
    return `${what} ${quote(text)} is not a Go duration: Kratix cannot read it; write e.g. '10m', '1h30m' or '2h0m0s' (units h, m, s, ms)`;
  }
  if (ms < MIN_RECONCILIATION_INTERVAL_MS) {
    return `${what} ${quote(text)} (${formatGoDuration(ms)}) is under Kratix's minimum of 1m0s: its webhook rejects the Promise; use '1m' or more`;
  }
  return undefined;
}

/**
 * Every problem of a whole Promise document: the Promise CRD's schema (the library's model of
 * it), the rules Kratix's webhook enforces, the library's own rules, and `pipelineProblems` for
 * every pipeline of every workflow.
 *
 * @returns the problems, with paths relative to the document
 *   (`spec.workflows.resource.configure[0].spec.containers[1].name`)
 */
export function promiseProblems(doc: unknown, options: PromiseProblemsOptions = {}): Problem[] {
  if (!isMap(doc)) {
    return [{ path: '', severity: 'error', message: `a Promise must be a map with apiVersion, kind, metadata and spec, not ${quote(doc)}` }];
  }
  const problems = promiseSchemaProblems(doc);
  const error = (path: string, message: string) => { problems.push({ path, message, severity: 'error' }); };
  const warning = (path: string, message: string) => { problems.push({ path, message, severity: 'warning' }); };

  const apiVersion = field(doc, 'apiVersion');
  if (apiVersion !== PROMISE_API_VERSION) error('apiVersion', `apiVersion must be ${PROMISE_API_VERSION}, not ${quote(apiVersion ?? '')}`);
  const kind = field(doc, 'kind');
  if (kind !== 'Promise') error('kind', `kind must be Promise, not ${quote(kind ?? '')}`);

  const metadata = field(doc, 'metadata');
  const name = field(metadata, 'name');
  if (name === undefined || name === null || name === '') {
    error('metadata.name', 'Promise has no name: set metadata.name');
  } else {
    const m = dns1123LabelMessage(name, 'Promise name');
    if (m) error('metadata.name', `${m}: Kratix uses it in label values and in the names of pipeline objects`);
  }
  if (isMap(metadata)) {
    problems.push(...prefixProblems('metadata', decodeStrictly(metadata, 'ObjectMeta', {
      unknownFields: 'warning',
      unknownFieldReason: 'the API server drops it',
    })));
  }
  checkLabels(field(metadata, 'labels'), 'metadata.labels', error);
  const namespace = field(metadata, 'namespace');
  if (namespace !== undefined && namespace !== null && namespace !== '') {
    warning('metadata.namespace', `a Promise is cluster-scoped: the API server drops its namespace ${quote(namespace)}; remove it (a cdk8s Chart's namespace prop sets it too: put the Promise in a chart without one)`);
  }
  const annotations = field(metadata, 'annotations');
  const annotated = field(annotations, RECONCILIATION_INTERVAL_ANNOTATION);
  if (annotated !== undefined && annotated !== null) {
    const m = reconciliationIntervalMessage(annotated, `annotation ${RECONCILIATION_INTERVAL_ANNOTATION}`);
    if (m) error(joinPath('metadata.annotations', RECONCILIATION_INTERVAL_ANNOTATION), m);
  }

  const spec = field(doc, 'spec');
  const workflows = field(spec, 'workflows');
  const config = field(workflows, 'config');
  const interval = field(config, 'reconciliationInterval');
  if (typeof interval === 'string') {
    const m = reconciliationIntervalMessage(interval);
    if (m) error('spec.workflows.config.reconciliationInterval', m);
  }
  const pipelineNamespace = field(config, 'pipelineNamespace');
  if (typeof pipelineNamespace === 'string' && pipelineNamespace !== '') {
    const m = dns1123LabelMessage(pipelineNamespace, 'pipelineNamespace');
    if (m) error('spec.workflows.config.pipelineNamespace', `${m}: it is a namespace name`);
  }

  const promiseName = typeof name === 'string' ? name : '';
  for (const type of WORKFLOW_TYPES) {
    for (const action of WORKFLOW_ACTIONS) {
      const list = field(field(workflows, type), action);
      if (!Array.isArray(list)) continue;
      const base = `spec.workflows.${type}.${action}`;
      const seen = new Set<string>();
      list.forEach((pipeline, i) => {
        const path = joinPath(base, i);
        if (!isMap(pipeline)) return; // the schema already reports it
        const context = { promiseName, type, action, unknownFields: options.unknownPipelineFields };
        problems.push(...prefixProblems(path, (options.pipelineProblems ?? pipelineProblems)(pipeline, context)));
        const pipelineName = stringField(field(pipeline, 'metadata'), 'name');
        if (pipelineName !== undefined && pipelineName !== '') {
          if (seen.has(pipelineName)) {
            error(`${path}.metadata.name`, `pipeline name ${quote(pipelineName)} is used by more than one pipeline of the ${type} ${action} workflow: Kratix's webhook rejects it; rename one`);
          }
          seen.add(pipelineName);
        }
        if (action === 'delete' && i > 0) {
          warning(path, 'Kratix runs only the first delete pipeline of a workflow, so this one never runs; move its containers into the first delete pipeline');
        }
      });
    }
  }

  const api = field(spec, 'api');
  if (isMap(api) && Object.keys(api).length > 0) {
    problems.push(...apiProblems(api));
  } else {
    const resource = field(workflows, 'resource');
    const declared = ['configure', 'delete'].filter(action => listField(resource, action).length > 0);
    if (declared.length > 0) error('spec.api', NO_API_PROBLEM);
  }

  const selectors = field(spec, 'destinationSelectors');
  if (Array.isArray(selectors)) {
    selectors.forEach((selector, i) => {
      const matchLabels = field(selector, 'matchLabels');
      if (!isMap(matchLabels)) return;
      const path = `spec.destinationSelectors[${i}].matchLabels`;
      for (const key of Object.keys(matchLabels)) {
        const value = matchLabels[key];
        // A value that is no string is an error of the schema already.
        const m = qualifiedNameMessage(key, 'label key') ?? (typeof value === 'string' ? labelValueMessage(value, `label ${quote(key)} value`) : undefined);
        if (m) warning(joinPath(path, key), `${m}: Kratix's scheduler cannot parse the selector, so the Promise's work is never scheduled; fix it`);
      }
    });
  }

  const dependencies = field(spec, 'dependencies');
  if (Array.isArray(dependencies)) {
    dependencies.forEach((dependency, i) => {
      if (!isMap(dependency)) return;
      const depKind = field(dependency, 'kind');
      if (typeof depKind !== 'string' || depKind === '') {
        error(joinPath(joinPath('spec.dependencies', i), 'kind'), 'dependency has no kind: Kratix writes dependencies to destinations as Kubernetes objects; set kind and apiVersion');
      }
      const depApiVersion = field(dependency, 'apiVersion');
      if (typeof depApiVersion !== 'string' || depApiVersion === '') {
        warning(joinPath(joinPath('spec.dependencies', i), 'apiVersion'), `dependency ${quote(stringField(field(dependency, 'metadata'), 'name') ?? '')} has no apiVersion: ` +
          'Kratix writes it to the destinations as it is, and Flux or Argo CD cannot apply an object without one; set apiVersion, e.g. v1 or apps/v1');
      }
    });
  }
  return problems;
}

function apiProblems(api: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const error = (path: string, message: string) => { problems.push({ path: `spec.api${path === '' ? '' : `.${path}`}`, message, severity: 'error' }); };
  if (field(api, 'apiVersion') !== 'apiextensions.k8s.io/v1') {
    error('apiVersion', `spec.api must be an apiextensions.k8s.io/v1 CustomResourceDefinition, but its apiVersion is ${quote(field(api, 'apiVersion') ?? '')}; set apiVersion: apiextensions.k8s.io/v1`);
  }
  if (field(api, 'kind') !== 'CustomResourceDefinition') {
    error('kind', `spec.api must be a CustomResourceDefinition, but its kind is ${quote(field(api, 'kind') ?? '')}; set kind: CustomResourceDefinition`);
  }
  const spec = field(api, 'spec');
  if (!isMap(spec)) {
    error('spec', 'spec.api has no spec: a CustomResourceDefinition needs spec.group, spec.names, spec.scope and spec.versions');
    return problems;
  }
  const group = field(spec, 'group');
  if (typeof group !== 'string' || group === '') {
    error('spec.group', 'the API has no group: set spec.group to a domain such as example.com');
  } else if (dns1123SubdomainMessage(group, 'group') || !group.includes('.')) {
    error('spec.group', `API group ${quote(group)} must be a lower-case domain with at least one dot, such as example.com`);
  }
  const names = field(spec, 'names');
  const kind = field(names, 'kind');
  const plural = field(names, 'plural');
  if (typeof kind !== 'string' || kind === '') error('spec.names.kind', 'the API has no kind: set spec.names.kind, e.g. Database');
  if (typeof plural !== 'string' || plural === '') {
    error('spec.names.plural', 'the API has no plural: set spec.names.plural, e.g. databases');
  }
  const scope = field(spec, 'scope');
  if (scope === 'Cluster') {
    error('spec.scope', "API scope 'Cluster' is not allowed: Kratix's webhook rejects a Cluster-scoped Promise API when the Promise is created; set scope: Namespaced");
  } else if (scope !== 'Namespaced') {
    error('spec.scope', `API scope ${quote(scope ?? '')} must be Namespaced`);
  }
  const versions = field(spec, 'versions');
  if (!Array.isArray(versions) || versions.length === 0) {
    error('spec.versions', 'the API has no versions: add at least one, with a name, served: true, storage: true and a schema.openAPIV3Schema');
  } else {
    let storage = 0;
    versions.forEach((version, i) => {
      const path = `spec.versions[${i}]`;
      if (!isMap(version)) return error(path, `a version must be a map, not ${quote(version)}`);
      const versionName = field(version, 'name');
      if (typeof versionName !== 'string' || versionName === '') error(`${path}.name`, 'the version has no name: set it, e.g. v1alpha1');
      if (field(version, 'storage') === true) storage++;
      const schema = field(field(version, 'schema'), 'openAPIV3Schema');
      if (!isMap(schema)) {
        error(`${path}.schema.openAPIV3Schema`, 'the version has no schema.openAPIV3Schema: Kubernetes requires one for apiextensions.k8s.io/v1; add one (type: object at least)');
      } else {
        const schemaPath = `spec.api.${path}.schema.openAPIV3Schema`;
        const structural = structuralSchemaProblems(schema, schemaPath);
        problems.push(...structural);
        const crdError = errorSink(problems);
        checkSchemaExtensions(schema, schemaPath, crdError);
        // As in Kubernetes, defaults are checked only in a structural schema.
        if (structural.length === 0) checkSchemaDefaults(schema, schemaPath, crdError);
      }
    });
    if (storage !== 1) {
      error('spec.versions', `exactly one version must have storage: true, but ${storage} do; Kubernetes rejects the CRD otherwise`);
    }
  }
  checkCrdNames(spec, (path, message) => error(path, message));
  const metadataName = field(field(api, 'metadata'), 'name');
  if (typeof plural === 'string' && typeof group === 'string' && !dns1123LabelMessage(plural, '')) {
    const expected = `${plural}.${group}`;
    if (metadataName !== expected) {
      error('metadata.name', `the API's name must be <plural>.<group>, ${quote(expected)}, not ${quote(metadataName ?? '')}`);
    }
  }
  return problems;
}
