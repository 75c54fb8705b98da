import { objectMeta, promiseNameLabels } from './labels';
import { KubeObject } from './types';

const RESOLVE_MAP = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL', '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF',
  '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '<<',
]);
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ ]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]*)?(?:[ ]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?$/;
const GO_INT = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$/;

/** True when yaml.v2 (YAML 1.1) would read the plain scalar `s` as something other than a string. */
function resolvesToNonString(s: string): boolean {
  if (RESOLVE_MAP.has(s)) return true;
  const c = s[0];
  if (c === '.') return /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/.test(s);
  if (c === '+' || c === '-' || (c >= '0' && c <= '9')) {
    if (TIMESTAMP.test(s)) return true;
    const plain = s.replace(/_/g, '');
    if (GO_INT.test(plain) || YAML_STYLE_FLOAT.test(plain)) return true;
    if (/^[-]?0[bB][01]+$/.test(plain)) return true;
    return BASE60_FLOAT.test(s);
  }
  return false;
}

/** Whether libyaml's scalar analysis allows the plain style in a block mapping. */
function plainAllowed(s: string): boolean {
  if (s === '' || /^\s|\s$/.test(s) || /[\x00-\x1f\x7f\u0085\u2028\u2029\ufeff]/.test(s)) return false;
  const first = s[0];
  if ('#,[]{}&*!|>\'"%@`'.includes(first)) return false;
  if ('?:-'.includes(first) && (s.length === 1 || /\s/.test(s[1]))) return false;
  return !/: |:$| #/.test(s);
}

/** A string scalar as yaml.v2 writes it: plain, or quoted where YAML 1.1 would misread it. */
export function yamlV2String(s: string): string {
  if (resolvesToNonString(s) || s.includes('\n') || /[\x00-\x08\x0b-\x1f\x7f]/.test(s)) return JSON.stringify(s);
  if (plainAllowed(s)) return s;
  return `'${s.replace(/'/g, "''")}'`;
}

const isLetter = (c: string) => /\p{L}/u.test(c);
const isDigit = (c: string) => /\p{Nd}/u.test(c);

/**
 * yaml.v2's map key order (`keyList.Less`): letters sort after non-letters at the first
 * difference, and runs of digits compare as numbers (`zone9` before `zone10`).
 */
export function yamlV2KeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + (ar[ai].codePointAt(0)! - 48);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + (br[bi].codePointAt(0)! - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
  }
  return ar.length < br.length;
}

/**
 * The `destinationSelectors` data of the scheduling ConfigMap: gopkg.in/yaml.v2 `Marshal` of
 * `[{MatchLabels, Source: "promise"}]`, with the struct's lower-cased field names as keys
 * (`matchlabels`, `source`), yaml.v2 key order and quoting, `{}` for an empty selector and `[]`
 * for none.
 *
 * Strings that are valid label keys and values are written exactly as yaml.v2 does; other
 * strings follow yaml.v2's style choice (plain, single- or double-quoted) approximately.
 *
 * @param selectors each `spec.destinationSelectors[].matchLabels` (undefined when absent)
 */
export function destinationSelectorsYaml(selectors: ReadonlyArray<Record<string, string> | undefined>): string {
  if (selectors.length === 0) return '[]\n';
  let out = '';
  for (const labels of selectors) {
    const keys = labels ? Object.keys(labels) : [];
    if (keys.length === 0) {
      out += '- matchlabels: {}\n';
    } else {
      out += '- matchlabels:\n';
      keys.sort((x, y) => (yamlV2KeyLess(x, y) ? -1 : yamlV2KeyLess(y, x) ? 1 : 0));
      for (const key of keys) out += `    ${yamlV2String(key)}: ${yamlV2String(labels![key])}\n`;
    }
    out += '  source: promise\n';
  }
  return out;
}

/** The name of the scheduling ConfigMap of a Promise (promise and resource workflows). */
export function destinationSelectorsConfigMapName(promiseName: string): string {
  return `destination-selectors-${promiseName}`;
}

/**
 * The ConfigMap `destination-selectors-<promise>` that configure pipelines mount as
 * `promise-scheduling`, shared by every pipeline and workflow of the Promise that runs in `namespace`.
 */
export function destinationSelectorsConfigMap(
  promiseName: string, namespace: string, selectors: ReadonlyArray<Record<string, string> | undefined>,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: objectMeta(destinationSelectorsConfigMapName(promiseName), namespace, promiseNameLabels(promiseName)),
    data: { destinationSelectors: destinationSelectorsYaml(selectors) },
  };
}
