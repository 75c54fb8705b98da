import { isObject, quote, RenderError } from './errors';
import { isInt32 } from './settings';

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

const PIPELINE_FIELDS = ['apiVersion', 'kind', 'metadata', 'spec'];
const META_FIELDS = [
  'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation',
  'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations',
  'ownerReferences', 'finalizers', 'managedFields',
];
const SPEC_FIELDS = ['containers', 'imagePullSecrets', 'jobOptions', 'nodeSelector', 'rbac', 'restartPolicy', 'tolerations', 'volumes'];
const CONTAINER_FIELDS = ['name', 'image', 'args', 'command', 'env', 'envFrom', 'volumeMounts', 'imagePullPolicy', 'securityContext', 'resources'];
const RBAC_FIELDS = ['serviceAccount', 'permissions'];
const PERMISSION_FIELDS = ['resourceNamespace', 'verbs', 'apiGroups', 'resources', 'resourceNames', 'nonResourceURLs'];
const JOB_OPTIONS_FIELDS = ['backoffLimit'];

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
  constructor(private readonly pipelineName: string) {}

  fail(path: string, problem: string): never {
    throw new RenderError('promise', path, problem);
  }

  /**
   * The members of `obj` keyed by the Go field they decode into. encoding/json matches keys
   * case-insensitively, and with DisallowUnknownFields any other key is an error.
   */
  fields(obj: unknown, known: string[], path: string): Record<string, any> {
    if (obj === undefined || obj === null) return {};
    if (!isObject(obj)) this.fail(path, `${quote(obj)} is not an object`);
    const out: Record<string, any> = {};
    for (const key of Object.keys(obj)) {
      let field = known.includes(key) ? key : undefined;
      if (field === undefined) {
        const lower = key.toLowerCase();
        field = known.find(k => k.toLowerCase() === lower);
        if (field === undefined) {
          this.fail(`${path}.${key}`, `unknown field ${JSON.stringify(key)} (Kratix: failed unmarshalling pipeline ` +
            `${this.pipelineName}: json: unknown field ${JSON.stringify(key)}); known fields: ${known.join(', ')}`);
        }
        if (field in out) continue;
      }
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
 * Decodes one pipeline as Kratix does: the kind/apiVersion check, then Kratix's own structs
 * (Pipeline, ObjectMeta, PipelineSpec, Container, RBAC, Permission, JobOptions) with unknown
 * fields rejected and keys matched case-insensitively. Embedded Kubernetes types (EnvVar, Volume,
 * SecurityContext, ...) are taken as given; their strict checking belongs to `src/validate/`.
 *
 * @param path the field path of the pipeline, e.g. `spec.workflows.promise.configure[0]`
 * @throws RenderError naming the field path and the offending value
 */
export function parsePipeline(raw: unknown, path: string): ParsedPipeline {
  if (!isObject(raw)) throw new RenderError('promise', path, `${quote(raw)} is not a Pipeline object`);
  checkPipelineKind(raw, path);
  const rawName = isObject(raw.metadata) ? raw.metadata.name : undefined;
  const r = new Reader(typeof rawName === 'string' ? rawName : '');
  const top = r.fields(raw, PIPELINE_FIELDS, path);
  const meta = r.fields(top.metadata, META_FIELDS, `${path}.metadata`);
  const name = r.string(meta.name, `${path}.metadata.name`);
  if (name === '') r.fail(`${path}.metadata.name`, 'missing: every pipeline needs a name (it is part of every object name Kratix creates)');
  const spec = r.fields(top.spec, SPEC_FIELDS, `${path}.spec`);
  const sp = `${path}.spec`;

  const containers = r.objectList(spec.containers, `${sp}.containers`).map((c, i) => {
    const cp = `${sp}.containers[${i}]`;
    const container = r.fields(c, CONTAINER_FIELDS, cp);
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

  const jobOptions = r.fields(spec.jobOptions, JOB_OPTIONS_FIELDS, `${sp}.jobOptions`);
  if (jobOptions.backoffLimit !== undefined && !isInt32(jobOptions.backoffLimit)) {
    r.fail(`${sp}.jobOptions.backoffLimit`, `${quote(jobOptions.backoffLimit)} is not a 32-bit integer`);
  }

  const rbac = r.fields(spec.rbac, RBAC_FIELDS, `${sp}.rbac`);
  const permissions = r.objectList(rbac.permissions, `${sp}.rbac.permissions`).map((p, i) => {
    const pp = `${sp}.rbac.permissions[${i}]`;
    const perm = r.fields(p, PERMISSION_FIELDS, pp);
    const rule: Record<string, any> = {};
    for (const key of PERMISSION_FIELDS.slice(1)) {
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
