import { K8S_ENUMS, K8S_FIELDS, K8S_REQUIRED } from './k8s-fields.generated';
import { KRATIX_GO_PACKAGE, PIPELINE_FIELDS, UNSUPPORTED_HINTS } from './pipeline-types';
import { Problem, Severity, didYouMean, isMap, joinPath } from './problem';
import { compareGoKeys } from '../private/go-key-order';
import { quote } from '../private/quote';

interface TypeTable { readonly [field: string]: string }

/** What a Go type name is, worked out once per name: the walk meets the same few types at every synth. */
type Shape =
  | { readonly kind: 'list'; readonly item: string }
  | { readonly kind: 'map'; readonly item: string }
  | {
    readonly kind: 'struct';
    readonly exact: Map<string, string>;
    readonly folded: Map<string, string>;
    readonly kratix: boolean;
    /** Required fields that no other rule reports. */
    readonly required: readonly string[];
    /** The values allowed in string fields that have an enum, by Go JSON field name. */
    readonly enums: ReadonlyMap<string, readonly string[]>;
  }
  | { readonly kind: 'primitive' };
type StructShape = Extract<Shape, { kind: 'struct' }>;

const REQUIRED_FIELD_REASON = ": the API server rejects the pipeline's Job without it, and Kratix's webhook dry-runs that Job";
const ENUM_REASON = ": the API server rejects the pipeline's Job with any other value, and Kratix's webhook dry-runs that Job";

/** Whether `problem` is a field Kubernetes requires missing: Kratix decodes the pipeline, its webhook's dry-run fails. */
export function isRequiredFieldProblem(problem: Problem): boolean {
  return problem.message.includes(REQUIRED_FIELD_REASON);
}

// Required fields whose absence the pipeline rules report in their own words.
const REPORTED_ELSEWHERE = new Set(['EnvVar.name', 'Volume.name', 'VolumeMount.name', 'VolumeMount.mountPath']);

// The structs are known up front; lists, maps and primitives are added as the walk meets them.
// Field tables are Maps, so that a key such as `constructor` is an unknown field, not a match.
const SHAPES = new Map<string, Shape>();
for (const [table, kratix] of [[K8S_FIELDS, false], [PIPELINE_FIELDS, true]] as const) {
  for (const [name, fields] of Object.entries(table as { [t: string]: TypeTable })) {
    const exact = new Map(Object.entries(fields));
    const folded = new Map([...exact.keys()].map((f) => [f.toLowerCase(), f]));
    const required = (kratix ? [] : K8S_REQUIRED[name] ?? []).filter(f => !REPORTED_ELSEWHERE.has(`${name}.${f}`));
    const enums = new Map(Object.entries(kratix ? {} : K8S_ENUMS[name] ?? {}));
    SHAPES.set(name, { kind: 'struct', exact, folded, kratix, required, enums });
  }
}

function shapeOf(type: string): Shape {
  let shape = SHAPES.get(type);
  if (shape === undefined) {
    shape = type.startsWith('[]') ? { kind: 'list', item: type.slice(2) }
      : type.startsWith('map[string]') ? { kind: 'map', item: type.slice(11) }
        : { kind: 'primitive' };
    SHAPES.set(type, shape);
  }
  return shape;
}

/** Whether `type` is one of Kratix's own Go structs (else Kubernetes', or not a struct). */
function isKratixStruct(type: string): boolean {
  return (SHAPES.get(type) as StructShape | undefined)?.kratix === true;
}

const MIN_INT: Record<string, number> = { int32: -(2 ** 31), int64: Number.MIN_SAFE_INTEGER };
const MAX_INT: Record<string, number> = { int32: 2 ** 31 - 1, int64: Number.MAX_SAFE_INTEGER };
const QUANTITY = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+|[eE]|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P)?$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Options of {@link decodeStrictly}. */
export interface DecodeOptions {
  /** Severity of unknown fields: `error` as in Kratix, or `warning` to keep going (`--lenient`). */
  readonly unknownFields?: Severity;
  /** Why an unknown field matters, for its message; by default Kratix's strict decoding of pipelines. */
  readonly unknownFieldReason?: string;
}

/**
 * Checks `value` as Go's encoding/json with DisallowUnknownFields would decode it into the Go type
 * `type` (a name of `K8S_FIELDS`/`PIPELINE_FIELDS`, a primitive, or `[]T`/`map[string]T`), which
 * is how Kratix reads every pipeline. Unlike Go it reports every problem, not only the first.
 *
 * The walk follows the type, which has no cycles, so it is bounded by the depth of the type
 * whatever the input; values Go would not look into (unknown fields, raw JSON) are not visited.
 */
export function decodeStrictly(value: unknown, type: string, options: DecodeOptions = {}): Problem[] {
  const problems: Problem[] = [];
  new Decoder(problems, options.unknownFields ?? 'error', options.unknownFieldReason).decode(value, type, type);
  return problems;
}

/**
 * The value Go's encoding/json leaves in a fresh Go `type` after decoding `value` the way Kratix
 * decodes a pipeline (it re-marshals the pipeline first, so keys arrive in byte order): each key
 * goes to its field, the exact name first, else the field equal to it ignoring case; a later key
 * of the same field decodes into what an earlier one left (structs and maps merge, list items
 * merge index by index and the list takes the later length); null clears a list, map or struct
 * field and leaves other fields as they were. The result is keyed by Go field names, which is
 * what the renderer, and through it the audit, read.
 *
 * A value of the wrong type is kept as it is, for the rules that read it to see: `decodeStrictly`
 * reports it, and Kratix rejects the pipeline.
 */
export function goDecode(value: unknown, type: string): any {
  return decodeInto(undefined, value, type);
}

function decodeInto(current: unknown, value: unknown, type: string): unknown {
  const shape = shapeOf(type);
  if (shape.kind === 'primitive') return value;
  if (shape.kind === 'list') {
    if (!Array.isArray(value)) return value;
    const old = Array.isArray(current) ? current : [];
    // Go decodes null into an item as no change: the earlier item, or the zero value.
    return value.map((item, i) => item === null || item === undefined ? old[i] ?? zeroOf(shape.item) : decodeInto(old[i], item, shape.item));
  }
  if (!isMap(value)) return value;
  const out: Record<string, unknown> = isMap(current) ? { ...current } : {};
  if (shape.kind === 'map') {
    for (const key of Object.keys(value).sort(compareGoKeys)) {
      out[key] = value[key] === null ? zeroOf(shape.item) : decodeInto(undefined, value[key], shape.item);
    }
    return out;
  }
  for (const key of Object.keys(value).sort(compareGoKeys)) {
    const target = shape.exact.has(key) ? key : shape.folded.get(key.toLowerCase());
    if (target === undefined) continue;
    const fieldType = shape.exact.get(target)!;
    const v = value[key];
    if (v === undefined) continue;
    if (v === null) {
      if (shapeOf(fieldType).kind !== 'primitive') delete out[target];
      continue;
    }
    const decoded = decodeInto(out[target], v, fieldType);
    if (decoded === undefined) delete out[target];
    else out[target] = decoded;
  }
  return out;
}

/** Go's zero value of `type`, as JSON: what null decodes to where Go stores a value anyway. */
function zeroOf(type: string): unknown {
  const shape = shapeOf(type);
  if (shape.kind === 'struct') return {};
  return ZERO[type] ?? null;
}

const ZERO: Record<string, unknown> = { string: '', bool: false, int32: 0, int64: 0, float64: 0 };

class Decoder {
  // The walk keeps the current JSON path and Go field path as stacks, and builds the strings
  // only for a problem: validation runs at every synth, over every pipeline.
  private readonly path: Array<string | number> = [];
  private readonly goPath: string[] = [];

  constructor(private readonly problems: Problem[], private readonly unknownSeverity: Severity, private readonly unknownReason?: string) {}

  /** @param struct the innermost Go struct type, for Go's message */
  public decode(value: unknown, type: string, struct: string): void {
    // Go leaves the zero value for null, whatever the type.
    if (value === null || value === undefined) return;
    if (typeof value === 'string' && type === 'string') return;
    const shape = shapeOf(type);
    if (shape.kind === 'list') {
      if (!Array.isArray(value)) return this.mismatch(value, type, struct);
      for (let i = 0; i < value.length; i++) {
        this.path.push(i);
        this.decode(value[i], shape.item, struct);
        this.path.pop();
      }
      return;
    }
    if (shape.kind === 'map') {
      if (!isMap(value)) return this.mismatch(value, type, struct);
      for (const key of Object.keys(value)) {
        this.path.push(key);
        this.decode(value[key], shape.item, struct);
        this.path.pop();
      }
      return;
    }
    if (shape.kind === 'primitive') {
      if (!primitiveOk(value, type)) this.mismatch(value, type, struct);
      return;
    }
    if (!isMap(value)) return this.mismatch(value, type, struct);
    const { exact, folded } = shape;
    for (const required of shape.required) {
      // Case-insensitive, as the keys below: Go fills the field from a key of any case. The API
      // server's checks are `len(x) == 0`, so an empty string or list is as good as missing.
      const present = Object.keys(value).some(k => k.toLowerCase() === required.toLowerCase() && !isEmpty(value[k]));
      if (!present) {
        this.problems.push({
          path: joinPath(this.currentPath(), required),
          severity: 'error',
          message: `${type} needs ${quote(required)}${REQUIRED_FIELD_REASON}; set ${required}`,
        });
      }
    }
    let seen: Map<string, string> | undefined;
    for (const key of Object.keys(value)) {
      this.path.push(key);
      let target = key;
      let fieldType = exact.get(key);
      if (fieldType === undefined) {
        target = folded.get(key.toLowerCase()) ?? key;
        fieldType = exact.get(target);
      }
      if (fieldType === undefined) {
        this.unknown(key, type, exact.keys());
      } else {
        // Only a key that differs in case can name a field twice.
        if (target !== key) {
          this.warn(`field ${quote(key)} is read as ${quote(target)} only because Kratix matches field names case-insensitively; write ${quote(target)}`);
          seen ??= new Map(Object.keys(value).filter(k => exact.has(k)).map(k => [k, k]));
          const other = seen.get(target);
          if (other !== undefined) {
            this.warn(`field ${quote(key)} and field ${quote(other)} are the same field to Kratix, which keeps only the last one; remove one of them`);
          }
          seen.set(target, key);
        }
        this.goPath.push(target);
        this.decode(value[key], fieldType, type);
        this.goPath.pop();
        const allowed = shape.enums.get(target);
        const v = value[key];
        // An empty string is Go's zero value: the field is unset, and the API server defaults it.
        if (allowed !== undefined && typeof v === 'string' && v !== '' && !allowed.includes(v)) {
          const choices = allowed.filter(a => a !== '');
          this.problems.push({
            path: this.currentPath(),
            severity: 'error',
            message: `${type}.${target} ${quote(v)} must be ${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}${ENUM_REASON}`,
          });
        }
      }
      this.path.pop();
    }
  }

  private currentPath(): string {
    let path = '';
    for (const key of this.path) path = joinPath(path, key);
    return path;
  }

  private warn(message: string): void {
    this.problems.push({ path: this.currentPath(), severity: 'warning', message });
  }

  private unknown(key: string, type: string, knownFields: Iterable<string>): void {
    const known = [...knownFields];
    const hints = UNSUPPORTED_HINTS[type];
    const hint = hints && Object.prototype.hasOwnProperty.call(hints, key) ? hints[key] : undefined;
    let fix: string;
    if (hint !== undefined) {
      fix = hint;
    } else {
      const near = didYouMean(key, known);
      fix = near !== undefined ? `did you mean ${quote(near)}?` : `remove it (${goTypeName(type)} has ${known.join(', ')})`;
    }
    const what = isKratixStruct(type) ? `a Kratix ${type}` : `a Kubernetes ${type}`;
    this.problems.push({
      path: this.currentPath(),
      severity: this.unknownSeverity,
      message: `unknown field ${quote(key)} in ${what}: ${this.unknownReason ?? `Kratix decodes pipelines strictly and rejects it (json: unknown field ${JSON.stringify(key)})`}; ${fix}`,
    });
  }

  private mismatch(value: unknown, type: string, struct: string): void {
    const goPath = this.goPath;
    let message: string;
    if (type === 'quantity' && typeof value === 'string') {
      message = `${quote(value)} is not a Kubernetes quantity: Kratix cannot decode it (quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'); write e.g. '500m', '1', '128Mi' or '2Gi'`;
    } else if (type === 'time' && typeof value === 'string') {
      message = `${quote(value)} is not an RFC 3339 time: Kratix fails to parse it; write e.g. '2024-01-31T12:00:00Z' or remove it`;
    } else {
      const goValue = goValueName(value, type);
      const field = goPath.length > 0 ? ` into Go struct field ${struct}.${goPath.join('.')}` : '';
      message = `${quote(value)} is ${describeKind(value)}, not ${humanType(type)}: Kratix cannot decode it (json: cannot unmarshal ${goValue}${field} of type ${goTypeName(type)}); ${fixFor(value, type)}`;
    }
    this.problems.push({ path: this.currentPath(), severity: 'error', message });
  }
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function primitiveOk(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'bool':
      return typeof value === 'boolean';
    case 'int32':
    case 'int64':
      return typeof value === 'number' && Number.isInteger(value) && value >= MIN_INT[type] && value <= MAX_INT[type];
    case 'float64':
      return typeof value === 'number' && Number.isFinite(value);
    case 'intstr':
      return typeof value === 'string' || primitiveOk(value, 'int32');
    case 'quantity':
      return (typeof value === 'string' && QUANTITY.test(value.trim())) || (typeof value === 'number' && Number.isFinite(value));
    case 'time':
      return typeof value === 'string' && RFC3339.test(value);
    case 'any':
      return true;
    default:
      return false;
  }
}

function describeKind(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'a map';
  if (typeof value === 'boolean') return 'a boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a fractional number';
  if (typeof value === 'string') return 'a string';
  return `a ${typeof value}`;
}

function goValueName(value: unknown, type: string): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object' && value !== null) return 'object';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return /^(int32|int64|intstr)$/.test(type) ? `number ${value}` : 'number';
  if (typeof value === 'string') return 'string';
  return typeof value;
}

function humanType(type: string): string {
  if (type.startsWith('[]')) return 'a list';
  if (type.startsWith('map[string]')) return `a map of ${humanType(type.slice(11)).replace(/^an? /, '')}s`;
  switch (type) {
    case 'string': return 'a string';
    case 'bool': return 'a boolean (true or false)';
    case 'int32': return 'a 32-bit whole number';
    case 'int64': return 'a whole number';
    case 'float64': return 'a number';
    case 'intstr': return 'a string or a whole number';
    case 'quantity': return 'a quantity';
    case 'time': return 'a time';
    default: return `a map (${type})`;
  }
}

function fixFor(value: unknown, type: string): string {
  const scalar = typeof value === 'number' || typeof value === 'boolean';
  if ((type === 'string' || type === 'quantity' || type === 'time') && scalar) return `quote it: '${String(value)}'`;
  if (type.startsWith('[]') && !Array.isArray(value)) return 'write it as a list';
  if (type === 'bool' && typeof value === 'string' && /^(true|false)$/i.test(value)) return `write ${value.toLowerCase()} without quotes`;
  if (/^(int32|int64|float64|intstr)$/.test(type) && typeof value === 'string' && /^-?\d+$/.test(value.trim())) return `write ${value.trim()} without quotes`;
  return `write ${humanType(type)}`;
}

/** The Go name of a type, as Go's messages print it: `string`, `[]v1.EnvVar`, `v1alpha1.PipelineSpec`. */
export function goTypeName(type: string): string {
  if (type.startsWith('[]')) return `[]${goTypeName(type.slice(2))}`;
  if (type.startsWith('map[string]')) return `map[string]${goTypeName(type.slice(11))}`;
  switch (type) {
    case 'bool': case 'string': case 'int32': case 'int64': case 'float64': return type;
    case 'quantity': return 'resource.Quantity';
    case 'intstr': return 'intstr.IntOrString';
    case 'time': return 'v1.Time';
    case 'any': return 'json.RawMessage';
    default: return `${isKratixStruct(type) ? KRATIX_GO_PACKAGE : 'v1'}.${type}`;
  }
}
