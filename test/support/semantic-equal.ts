import * as YAML from 'yaml';

/**
 * The first difference between two YAML documents as Kubernetes reads them, or `undefined` when
 * they are semantically equal: map key order ignored, list order kept, a map entry whose value
 * is null (or undefined) counted as absent, every other value identical (a number stays a number,
 * a string a string).
 */
export function semanticDifference(actual: unknown, expected: unknown, path = ''): string | undefined {
  const show = (v: unknown) => (v === undefined ? 'absent' : JSON.stringify(v)?.slice(0, 120) ?? String(v));
  if (Array.isArray(actual) || Array.isArray(expected)) {
    if (!Array.isArray(actual) || !Array.isArray(expected)) return `${path || '/'}: ${show(actual)} != ${show(expected)}`;
    if (actual.length !== expected.length) return `${path}: ${actual.length} items != ${expected.length} items`;
    for (let i = 0; i < actual.length; i++) {
      const d = semanticDifference(nullish(actual[i]), nullish(expected[i]), `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (isMap(actual) && isMap(expected)) {
    const keys = new Set([...presentKeys(actual), ...presentKeys(expected)]);
    for (const key of [...keys].sort()) {
      const d = semanticDifference(present(actual, key), present(expected, key), `${path}.${key}`);
      if (d) return d;
    }
    return undefined;
  }
  if (Object.is(actual, expected) || (actual === 0 && expected === 0)) return undefined;
  return `${path || '/'}: ${show(actual)} != ${show(expected)}`;
}

/** Parses YAML text (all documents) as YAML 1.2, the way the fixtures are read. */
export function parseYaml12(text: string): unknown[] {
  return YAML.parseAllDocuments(text).map(d => d.toJS({ maxAliasCount: -1 }));
}

/** Parses YAML text (all documents) as YAML 1.1, the way Go's yaml libraries read it (`yes` is true). */
export function parseYaml11(text: string): unknown[] {
  return YAML.parseAllDocuments(text, { version: '1.1' }).map(d => d.toJS({ maxAliasCount: -1 }));
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function presentKeys(map: Record<string, unknown>): string[] {
  return Object.keys(map).filter(k => map[k] !== null && map[k] !== undefined);
}

function present(map: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(map, key) && map[key] !== null ? map[key] : undefined;
}

function nullish(v: unknown): unknown {
  return v === undefined ? null : v;
}
