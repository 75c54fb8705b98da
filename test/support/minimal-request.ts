import * as path from 'path';
import type { OpenApiSchema } from '../../src/schema';

/*
 * A minimal value of a CRD schema, for tests of generated request classes: the required fields
 * only, each the smallest value its schema takes (the default or example when it has one, else the
 * first enum value, the minimum, a string that matches the pattern), and the same value in the
 * shape of the json2jsii structs that `cdk8s-kratix api` generates (camelCase names, union classes).
 */

/** Why a schema node has no value this function can derive. */
export class NoMinimalValue extends Error {}

const isMap = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);
const copy = (v: unknown): any => JSON.parse(JSON.stringify(v));

/** Strings tried, in order, against a pattern, after the schema's example. */
const CANDIDATES = ['a', 'example', 'a1', '1', 'a-1', 'a.b', 'a_b', 'A', '1Gi', '100m', '1s', '1m', 'http://a.b', 'a@b.c', '0.0.0.0', '10.0.0.0/8', 'a/b', 'a:1', '*', ''];

/**
 * The minimal JSON value of `schema` at `at` (a path, for the reason when there is none).
 *
 * @throws NoMinimalValue when the schema asks for more than this function derives
 */
export function minimalValue(schema: OpenApiSchema | undefined, at = ''): unknown {
  if (!isMap(schema)) return {};
  if (schema.default !== undefined && schema.default !== null) return copy(schema.default);
  const example = schema.example ?? (Array.isArray(schema.examples) ? schema.examples[0] : undefined);
  if (example !== undefined && example !== null && !isMap(schema.properties)) return copy(example);
  if (Array.isArray(schema.enum)) {
    const value = schema.enum.find((v: unknown) => v !== null);
    if (value === undefined) throw new NoMinimalValue(`${at}: an enum of null only`);
    return copy(value);
  }
  const type = schema['x-kubernetes-int-or-string'] === true ? 'integer' : schema.type ?? (isMap(schema.properties) || isMap(schema.additionalProperties) ? 'object' : undefined);
  switch (type) {
    case 'object': return minimalObject(schema, at);
    case 'array': {
      const n = typeof schema.minItems === 'number' ? schema.minItems : 0;
      if (n > 1 && schema.uniqueItems === true) throw new NoMinimalValue(`${at}: ${n} unique items`);
      return Array.from({ length: n }, (_, i) => minimalValue(schema.items, `${at}[${i}]`));
    }
    case 'integer':
    case 'number': return minimalNumber(schema, type === 'integer');
    case 'boolean': return false;
    case 'string': return minimalString(schema, at);
    default:
      if (schema['x-kubernetes-preserve-unknown-fields'] === true) return {};
      throw new NoMinimalValue(`${at}: no type, enum, default or example`);
  }
}

function minimalObject(schema: OpenApiSchema, at: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const properties = isMap(schema.properties) ? schema.properties : {};
  const required: string[] = Array.isArray(schema.required) ? schema.required : [];
  for (const key of required) out[key] = minimalValue(properties[key] ?? schema.additionalProperties, join(at, key));
  const min = typeof schema.minProperties === 'number' ? schema.minProperties : 0;
  const optional = Object.keys(properties).filter(k => !(k in out));
  for (let i = 0; Object.keys(out).length < min; i++) {
    if (i < optional.length) out[optional[i]] = minimalValue(properties[optional[i]], join(at, optional[i]));
    else if (isMap(schema.additionalProperties) || schema.additionalProperties === true || schema['x-kubernetes-preserve-unknown-fields'] === true) out[`key${i}`] = minimalValue(isMap(schema.additionalProperties) ? schema.additionalProperties : { type: 'string' }, join(at, `key${i}`));
    else throw new NoMinimalValue(`${at}: minProperties ${min} with fewer properties`);
  }
  return out;
}

function minimalNumber(schema: OpenApiSchema, integer: boolean): number {
  let low = typeof schema.minimum === 'number' ? schema.minimum + (schema.exclusiveMinimum === true ? (integer ? 1 : 0.5) : 0) : 1;
  if (typeof schema.maximum === 'number' && low > schema.maximum) low = schema.maximum;
  if (integer) low = Math.ceil(low);
  const step = typeof schema.multipleOf === 'number' ? schema.multipleOf : 0;
  return step > 0 ? Math.ceil(low / step) * step : low;
}

function minimalString(schema: OpenApiSchema, at: string): string {
  const min = typeof schema.minLength === 'number' ? schema.minLength : 1;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  const fits = (s: string) => s.length >= min && s.length <= max;
  if (schema.format === 'date-time') return '2024-01-01T00:00:00.000Z';
  if (typeof schema.pattern !== 'string') return 'a'.repeat(Math.max(min, 1));
  const pattern = new RegExp(schema.pattern);
  const found = [...CANDIDATES, 'a'.repeat(min)].find(s => fits(s) && pattern.test(s));
  if (found === undefined) throw new NoMinimalValue(`${at}: no example and none of the usual strings matches the pattern ${JSON.stringify(schema.pattern)}`);
  return found;
}

function join(at: string, key: string): string {
  return at === '' ? key : `${at}.${key}`;
}

// json2jsii's own camelCase, so that the names are the ones it generated.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const camelCase: (s: string) => string = require(require.resolve('camelcase', { paths: [path.dirname(require.resolve('json2jsii'))] }));
const PROHIBITED_MEMBER_NAMES = ['build', 'equals', 'hashcode'];

/** A JSON property's name in a json2jsii struct (json2jsii's `emitProperty`). */
function structName(name: string): string {
  const camel = camelCase(name.replace(/^\$/, '').replace(/\//, '_'));
  return PROHIBITED_MEMBER_NAMES.includes(camel.toLowerCase()) ? `${camel}_` : camel;
}

const UNION_TYPES = ['string', 'number', 'integer', 'boolean'];

/**
 * `value` (JSON of `schema`) as the props of a generated request class take it: struct fields
 * camelCase, a union (`x-kubernetes-int-or-string`, anyOf/oneOf of scalars) as its class's `value`,
 * a `date-time` string as a Date.
 */
export function asStruct(value: unknown, schema: OpenApiSchema | undefined): unknown {
  if (!isMap(schema) || value === null || value === undefined) return value;
  const intOrString = schema['x-kubernetes-int-or-string'] === true ? [{ type: 'integer' }, { type: 'string' }] : undefined;
  const options = schema.anyOf ?? schema.oneOf ?? intOrString;
  if (Array.isArray(options) && options.every((o: any) => UNION_TYPES.includes(o?.type))) return { value };
  if (schema.format === 'date-time' && typeof value === 'string') return new Date(value);
  if (Array.isArray(value)) return value.map(v => asStruct(v, schema.items));
  if (!isMap(value)) return value;
  if (isMap(schema.properties)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [structName(k), asStruct(v, schema.properties[k])]));
  }
  if (isMap(schema.additionalProperties)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asStruct(v, schema.additionalProperties)]));
  }
  return value;
}
