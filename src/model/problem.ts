/** How bad a problem is: an `error` makes Kratix (or Kubernetes) reject the Promise; a `warning` does not. */
export type Severity = 'error' | 'warning';

/** One thing wrong with a Promise or a Pipeline. */
export interface Problem {
  /** Where, as a path such as `spec.containers[1].name`, relative to the validated object (`''` for the object itself). */
  readonly path: string;
  /** What is wrong, with the bad value and how to fix it; never includes the path. */
  readonly message: string;
  /** Whether Kratix would reject it (`error`) or merely ignore or drop it (`warning`). */
  readonly severity: Severity;
}

/** The problems of `all` that are errors. */
export function errorsOf(all: readonly Problem[]): Problem[] {
  return all.filter((p) => p.severity === 'error');
}

/**
 * Appends a key or a list index to a path: `spec` + `containers` = `spec.containers`,
 * `spec.containers` + 1 = `spec.containers[1]`, `metadata.labels` + `app.kubernetes.io/name` =
 * `metadata.labels["app.kubernetes.io/name"]`.
 */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (/^[A-Za-z_][\w-]*$/.test(key)) return base === '' ? key : `${base}.${key}`;
  return `${base}[${JSON.stringify(key)}]`;
}

/** Prefixes every problem's path with `prefix`. */
export function prefixProblems(prefix: string, problems: readonly Problem[]): Problem[] {
  return problems.map((p) => ({ ...p, path: p.path === '' ? prefix : p.path.startsWith('[') ? `${prefix}${p.path}` : prefix === '' ? p.path : `${prefix}.${p.path}` }));
}

/** Whether a field is unset as the API server sees it: absent, null or the empty string. */
export function isUnset(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** A plain object (a YAML map), not an array, not null. */
export function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The own property `key` of `value` if it is a map, without ever reaching the prototype. */
export function field(value: unknown, key: string): unknown {
  return isMap(value) && Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
}

/** `field(value, key)` if it is a string, else `undefined`. */
export function stringField(value: unknown, key: string): string | undefined {
  const v = field(value, key);
  return typeof v === 'string' ? v : undefined;
}

/** `field(value, key)` if it is an array, else `[]`. */
export function listField(value: unknown, key: string): readonly unknown[] {
  const v = field(value, key);
  return Array.isArray(v) ? v : [];
}

/** What kind of YAML value `value` is, for messages: `a string`, `a number`, `a boolean`, `a list`, `a map`, `null`. */
export function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'boolean') return 'a boolean';
  if (typeof value === 'number' || typeof value === 'bigint') return 'a number';
  if (typeof value === 'string') return 'a string';
  return `a ${typeof value}`;
}

/** Among `candidates`, the one closest to `name` (edit distance at most 2, or equal ignoring case and '-'/'_'), if any. */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[-_]/g, '');
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    if (norm(c) === norm(name)) return c;
    if (Math.min(c.length, name.length) >= 4 && (norm(c).startsWith(norm(name)) || norm(name).startsWith(norm(c)))) return c;
    if (Math.abs(c.length - name.length) >= bestDistance) continue;
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
