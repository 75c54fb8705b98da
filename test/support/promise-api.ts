import { PromiseApi } from '../../src';

/**
 * A minimal API, for tests of resource workflows: Kratix's webhook rejects resource workflows on a
 * Promise without an API.
 */
export function testApi(): PromiseApi {
  return PromiseApi.of({ group: 'example.com', kind: 'Env' });
}
