/**
 * Compares a rendering with a conformance case's expected.yaml by the rules of
 * ../shared/conformance/render/README.md: objects matched by apiVersion, kind, namespace and name
 * (a Job name `<prefix>-RANDOM` matches `<prefix>-` + 5 characters of [a-z0-9]); map key order and
 * document order ignored; `value: ""`, `readOnly: false` and null treated as absent; every list
 * compared in order.
 */

const RANDOM_SUFFIX = '-RANDOM';

/** Removes what the comparison rules treat as absent: null, `value: ""` and `readOnly: false`. */
export function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    if (k === 'value' && v === '') continue;
    if (k === 'readOnly' && v === false) continue;
    out[k] = normalize(v);
  }
  return out;
}

function describe(obj: any): string {
  return `${obj?.apiVersion}/${obj?.kind} ${obj?.metadata?.namespace ?? ''}/${obj?.metadata?.name}`;
}

function key(obj: any): string {
  return `${obj?.apiVersion}|${obj?.kind}|${obj?.metadata?.namespace ?? ''}|${obj?.metadata?.name}`;
}

function diff(expected: unknown, actual: unknown, path: string, out: string[]): void {
  if (Array.isArray(expected) || Array.isArray(actual)) {
    if (!Array.isArray(expected) || !Array.isArray(actual)) {
      out.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
      return;
    }
    if (expected.length !== actual.length) out.push(`${path}: expected ${expected.length} items, got ${actual.length}`);
    for (let i = 0; i < Math.min(expected.length, actual.length); i++) diff(expected[i], actual[i], `${path}[${i}]`, out);
    return;
  }
  const eo = typeof expected === 'object' && expected !== null;
  const ao = typeof actual === 'object' && actual !== null;
  if (eo && ao) {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    for (const k of new Set([...Object.keys(e), ...Object.keys(a)])) {
      if (!(k in a)) out.push(`${path}.${k}: missing, expected ${JSON.stringify(e[k])}`);
      else if (!(k in e)) out.push(`${path}.${k}: unexpected ${JSON.stringify(a[k])}`);
      else diff(e[k], a[k], `${path}.${k}`, out);
    }
    return;
  }
  if (expected !== actual) out.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/**
 * Lists every difference between the expected and the rendered objects; empty when they match.
 */
export function compareRendering(expectedDocs: unknown[], actualDocs: unknown[]): string[] {
  const out: string[] = [];
  const expected = expectedDocs.filter(d => d !== null && d !== undefined).map(normalize) as any[];
  const actual = actualDocs.map(normalize) as any[];
  const unmatched = new Map<string, any>();
  for (const a of actual) {
    if (unmatched.has(key(a))) out.push(`${describe(a)}: rendered twice`);
    unmatched.set(key(a), a);
  }
  for (const e of expected) {
    const name: string = e?.metadata?.name ?? '';
    let match: any;
    if (e?.kind === 'Job' && name.endsWith(RANDOM_SUFFIX)) {
      const prefix = name.slice(0, -RANDOM_SUFFIX.length);
      for (const [k, a] of unmatched) {
        const an: string = a?.metadata?.name ?? '';
        if (a.apiVersion === e.apiVersion && a.kind === e.kind && (a.metadata?.namespace ?? '') === (e.metadata?.namespace ?? '') &&
          an.startsWith(`${prefix}-`) && /^[a-z0-9]{5}$/.test(an.slice(prefix.length + 1))) {
          match = a;
          unmatched.delete(k);
          break;
        }
      }
      if (match) match = { ...match, metadata: { ...match.metadata, name } };
    } else {
      match = unmatched.get(key(e));
      unmatched.delete(key(e));
    }
    if (!match) {
      out.push(`${describe(e)}: missing from the rendering`);
      continue;
    }
    diff(e, match, describe(e), out);
  }
  for (const a of unmatched.values()) out.push(`${describe(a)}: rendered but not expected`);
  return out;
}
