/*
 * What Kratix's decoder (sigs.k8s.io/yaml: YAML to JSON, then encoding/json into Go types) makes
 * of the YAML values of a pipeline file. Parse with integers as `bigint` to tell them from floats.
 */

/** The Go/JSON name of a parsed YAML value's kind, as encoding/json's errors word it. */
export function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'bigint') return 'number';
  return typeof value;
}

/**
 * A YAML scalar aimed at a Go `string` field, converted as sigs.k8s.io/yaml does (`yes` becomes
 * `"true"`, `1.10` becomes `"1.1"`, `null` leaves the field empty); `undefined` for a list or map,
 * which Go refuses.
 */
export function goString(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string': return value;
    case 'boolean': return value ? 'true' : 'false';
    case 'bigint': return value.toString();
    case 'number': return goFloat(value);
    case 'undefined': return '';
    default: return value === null ? '' : undefined;
  }
}

/** `strconv.FormatFloat(n, 'g', -1, 64)`: shortest digits, exponent form from 1e+06 or below 1e-04. */
export function goFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [mantissa, exp] = n.toExponential().split('e');
  const e = Number(exp);
  if (e < -4 || e >= 6) return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  return String(n);
}

/** Whether `value` is a YAML map (a plain object after parsing). */
export function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The value of the map key that encoding/json assigns to field `name`: keys match
 * case-insensitively, and of several matching keys the last one wins.
 */
export function goField(map: Record<string, unknown>, name: string): { present: boolean; value: unknown } {
  const lower = name.toLowerCase();
  let found: { present: boolean; value: unknown } = { present: false, value: undefined };
  for (const [k, v] of Object.entries(map)) if (k.toLowerCase() === lower) found = { present: true, value: v };
  return found;
}
