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
  if (typeof value !== 'object' || value === null) return value;
  return (defaulter(schema) ?? PLAIN).copy(value, true) as T;
}

/**
 * A schema node compiled for defaulting, once per schema object: closures over what the node
 * defines, so that a request is walked without reading the schema again, and the node's default
 * defaulted once, not at each use.
 */
interface Defaulter {
  readonly nullable: boolean;
  readonly hasDefault: boolean;
  /** The schema's `default`, as written. */
  readonly default: unknown;
  /** A fresh copy of the node's default, with the defaults inside it applied. */
  readonly fresh: () => unknown;
  /**
   * A defaulted copy of a map or list: Kubernetes' two passes in one walk,
   * `PruneNonNullableNullsWithoutDefaults` (when `pruneNulls`: not inside a default just applied,
   * which that pass, run first, never sees) and `Default`.
   */
  readonly copy: (value: object, pruneNulls: boolean) => unknown;
}

/** How many fields a map copy may set with computed keys and keep V8's fast layout (measured: 16 keep it, 28 do not). */
const FAST_FIELDS = 14;

const defaulters = new WeakMap<object, Defaulter>();

function defaulter(schema: OpenApiSchema | undefined): Defaulter | undefined {
  if (!isMap(schema)) return undefined;
  let node = defaulters.get(schema);
  if (!node) {
    node = compileDefaulter(schema);
    defaulters.set(schema, node);
  }
  return node;
}

function compileDefaulter(schema: OpenApiSchema): Defaulter {
  // A null-prototype map: a field named like an Object.prototype member is not a property.
  const properties: Record<string, Defaulter> = Object.create(null);
  const withDefault: Array<[string, Defaulter]> = [];
  if (isMap(schema.properties)) {
    for (const [key, p] of Object.entries(schema.properties)) {
      const child = defaulter(p);
      if (!child) continue;
      properties[key] = child;
      if (child.hasDefault) withDefault.push([key, child]);
    }
  }
  const additional = defaulter(schema.additionalProperties);
  const items = defaulter(schema.items);
  const def = schema.default;

  const copyMap = (value: Record<string, unknown>, pruneNulls: boolean): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    let fields = 0;
    for (const key in value) {
      const item = value[key];
      if (item === undefined) continue;
      fields++;
      const property = properties[key];
      const child = property ?? additional;
      if (item === null) {
        if (!child || child.nullable) out[key] = null;
        else if (child.hasDefault) out[key] = child.fresh();
        else if (!pruneNulls) out[key] = null;
      } else {
        out[key] = typeof item === 'object' ? (child ?? PLAIN).copy(item, pruneNulls) : item;
      }
    }
    if (fillDefaults) fillDefaults(out);
    // Past about 16 fields set with computed keys V8 turns a map into a dictionary; a spread copy
    // has the fast layout again, which ajv validates faster.
    return fields > FAST_FIELDS ? { ...out } : out;
  };
  const fillDefaults = withDefault.length > 0 ? defaultsFiller(withDefault) : undefined;

  // The default with its own defaults applied, computed on first use (when every node is compiled).
  let defaulted: unknown;
  let ready = false;
  const node: Defaulter = {
    nullable: schema.nullable === true,
    hasDefault: def !== undefined,
    default: def,
    fresh: () => {
      if (!ready) {
        defaulted = typeof def === 'object' && def !== null ? node.copy(def, false) : def;
        ready = true;
      }
      return typeof defaulted === 'object' && defaulted !== null ? PLAIN.copy(defaulted, false) : defaulted;
    },
    copy: (value, pruneNulls) => Array.isArray(value)
      ? copyList(value, items ?? PLAIN, pruneNulls)
      : copyMap(value as Record<string, unknown>, pruneNulls),
  };
  return node;
}

/**
 * A function that gives the missing properties of a map their defaults, generated with the keys
 * written out, as ajv generates its validators: V8 stores a literal key as a named property, which
 * keeps the map's fast layout (a computed key past about 16 fields turns it into a dictionary,
 * slower to build and to validate).
 */
function defaultsFiller(withDefault: ReadonlyArray<[string, Defaulter]>): (out: Record<string, unknown>) => void {
  // A field set is never undefined, so `=== undefined` says the field is missing, unless the key
  // names a member every object inherits (`constructor`). A string, boolean or finite number
  // default is written as a literal (it needs no copy).
  const body = withDefault.map(([key, p], i) => {
    const k = JSON.stringify(key);
    const d = p.default;
    const value = typeof d === 'string' || typeof d === 'boolean' || (typeof d === 'number' && Number.isFinite(d)) ? JSON.stringify(d) : `fresh[${i}]()`;
    const missing = key in Object.prototype ? `!Object.prototype.hasOwnProperty.call(out, ${k})` : `out[${k}] === undefined`;
    return `if (${missing}) out[${k}] = ${value};`;
  }).join('\n');
  return new Function('fresh', `return function fillDefaults(out) {\n${body}\n};`)(withDefault.map(([, p]) => p.fresh));
}

function copyList(value: readonly unknown[], items: Defaulter, pruneNulls: boolean): unknown[] {
  const out = new Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const item = value[i];
    if (item === null) out[i] = !items.nullable && items.hasDefault ? items.fresh() : null;
    else out[i] = typeof item === 'object' ? items.copy(item, pruneNulls) : item;
  }
  return out;
}

/** The node of a value the schema does not describe: copied as it is, nulls included. */
const PLAIN: Defaulter = compileDefaulter({});

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
    // The API server prunes a resource's metadata as ObjectMeta, never with the CRD's schema, which
    // often says only `metadata: {type: object}`.
    if (keepResourceFields && RESOURCE_FIELDS.has(key)) continue;
    if (key in properties) {
      prune(value[key], properties[key], childPath, properties[key]?.[EMBEDDED] === true, removed);
    } else if (isMap(additional)) {
      prune(value[key], additional, childPath, additional[EMBEDDED] === true, removed);
    } else if (schema[PRESERVE] !== true && additional !== true) {
      delete value[key];
      removed.push(childPath);
    }
  }
}

function isMap(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
