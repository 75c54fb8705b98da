import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { applyDefaults, OpenApiSchema, storageVersion } from '../../src/schema';
import { params } from '../properties/arbitraries';

// applyDefaults compiles each schema into closures and generated code (for speed, bench/requests.ts);
// this checks it against Kubernetes' two passes written as apiextensions-apiserver runs them, on a
// deep copy: PruneNonNullableNullsWithoutDefaults (pkg/apiserver/schema/defaulting/prunenulls.go),
// then Default (.../defaulting/algorithm.go).

const isMap = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);
const copy = (v: unknown): any => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

/** The schema of a map's field `key`: its property, else `additionalProperties` when that is a schema. */
function fieldSchema(s: OpenApiSchema | undefined, key: string): OpenApiSchema | undefined {
  if (!isMap(s)) return undefined;
  if (isMap(s.properties) && isMap(s.properties[key])) return s.properties[key];
  return isMap(s.additionalProperties) ? s.additionalProperties : undefined;
}

const nonNullableNull = (v: unknown, s: OpenApiSchema | undefined): boolean => v === null && isMap(s) && s.nullable !== true;

function pruneNonNullableNullsWithoutDefaults(x: any, s: OpenApiSchema | undefined): void {
  if (!isMap(s)) return;
  if (Array.isArray(x)) {
    for (const item of x) pruneNonNullableNullsWithoutDefaults(item, s.items);
  } else if (isMap(x)) {
    for (const key of Object.keys(x)) {
      const child = fieldSchema(s, key);
      if (!child) continue;
      if (nonNullableNull(x[key], child) && child.default === undefined) delete x[key];
      else pruneNonNullableNullsWithoutDefaults(x[key], child);
    }
  }
}

function defaultInPlace(x: any, s: OpenApiSchema | undefined): void {
  if (!isMap(s)) return;
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) {
      if (nonNullableNull(x[i], s.items) && s.items.default !== undefined) x[i] = copy(s.items.default);
      defaultInPlace(x[i], s.items);
    }
  } else if (isMap(x)) {
    for (const [key, prop] of Object.entries(isMap(s.properties) ? s.properties : {})) {
      if (!isMap(prop) || prop.default === undefined) continue;
      if (!Object.prototype.hasOwnProperty.call(x, key) || nonNullableNull(x[key], prop)) x[key] = copy(prop.default);
    }
    for (const key of Object.keys(x)) {
      const child = fieldSchema(s, key);
      if (!child) continue;
      if (nonNullableNull(x[key], child) && child.default !== undefined) x[key] = copy(child.default);
      defaultInPlace(x[key], child);
    }
  }
}

function kubernetesDefaults(value: unknown, schema: OpenApiSchema): unknown {
  const x = copy(value);
  pruneNonNullableNullsWithoutDefaults(x, schema);
  defaultInPlace(x, schema);
  return x;
}

/** Values shaped by a schema: its fields present or not, null, the wrong type, unknown fields. */
function valueOf(s: OpenApiSchema | undefined, depth: number): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(fc.constant(null), fc.string({ maxLength: 3 }), fc.integer({ min: -2, max: 2 }), fc.boolean());
  if (!isMap(s) || depth > 5) return leaf;
  // Children are built when drawn: a large schema's whole tree of arbitraries would be huge.
  const child = (schema: OpenApiSchema | undefined) => fc.constant(null).chain(() => valueOf(schema, depth + 1));
  const options: Array<fc.Arbitrary<unknown>> = [leaf];
  if (s.default !== undefined) options.push(fc.constant(copy(s.default)));
  if (isMap(s.items)) options.push(fc.array(child(s.items), { maxLength: 3 }));
  const properties = isMap(s.properties) ? s.properties : {};
  const keys = Object.keys(properties);
  if (keys.length > 0 || isMap(s.additionalProperties)) {
    const known = fc.subarray(keys, { maxLength: Math.min(8, keys.length) }).chain(some =>
      fc.record(Object.fromEntries(some.map(k => [k, child(properties[k])]))));
    const extra = fc.dictionary(fc.constantFrom('x', 'y', 'z'), child(s.additionalProperties), { maxKeys: 2 });
    options.push(fc.tuple(known, extra).map(([a, b]) => ({ ...b, ...a })), known, known);
  }
  return fc.oneof(...options);
}

const FIXTURES = path.join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'promises');
const fixtureSchemas = fs.readdirSync(FIXTURES).filter(f => f.endsWith('.yaml')).sort().flatMap(file =>
  parseAllDocuments(fs.readFileSync(path.join(FIXTURES, file), 'utf8')).map(d => d.toJS())
    .filter((d: any) => d?.kind === 'Promise' && d.spec?.api)
    .map((d: any) => ({ name: file, schema: storageVersion(d.spec.api)?.schema }))
    .filter((f): f is { name: string; schema: OpenApiSchema } => f.schema !== undefined));

const obj = (properties: any, extra: any = {}) => ({ type: 'object', properties, ...extra });
/** Defaults in every place Kubernetes applies them, nested, with nulls inside defaults. */
const tricky: OpenApiSchema = obj({
  spec: obj({
    a: obj({ b: { type: 'string', default: 'b' }, c: { type: 'integer', nullable: true, default: 1 } }, { default: { c: null, d: null } }),
    list: { type: 'array', items: obj({ e: { type: 'string', default: 'e' } }, { default: { f: null } }), default: [null, {}] },
    map: { type: 'object', additionalProperties: obj({ g: { type: 'boolean', default: false } }, { default: {} }) },
    plain: { type: 'array', items: { type: 'string' } },
    n: { type: 'string', nullable: true },
    s: { type: 'string' },
    constructor: { type: 'string', default: 'c' },
  }, { default: {} }),
});

describe('applyDefaults equals Kubernetes\' two passes', () => {
  test('on a schema with defaults nested in defaults, list items and map values, and nulls inside defaults', () => {
    fc.assert(fc.property(valueOf(tricky, 0), value => {
      expect(applyDefaults(value, tricky)).toEqual(kubernetesDefaults(value, tricky));
    }), params(2000));
  });

  test(`on the API schema of every fixture Promise (${fixtureSchemas.length})`, () => {
    expect(fixtureSchemas.length).toBeGreaterThan(20);
    for (const { name, schema } of fixtureSchemas) {
      fc.assert(fc.property(valueOf(schema, 0), value => {
        expect({ name, defaulted: applyDefaults(value, schema) }).toEqual({ name, defaulted: kubernetesDefaults(value, schema) });
      }), params(40));
    }
  });

  test('the input is not changed and shares nothing with the result', () => {
    fc.assert(fc.property(valueOf(tricky, 0), value => {
      const before = copy(value);
      const out: any = applyDefaults(value, tricky);
      expect(value).toEqual(before);
      if (isMap(out) && isMap(value)) expect(out).not.toBe(value);
    }), params(500));
  });
});
