import { isObject, quote, RenderError } from '../render/errors';
import { decodeStrictly, pipelineKindProblems, prefixProblems } from '../validate';
import { K8S_FIELDS } from '../validate/k8s-fields.generated';
import { PIPELINE_FIELDS } from '../validate/pipeline-types';

/** Workflow types and actions, in Kratix's words. */
export type WorkflowType = 'promise' | 'resource';
/** Workflow actions. */
export type WorkflowAction = 'configure' | 'delete';

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
 * Kratix's first check on a pipeline: `kind: Pipeline` and `apiVersion: platform.kratix.io/v1alpha1`
 * (the validator's `pipelineKindProblems`).
 *
 * @throws RenderError naming the pipeline's field path
 */
export function checkPipelineKind(pipeline: Record<string, any>, path: string): void {
  const [problem] = prefixProblems(path, pipelineKindProblems(pipeline));
  if (problem) throw new RenderError('promise', problem.path, problem.message);
}


/**
 * Reads a pipeline that `decodeStrictly` has accepted, as Go's zero values would: absent or null
 * fields read as empty, and a key matches its field case-insensitively.
 */
class Reader {
  fail(path: string, problem: string): never {
    throw new RenderError('promise', path, problem);
  }

  /** The members of `obj` keyed by the Go field of `type` they decode into. */
  fields(obj: unknown, type: string): Record<string, any> {
    if (!isObject(obj)) return {};
    const known = Object.keys(PIPELINE_FIELDS[type] ?? K8S_FIELDS[type]);
    const out: Record<string, any> = {};
    for (const key of Object.keys(obj)) {
      const field = known.includes(key) ? key : known.find(k => k.toLowerCase() === key.toLowerCase());
      if (field === undefined || (field !== key && field in out)) continue;
      if (obj[key] !== null && obj[key] !== undefined) out[field] = obj[key];
    }
    return out;
  }

  string(value: unknown): string {
    return typeof value === 'string' ? value : '';
  }

  stringMap(value: unknown): Record<string, string> {
    return isObject(value) ? value : {};
  }

  list(value: unknown): any[] {
    return Array.isArray(value) ? value : [];
  }

  objectList(value: unknown): Array<Record<string, any>> {
    return this.list(value).map(item => isObject(item) ? item : {});
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
  const top = r.fields(raw, 'Pipeline');
  const meta = r.fields(top.metadata, 'ObjectMeta');
  const name = r.string(meta.name);
  if (name === '') r.fail(`${path}.metadata.name`, 'missing: every pipeline needs a name (it is part of every object name Kratix creates)');
  const spec = r.fields(top.spec, 'PipelineSpec');
  const sp = `${path}.spec`;

  const containers = r.objectList(spec.containers).map(c => {
    const container = r.fields(c, 'Container');
    // Go decodes a null list item into the zero struct.
    for (const list of ['env', 'envFrom', 'volumeMounts']) {
      if (container[list] !== undefined) container[list] = r.objectList(container[list]);
    }
    return container;
  });
  const jobOptions = r.fields(spec.jobOptions, 'JobOptions');

  const rbac = r.fields(spec.rbac, 'RBAC');
  const permissions = r.objectList(rbac.permissions).map((p, i) => {
    const pp = `${sp}.rbac.permissions[${i}]`;
    const perm = r.fields(p, 'Permission');
    const rule: Record<string, any> = {};
    for (const key of Object.keys(PIPELINE_FIELDS.Permission).slice(1)) {
      const values = r.list(perm[key]);
      if (values.length > 0) rule[key] = values;
    }
    if (rule.verbs === undefined) r.fail(`${pp}.verbs`, 'missing: an RBAC rule needs at least one verb (e.g. ["get", "list"])');
    return { resourceNamespace: r.string(perm.resourceNamespace), rule };
  });

  return {
    path,
    name,
    labels: r.stringMap(meta.labels),
    annotations: r.stringMap(meta.annotations),
    containers,
    imagePullSecrets: r.objectList(spec.imagePullSecrets),
    backoffLimit: jobOptions.backoffLimit,
    nodeSelector: r.stringMap(spec.nodeSelector),
    restartPolicy: r.string(spec.restartPolicy),
    tolerations: r.objectList(spec.tolerations),
    volumes: r.objectList(spec.volumes),
    serviceAccount: r.string(rbac.serviceAccount),
    permissions,
  };
}
