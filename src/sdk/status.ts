import { lookupPath, removePath, setPath } from './object-path';
import { PipelineFileError } from '../pipeline-files/errors';

/**
 * A status condition, as Kubernetes `metav1.Condition` words it.
 *
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/object-meta/
 */
export interface StatusCondition {
  /** The condition type, unique in the list (`Ready`, `DatabaseCreated`). */
  readonly type: string;
  /** `True`, `False` or `Unknown` (a boolean is written as `True`/`False`). */
  readonly status: 'True' | 'False' | 'Unknown' | boolean;
  /** A CamelCase reason. */
  readonly reason?: string;
  /** A message for humans. */
  readonly message?: string;
  /**
   * When the status last changed (RFC 3339).
   *
   * @default - now when the condition is new or its status changed, else the one already there
   */
  readonly lastTransitionTime?: string;
  /** Other fields, kept as given. */
  readonly [field: string]: unknown;
}

const STATUS = Symbol.for('cdk8s-kratix/pipeline.Status');

/**
 * The status of a Promise or resource request: the content of `status.yaml`, of an object's
 * `.status`, or what `publishStatus` sends. Keys are read and changed by path (`a.b[0].c`).
 *
 * Kratix merges a pipeline's status into the object's at the top level only: each top-level key
 * replaces the one stored, except `conditions`, merged by `type`.
 */
export class Status {
  /** Whether `x` is a `Status`, from this copy of the package or another. */
  public static isStatus(x: unknown): x is Status {
    return typeof x === 'object' && x !== null && STATUS in x;
  }

  private readonly data: Record<string, unknown>;

  /** @param data the initial keys (copied) */
  constructor(data: Record<string, unknown> = {}) {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new PipelineFileError('status', `a status is a map of keys to values, got ${Array.isArray(data) ? 'a list' : String(data)}`, 'pass an object');
    }
    this.data = structuredClone(data);
    Object.defineProperty(this, STATUS, { value: true });
  }

  /** The value at `path`, or `defaultValue` (`undefined`) when there is none. */
  public get<V = any>(path: string, defaultValue?: unknown): V {
    const r = lookupPath(this.data, path);
    return (r.found ? r.value : defaultValue) as V;
  }

  /** Whether there is a value at `path`. */
  public has(path: string): boolean {
    return lookupPath(this.data, path).found;
  }

  /** Sets the value at `path`, creating maps on the way; returns this status. */
  public set(path: string, value: unknown): this {
    setPath(this.data, path, structuredClone(value));
    return this;
  }

  /** Removes the value at `path`; false when there was none. */
  public remove(path: string): boolean {
    return removePath(this.data, path);
  }

  /** The top-level keys. */
  public keys(): string[] {
    return Object.keys(this.data);
  }

  /** The `conditions` list (a copy; empty when absent). */
  public get conditions(): StatusCondition[] {
    const list = this.data.conditions;
    return Array.isArray(list) ? structuredClone(list) : [];
  }

  /** The condition of `type`, or `undefined`. */
  public getCondition(type: string): StatusCondition | undefined {
    return this.conditions.find(c => c && c.type === type);
  }

  /**
   * Adds the condition, or replaces the one of the same `type` in place. `lastTransitionTime` is
   * kept when the status did not change, else set to now.
   *
   * @returns the condition as stored
   */
  public setCondition(condition: StatusCondition): StatusCondition {
    if (typeof condition?.type !== 'string' || condition.type === '') {
      throw new PipelineFileError('condition.type', `a condition needs a type, got ${JSON.stringify(condition?.type)}`, 'give the condition a non-empty type such as "Ready"');
    }
    const status = condition.status === true ? 'True' : condition.status === false ? 'False' : condition.status;
    if (!['True', 'False', 'Unknown'].includes(status)) {
      throw new PipelineFileError('condition.status', `condition ${condition.type}: status ${JSON.stringify(condition.status)}`, 'use "True", "False" or "Unknown" (or a boolean)');
    }
    const list = Array.isArray(this.data.conditions) ? this.data.conditions as StatusCondition[] : [];
    const i = list.findIndex(c => c && c.type === condition.type);
    const old = i >= 0 ? list[i] : undefined;
    const lastTransitionTime = condition.lastTransitionTime
      ?? (old && old.status === status && typeof old.lastTransitionTime === 'string' ? old.lastTransitionTime : new Date().toISOString().replace(/\.\d+Z$/, 'Z'));
    const stored: StatusCondition = structuredClone({ ...condition, status, lastTransitionTime });
    if (i >= 0) list[i] = stored;
    else list.push(stored);
    this.data.conditions = list;
    return structuredClone(stored);
  }

  /** Removes the condition of `type`; false when there was none. */
  public removeCondition(type: string): boolean {
    const list = this.data.conditions;
    if (!Array.isArray(list)) return false;
    const i = list.findIndex(c => c && c.type === type);
    if (i < 0) return false;
    list.splice(i, 1);
    return true;
  }

  /** The status as a plain object (a copy). */
  public toJSON(): Record<string, unknown> {
    return structuredClone(this.data);
  }
}
