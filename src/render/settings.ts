import { canonicalQuantity } from './quantity';
import { RenderSettings } from './types';
import { isObject, RenderError } from '../model/errors';
import { quote } from '../private/quote';

/**
 * The security context of Kratix's own containers (reader, work-writer, status-writer).
 * Never applied to user containers.
 */
export const KRATIX_SECURITY_CONTEXT: Readonly<Record<string, any>> = Object.freeze({
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  privileged: false,
  runAsNonRoot: true,
  seccompProfile: { type: 'RuntimeDefault' },
});

/** Kratix's built-in container resources, used unless `workflows.defaultContainerResources` is set. */
export const DEFAULT_CONTAINER_RESOURCES: Readonly<Record<string, any>> = Object.freeze({
  requests: { 'cpu': '100m', 'memory': '128Mi', 'ephemeral-storage': '128Mi' },
  limits: { 'cpu': '200m', 'memory': '256Mi', 'ephemeral-storage': '256Mi' },
});

/**
 * The controller settings that shape pipeline objects, resolved with Kratix's defaults.
 */
export interface ControllerSettings {
  /** PIPELINE_ADAPTER_IMG (`''` when unset). */
  readonly adapterImage: string;
  /** PIPELINE_ADAPTER_PULL_SECRET (`''` when unset). */
  readonly adapterPullSecret: string;
  /**
   * Security context for user containers without one: `undefined` when the kratix ConfigMap is
   * absent, `{}` when it is present without `workflows.defaultContainerSecurityContext`.
   */
  readonly userSecurityContext?: Record<string, any>;
  /** Whether the kratix ConfigMap sets `workflows.defaultContainerSecurityContext`. */
  readonly defaultSecurityContextSet?: boolean;
  /** `workflows.defaultImagePullPolicy` (`''` = leave the field out). */
  readonly imagePullPolicy: string;
  /** Resources for Kratix's containers and user containers without any. */
  readonly resources: Record<string, any>;
  /** `workflows.jobOptions.defaultBackoffLimit`, if set. */
  readonly backoffLimit?: number;
}

/**
 * Removes `null`/`undefined` members at any depth, as decoding into a Go struct and encoding it
 * again does for pointer fields. Returns the input itself when there is nothing to remove.
 */
export function dropNulls<T>(value: T): T {
  if (Array.isArray(value)) {
    let copy: any[] | undefined;
    value.forEach((item, i) => {
      const cleaned = dropNulls(item);
      if (cleaned !== item) {
        copy ??= value.slice();
        copy[i] = cleaned;
      }
    });
    return (copy ?? value) as any;
  }
  if (!isObject(value)) return value;
  let copy: Record<string, any> | undefined;
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item === null || item === undefined) {
      copy ??= { ...value };
      delete copy[key];
      continue;
    }
    const cleaned = dropNulls(item);
    if (cleaned !== item) {
      copy ??= { ...value };
      copy[key] = cleaned;
    }
  }
  return (copy ?? value) as T;
}

/**
 * A `ResourceRequirements` as Kubernetes serialises it: quantities canonicalised (`0.5` becomes
 * `500m`), empty `limits`/`requests`/`claims` left out, so `{}` stays `{}`.
 *
 * @param fail called with the field path (relative to `resources`) and the problem
 */
export function canonicalResources(resources: unknown, fail: (path: string, problem: string) => never): Record<string, any> {
  if (!isObject(resources)) return fail('', `${quote(resources)} is not an object with limits/requests`);
  const out: Record<string, any> = {};
  for (const key of Object.keys(resources)) {
    const list = resources[key];
    if (list === null || list === undefined) continue;
    if (key === 'limits' || key === 'requests') {
      if (!isObject(list)) return fail(`.${key}`, `${quote(list)} is not a map of quantities`);
      const canon: Record<string, string> = {};
      for (const name of Object.keys(list)) {
        const q = list[name];
        const c = typeof q === 'string' || typeof q === 'number' ? canonicalQuantity(q) : undefined;
        if (c === undefined) return fail(`.${key}.${name}`, `${quote(q)} is not a Kubernetes quantity (e.g. "100m", "128Mi", "1")`);
        canon[name] = c;
      }
      if (Object.keys(canon).length > 0) out[key] = canon;
    } else if (key === 'claims') {
      if (Array.isArray(list) && list.length > 0) out.claims = dropNulls(list);
    } else {
      return fail(`.${key}`, 'unknown field (resources take limits, requests and claims)');
    }
  }
  return out;
}

/**
 * Resolves the controller settings with Kratix's defaults (`cmd/main.go`):
 * - ConfigMap absent (`kratixConfig` undefined): no user security context, pull policy `''`,
 *   built-in resources, no backoff limit;
 * - ConfigMap present: user security context = `workflows.defaultContainerSecurityContext` or `{}`
 *   when missing; `defaultContainerResources` replaces the built-in resources wholesale.
 */
export function resolveSettings(settings: RenderSettings = {}): ControllerSettings {
  const fail = (path: string, problem: string): never => {
    throw new RenderError('settings', path === '' ? 'kratixConfig' : `kratixConfig.${path}`, problem);
  };
  const base = {
    adapterImage: settings.adapterImage ?? '',
    adapterPullSecret: settings.adapterPullSecret ?? '',
  };
  const config = settings.kratixConfig;
  if (config === undefined || config === null) {
    return { ...base, imagePullPolicy: '', resources: DEFAULT_CONTAINER_RESOURCES as Record<string, any> };
  }
  if (!isObject(config)) fail('', `${quote(config)} is not a map (the parsed data.config of the kratix ConfigMap)`);
  const workflows = config.workflows ?? {};
  if (!isObject(workflows)) fail('workflows', `${quote(workflows)} is not a map`);

  const sc = workflows.defaultContainerSecurityContext ?? {};
  if (!isObject(sc)) fail('workflows.defaultContainerSecurityContext', `${quote(sc)} is not a SecurityContext map`);

  const policy = workflows.defaultImagePullPolicy ?? '';
  if (typeof policy !== 'string') fail('workflows.defaultImagePullPolicy', `${quote(policy)} is not a string`);

  let resources = DEFAULT_CONTAINER_RESOURCES as Record<string, any>;
  if (workflows.defaultContainerResources !== undefined && workflows.defaultContainerResources !== null) {
    resources = canonicalResources(workflows.defaultContainerResources,
      (path, problem) => fail(`workflows.defaultContainerResources${path}`, problem));
  }

  const jobOptions = workflows.jobOptions ?? {};
  if (!isObject(jobOptions)) fail('workflows.jobOptions', `${quote(jobOptions)} is not a map`);
  const backoffLimit = jobOptions.defaultBackoffLimit ?? undefined;
  if (backoffLimit !== undefined && !isInt32(backoffLimit)) {
    fail('workflows.jobOptions.defaultBackoffLimit', `${quote(backoffLimit)} is not a 32-bit integer`);
  }

  return {
    ...base,
    userSecurityContext: dropNulls(sc),
    defaultSecurityContextSet: workflows.defaultContainerSecurityContext !== undefined && workflows.defaultContainerSecurityContext !== null,
    imagePullPolicy: policy,
    resources,
    backoffLimit,
  };
}

/** True for an integer that fits Go's int32. */
export function isInt32(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= -2147483648 && value <= 2147483647;
}
