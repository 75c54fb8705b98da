/**
 * Helpers to build Kubernetes JSON the way Go's omitempty writes it: a field that was not
 * given is absent, while a field given as `[]` or `{}` is kept, so that import and synthesis
 * keep absent, empty and present apart.
 */

/** A copy of `obj` without the keys whose value is `undefined`. */
export function compact<T extends Record<string, any>>(obj: T): T {
  const out: Record<string, any> = {};
  for (const [key, value] of Object.entries(obj)) {
    if (value !== undefined) out[key] = value;
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
  const deep = tooDeepAt(value);
  if (deep !== undefined) {
    throw new Error(`a value nested more than ${MAX_NESTING_DEPTH} levels deep (at ${deep}): cdk8s-kratix takes at most ${MAX_NESTING_DEPTH} levels of maps and lists; flatten it`);
  }
  return JSON.parse(JSON.stringify(value));
}

/** `items` as given, or `undefined` when no list was given. */
export function optionalList<T, U>(items: readonly T[] | undefined, map: (item: T) => U): U[] | undefined {
  return items === undefined ? undefined : items.map(map);
}

/**
 * Sets `value` at `path` (dot-separated keys) in `target`, creating maps on the way;
 * `undefined` deletes the key.
 */
export function setPath(target: any, path: string, value: any): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null || Array.isArray(node[key])) node[key] = {};
    node = node[key];
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = cloneJson(value);
}
