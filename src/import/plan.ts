/**
 * The plan of an import: how the constructs express a Promise document, shared by building the
 * constructs and by generating their TypeScript, and the helpers that make one.
 */
import { PromiseImportWarning } from '../promise-import-options';
import { isMap } from '../validate';
import { WorkflowAction, WorkflowType } from '../workflow-types';

/** A module and a name to import from it, for generated code. */
export interface CodeImport {
  readonly from: string;
  readonly name: string;
}

/**
 * A value that the constructs take as an object (an enum member, a `Duration`, a `Quantity`, a
 * `PromiseApi`): the value itself, and the expression that creates it, `expr` or `expr(args)`.
 */
export class Code {
  constructor(
    public readonly value: unknown,
    public readonly expr: string,
    public readonly imports: readonly CodeImport[],
    public readonly args?: readonly unknown[],
  ) {}
}

/** A method call on a construct: `addContainer`, `addVolumeManifest`, `addOverride`, ... */
export interface PlannedCall {
  readonly method: string;
  readonly args: readonly unknown[];
}

/** One pipeline of a workflow. */
export interface PipelinePlan {
  readonly name: string;
  /** A pipeline Kratix never runs (a second delete pipeline): `addPipeline` refuses it, so it is created directly. */
  readonly extra: boolean;
  readonly props: Record<string, unknown>;
  readonly calls: PlannedCall[];
}

/** One workflow and its pipelines, in order. */
export interface WorkflowPlan {
  readonly type: WorkflowType;
  readonly action: WorkflowAction;
  readonly pipelines: PipelinePlan[];
}

/** How to build one Promise with the constructs. */
export interface PromisePlan {
  /** The Promise name, if the document has one. */
  readonly name?: string;
  readonly props: Record<string, unknown>;
  readonly workflows: WorkflowPlan[];
  /** Calls on the KratixPromise, after the workflows. */
  readonly calls: PlannedCall[];
  readonly warnings: PromiseImportWarning[];
  /**
   * The document, when Kratix would reject it: code generation then imports it as it is
   * (`KratixPromise.fromObject`), which keeps the problems as warnings, as `fromYaml` does.
   */
  readonly rejectedDocument?: Record<string, unknown>;
}

export const PLUS = 'cdk8s-plus-28';

export const KRATIX = 'cdk8s-kratix';

/** A deep copy of plain data without map entries whose value is null or undefined (Kubernetes treats them as absent). */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isMap(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v !== null && v !== undefined) out[key] = withoutNulls(v);
  }
  return out;
}

/** Deep equality of plain data, map key order ignored. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (!isMap(a) || !isMap(b)) return false;
  const keys = Object.keys(a).filter(k => a[k] !== undefined);
  return keys.length === Object.keys(b).filter(k => b[k] !== undefined).length && keys.every(k => jsonEqual(a[k], b[k]));
}

export type Override = (path: string[]) => void;

/** `override(path)` keeps the input's value at `path` (or its absence) with an `addOverride` call. */
export function overrider(calls: PlannedCall[], root: unknown): Override {
  return (path) => {
    let at = path;
    // A key with a dot cannot be addressed; set its whole parent map instead.
    while (at.some(k => k.includes('.'))) at = at.slice(0, -1);
    if (at.length === 0) throw new Error(`cannot import the Promise: the key '${path[0]}' has a dot in it, which no override can set; rename or remove it`);
    const call = { method: 'addOverride', args: [at.join('.'), get(root, at)] };
    if (!calls.some(c => c.args[0] === call.args[0])) calls.push(call);
  };
}

export function get(root: unknown, path: string[]): unknown {
  let node = root;
  for (const key of path) node = isMap(node) ? node[key] : undefined;
  return node;
}

/** `props` with its keys in the order of the construct's documentation, for readable generated code. */
export function ordered(props: Record<string, unknown>, order: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of [...order, ...Object.keys(props)]) if (key in props) out[key] = props[key];
  return out;
}

export function enumCode(enumObject: Record<string, string>, enumName: string, value: string): Code | undefined {
  const member = Object.keys(enumObject).find(k => enumObject[k] === value);
  return member === undefined ? undefined : new Code(value, `${enumName}.${member}`, [{ from: PLUS, name: enumName }]);
}

/** `value` with every `Code` replaced by its value. */
export function materialize<T = any>(value: unknown): T {
  if (value instanceof Code) return value.value as T;
  if (Array.isArray(value)) return value.map(v => materialize(v)) as unknown as T;
  if (!isMap(value)) return value as T;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = materialize(v);
  return out as T;
}

export function applyCalls(target: any, calls: readonly PlannedCall[]): void {
  for (const call of calls) target[call.method](...call.args.map(a => materialize(a)));
}

export function isStringMap(value: unknown): value is Record<string, string> {
  return isMap(value) && Object.values(value).every(v => typeof v === 'string');
}

export function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(v => typeof v === 'string');
}
