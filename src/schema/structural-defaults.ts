/**
 * What the Kubernetes API server does to a custom resource before it stores it, for the subset of
 * the CRD's `openAPIV3Schema` that changes the object: pruning of unknown fields and structural
 * defaulting (k8s.io/apiextensions-apiserver `pkg/apiserver/schema/pruning` and `.../defaulting`).
 *
 * @see https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#defaulting
 */

/** A node of a CRD's `openAPIV3Schema`, as plain JSON. */
export type OpenApiSchema = { readonly [keyword: string]: any };

import { cloneJson } from '../_json';

const PRESERVE = 'x-kubernetes-preserve-unknown-fields';
const EMBEDDED = 'x-kubernetes-embedded-resource';
/** The fields every object of an embedded resource or a resource root keeps. */
const RESOURCE_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

/** Whether `schema` or any schema below it has a `default`: otherwise defaulting changes nothing. */
export function hasDefaults(schema: OpenApiSchema | undefined): boolean {
  if (!isMap(schema)) return false;
  if (schema.default !== undefined) return true;
  for (const child of children(schema)) if (hasDefaults(child)) return true;
  return false;
}

/**
 * Applies the schema's defaults to `value` in place, as Kubernetes' structural defaulting does:
 *
 * 1. a `null` whose schema is not `nullable` and has no `default` is removed;
 * 2. a property that is missing, or `null` and not `nullable`, gets a deep copy of its `default`;
 *    so does a `null` item of an array or `null` value of a map (`additionalProperties`) whose schema has one;
 * 3. defaults apply inside a default just applied, and inside objects the value already has, but
 *    an object that is missing and has no `default` of its own is not created, so the defaults of
 *    its fields do not apply (give the object `default: {}` for them to apply);
 * 4. `allOf`/`anyOf`/`oneOf`/`not` carry no defaults (Kubernetes rejects a CRD that puts them there).
 *
 * @param value a parsed object, changed in place
 * @param schema its schema
 * @returns `value`
 */
export function applyDefaults<T>(value: T, schema: OpenApiSchema | undefined): T {
  pruneNonNullableNulls(value, schema);
  defaultNode(value, schema);
  return value;
}

function pruneNonNullableNulls(value: unknown, schema: OpenApiSchema | undefined): void {
  if (!isMap(schema)) return;
  if (Array.isArray(value)) {
    for (const item of value) pruneNonNullableNulls(item, schema.items);
  } else if (isMap(value)) {
    for (const key of Object.keys(value)) {
      const child = propertySchema(schema, key);
      if (value[key] === null && child !== undefined && child.nullable !== true && child.default === undefined) {
        delete value[key];
      } else {
        pruneNonNullableNulls(value[key], child);
      }
    }
  }
}

function defaultNode(value: unknown, schema: OpenApiSchema | undefined): void {
  if (!isMap(schema)) return;
  if (Array.isArray(value)) {
    const items = schema.items;
    if (!isMap(items)) return;
    for (let i = 0; i < value.length; i++) {
      if (value[i] === null && items.nullable !== true && items.default !== undefined) value[i] = cloneJson(items.default);
      defaultNode(value[i], items);
    }
  } else if (isMap(value)) {
    const properties = isMap(schema.properties) ? schema.properties : undefined;
    for (const key in properties) {
      const property = properties[key];
      if (!isMap(property) || property.default === undefined) continue;
      if (!(key in value) || (value[key] === null && property.nullable !== true)) value[key] = cloneJson(property.default);
    }
    const additional = isMap(schema.additionalProperties) ? schema.additionalProperties : undefined;
    for (const key of Object.keys(value)) {
      if (properties && key in properties) {
        defaultNode(value[key], properties[key]);
      } else if (additional) {
        if (value[key] === null && additional.nullable !== true && additional.default !== undefined) value[key] = cloneJson(additional.default);
        defaultNode(value[key], additional);
      }
    }
  }
}

/**
 * Removes, in place, the fields the schema does not know, as the API server prunes a structural
 * schema's object: an object keeps the fields of its `properties`, or every field when it has
 * `additionalProperties` or `x-kubernetes-preserve-unknown-fields` (then it recurses into the known
 * ones only); a resource's root and an `x-kubernetes-embedded-resource` keep `apiVersion`, `kind`
 * and `metadata`.
 *
 * @returns the paths of the fields removed, e.g. `spec.sise`
 */
export function pruneUnknownFields(value: unknown, schema: OpenApiSchema | undefined, path = '', isRoot = true): string[] {
  const removed: string[] = [];
  prune(value, schema, path, isRoot, removed);
  return removed;
}

function prune(value: unknown, schema: OpenApiSchema | undefined, path: string, keepResourceFields: boolean, removed: string[]): void {
  if (!isMap(schema)) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => prune(item, schema.items, `${path}[${i}]`, schema.items?.[EMBEDDED] === true, removed));
    return;
  }
  if (!isMap(value)) return;
  const properties = isMap(schema.properties) ? schema.properties : {};
  const additional = schema.additionalProperties;
  for (const key of Object.keys(value)) {
    const childPath = path === '' ? key : `${path}.${key}`;
    if (key in properties) {
      prune(value[key], properties[key], childPath, properties[key]?.[EMBEDDED] === true, removed);
    } else if (isMap(additional)) {
      prune(value[key], additional, childPath, additional[EMBEDDED] === true, removed);
    } else if (!(keepResourceFields && RESOURCE_FIELDS.has(key)) && schema[PRESERVE] !== true && additional !== true) {
      delete value[key];
      removed.push(childPath);
    }
  }
}

/** The schema of an object's field `key`: from `properties`, else `additionalProperties`. */
function propertySchema(schema: OpenApiSchema, key: string): OpenApiSchema | undefined {
  const own = isMap(schema.properties) ? schema.properties[key] : undefined;
  if (isMap(own)) return own;
  return isMap(schema.additionalProperties) ? schema.additionalProperties : undefined;
}

function children(schema: OpenApiSchema): OpenApiSchema[] {
  const out: OpenApiSchema[] = [];
  if (isMap(schema.properties)) out.push(...Object.values(schema.properties));
  if (isMap(schema.additionalProperties)) out.push(schema.additionalProperties);
  if (isMap(schema.items)) out.push(schema.items);
  return out;
}

function isMap(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
