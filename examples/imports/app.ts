import { ApiObjectMetadata } from 'cdk8s';
import { PromiseApi, ResourceRequest } from '../../src';
import { Construct } from 'constructs';

/**
 * Properties of a `AppRequest`.
 */
export interface AppRequestProps {
  /**
   * Metadata: name, namespace, labels, annotations.
   *
   * @default - the name cdk8s generates from the construct path
   */
  readonly metadata?: ApiObjectMetadata;
  /**
   * The spec.
   *
   * @default - no spec
   */
  readonly spec?: AppSpec;
  /**
   * The API, e.g. `promise.api` of the Promise construct.
   *
   * @default AppRequest.API
   */
  readonly api?: PromiseApi;
}

/**
 * A request of the `app` API (`marketplace.kratix.io/v1`) of the `app` Promise, validated against the
 * API's schema at synth and synthesized with its defaults.
 */
export class AppRequest extends ResourceRequest {
  /** The API, as the Promise defines it. */
  public static readonly API: PromiseApi = PromiseApi.fromManifest({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'apps.marketplace.kratix.io' },
    spec: {
      group: 'marketplace.kratix.io',
      names: { kind: 'app', plural: 'apps', singular: 'app' },
      scope: 'Namespaced',
      versions: [
        {
          name: 'v1',
          schema: {
            openAPIV3Schema: {
              properties: {
                spec: {
                  properties: {
                    dbDriver: {
                      default: 'none',
                      description: 'The database deployed with the application',
                      enum: ['postgresql', 'none'],
                      type: 'string',
                    },
                    image: {
                      description: 'Container image of the application',
                      type: 'string',
                    },
                    name: {
                      description: 'Name for the application: lower case letters, digits and hyphens',
                      maxLength: 63,
                      pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
                      type: 'string',
                    },
                    service: {
                      default: {},
                      properties: {
                        port: {
                          default: 8080,
                          description: 'The port the application service is exposed on',
                          type: 'integer',
                        },
                      },
                      type: 'object',
                    },
                  },
                  required: ['name', 'image'],
                  type: 'object',
                },
              },
              type: 'object',
            },
          },
          served: true,
          storage: true,
        },
      ],
    },
  });

  constructor(scope: Construct, id: string, props: AppRequestProps = {}) {
    super(scope, id, { api: props.api ?? AppRequest.API, metadata: props.metadata, spec: toJson_AppSpec(props.spec) });
  }
}
/**
 * @schema AppSpec
 */
export interface AppSpec {
  /**
   * The database deployed with the application
   *
   * @schema AppSpec#dbDriver
   */
  readonly dbDriver?: AppSpecDbDriver;

  /**
   * Container image of the application
   *
   * @schema AppSpec#image
   */
  readonly image: string;

  /**
   * Name for the application: lower case letters, digits and hyphens
   *
   * @schema AppSpec#name
   */
  readonly name: string;

  /**
   * @schema AppSpec#service
   */
  readonly service?: AppSpecService;
}

/**
 * Converts an object of type 'AppSpec' to JSON representation.
 */
/* eslint-disable max-len, @stylistic/max-len, quote-props, @stylistic/quote-props */
export function toJson_AppSpec(obj: AppSpec | undefined): Record<string, any> | undefined {
  if (obj === undefined) { return undefined; }
  const result = {
    'dbDriver': obj.dbDriver,
    'image': obj.image,
    'name': obj.name,
    'service': toJson_AppSpecService(obj.service),
  };
  // filter undefined values
  return Object.entries(result).reduce((r, i) => (i[1] === undefined) ? r : ({ ...r, [i[0]]: i[1] }), {});
}
/* eslint-enable max-len, @stylistic/max-len, quote-props, @stylistic/quote-props */

/**
 * The database deployed with the application
 *
 * @schema AppSpecDbDriver
 */
export enum AppSpecDbDriver {
  /** postgresql */
  POSTGRESQL = 'postgresql',
  /** none */
  NONE = 'none',
}

/**
 * @schema AppSpecService
 */
export interface AppSpecService {
  /**
   * The port the application service is exposed on
   *
   * @schema AppSpecService#port
   */
  readonly port?: number;
}

/**
 * Converts an object of type 'AppSpecService' to JSON representation.
 */
/* eslint-disable max-len, @stylistic/max-len, quote-props, @stylistic/quote-props */
export function toJson_AppSpecService(obj: AppSpecService | undefined): Record<string, any> | undefined {
  if (obj === undefined) { return undefined; }
  const result = {
    'port': obj.port,
  };
  // filter undefined values
  return Object.entries(result).reduce((r, i) => (i[1] === undefined) ? r : ({ ...r, [i[0]]: i[1] }), {});
}
/* eslint-enable max-len, @stylistic/max-len, quote-props, @stylistic/quote-props */

/**
 * A `app` as a pipeline reads it from `object.yaml` (`sdk.readInput<AppObject>()`): JSON
 * field names, stored with the schema's defaults, so a field with a default is always there.
 * `import type` it: the pipeline then loads neither this module nor cdk8s. A TypeScript type only
 * (index signatures, literal unions): jsii leaves it out of a package's other languages.
 *
 * @jsii ignore
 */
export interface AppObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace: string;
    readonly labels?: { readonly [key: string]: string };
    readonly annotations?: { readonly [key: string]: string };
    readonly [field: string]: unknown;
  };
  readonly spec?: {
    readonly dbDriver: 'postgresql' | 'none';
    readonly image: string;
    readonly name: string;
    readonly service: {
      readonly port: number;
    };
  };
  readonly status?: { readonly [key: string]: unknown };
  readonly [field: string]: unknown;
}
