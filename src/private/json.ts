/**
 * Helpers to build Kubernetes JSON the way Go's omitempty writes it: a field that was not
 * given is absent, while a field given as `[]` or `{}` is kept, so that import and synthesis
 * keep absent, empty and present apart.
 */

/** A copy of `obj` without the keys whose value is `undefined`. */
export function compact<T extends Record<string, any>>(obj: T): T {
  const out: Record<string, any> = {};
  for (const key in obj) {
    if (obj[key] !== undefined) out[key] = obj[key];
  }
  return out as T;
}

/** How deeply plain data may nest: far more than any Kubernetes object needs, well within the stack of the code that reads it. */
export const MAX_NESTING_DEPTH = 1000;

/**
 * Where `value` nests maps and lists more than `limit` levels deep (its path, first keys only), or
 * undefined. Iterative, so that it never overflows the stack itself; shared objects are visited once.
 */
export function tooDeepAt(value: unknown, limit = MAX_NESTING_DEPTH): string | undefined {
  // Fast path, a plain recursive walk (at most `limit` frames deep): almost all data is shallow.
  // Only when it finds too deep a value, or visits so many nodes that the data may be a DAG of
  // shared objects, does the walk below (iterative, each object once, with the path) run.
  visitBudget = FAST_VISIT_BUDGET;
  try {
    if (!nestsDeeper(value, 0, limit)) return undefined;
  } catch (e) {
    if (e !== BUDGET_SPENT) throw e;
  }
  return tooDeepAtSlow(value, limit);
}

const FAST_VISIT_BUDGET = 1_000_000;
const BUDGET_SPENT = new Error('visit budget spent');
let visitBudget = 0;

function nestsDeeper(value: unknown, depth: number, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (depth >= limit) return true;
  if (--visitBudget < 0) throw BUDGET_SPENT;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (nestsDeeper(value[i], depth + 1, limit)) return true;
  } else {
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) if (nestsDeeper((value as any)[keys[i]], depth + 1, limit)) return true;
  }
  return false;
}

function tooDeepAtSlow(value: unknown, limit: number): string | undefined {
  type Node = { value: unknown; depth: number; key?: string; parent?: Node };
  const stack: Node[] = [{ value, depth: 0 }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node.value !== 'object' || node.value === null || seen.has(node.value)) continue;
    if (node.depth >= limit) {
      const keys: string[] = [];
      for (let n: Node | undefined = node; n?.key !== undefined; n = n.parent) keys.unshift(n.key);
      return `${keys.slice(0, 12).join('').replace(/^\./, '')}...`;
    }
    seen.add(node.value);
    const array = Array.isArray(node.value);
    for (const [key, child] of Object.entries(node.value)) {
      stack.push({ value: child, depth: node.depth + 1, key: array ? `[${key}]` : `.${key}`, parent: node });
    }
  }
  return undefined;
}

/** A deep copy of plain JSON data, so that callers never share mutable state with a construct. */
export function cloneJson<T>(value: T): T {
  if (value === undefined) return value;
  // One recursive pass that copies and checks the depth, several times faster than
  // JSON.parse(JSON.stringify()) on the small objects constructs copy (see bench/).
  const copy = copyJson(value, 0);
  if (copy === TOO_DEEP) {
    throw new Error(`a value nested more than ${MAX_NESTING_DEPTH} levels deep (at ${tooDeepAt(value) ?? 'a shared or circular object'}): cdk8s-kratix takes at most ${MAX_NESTING_DEPTH} levels of maps and lists; flatten it`);
  }
  return copy;
}

const TOO_DEEP: any = Symbol('too deep');

/**
 * What `JSON.parse(JSON.stringify(value))` gives (toJSON honoured; undefined, functions and
 * symbols left out of maps and null in lists; non-finite numbers null), or TOO_DEEP.
 */
function copyJson(value: any, depth: number): any {
  if (typeof value !== 'object' || value === null) {
    if (typeof value === 'number') return Number.isFinite(value) ? value : null;
    if (typeof value === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
    return value;
  }
  if (typeof value.toJSON === 'function') return copyJson(value.toJSON(), depth);
  if (value instanceof Number || value instanceof String || value instanceof Boolean) return value.valueOf();
  if (depth >= MAX_NESTING_DEPTH) return TOO_DEEP;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      const t = typeof item;
      const copy = t === 'undefined' || t === 'function' || t === 'symbol' ? null : copyJson(item, depth + 1);
      if (copy === TOO_DEEP) return TOO_DEEP;
      out[i] = copy;
    }
    return out;
  }
  const out: Record<string, any> = {};
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const item = value[key];
    const t = typeof item;
    if (t === 'undefined' || t === 'function' || t === 'symbol') continue;
    const copy = copyJson(item, depth + 1);
    if (copy === TOO_DEEP) return TOO_DEEP;
    if (key === '__proto__') Object.defineProperty(out, key, { value: copy, enumerable: true, writable: true, configurable: true });
    else out[key] = copy;
  }
  return out;
}

/**
 * Sets `value` at `path` (dot-separated keys) in `target`, creating maps on the way;
 * `undefined` deletes the key.
 */
export function setPath(target: any, path: string, value: any): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const child = node[key];
    // Each map on the way is copied, not changed: it may be shared with a construct's own state.
    node[key] = typeof child === 'object' && child !== null && !Array.isArray(child) ? { ...child } : {};
    node = node[key];
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = cloneJson(value);
}

/** What `sanitizedCopy` returns for data that is not plain JSON. */
export const NOT_PLAIN: unique symbol = Symbol('not plain');

/**
 * What cdk8s' `resolve` and then `sanitizeValue` make of plain JSON data under an app's default
 * resolvers, in one pass: a copy whose map keys are sorted (when `sortKeys`), without map entries
 * whose value is null or undefined, and with null list items undefined. NOT_PLAIN when the data
 * holds anything else (a Lazy, a class instance, a function, a key `constructor` or `__proto__`),
 * which only cdk8s itself resolves.
 */
export function sanitizedCopy(value: any, sortKeys: boolean): any {
  if (typeof value !== 'object' || value === null) {
    const t = typeof value;
    return t === 'string' || t === 'number' || t === 'boolean' || value == null ? value ?? undefined : NOT_PLAIN;
  }
  if (Array.isArray(value)) {
    // Pushed, not preallocated: `new Array(n)` makes a holey array, slower to read for the YAML writer.
    const out = [];
    for (let i = 0; i < value.length; i++) {
      const copy = sanitizedCopy(value[i], sortKeys);
      if (copy === NOT_PLAIN) return NOT_PLAIN;
      out.push(copy);
    }
    return out;
  }
  // Exactly what cdk8s' resolve takes for a map; anything else it hands to its resolvers.
  if (value.constructor !== Object) return NOT_PLAIN;
  const keys = Object.keys(value);
  if (sortKeys) sortStrings(keys);
  const out: Record<string, any> = {};
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key === '__proto__') return NOT_PLAIN;
    const copy = sanitizedCopy(value[key], sortKeys);
    if (copy === NOT_PLAIN) return NOT_PLAIN;
    if (copy !== undefined) out[key] = copy;
  }
  return out;
}

/**
 * Sorts `keys` in place as `Array.prototype.sort()` would (UTF-16 code unit order). A map's keys
 * are few and often in order already: an insertion sort needs no scratch array, unlike V8's sort.
 */
function sortStrings(keys: string[]): void {
  if (keys.length > 32) {
    keys.sort();
    return;
  }
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > key) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = key;
  }
}
