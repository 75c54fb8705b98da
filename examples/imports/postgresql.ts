import { ApiObjectMetadata } from 'cdk8s';
import { PromiseApi, ResourceRequest } from '../../src';
import { Construct } from 'constructs';

/**
 * Properties of a `PostgresqlRequest`.
 */
export interface PostgresqlRequestProps {
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
  readonly spec?: PostgresqlSpec;
  /**
   * The API, e.g. `promise.api` of the Promise construct.
   *
   * @default PostgresqlRequest.API
   */
  readonly api?: PromiseApi;
}

/**
 * A request of the `postgresql` API (`marketplace.kratix.io/v1alpha2`) of the `postgresql` Promise, validated against the
 * API's schema at synth and synthesized with its defaults.
 */
export class PostgresqlRequest extends ResourceRequest {
  /** The API, as the Promise defines it. */
  public static readonly API: PromiseApi = PromiseApi.fromManifest({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'postgresqls.marketplace.kratix.io' },
    spec: {
      group: 'marketplace.kratix.io',
      names: { kind: 'postgresql', plural: 'postgresqls', singular: 'postgresql' },
      scope: 'Namespaced',
      versions: [
        {
          name: 'v1alpha2',
          schema: {
            openAPIV3Schema: {
              properties: {
                spec: {
                  properties: {
                    dbName: {
                      default: 'postgres',
                      description: 'The database, owned by the team',
                      type: 'string',
                    },
                    env: {
                      default: 'dev',
                      description: 'dev or prod; prod databases get backups and more resources',
                      pattern: '^(dev|prod)$',
                      type: 'string',
                    },
                    teamId: {
                      default: 'acid',
                      description: 'Team ID; a superuser role of this name is created',
                      type: 'string',
                    },
                  },
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

  constructor(scope: Construct, id: string, props: PostgresqlRequestProps = {}) {
    super(scope, id, { api: props.api ?? PostgresqlRequest.API, metadata: props.metadata, spec: toJson_PostgresqlSpec(props.spec) });
  }
}
/**
 * @schema PostgresqlSpec
 */
export interface PostgresqlSpec {
  /**
   * The database, owned by the team
   *
   * @schema PostgresqlSpec#dbName
   */
  readonly dbName?: string;

  /**
   * dev or prod; prod databases get backups and more resources
   *
   * @schema PostgresqlSpec#env
   */
  readonly env?: string;

  /**
   * Team ID; a superuser role of this name is created
   *
   * @schema PostgresqlSpec#teamId
   */
  readonly teamId?: string;
}

/**
 * Converts an object of type 'PostgresqlSpec' to JSON representation.
 */
/* eslint-disable max-len, @stylistic/max-len, quote-props, @stylistic/quote-props */
export function toJson_PostgresqlSpec(obj: PostgresqlSpec | undefined): Record<string, any> | undefined {
  if (obj === undefined) { return undefined; }
  const result = {
    'dbName': obj.dbName,
    'env': obj.env,
    'teamId': obj.teamId,
  };
  // filter undefined values
  return Object.entries(result).reduce((r, i) => (i[1] === undefined) ? r : ({ ...r, [i[0]]: i[1] }), {});
}
/* eslint-enable max-len, @stylistic/max-len, quote-props, @stylistic/quote-props */

/**
 * A `postgresql` as a pipeline reads it from `object.yaml` (`sdk.readInput<PostgresqlObject>()`): JSON
 * field names, stored with the schema's defaults, so a field with a default is always there.
 * `import type` it: the pipeline then loads neither this module nor cdk8s. A TypeScript type only
 * (index signatures, literal unions): jsii leaves it out of a package's other languages.
 *
 * @jsii ignore
 */
export interface PostgresqlObject {
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
    readonly dbName: string;
    readonly env: string;
    readonly teamId: string;
  };
  readonly status?: { readonly [key: string]: unknown };
  readonly [field: string]: unknown;
}
