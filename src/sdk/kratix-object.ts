import { lookupPath } from './object-path';
import { Status } from './status';
import { PipelineFileError } from '../pipeline-files/errors';

/** The fields every Kubernetes object has; the type parameter of {@link KratixObject} extends it. */
export interface KubeObject {
  /** `<group>/<version>`, or the version alone for the core group. */
  apiVersion?: string;
  /** The kind. */
  kind?: string;
  /** Name, namespace, labels, annotations and the server's fields. */
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [field: string]: unknown;
  };
  /** The object's other fields (`spec`, `status`). */
  [field: string]: unknown;
}

/** The group, version and kind of an object. */
export interface GroupVersionKind {
  /** The API group (`""` for the core group). */
  readonly group: string;
  /** The API version. */
  readonly version: string;
  /** The kind. */
  readonly kind: string;
}

const KRATIX_OBJECT = Symbol.for('cdk8s-kratix/pipeline.KratixObject');

/**
 * The fields `KratixObject` reads, without `KubeObject`'s index signatures: an interface of your
 * own (which TypeScript never gives an implicit index signature) satisfies it without extending
 * `KubeObject`.
 */
export interface KubeObjectFields {
  /** `<group>/<version>`, or the version alone for the core group. */
  readonly apiVersion?: string;
  /** The kind. */
  readonly kind?: string;
  /** Name, namespace, labels and annotations. */
  readonly metadata?: {
    readonly name?: string;
    readonly namespace?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
  };
}

/**
 * The object a pipeline runs for, as read from `/kratix/input/object.yaml`: a resource request in
 * resource workflows, the Promise in promise workflows. `T` types the whole object.
 *
 * @example
 * interface Redis { metadata: { name: string }; spec: { replicas?: number } }
 * const redis = sdk.readInput<Redis>();
 * redis.object.spec.replicas; redis.getValue('spec.replicas', 1);
 */
export class KratixObject<T extends KubeObjectFields = KubeObject> {
  /** Whether `x` is a `KratixObject`, from this copy of the package or another. */
  public static isKratixObject(x: unknown): x is KratixObject {
    return typeof x === 'object' && x !== null && KRATIX_OBJECT in x;
  }

  /** The whole object, as the API server returned it. */
  public readonly object: T;
  /** The file it was read from, for errors. */
  public readonly source: string;

  /**
   * @param object the object
   * @param source where it comes from, for errors
   */
  constructor(object: T, source = 'object') {
    this.object = object;
    this.source = source;
    Object.defineProperty(this, KRATIX_OBJECT, { value: true });
  }

  /**
   * The value at `path` (`spec.replicas`, `spec.items[0].name`, `metadata.labels["app.kubernetes.io/name"]`).
   *
   * @param path dot and index path
   * @param defaultValue returned when there is no value there; without it, a missing value throws
   * (it does not narrow `V`: `getValue('spec.size', 'small') === 'large'` type-checks)
   * @throws PipelineFileError naming the file and the path when the value is missing and no default is given
   */
  public getValue<V = any>(path: string, ...defaultValue: [] | [unknown]): V {
    const r = lookupPath(this.object, path);
    if (r.found) return r.value as V;
    if (defaultValue.length > 0) return defaultValue[0] as V;
    throw new PipelineFileError(this.source, `no value at ${path}`, 'check the path against the object, or pass a default: getValue(path, defaultValue)');
  }

  /** Whether there is a value at `path`. */
  public hasValue(path: string): boolean {
    return lookupPath(this.object, path).found;
  }

  /** `metadata.name` (`""` when absent). */
  public get name(): string {
    return this.object.metadata?.name ?? '';
  }

  /** `metadata.namespace` (`""` for a cluster-scoped object such as a Promise). */
  public get namespace(): string {
    return this.object.metadata?.namespace ?? '';
  }

  /** `metadata.labels` (a copy; empty when absent). */
  public get labels(): Record<string, string> {
    return { ...(this.object.metadata?.labels ?? {}) };
  }

  /** `metadata.annotations` (a copy; empty when absent). */
  public get annotations(): Record<string, string> {
    return { ...(this.object.metadata?.annotations ?? {}) };
  }

  /** `apiVersion` (`""` when absent). */
  public get apiVersion(): string {
    return this.object.apiVersion ?? '';
  }

  /** `kind` (`""` when absent). */
  public get kind(): string {
    return this.object.kind ?? '';
  }

  /** The group, version and kind, split from `apiVersion` and `kind`. */
  public get groupVersionKind(): GroupVersionKind {
    const av = this.apiVersion;
    const slash = av.indexOf('/');
    return { group: slash < 0 ? '' : av.slice(0, slash), version: slash < 0 ? av : av.slice(slash + 1), kind: this.kind };
  }

  /** `spec` (`{}` when absent). */
  public get spec(): Record<string, any> {
    const spec = (this.object as { readonly spec?: unknown }).spec;
    return typeof spec === 'object' && spec !== null ? spec as Record<string, any> : {};
  }

  /** The object's `.status` as a {@link Status} (a copy; empty when absent). */
  public get status(): Status {
    const s = (this.object as { readonly status?: unknown }).status;
    return new Status(typeof s === 'object' && s !== null && !Array.isArray(s) ? s as Record<string, unknown> : {});
  }
}
