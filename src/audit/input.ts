/**
 * Reading untrusted, parsed YAML: every reader checks the type and throws an `AuditInputError`
 * that names the field, quotes the value and says what was expected, so that garbage input never
 * surfaces as a TypeError. `null` counts as absent, as it does when Kratix decodes into Go structs.
 */

import { quote as show } from '../render/errors';
import { isMap, joinPath } from '../validate/problem';

export { isMap, joinPath, show };

/** Input the audit cannot read: a field of the wrong type. */
export class AuditInputError extends Error {
  /**
   * @param path the field, e.g. `spec.workflows.promise.configure[0].metadata.name`
   * @param problem what is wrong with it, quoting the value, and the fix
   */
  constructor(public readonly path: string, problem: string) {
    super(path === '' ? problem : `${path}: ${problem}`);
    this.name = 'AuditInputError';
  }
}

/**
 * A field of a YAML map, read safely.
 */
export class Node {
  /**
   * @param value the parsed value
   * @param path where it is
   */
  constructor(public readonly value: unknown, public readonly path: string) {}

  /** True when the value is absent or null. */
  public get absent(): boolean {
    return this.value === undefined || this.value === null;
  }

  /** The member `key` (an own property only), absent when this is not a map. */
  public get(key: string): Node {
    const v = isMap(this.value) && Object.prototype.hasOwnProperty.call(this.value, key) ? this.value[key] : undefined;
    return new Node(v, joinPath(this.path, key));
  }

  /** Throws unless the value is a map (or absent); returns the value, `{}` when absent. */
  public map(what: string): Record<string, unknown> {
    if (this.absent) return {};
    if (!isMap(this.value)) this.fail(`${show(this.value)} is not a map; give ${what}`);
    return this.value as Record<string, unknown>;
  }

  /** Throws unless the value is a map, null and absent included; returns the value. */
  public requiredMap(what: string): Record<string, unknown> {
    if (!isMap(this.value)) this.fail(`${show(this.value)} is not a map; give ${what}`);
    return this.value as Record<string, unknown>;
  }

  /** The items of a list (none when absent); throws unless the value is a list. */
  public list(what: string): Node[] {
    if (this.absent) return [];
    if (!Array.isArray(this.value)) this.fail(`${show(this.value)} is not a list; give a list of ${what}`);
    return (this.value as unknown[]).map((v, i) => new Node(v, joinPath(this.path, i)));
  }

  /** A list of strings (undefined when absent); throws on anything else. */
  public strings(what: string): string[] | undefined {
    if (this.absent) return undefined;
    return this.list(what).map(item => item.string(what) as string);
  }

  /** A string, or undefined when absent; throws on anything else. */
  public string(what: string): string | undefined {
    if (this.absent) return undefined;
    if (typeof this.value !== 'string') this.fail(`${show(this.value)} is not a string; give ${what}`);
    return this.value as string;
  }

  /** A string that must be present and non-empty. */
  public requiredString(what: string): string {
    const v = this.string(what);
    if (v === undefined || v === '') this.fail(`missing; give ${what}`);
    return v as string;
  }

  /** A boolean, or undefined when absent; throws on anything else. */
  public boolean(what: string): boolean | undefined {
    if (this.absent) return undefined;
    if (typeof this.value !== 'boolean') this.fail(`${show(this.value)} is not a boolean; give ${what}`);
    return this.value as boolean;
  }

  /** An integer, or undefined when absent; throws on anything else. */
  public integer(what: string): number | undefined {
    if (this.absent) return undefined;
    if (typeof this.value !== 'number' || !Number.isInteger(this.value)) this.fail(`${show(this.value)} is not an integer; give ${what}`);
    return this.value as number;
  }

  /** Throws an `AuditInputError` about this field. */
  public fail(problem: string): never {
    throw new AuditInputError(this.path, problem);
  }
}
