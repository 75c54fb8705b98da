import { ApiObject, ApiObjectMetadata } from 'cdk8s';
import { Construct } from 'constructs';
import { cloneJson } from './_json';
import { PromiseApi } from './promise-api';
import { checkResource, crdVersions, storedResource } from './schema';

/**
 * What a resource request holds: its metadata and spec.
 */
export interface ResourceRequestOptions {
  /**
   * Metadata: name, namespace, labels, annotations.
   *
   * @default - the name cdk8s generates from the construct path, no namespace
   */
  readonly metadata?: ApiObjectMetadata;
  /**
   * The spec, as the Promise's API defines it; validated against the API's schema at synth, and
   * synthesized with the schema's defaults applied.
   *
   * @default - no spec
   */
  readonly spec?: any;
}

/**
 * Properties of a `ResourceRequest`.
 */
export interface ResourceRequestProps extends ResourceRequestOptions {
  /** The Promise's API the request is of. */
  readonly api: PromiseApi;
}

/**
 * A resource request of a Promise's API: an object of its group, storage version and kind.
 *
 * At synth the request is checked as the API server checks it on create with strict field
 * validation (kubectl's default): a served version, the API's kind, and the spec valid against the
 * version's `openAPIV3Schema` (types, required, enum, pattern, bounds, lengths, items,
 * `nullable`, `x-kubernetes-int-or-string`, and unknown fields an error unless
 * `x-kubernetes-preserve-unknown-fields`). It synthesizes as the API server stores it, the schema's
 * defaults applied, so that the `kratix.io/hash` of a `PipelineJob` for it is Kratix's.
 *
 * @see https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation
 */
export class ResourceRequest extends ApiObject {
  /** The Promise's API the request is of. */
  public readonly api: PromiseApi;

  constructor(scope: Construct, id: string, props: ResourceRequestProps) {
    const version = servedStorageVersion(props.api, `${scope.node.path}/${id}`);
    super(scope, id, {
      apiVersion: `${props.api.group}/${version}`,
      kind: props.api.kind,
      metadata: props.metadata,
      spec: cloneJson(props.spec),
    });
    this.api = props.api;
    this.node.addValidation({
      validate: () => checkResource(this.api._toJson(), super.toJson()).violations.map(v =>
        `ResourceRequest '${this.node.path}': ${v.path}: ${v.message} (rule: ${v.rule})`),
    });
  }

  /** The request as the API server stores it: the schema's defaults applied. */
  public toJson(): any {
    return storedResource(this.api._toJson(), super.toJson()).resource;
  }
}

/** The version a request is written in: the API's storage version, which must be served. */
function servedStorageVersion(api: PromiseApi | undefined, path: string): string {
  if (!api) throw new Error(`ResourceRequest '${path}': props.api is missing; pass the Promise's API, or create the request with promise.request()`);
  const name = api.storageVersion;
  if (!crdVersions(api._toJson()).some(v => v.name === name && v.served)) {
    throw new Error(`ResourceRequest '${path}': the API's storage version '${name}' is not served, so the API server takes no requests in it; set served: true on it`);
  }
  return name;
}
