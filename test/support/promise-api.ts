import { PromiseApi } from '../../src';

/**
 * A minimal API, for tests of resource workflows: Kratix's webhook rejects resource workflows on a
 * Promise without an API.
 */
export function testApi(): PromiseApi {
  return PromiseApi.of({ group: 'example.com', kind: 'Env' });
}

/** The same API as YAML, indented to sit under a Promise's `spec:`. */
export const API_YAML = `  api:
    apiVersion: apiextensions.k8s.io/v1
    kind: CustomResourceDefinition
    metadata:
      name: envs.example.com
    spec:
      group: example.com
      names: {kind: Env, plural: envs}
      scope: Namespaced
      versions:
        - name: v1
          served: true
          storage: true
          schema: {openAPIV3Schema: {type: object}}
`;
