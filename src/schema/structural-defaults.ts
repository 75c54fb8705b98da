/**
 * What the Kubernetes API server does to a custom resource before it stores it, for the subset of
 * the CRD's `openAPIV3Schema` that changes the object: pruning of unknown fields and structural
 * defaulting (k8s.io/apiextensions-apiserver `pkg/apiserver/schema/pruning` and `.../defaulting`).
 *
 * @see https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#defaulting
 */

/** A node of a CRD's `openAPIV3Schema`, as plain JSON. */
export type OpenApiSchema = { readonly [keyword: string]: any };


const PRESERVE = 'x-kubernetes-preserve-unknown-fields';
const EMBEDDED = 'x-kubernetes-embedded-resource';
/** The fields every object of an embedded resource or a resource root keeps. */
const RESOURCE_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

/**
 * A copy of `value` with the schema's defaults applied, as Kubernetes' structural defaulting does:
 *
 * 1. a `null` whose schema is not `nullable` and has no `default` is removed;
 * 2. a property that is missing, or `null` and not `nullable`, gets a deep copy of its `default`;
 *    so does a `null` item of an array or `null` value of a map (`additionalProperties`) whose schema has one;
 * 3. defaults apply inside a default just applied, and inside objects the value already has, but
 *    an object that is missing and has no `default` of its own is not created, so the defaults of
 *    its fields do not apply (give the object `default: {}` for them to apply);
 * 4. `allOf`/`anyOf`/`oneOf`/`not` carry no defaults (Kubernetes rejects a CRD that puts them there).
 *
 * Fields the schema does not know are copied as they are (see `pruneUnknownFields`).
 *
 * @param value parsed JSON, not changed
 * @param schema its schema
 */
export function applyDefaults<T>(value: T, schema: OpenApiSchema | undefined): T {
  return defaulted(value, defaulter(schema), true) as T;
}

/** A schema node as defaulting reads it, built once per schema. */
interface Defaulter {
  readonly nullable: boolean;
  readonly default: unknown;
  /** The properties, by name. */
  readonly properties?: Map<string, Defaulter>;
  /** The properties that have a default. */
  readonly defaulted: ReadonlyArray<readonly [string, Defaulter]>;
  readonly additional?: Defaulter;
  readonly items?: Defaulter;
}

const defaulters = new WeakMap<object, Defaulter>();

function defaulter(schema: OpenApiSchema | undefined): Defaulter | undefined {
  if (!isMap(schema)) return undefined;
  let node = defaulters.get(schema);
  if (node) return node;
  const properties = isMap(schema.properties)
    ? new Map(Object.entries(schema.properties).filter(([, p]) => isMap(p)).map(([k, p]) => [k, defaulter(p)!]))
    : undefined;
  node = {
    nullable: schema.nullable === true,
    default: schema.default,
    properties,
    defaulted: properties ? [...properties].filter(([, p]) => p.default !== undefined) : [],
    additional: defaulter(schema.additionalProperties),
    items: defaulter(schema.items),
  };
  defaulters.set(schema, node);
  return node;
}

/**
 * A copy of `value`, defaulted: Kubernetes' two passes in one walk, `PruneNonNullableNullsWithoutDefaults`
 * (not inside a default just applied, which that pass, run first, never sees) and `Default`.
 */
function defaulted(value: unknown, node: Defaulter | undefined, pruneNulls: boolean): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const items = node?.items;
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      out[i] = item === null && items && !items.nullable && items.default !== undefined
        ? defaulted(items.default, items, false)
        : defaulted(item, items, pruneNulls);
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  const properties = node?.properties;
  const additional = node?.additional;
  for (const key in value as Record<string, unknown>) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    const child = properties?.get(key) ?? additional;
    if (item === null && child && !child.nullable) {
      // Replaced by the default below, or removed.
      if (child.default !== undefined && !properties?.has(key)) out[key] = defaulted(child.default, child, false);
      else if (child.default === undefined && !pruneNulls) out[key] = null;
      continue;
    }
    out[key] = defaulted(item, child, pruneNulls);
  }
  if (node) {
    const list = node.defaulted;
    for (let i = 0; i < list.length; i++) {
      const [key, property] = list[i];
      if (!(key in out)) out[key] = defaulted(property.default, property, false);
    }
  }
  return out;
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

function isMap(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
