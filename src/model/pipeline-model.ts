import { isObject, RenderError } from './errors';
import { decodeStrictly, goDecode } from './go-decode';
import { PIPELINE_FIELDS } from './pipeline-types';
import { Problem, field, prefixProblems, stringField } from './problem';
import { Kratix } from '../constants';
import { quote } from '../private/quote';

/** The apiVersion of a Kratix Pipeline. */
export const PIPELINE_API_VERSION = Kratix.API_VERSION;


/** One `rbac.permissions[]` entry, split as Kratix splits it. */
export interface Permission {
  /** `''` = the pipeline namespace, a name, or `*`. */
  readonly resourceNamespace: string;
  /** The PolicyRule, in Go field order. */
  readonly rule: Record<string, any>;
}

/**
 * A pipeline as Kratix decodes it (its Go `Pipeline` struct, see `goDecode`), with the field path
 * it came from: the one reading of a pipeline, which the renderer, and through it the audit, use.
 */
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
 * `apiVersion: platform.kratix.io/v1alpha1`, with Kratix's message (kind printed first).
 */
export function pipelineKindProblems(pipeline: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  checkKind(pipeline, (path, message) => problems.push({ path, message, severity: 'error' }));
  return problems;
}

/** Kratix reads kind, apiVersion and name through `unstructured.Unstructured`, by their exact keys. */
function checkKind(pipeline: Record<string, unknown>, error: (path: string, message: string) => void): void {
  const name = stringField(field(pipeline, 'metadata'), 'name');
  const kind = field(pipeline, 'kind');
  const apiVersion = field(pipeline, 'apiVersion');
  if (kind === undefined || kind === null || kind === '') {
    error('kind', 'pipeline has no kind: Kratix cannot even read the Promise; set kind: Pipeline');
  }
  if (kind === 'Pipeline' && apiVersion === PIPELINE_API_VERSION) return;
  const goString = (v: unknown) => (typeof v === 'string' ? v : '');
  const where = kind !== 'Pipeline' && kind !== undefined && kind !== null && kind !== '' ? 'kind' : apiVersion !== PIPELINE_API_VERSION ? 'apiVersion' : undefined;
  if (where === undefined) return;
  error(where, `unsupported pipeline ${JSON.stringify(name ?? '')} with APIVersion "${goString(kind)}/${goString(apiVersion)}": set kind: Pipeline and apiVersion: ${PIPELINE_API_VERSION}`);
}

/**
 * Kratix's first check on a pipeline: `kind: Pipeline` and `apiVersion: platform.kratix.io/v1alpha1`
 * (`pipelineKindProblems`).
 *
 * @throws RenderError naming the pipeline's field path
 */
export function checkPipelineKind(pipeline: Record<string, any>, path: string): void {
  const [problem] = prefixProblems(path, pipelineKindProblems(pipeline));
  if (problem) throw new RenderError('promise', problem.path, problem.message);
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
  const top = goDecode(raw, 'Pipeline');
  const meta = top.metadata ?? {};
  const name: string = meta.name ?? '';
  if (name === '') throw new RenderError('promise', `${path}.metadata.name`, 'missing: every pipeline needs a name (it is part of every object name Kratix creates)');
  const spec = top.spec ?? {};
  const rbac = spec.rbac ?? {};
  const permissions = (rbac.permissions ?? []).map((p: Record<string, any>, i: number) => {
    const rule: Record<string, any> = {};
    for (const key of Object.keys(PIPELINE_FIELDS.Permission).slice(1)) {
      if (p[key]?.length > 0) rule[key] = p[key];
    }
    if (rule.verbs === undefined) {
      throw new RenderError('promise', `${path}.spec.rbac.permissions[${i}].verbs`, 'missing: an RBAC rule needs at least one verb (e.g. ["get", "list"])');
    }
    return { resourceNamespace: p.resourceNamespace ?? '', rule };
  });

  return {
    path,
    name,
    labels: meta.labels ?? {},
    annotations: meta.annotations ?? {},
    containers: spec.containers ?? [],
    imagePullSecrets: spec.imagePullSecrets ?? [],
    backoffLimit: spec.jobOptions?.backoffLimit,
    nodeSelector: spec.nodeSelector ?? {},
    restartPolicy: spec.restartPolicy ?? '',
    tolerations: spec.tolerations ?? [],
    volumes: spec.volumes ?? [],
    serviceAccount: rbac.serviceAccount ?? '',
    permissions,
  };
}
