import { ApiObject } from 'cdk8s';
import { ApiResource, IApiEndpoint, IApiResource } from 'cdk8s-plus-28';
import { cloneJson, compact } from './private/json';
import { pluralOf } from './private/plural';
import { apiNames, ApiNames } from './promise-api-names';

/**
 * A version of a Promise's API.
 */
export interface PromiseApiVersion {
  /** The version name, e.g. `v1alpha1`. */
  readonly name: string;
  /**
   * Whether the version is served.
   *
   * @default true
   */
  readonly served?: boolean;
  /**
   * Whether this is the storage version; exactly one version must be.
   *
   * @default - true for the first version, false for the others
   */
  readonly storage?: boolean;
  /**
   * The `openAPIV3Schema` of the version.
   *
   * @default - an object whose `spec` keeps any fields (`x-kubernetes-preserve-unknown-fields`)
   */
  readonly openApiV3Schema?: any;
  /**
   * Extra printer columns, as in a CRD.
   *
   * @default - none
   */
  readonly additionalPrinterColumns?: any[];
  /**
   * Subresources (`status`, `scale`), as in a CRD.
   *
   * @default - none
   */
  readonly subresources?: any;
}

/**
 * Properties of a `PromiseApi`.
 */
export interface PromiseApiProps {
  /** The API group, e.g. `marketplace.kratix.io`. */
  readonly group: string;
  /** The kind, e.g. `Redis`. */
  readonly kind: string;
  /**
   * The plural, used in URLs and RBAC.
   *
   * @default - the kind in lower case, made plural by the rules of Kubernetes' code generators
   * (k8s.io/gengo): `Redis` gives `redises`, `Policy` `policies`, `Gateway` `gateways`
   */
  readonly plural?: string;
  /**
   * The singular.
   *
   * @default - the kind in lower case
   */
  readonly singular?: string;
  /**
   * The list kind.
   *
   * @default - the kind plus `List` (filled in by Kubernetes)
   */
  readonly listKind?: string;
  /**
   * Short names for kubectl.
   *
   * @default - none
   */
  readonly shortNames?: string[];
  /**
   * Categories for kubectl.
   *
   * @default - none
   */
  readonly categories?: string[];
  /**
   * The versions.
   *
   * @default - one version `v1alpha1`, served and stored, with the default schema
   */
  readonly versions?: PromiseApiVersion[];
}

/**
 * The API of a Promise: the CustomResourceDefinition of its resource requests (Namespaced scope).
 *
 * It is an API resource wherever cdk8s-plus takes one (`pipeline.rbac.allow(['get'], [api])`,
 * `Role.allow`): its group and plural, read from the CRD; `api.status` is its status subresource.
 *
 * @see https://docs.kratix.io/main/reference/promises/api
 */
export class PromiseApi implements IApiResource, IApiEndpoint {
  /**
   * An API given as a whole CustomResourceDefinition manifest, kept exactly as given.
   *
   * @param manifest the CRD, as plain JSON
   */
  public static fromManifest(manifest: any): PromiseApi {
    return new PromiseApi(cloneJson(manifest));
  }

  /**
   * An API given as a cdk8s ApiObject of kind CustomResourceDefinition (e.g. from `cdk8s import`).
   *
   * The object is removed from its chart, so that it appears only inside the Promise.
   *
   * @param crd the CRD
   */
  public static fromApiObject(crd: ApiObject): PromiseApi {
    crd.node.scope?.node.tryRemoveChild(crd.node.id);
    return new PromiseApi(() => crd.toJson());
  }

  /**
   * An API built from its group, kind, names and versions.
   *
   * @param props the API
   */
  public static of(props: PromiseApiProps): PromiseApi {
    const kind = props.kind;
    const plural = props.plural ?? pluralOf(kind);
    const versions = props.versions ?? [{ name: 'v1alpha1' }];
    return new PromiseApi({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: `${plural}.${props.group}` },
      spec: {
        group: props.group,
        names: compact({
          kind,
          plural,
          singular: props.singular ?? kind.toLowerCase(),
          listKind: props.listKind,
          shortNames: cloneJson(props.shortNames),
          categories: cloneJson(props.categories),
        }),
        scope: 'Namespaced',
        versions: versions.map((v, i) => compact({
          name: v.name,
          served: v.served ?? true,
          storage: v.storage ?? i === 0,
          schema: { openAPIV3Schema: cloneJson(v.openApiV3Schema) ?? DEFAULT_SCHEMA() },
          additionalPrinterColumns: cloneJson(v.additionalPrinterColumns),
          subresources: cloneJson(v.subresources),
        })),
      },
    });
  }

  /**
   * Whether the API is read from a cdk8s object at each synthesis, so that it can change without the Promise knowing.
   *
   * @internal
   */
  public readonly _live: boolean;

  private constructor(private readonly source: any) {
    this._live = typeof source === 'function';
  }

  /** The API group (`spec.group`), e.g. `marketplace.kratix.io`; as `IApiResource.apiGroup`. */
  public get group(): string {
    return this.names().group;
  }

  /** The kind of the resource requests (`spec.names.kind`). */
  public get kind(): string {
    return this.names().kind;
  }

  /** The plural (`spec.names.plural`), used in URLs and RBAC rules. */
  public get plural(): string {
    return this.names().plural;
  }

  /**
   * The version resource requests are written and read in: Kratix's (`Promise.GetAPI`), the first
   * version with `storage: true`, else the first.
   */
  public get storageVersion(): string {
    return this.names().storageVersion;
  }

  /** The API group, for RBAC rules (`IApiResource`). */
  public get apiGroup(): string {
    return this.group;
  }

  /** The plural, for RBAC rules (`IApiResource`). */
  public get resourceType(): string {
    return this.plural;
  }

  /** None: a rule on the API covers every request (`IApiResource`). */
  public get resourceName(): string | undefined {
    return undefined;
  }

  /** The status subresource, `<plural>/status`, for RBAC rules. */
  public get status(): IApiResource {
    return this.subresource('status');
  }

  /**
   * A subresource, `<plural>/<name>`, for RBAC rules.
   *
   * @param name the subresource, e.g. `status` or `scale`
   */
  public subresource(name: string): IApiResource {
    return ApiResource.custom({ apiGroup: this.group, resourceType: `${this.plural}/${name}` });
  }

  /** This API, as an API resource (`IApiEndpoint`). */
  public asApiResource(): IApiResource | undefined {
    return this;
  }

  /** None: the API is a resource, not a URL (`IApiEndpoint`). */
  public asNonApiResource(): string | undefined {
    return undefined;
  }

  /** The CRD manifest, a fresh copy. */
  public toJson(): any {
    // A live source builds a fresh manifest each time already.
    return this._live ? this._toJson() : cloneJson(this._toJson());
  }

  /**
   * The CRD manifest, shared with this API: for a Promise document that is only read, then copied.
   *
   * @internal
   */
  public _toJson(): any {
    return this._live ? this.source() : this.source;
  }

  private names(): ApiNames {
    return apiNames(this._toJson());
  }
}

function DEFAULT_SCHEMA(): any {
  return {
    type: 'object',
    properties: {
      spec: { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true },
    },
  };
}
