import type { ErrorObject, ValidateFunction } from 'ajv';
import { OpenApiSchema } from './structural-defaults';

/** One way a value breaks its schema. */
export interface SchemaViolation {
  /** Where, e.g. `spec.backup.schedule` or `spec.items[2]`. */
  readonly path: string;
  /** The schema keyword broken, e.g. `enum`, `required`, `unknown-field`. */
  readonly rule: string;
  /** What is wrong and, where it helps, how to fix it, with the bad value. */
  readonly message: string;
}

const PRESERVE = 'x-kubernetes-preserve-unknown-fields';
const INT_OR_STRING = 'x-kubernetes-int-or-string';
const EMBEDDED = 'x-kubernetes-embedded-resource';
/** The keywords of a CRD schema that validate a value; others (description, default, example, format, x-kubernetes-validations, list types) do not here. */
const VALUE_KEYWORDS = [
  'type', 'enum', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'multipleOf',
  'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'required',
] as const;

let ajv: import('ajv').default | undefined;
const compiled = new WeakMap<object, ValidateFunction>();
const compiledByText = new Map<string, ValidateFunction>();

/**
 * The ways `value` breaks the CRD schema `schema`, as the API server validates a custom resource
 * with strict field validation (kubectl's default): types, `nullable`, `required`, `enum`,
 * `pattern`, lengths, bounds, items, properties, `allOf`/`anyOf`/`oneOf`/`not`,
 * `x-kubernetes-int-or-string`, and an error for a field the schema neither defines nor preserves
 * (`x-kubernetes-preserve-unknown-fields`), which the API server would otherwise prune silently.
 * Not checked: `format`, CEL rules (`x-kubernetes-validations`), list-map key uniqueness. Patterns
 * are ECMAScript regular expressions; Kubernetes uses Go's RE2, which agrees on the usual syntax.
 *
 * ajv is loaded on first use, so that apps without requests do not pay for it.
 *
 * @param schema the `openAPIV3Schema` of the resource, from its root
 * @param value the resource (apiVersion, kind, metadata, spec)
 */
export function schemaViolations(schema: OpenApiSchema, value: unknown): SchemaViolation[] {
  const validate = compile(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).map(e => violation(e, value));
}

/**
 * The ajv validator of a CRD schema, compiled once per schema object (and per text, for schemas
 * rebuilt at each synthesis).
 */
export function compile(schema: OpenApiSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (validate) return validate;
  const text = JSON.stringify(schema);
  validate = compiledByText.get(text);
  if (!validate) {
    if (!ajv) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const Ajv = require('ajv').default as typeof import('ajv').default;
      ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, allowUnionTypes: true });
    }
    try {
      validate = ajv.compile(toJsonSchema(schema, true, true));
    } catch (e: any) {
      throw new Error(`the API's openAPIV3Schema cannot be compiled: ${e.message}`);
    }
    compiledByText.set(text, validate);
  }
  compiled.set(schema, validate);
  return validate;
}

/**
 * The JSON Schema (draft-07) that accepts what the API server accepts for a CRD schema node.
 *
 * @param strict whether an object rejects fields it does not define (false inside allOf/anyOf/oneOf/not,
 * which only restrict values)
 * @param resource whether the node is a resource (the root, or `x-kubernetes-embedded-resource`), whose
 * apiVersion, kind and metadata are always allowed
 */
function toJsonSchema(node: OpenApiSchema, strict: boolean, resource: boolean): any {
  if (typeof node !== 'object' || node === null) return {};
  const out: any = {};
  for (const keyword of VALUE_KEYWORDS) if (node[keyword] !== undefined) out[keyword] = node[keyword];
  // OpenAPI 3.0 (draft-04) exclusive bounds are booleans beside minimum/maximum.
  if (node.exclusiveMinimum === true && node.minimum !== undefined) { out.exclusiveMinimum = node.minimum; delete out.minimum; }
  if (node.exclusiveMaximum === true && node.maximum !== undefined) { out.exclusiveMaximum = node.maximum; delete out.maximum; }
  if (node[INT_OR_STRING] === true) out.type = ['integer', 'string'];
  if (node.nullable === true) {
    if (out.type !== undefined) out.type = [...[out.type].flat(), 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }
  for (const junctor of ['allOf', 'anyOf', 'oneOf'] as const) {
    if (Array.isArray(node[junctor])) out[junctor] = node[junctor].map((n: OpenApiSchema) => toJsonSchema(n, false, false));
  }
  if (typeof node.not === 'object' && node.not !== null) out.not = toJsonSchema(node.not, false, false);
  if (typeof node.items === 'object' && node.items !== null) out.items = toJsonSchema(node.items, strict, node.items[EMBEDDED] === true);

  const properties: Record<string, any> | undefined = typeof node.properties === 'object' && node.properties !== null ? node.properties : undefined;
  if (properties) {
    out.properties = {};
    for (const [key, child] of Object.entries(properties)) {
      // The API server checks a resource's metadata itself (ObjectMeta), not with the CRD's schema.
      out.properties[key] = resource && key === 'metadata' ? {} : toJsonSchema(child, strict, child?.[EMBEDDED] === true);
    }
  }
  if (typeof node.additionalProperties === 'object' && node.additionalProperties !== null) {
    out.additionalProperties = toJsonSchema(node.additionalProperties, strict, node.additionalProperties[EMBEDDED] === true);
  } else if (node.additionalProperties === false || (strict && isObjectNode(node) && node.additionalProperties !== true && node[PRESERVE] !== true)) {
    out.additionalProperties = false;
    if (resource) {
      out.properties ??= {};
      for (const key of ['apiVersion', 'kind', 'metadata']) out.properties[key] ??= {};
    }
  }
  return out;
}

function isObjectNode(node: OpenApiSchema): boolean {
  return node.type === 'object' || node.properties !== undefined;
}

function violation(error: ErrorObject, root: unknown): SchemaViolation {
  const segments = error.instancePath.split('/').slice(1).map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const parentPath = pathOf(segments, root);
  const value = valueAt(segments, root);
  const p = error.params as any;
  switch (error.keyword) {
    case 'required':
      return { path: join(parentPath, p.missingProperty), rule: 'required', message: 'required field is missing: set it' };
    case 'additionalProperties': {
      const field = p.additionalProperty;
      return {
        path: join(parentPath, field),
        rule: 'unknown-field',
        message: `unknown field (the schema neither defines it nor preserves unknown fields; the API server would drop it): remove it or correct its name; got ${show((value as any)?.[field])}`,
      };
    }
    case 'enum':
      return { path: parentPath, rule: 'enum', message: `must be one of ${p.allowedValues.map(show).join(', ')}; got ${show(value)}` };
    case 'type':
      return { path: parentPath, rule: 'type', message: `must be ${[p.type].flat().join(' or ')}; got ${show(value)}` };
    default:
      return { path: parentPath, rule: error.keyword, message: `${error.message}; got ${show(value)}` };
  }
}

function pathOf(segments: string[], root: unknown): string {
  let path = '';
  let node: any = root;
  for (const s of segments) {
    path = Array.isArray(node) ? `${path}[${s}]` : join(path, s);
    node = node?.[s];
  }
  return path;
}

function valueAt(segments: string[], root: unknown): unknown {
  let node: any = root;
  for (const s of segments) node = node?.[s];
  return node;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function show(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
