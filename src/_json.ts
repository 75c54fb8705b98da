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

/** A deep copy of plain JSON data, so that callers never share mutable state with a construct. */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
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
