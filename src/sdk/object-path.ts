import { PipelineFileError } from '../pipeline-files/errors';

/** One step of a path: a map key or a list index. */
export type PathSegment = string | number;

const SYNTAX = 'separate keys with dots, put list indexes in brackets and quote keys that hold dots: spec.items[0].name, metadata.labels["kratix.io/promise-name"]';

/**
 * Splits a path such as `spec.items[0].name` or `metadata.labels["kratix.io/promise-name"]` into
 * its keys and indexes. A leading `.` is allowed (`.spec.replicas`, as in the Go SDK).
 *
 * @param path the path
 * @throws PipelineFileError naming the path when it cannot be read
 */
export function parsePath(path: string): PathSegment[] {
  if (typeof path !== 'string' || path === '' || path === '.') throw new PipelineFileError(`path ${JSON.stringify(path)}`, 'the path is empty', SYNTAX);
  const segments: PathSegment[] = [];
  let i = path[0] === '.' ? 1 : 0;
  const fail = (why: string) => new PipelineFileError(`path ${JSON.stringify(path)}`, `${why} at character ${i + 1}`, SYNTAX);
  let afterSegment = false;
  while (i < path.length) {
    const c = path[i];
    if (c === '[') {
      const close = findClose(path, i);
      if (close < 0) throw fail('unclosed [');
      const inner = path.slice(i + 1, close);
      if (/^[0-9]+$/.test(inner)) segments.push(Number(inner));
      else if (/^".*"$/s.test(inner)) segments.push(parseQuoted(inner, fail));
      else if (/^'.*'$/s.test(inner)) segments.push(inner.slice(1, -1).replace(/''/g, "'"));
      else throw fail(`[${inner}] is neither a list index nor a quoted key`);
      i = close + 1;
      afterSegment = true;
    } else if (c === '.') {
      if (!afterSegment) throw fail('empty key');
      i++;
      afterSegment = false;
      if (i >= path.length || path[i] === '.') throw fail('empty key');
    } else {
      if (afterSegment) throw fail('a key must follow a dot');
      let j = i;
      while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
      segments.push(path.slice(i, j));
      i = j;
      afterSegment = true;
    }
  }
  return segments;
}

function findClose(path: string, open: number): number {
  const quote = path[open + 1];
  if (quote === '"' || quote === "'") {
    for (let j = open + 2; j < path.length; j++) {
      if (quote === '"' && path[j] === '\\') j++;
      else if (path[j] === quote && path[j + 1] === ']') return j + 1;
    }
    return -1;
  }
  return path.indexOf(']', open);
}

function parseQuoted(inner: string, fail: (why: string) => Error): string {
  try {
    return JSON.parse(inner);
  } catch {
    throw fail(`bad quoted key ${inner}`);
  }
}

/** Prints segments back as a path. */
export function formatPath(segments: readonly PathSegment[]): string {
  return segments.map((s, i) => typeof s === 'number' ? `[${s}]`
    : /^[^.[\]"']+$/.test(s) ? `${i > 0 ? '.' : ''}${s}` : `[${JSON.stringify(s)}]`).join('');
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** The value at `path` in `root`; `found` is false when a step is missing. */
export function lookupPath(root: unknown, path: string): { found: boolean; value: unknown } {
  let current: unknown = root;
  for (const seg of parsePath(path)) {
    if (typeof seg === 'number' ? !Array.isArray(current) || seg >= current.length : !isMap(current) || !own(current, seg)) {
      return { found: false, value: undefined };
    }
    current = (current as any)[seg];
  }
  return { found: true, value: current };
}

/**
 * Sets the value at `path`, creating the maps (and, for an index one past the end, list entries)
 * on the way.
 *
 * @throws PipelineFileError naming the path when a step is a value that cannot hold it
 */
export function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const segments = parsePath(path);
  let current: any = root;
  segments.forEach((seg, i) => {
    const last = i === segments.length - 1;
    const where = formatPath(segments.slice(0, i)) || 'the top level';
    if (typeof seg === 'number') {
      if (!Array.isArray(current)) throw new PipelineFileError(`path ${JSON.stringify(path)}`, `${where} is ${kind(current)}, not a list`, `index it with a key, or remove ${where} first`);
      if (seg > current.length) throw new PipelineFileError(`path ${JSON.stringify(path)}`, `index ${seg} is past the end of ${where} (length ${current.length})`, `use an index up to ${current.length}`);
    } else if (!isMap(current)) {
      throw new PipelineFileError(`path ${JSON.stringify(path)}`, `${where} is ${kind(current)}, not a map`, `remove ${where} first, or use a list index`);
    }
    if (last) {
      define(current, seg, value);
    } else {
      const next = (current as any)[seg];
      if (next === undefined || next === null || (typeof seg === 'string' && !own(current, seg))) {
        define(current, seg, typeof segments[i + 1] === 'number' ? [] : {});
      }
      current = (current as any)[seg];
    }
  });
}

/** Removes the value at `path` (a list entry is spliced out); false when there was none. */
export function removePath(root: Record<string, unknown>, path: string): boolean {
  const segments = parsePath(path);
  const parent = segments.length === 1 ? { found: true, value: root } : lookupPath(root, formatPath(segments.slice(0, -1)));
  const seg = segments[segments.length - 1];
  if (!parent.found) return false;
  const p: any = parent.value;
  if (typeof seg === 'number') {
    if (!Array.isArray(p) || seg >= p.length) return false;
    p.splice(seg, 1);
    return true;
  }
  if (!isMap(p) || !own(p, seg)) return false;
  delete p[seg];
  return true;
}

function define(target: any, key: PathSegment, value: unknown): void {
  // defineProperty, so that a key named __proto__ is a key and not the prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function kind(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  return `a ${typeof v}`;
}
