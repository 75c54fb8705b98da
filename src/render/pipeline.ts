import { isObject, quote, RenderError } from './errors';
import { isInt32 } from './settings';
import { decodeStrictly, prefixProblems } from '../validate';
import { K8S_FIELDS } from '../validate/k8s-fields.generated';
import { PIPELINE_FIELDS } from '../validate/pipeline-types';

/** Workflow types and actions, in Kratix's words. */
export type WorkflowType = 'promise' | 'resource';
/** Workflow actions. */
export type WorkflowAction = 'configure' | 'delete';

/** The only `kind` Kratix accepts for a pipeline. */
export const PIPELINE_KIND = 'Pipeline';
/** The only `apiVersion` Kratix accepts for a pipeline. */
export const PIPELINE_API_VERSION = 'platform.kratix.io/v1alpha1';

/** One `rbac.permissions[]` entry, split as Kratix splits it. */
export interface Permission {
  /** `''` = the pipeline namespace, a name, or `*`. */
  readonly resourceNamespace: string;
  /** The PolicyRule, in Go field order. */
  readonly rule: Record<string, any>;
}

/** A pipeline as Kratix decodes it (`Pipeline` struct), with the field path it came from. */
export interface ParsedPipeline {
  /** e.g. `spec.workflows.promise.configure[0]` */
  readonly path: string;
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly containers: Array<Record<string, any>>;
  readonly imagePullSecrets: Array<Record<string, any>>;
  readonly backoffLimit?: number;
  readonly nodeSelector: Record<string, string>;
  readonly restartPolicy: string;
  readonly tolerations: Array<Record<string, any>>;
  readonly volumes: Array<Record<string, any>>;
  readonly serviceAccount: string;
  readonly permissions: Permission[];
}

/**
 * Kratix's first check on a pipeline (`PipelinesFromUnstructured`): `kind: Pipeline` and
 * `apiVersion: platform.kratix.io/v1alpha1`, with Kratix's own message (kind printed first).
 *
 * Kept in one small function so that it can be unified with the strict pipeline parser of
 * `src/validate/`.
 *
 * @throws RenderError naming the pipeline's field path
 */
export function checkPipelineKind(pipeline: Record<string, any>, path: string): void {
  if (pipeline.kind === PIPELINE_KIND && pipeline.apiVersion === PIPELINE_API_VERSION) return;
  const name = isObject(pipeline.metadata) && typeof pipeline.metadata.name === 'string' ? pipeline.metadata.name : '';
  const field = pipeline.kind !== PIPELINE_KIND ? 'kind' : 'apiVersion';
  throw new RenderError('promise', `${path}.${field}`,
    `unsupported pipeline ${JSON.stringify(name)} with APIVersion "${str(pipeline.kind)}/${str(pipeline.apiVersion)}" ` +
    `(a pipeline needs kind: ${PIPELINE_KIND} and apiVersion: ${PIPELINE_API_VERSION})`);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value);
}

class Reader {
  fail(path: string, problem: string): never {
    throw new RenderError('promise', path, problem);
  }

  /**
   * The members of `obj` keyed by the Go field of `type` they decode into (encoding/json matches
   * keys case-insensitively); `decodeStrictly` has already refused unknown fields.
   */
  fields(obj: unknown, type: string, path: string): Record<string, any> {
    if (obj === undefined || obj === null) return {};
    if (!isObject(obj)) this.fail(path, `${quote(obj)} is not an object`);
    const known = Object.keys(PIPELINE_FIELDS[type] ?? K8S_FIELDS[type]);
    const out: Record<string, any> = {};
    for (const key of Object.keys(obj)) {
      const field = known.includes(key) ? key : known.find(k => k.toLowerCase() === key.toLowerCase());
      if (field === undefined || (field !== key && field in out)) continue;
      if (obj[key] !== null && obj[key] !== undefined) out[field] = obj[key];
    }
    return out;
  }

  string(value: unknown, path: string): string {
    if (value === undefined) return '';
    if (typeof value !== 'string') this.fail(path, `${quote(value)} is not a string`);
    return value;
  }

  stringMap(value: unknown, path: string): Record<string, string> {
    if (value === undefined) return {};
    if (!isObject(value)) this.fail(path, `${quote(value)} is not a map of strings`);
    for (const key of Object.keys(value)) {
      if (typeof value[key] !== 'string') this.fail(`${path}.${key}`, `${quote(value[key])} is not a string (quote it in YAML)`);
    }
    return value as Record<string, string>;
  }

  list(value: unknown, path: string): any[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) this.fail(path, `${quote(value)} is not a list`);
    return value;
  }

  objectList(value: unknown, path: string): Array<Record<string, any>> {
    const list = this.list(value, path);
    list.forEach((item, i) => {
      if (!isObject(item)) this.fail(`${path}[${i}]`, `${quote(item)} is not an object`);
    });
    return list;
  }

  stringList(value: unknown, path: string): string[] {
    const list = this.list(value, path);
    list.forEach((item, i) => {
      if (typeof item !== 'string') this.fail(`${path}[${i}]`, `${quote(item)} is not a string`);
    });
    return list;
  }
}

/**
 * Decodes one pipeline as Kratix does: the kind/apiVersion check, then Go's strict decoding
 * (`decodeStrictly`: unknown fields at any depth and wrong types rejected, keys matched
 * case-insensitively), then reads the fields the factory uses.
 *
 * @param path the field path of the pipeline, e.g. `spec.workflows.promise.configure[0]`
 * @throws RenderError naming the field path and the offending value
 */
export function parsePipeline(raw: unknown, path: string): ParsedPipeline {
  if (!isObject(raw)) throw new RenderError('promise', path, `${quote(raw)} is not a Pipeline object`);
  checkPipelineKind(raw, path);
  const [problem] = prefixProblems(path, decodeStrictly(raw, 'Pipeline').filter(p => p.severity === 'error'));
  if (problem) throw new RenderError('promise', problem.path, problem.message);
  const r = new Reader();
  const top = r.fields(raw, 'Pipeline', path);
  const meta = r.fields(top.metadata, 'ObjectMeta', `${path}.metadata`);
  const name = r.string(meta.name, `${path}.metadata.name`);
  if (name === '') r.fail(`${path}.metadata.name`, 'missing: every pipeline needs a name (it is part of every object name Kratix creates)');
  const spec = r.fields(top.spec, 'PipelineSpec', `${path}.spec`);
  const sp = `${path}.spec`;

  const containers = r.objectList(spec.containers, `${sp}.containers`).map((c, i) => {
    const cp = `${sp}.containers[${i}]`;
    const container = r.fields(c, 'Container', cp);
    r.string(container.name, `${cp}.name`);
    r.string(container.image, `${cp}.image`);
    r.stringList(container.args, `${cp}.args`);
    r.stringList(container.command, `${cp}.command`);
    r.objectList(container.env, `${cp}.env`).forEach((env, j) => {
      // Kratix decodes EnvVar strictly: a number or boolean where a string belongs fails the pipeline.
      for (const key of ['name', 'value']) {
        const v = env[key];
        if (v !== undefined && v !== null && typeof v !== 'string') r.fail(`${cp}.env[${j}].${key}`, `${quote(v)} is not a string (quote it in YAML)`);
      }
    });
    r.objectList(container.envFrom, `${cp}.envFrom`);
    r.objectList(container.volumeMounts, `${cp}.volumeMounts`);
    r.string(container.imagePullPolicy, `${cp}.imagePullPolicy`);
    if (container.securityContext !== undefined && !isObject(container.securityContext)) {
      r.fail(`${cp}.securityContext`, `${quote(container.securityContext)} is not a SecurityContext object`);
    }
    return container;
  });

  const jobOptions = r.fields(spec.jobOptions, 'JobOptions', `${sp}.jobOptions`);
  if (jobOptions.backoffLimit !== undefined && !isInt32(jobOptions.backoffLimit)) {
    r.fail(`${sp}.jobOptions.backoffLimit`, `${quote(jobOptions.backoffLimit)} is not a 32-bit integer`);
  }

  const rbac = r.fields(spec.rbac, 'RBAC', `${sp}.rbac`);
  const permissions = r.objectList(rbac.permissions, `${sp}.rbac.permissions`).map((p, i) => {
    const pp = `${sp}.rbac.permissions[${i}]`;
    const perm = r.fields(p, 'Permission', pp);
    const rule: Record<string, any> = {};
    for (const key of Object.keys(PIPELINE_FIELDS.Permission).slice(1)) {
      const values = r.stringList(perm[key], `${pp}.${key}`);
      if (values.length > 0) rule[key] = values;
    }
    if (rule.verbs === undefined) r.fail(`${pp}.verbs`, 'missing: an RBAC rule needs at least one verb (e.g. ["get", "list"])');
    return { resourceNamespace: r.string(perm.resourceNamespace, `${pp}.resourceNamespace`), rule };
  });

  return {
    path,
    name,
    labels: r.stringMap(meta.labels, `${path}.metadata.labels`),
    annotations: r.stringMap(meta.annotations, `${path}.metadata.annotations`),
    containers,
    imagePullSecrets: r.objectList(spec.imagePullSecrets, `${sp}.imagePullSecrets`),
    backoffLimit: jobOptions.backoffLimit,
    nodeSelector: r.stringMap(spec.nodeSelector, `${sp}.nodeSelector`),
    restartPolicy: r.string(spec.restartPolicy, `${sp}.restartPolicy`),
    tolerations: r.objectList(spec.tolerations, `${sp}.tolerations`),
    volumes: r.objectList(spec.volumes, `${sp}.volumes`),
    serviceAccount: r.string(rbac.serviceAccount, `${sp}.rbac.serviceAccount`),
    permissions,
  };
}
