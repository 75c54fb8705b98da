import { Construct } from 'constructs';
import { KratixPromise, PromiseApi } from '../../src';

/** A Promise whose schema has nested defaults, required fields, enums and the Kubernetes extensions. */
export function databasePromise(scope: Construct, id = 'database'): KratixPromise {
  return new KratixPromise(scope, id, {
    version: 'v1',
    api: PromiseApi.of({
      group: 'marketplace.kratix.io',
      kind: 'Database',
      versions: [{
        name: 'v1alpha1',
        openApiV3Schema: {
          type: 'object',
          properties: {
            spec: {
              type: 'object',
              required: ['name'],
              properties: {
                name: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', maxLength: 20 },
                size: { type: 'string', enum: ['small', 'large'], default: 'small' },
                replicas: { type: 'integer', minimum: 1, maximum: 5, default: 1 },
                port: { 'x-kubernetes-int-or-string': true, 'default': 5432 },
                backup: {
                  type: 'object',
                  default: {},
                  properties: {
                    enabled: { type: 'boolean', default: true },
                    schedule: { type: 'string', default: '0 2 * * *' },
                  },
                },
                users: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, role: { type: 'string', default: 'reader' } } } },
                extra: { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true },
                comment: { type: 'string', nullable: true },
              },
            },
          },
        },
      }],
    }),
  });
}
