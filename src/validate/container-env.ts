import { ErrorSink, jobRejection } from './api-server';
import { checkObjectFieldSelector, checkResourceFieldSelector, ENV_FIELD_PATHS } from './downward-api';
import { dns1123SubdomainMessage } from './names';
import { field, isMap, isUnset, joinPath, listField } from '../model/problem';
import { quote } from '../private/quote';

/** The sources of an environment variable's `valueFrom` that Kubernetes 1.28 knows. */
const VALUE_SOURCES = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'];

const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;

/** Kubernetes' words for a name that is no DNS-1123 subdomain. */
const SUBDOMAIN_RULE = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

/**
 * Why Kubernetes rejects `key` as a key of a ConfigMap or Secret (`IsConfigMapKey`), or `undefined`.
 *
 * @param what what the key is, e.g. `secretKeyRef key`
 */
export function configMapKeyMessage(key: string, what: string): string | undefined {
  if (key.length <= 253 && CONFIG_MAP_KEY.test(key) && key !== '.' && key !== '..' && !key.startsWith('..')) return undefined;
  return jobRejection(`${what} ${quote(key)} is not a valid ConfigMap or Secret key`,
    "a valid config key must consist of alphanumeric characters, '-', '_' or '.', and not be '.', '..' or start with '..'", 'use the key as it is in the ConfigMap or Secret');
}

const PLAIN_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const PLAIN_KEY = /^[-_a-zA-Z0-9][-._a-zA-Z0-9]*$/;

/** A key reference with a simple valid name and key, which needs no further look. */
function plainKeyRef(ref: Record<string, unknown>): boolean {
  return typeof ref.name === 'string' && ref.name.length <= 63 && PLAIN_NAME.test(ref.name) && typeof ref.key === 'string' && ref.key.length <= 253 && PLAIN_KEY.test(ref.key);
}

/**
 * The rules Kubernetes' `ValidateEnv` and `ValidateEnvFrom` apply to a container's env and
 * envFrom beyond their types: `valueFrom` has exactly one source and no `value` beside it, key
 * references name a valid object and key, field and resource references are supported; an envFrom
 * item has exactly one of configMapRef and secretRef, with a valid name.
 *
 * @param container the container as Go decodes it
 * @param path where it is, e.g. `spec.containers[0]`
 */
export function checkContainerEnv(container: unknown, path: string, error: ErrorSink): void {
  listField(container, 'env').forEach((env, i) => {
    const valueFrom = field(env, 'valueFrom');
    if (!isMap(valueFrom)) return;
    const sources = VALUE_SOURCES.filter(s => isMap(valueFrom[s]));
    if (sources.length === 1 && isMap(valueFrom.secretKeyRef) && plainKeyRef(valueFrom.secretKeyRef) && !field(env, 'value')) return; // the usual case, quickly
    const at = joinPath(joinPath(joinPath(path, 'env'), i), 'valueFrom');
    const name = quote(field(env, 'name') ?? '');
    if (sources.length === 0) {
      error(at, jobRejection(`environment variable ${name} has valueFrom without a source`, 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`', 'add one of them, or use value instead'));
      return;
    }
    const value = field(env, 'value');
    if (typeof value === 'string' && value !== '') {
      error(at, jobRejection(`environment variable ${name} has both value ${quote(value)} and valueFrom`, 'may not be specified when `value` is not empty', 'keep one of them'));
    } else if (sources.length > 1) {
      error(at, jobRejection(`environment variable ${name} has valueFrom with ${sources.join(' and ')}`, 'may not have more than one field specified at a time', 'keep one source per variable'));
    }
    for (const kind of ['configMapKeyRef', 'secretKeyRef']) {
      const ref = valueFrom[kind];
      if (!isMap(ref)) continue;
      const object = kind === 'secretKeyRef' ? 'Secret' : 'ConfigMap';
      const refName = ref.name;
      if (isUnset(refName)) {
        error(joinPath(joinPath(at, kind), 'name'), jobRejection(`${kind} has no name`, SUBDOMAIN_RULE, `set name to the ${object}'s name`));
      } else if (typeof refName === 'string') {
        const m = dns1123SubdomainMessage(refName, `${object} name`);
        if (m) error(joinPath(joinPath(at, kind), 'name'), jobRejection(m, SUBDOMAIN_RULE, `use the ${object}'s name`));
      }
      if (typeof ref.key === 'string' && ref.key !== '') {
        const m = configMapKeyMessage(ref.key, `${kind} key`);
        if (m) error(joinPath(joinPath(at, kind), 'key'), m);
      }
    }
    if (isMap(valueFrom.fieldRef)) checkObjectFieldSelector(valueFrom.fieldRef, joinPath(at, 'fieldRef'), ENV_FIELD_PATHS, error);
    if (isMap(valueFrom.resourceFieldRef)) checkResourceFieldSelector(valueFrom.resourceFieldRef, joinPath(at, 'resourceFieldRef'), false, error);
  });
  listField(container, 'envFrom').forEach((source, i) => {
    if (!isMap(source)) return;
    const at = joinPath(joinPath(path, 'envFrom'), i);
    const refs = ['configMapRef', 'secretRef'].filter(r => isMap(source[r]));
    if (refs.length !== 1) {
      const rule = refs.length === 0 ? 'must specify one of: `configMapRef` or `secretRef`' : 'may not have more than one field specified at a time';
      error(at, jobRejection(refs.length === 0 ? 'envFrom item has neither configMapRef nor secretRef' : 'envFrom item has both configMapRef and secretRef', rule, 'give each envFrom item exactly one of them'));
    }
    for (const r of refs) {
      const refName = field(source[r], 'name');
      const object = r === 'secretRef' ? 'Secret' : 'ConfigMap';
      if (isUnset(refName)) {
        error(joinPath(joinPath(at, r), 'name'), jobRejection(`envFrom ${r} has no name`, 'Required value', `set name to the ${object}'s name`));
      } else if (typeof refName === 'string') {
        // Kubernetes checks the name as a prefix of generated names (maskTrailingDash): 'abc-' is checked as 'aba'.
        const masked = refName.length > 1 && refName.endsWith('-') ? `${refName.slice(0, -2)}a` : refName;
        const m = dns1123SubdomainMessage(masked, `${object} name`) && dns1123SubdomainMessage(refName, `${object} name`);
        if (m) error(joinPath(joinPath(at, r), 'name'), jobRejection(m, SUBDOMAIN_RULE, `use the ${object}'s name`));
      }
    }
  });
}
