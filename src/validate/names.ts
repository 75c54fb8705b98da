import { quote } from '../private/quote';
import { MAX_PIPELINE_ID_LENGTH, pipelineId } from '../render/names';

/** Names of the containers Kratix adds to every pipeline Pod; user containers cannot use them. */
export const RESERVED_CONTAINER_NAMES: readonly string[] = ['reader', 'work-writer', 'status-writer'];

/** Names of the volumes Kratix adds to every pipeline Pod; user volumes cannot use them. */
export const RESERVED_VOLUME_NAMES: readonly string[] = ['shared-input', 'shared-output', 'shared-metadata', 'promise-scheduling'];

export { MAX_PIPELINE_ID_LENGTH, pipelineId };

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/**
 * Why `value` is not a DNS-1123 label (a Kubernetes container, volume or namespace name), or
 * `undefined` if it is one.
 *
 * @param what what the value is, e.g. `container name`
 */
export function dns1123LabelMessage(value: unknown, what: string): string | undefined {
  if (typeof value !== 'string') return `${what} must be a string, not ${quote(value)}`;
  if (value.length <= 63 && DNS1123_LABEL.test(value)) return undefined;
  return `${what} ${quote(value)} must be a DNS-1123 label (lower case letters, digits and '-', at most 63 characters)`;
}

/**
 * Why `value` is not a DNS-1035 label (a CRD's plural, singular, short names and version names:
 * a DNS-1123 label that starts with a letter), or `undefined` if it is one.
 *
 * @param what what the value is, e.g. `API plural`
 */
export function dns1035LabelMessage(value: unknown, what: string): string | undefined {
  if (typeof value !== 'string') return `${what} must be a string, not ${quote(value)}`;
  if (value.length <= 63 && DNS1035_LABEL.test(value)) return undefined;
  return `${what} ${quote(value)} must be a DNS-1035 label (lower case letters, digits and '-', starting with a letter, at most 63 characters)`;
}

/**
 * Why `value` is not a DNS-1123 subdomain (a Kubernetes object name such as a ServiceAccount's),
 * or `undefined` if it is one.
 *
 * @param what what the value is, e.g. `service account name`
 */
export function dns1123SubdomainMessage(value: unknown, what: string): string | undefined {
  if (typeof value !== 'string') return `${what} must be a string, not ${quote(value)}`;
  if (value.length <= 253 && DNS1123_SUBDOMAIN.test(value)) return undefined;
  return `${what} ${quote(value)} must be a DNS-1123 subdomain (lower case letters, digits, '-' and '.', at most 253 characters)`;
}

/**
 * Why `value` is not a Kubernetes label value, or `undefined` if it is one.
 *
 * @param what what the value is, e.g. `value of label 'team'`
 */
export function labelValueMessage(value: unknown, what: string): string | undefined {
  if (typeof value !== 'string') return `${what} must be a string, not ${quote(value)}`;
  if (value === '' || (value.length <= 63 && QUALIFIED_NAME_PART.test(value))) return undefined;
  return `${what} ${quote(value)} must be a valid label value (at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit)`;
}

/**
 * Why `value` is not a qualified name (a Kubernetes label or annotation key), or `undefined` if it
 * is one.
 *
 * @param what what the value is, e.g. `label key`
 */
export function qualifiedNameMessage(value: unknown, what: string): string | undefined {
  if (typeof value !== 'string') return `${what} must be a string, not ${quote(value)}`;
  const slash = value.indexOf('/');
  const prefix = slash >= 0 ? value.slice(0, slash) : undefined;
  const name = slash >= 0 ? value.slice(slash + 1) : value;
  const prefixOk = prefix === undefined || (prefix.length > 0 && prefix.length <= 253 && DNS1123_SUBDOMAIN.test(prefix));
  if (prefixOk && name.length <= 63 && QUALIFIED_NAME_PART.test(name)) return undefined;
  return `${what} ${quote(value)} must be a qualified name (an optional DNS subdomain and '/', then at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit)`;
}

/**
 * Why the pipeline ID is too long for Kratix (over 60 characters), or `undefined` if it fits;
 * the message says how many characters the pipeline name may have.
 */
export function pipelineIdMessage(promise: string, type: string, action: string, pipeline: string): string | undefined {
  const id = pipelineId(promise, type, action, pipeline);
  if (id.length <= MAX_PIPELINE_ID_LENGTH) return undefined;
  const budget = MAX_PIPELINE_ID_LENGTH - (id.length - pipeline.length);
  const fix = budget > 0
    ? `shorten the pipeline name to at most ${budget} characters (or the Promise name)`
    : `shorten the Promise name: '${promise}-${type}-${action}-' alone leaves no room for a pipeline name`;
  return `pipeline ID ${quote(id)} (<promise>-<type>-<action>-<pipeline>) is ${id.length} characters, over Kratix's limit of ${MAX_PIPELINE_ID_LENGTH}: ${fix}`;
}
