import { ErrorSink, jobRejection } from './api-server';
import { labelValueMessage, qualifiedNameMessage } from './names';
import { isMap, isUnset, joinPath } from '../model/problem';
import { quote } from '../private/quote';

/**
 * The rules Kubernetes' `ValidateTolerations` applies to a toleration beyond its enums (which
 * go-decode checks): a key that is a label key, no empty key unless the operator is Exists, a
 * label value with Equal and none with Exists, and `tolerationSeconds` only with effect NoExecute.
 *
 * @param toleration the toleration, as Go decodes it
 * @param path where it is, e.g. `spec.tolerations[0]`
 */
export function checkToleration(toleration: unknown, path: string, error: ErrorSink): void {
  if (!isMap(toleration)) return;
  const { key, operator, value, effect, tolerationSeconds } = toleration;
  if (typeof key === 'string' && key !== '') {
    const m = qualifiedNameMessage(key, 'toleration key');
    if (m) error(joinPath(path, 'key'), jobRejection(m, 'name part must consist of alphanumeric characters', 'use the key of the taint to tolerate'));
  } else if (operator !== 'Exists') {
    error(joinPath(path, 'operator'), jobRejection(`a toleration without key has operator ${quote(operator ?? 'Equal')}`,
      'operator must be Exists when `key` is empty, which means "match all values and all keys"', 'set the key of the taint, or operator: Exists to tolerate every taint'));
  }
  // An effect outside the enum is reported with the enums (go-decode.ts), once.
  const otherEffect = isUnset(effect) || effect === 'NoSchedule' || effect === 'PreferNoSchedule';
  if (tolerationSeconds !== undefined && tolerationSeconds !== null && otherEffect) {
    error(joinPath(path, 'effect'), jobRejection(`a toleration with tolerationSeconds has effect ${quote(effect ?? '')}`, "effect must be 'NoExecute' when `tolerationSeconds` is set", 'set effect: NoExecute, or remove tolerationSeconds'));
  }
  if (operator === 'Exists' && typeof value === 'string' && value !== '') {
    error(joinPath(path, 'value'), jobRejection(`a toleration with operator Exists has value ${quote(value)}`, "value must be empty when `operator` is 'Exists'", 'remove the value, or use operator Equal'));
  } else if ((isUnset(operator) || operator === 'Equal') && typeof value === 'string') {
    const m = labelValueMessage(value, 'toleration value');
    if (m) error(joinPath(path, 'value'), jobRejection(m, 'a valid label must be an empty string or consist of alphanumeric characters', 'use the value of the taint to tolerate'));
  }
}
