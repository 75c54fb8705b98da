import { ErrorSink, jobRejection } from './api-server';
import { qualifiedNameMessage } from './names';
import { field, isUnset, joinPath } from '../model/problem';
import { quote } from '../private/quote';
import { canonicalQuantity } from '../render/quantity';

/** The pod fields an environment variable's `fieldRef` may read (Kubernetes' `validEnvDownwardAPIFieldPathExpressions`). */
export const ENV_FIELD_PATHS: readonly string[] = [
  'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName',
  'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs',
];

/** The pod fields a downward API volume file's `fieldRef` may read (`validVolumeDownwardAPIFieldPathExpressions`). */
export const VOLUME_FIELD_PATHS: readonly string[] = ['metadata.name', 'metadata.namespace', 'metadata.labels', 'metadata.annotations', 'metadata.uid'];

/** The container resources a `resourceFieldRef` may read, besides `requests.hugepages-*` and `limits.hugepages-*`. */
export const RESOURCE_FIELD_PATHS: readonly string[] = [
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage',
];

const CPU_DIVISORS = ['1m', '1'];
const BYTE_DIVISORS = ['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei'];

/**
 * Checks a `fieldRef` (an `ObjectFieldSelector`) as Kubernetes' `validateObjectFieldSelector`
 * does: apiVersion v1 (the default), a supported field path, and a label or annotation key in
 * `metadata.labels['key']`.
 *
 * @param allowed the field paths allowed where the selector is (`ENV_FIELD_PATHS` or `VOLUME_FIELD_PATHS`)
 */
export function checkObjectFieldSelector(ref: unknown, path: string, allowed: readonly string[], error: ErrorSink): void {
  const apiVersion = field(ref, 'apiVersion');
  const fieldPath = field(ref, 'fieldPath');
  if (typeof apiVersion === 'string' && apiVersion !== '' && apiVersion !== 'v1') {
    error(joinPath(path, 'apiVersion'), jobRejection(`fieldRef apiVersion ${quote(apiVersion)} is not v1`, `unsupported pod version: ${apiVersion}`, 'set apiVersion: v1 or leave it out'));
    return;
  }
  if (typeof fieldPath !== 'string' || fieldPath === '') return;
  const subscripted = /^(.+)\['(.*)'\]$/s.exec(fieldPath);
  if (subscripted) {
    const [, base, key] = subscripted;
    if (base !== 'metadata.labels' && base !== 'metadata.annotations') {
      error(joinPath(path, 'fieldPath'), jobRejection(`fieldPath ${quote(fieldPath)} has a subscript`, `field label does not support subscript: ${fieldPath}`, "subscript only metadata.labels or metadata.annotations, e.g. metadata.labels['app']"));
      return;
    }
    const m = qualifiedNameMessage(base === 'metadata.annotations' ? key.toLowerCase() : key, 'the key');
    if (m) error(joinPath(path, 'fieldPath'), jobRejection(`fieldPath ${quote(fieldPath)} does not name a valid ${base === 'metadata.labels' ? 'label' : 'annotation'}: ${m}`, 'ValidateQualifiedName', 'fix the key'));
    return;
  }
  const converted = fieldPath === 'spec.host' ? 'spec.nodeName' : fieldPath;
  if (!allowed.includes(converted)) {
    error(joinPath(path, 'fieldPath'), jobRejection(`fieldPath ${quote(fieldPath)} is not a pod field Kubernetes exposes here`, 'Unsupported value', `use one of ${allowed.join(', ')}`));
  }
}

/**
 * Checks a `resourceFieldRef` (a `ResourceFieldSelector`) as Kubernetes'
 * `validateContainerResourceFieldSelector` does: a supported resource, a supported divisor, and,
 * in a volume, the container it reads.
 *
 * @param inVolume whether the selector is in a downward API volume, where `containerName` is required
 */
export function checkResourceFieldSelector(ref: unknown, path: string, inVolume: boolean, error: ErrorSink): void {
  const resource = field(ref, 'resource');
  const containerName = field(ref, 'containerName');
  if (inVolume && isUnset(containerName)) {
    error(joinPath(path, 'containerName'), jobRejection('resourceFieldRef in a volume has no containerName', 'Required value', 'set containerName to the container whose resources it reads'));
    return;
  }
  if (typeof resource !== 'string' || resource === '') return;
  const hugePages = resource.startsWith('requests.hugepages-') || resource.startsWith('limits.hugepages-');
  if (!hugePages && !RESOURCE_FIELD_PATHS.includes(resource)) {
    error(joinPath(path, 'resource'), jobRejection(`resourceFieldRef resource ${quote(resource)} is not a container resource Kubernetes exposes`, 'Unsupported value', `use one of ${RESOURCE_FIELD_PATHS.join(', ')}, or requests.hugepages-<size>`));
    return;
  }
  const divisor = field(ref, 'divisor');
  if (typeof divisor !== 'string' && typeof divisor !== 'number') return;
  const canonical = canonicalQuantity(divisor);
  if (canonical === undefined || canonical === '0') return;
  const allowed = resource.endsWith('.cpu') ? CPU_DIVISORS : BYTE_DIVISORS;
  if (!allowed.includes(canonical)) {
    error(joinPath(path, 'divisor'), jobRejection(`divisor ${quote(divisor)} is not supported for ${resource}`, `only divisor's values ${allowed.join(', ')} are supported`, `use one of ${allowed.join(', ')}`));
  }
}
