import { JsonPatch, Testing } from 'cdk8s';
import { KratixPromise, PromiseApi, ResourceRequest } from '../src';
import { databasePromise } from './support/database-promise';

function synthError(chart: any): string {
  try {
    Testing.synth(chart);
  } catch (e: any) {
    return e.message;
  }
  return '';
}

describe('ResourceRequest', () => {
  test('minimal definition: a request of the API\'s group, storage version and kind, defaults applied', () => {
    const chart = Testing.chart();
    const db = databasePromise(chart);
    db.request(chart, 'orders', { metadata: { name: 'orders', namespace: 'team-a' }, spec: { name: 'orders' } });
    expect(Testing.synth(chart).find(d => d.kind === 'Database')).toEqual({
      apiVersion: 'marketplace.kratix.io/v1alpha1',
      kind: 'Database',
      metadata: { name: 'orders', namespace: 'team-a' },
      spec: { name: 'orders', size: 'small', replicas: 1, port: 5432, backup: { enabled: true, schedule: '0 2 * * *' } },
    });
  });

  test('given values win over defaults; defaults apply inside given objects and array items', () => {
    const chart = Testing.chart();
    const req = databasePromise(chart).request(chart, 'r', {
      spec: { name: 'r', size: 'large', backup: { enabled: false }, users: [{ name: 'a' }], port: 'pg' },
    });
    expect(req.toJson().spec).toEqual({
      name: 'r', size: 'large', replicas: 1, port: 'pg', backup: { enabled: false, schedule: '0 2 * * *' }, users: [{ name: 'a', role: 'reader' }],
    });
  });

  test('mutate after construction, then synth: a JSON patch is validated and defaulted too', () => {
    const chart = Testing.chart();
    const req = databasePromise(chart).request(chart, 'r', { spec: { name: 'r' } });
    req.addJsonPatch(JsonPatch.add('/spec/size', 'large'));
    expect(Testing.synth(chart).find(d => d.kind === 'Database').spec.size).toBe('large');
  });

  test('x-kubernetes-preserve-unknown-fields keeps any field under it', () => {
    const chart = Testing.chart();
    databasePromise(chart).request(chart, 'r', { spec: { name: 'r', extra: { anything: [1, 2] } } });
    expect(synthError(chart)).toBe('');
  });

  test('a request built with new ResourceRequest() is the same as promise.request()', () => {
    const chart = Testing.chart();
    const db = databasePromise(chart);
    const req = new ResourceRequest(chart, 'r', { api: db.api!, spec: { name: 'r' } });
    expect(req.api).toBe(db.api);
    expect(req.toJson().spec.size).toBe('small');
  });

  describe('when the request is invalid, synth fails naming the construct path, the spec path, the rule and the value', () => {
    const cases: Array<[string, any, string]> = [
      ['a wrong type', { name: 'r', replicas: '3' }, "ResourceRequest 'test/r': spec.replicas: must be integer; got \"3\" (rule: type)"],
      ['a missing required field', { size: 'small' }, "ResourceRequest 'test/r': spec.name: required field is missing: set it (rule: required)"],
      ['a value outside the enum', { name: 'r', size: 'huge' }, "ResourceRequest 'test/r': spec.size: must be one of \"small\", \"large\"; got \"huge\" (rule: enum)"],
      ['a pattern mismatch', { name: 'R' }, "ResourceRequest 'test/r': spec.name: must match pattern \"^[a-z][a-z0-9-]*$\"; got \"R\" (rule: pattern)"],
      ['a number above maximum', { name: 'r', replicas: 9 }, "ResourceRequest 'test/r': spec.replicas: must be <= 5; got 9 (rule: maximum)"],
      ['a too long string', { name: 'r'.repeat(21) }, "ResourceRequest 'test/r': spec.name: must NOT have more than 20 characters; got"],
      ['an item of the wrong type', { name: 'r', users: [{ name: 1 }] }, "ResourceRequest 'test/r': spec.users[0].name: must be string; got 1 (rule: type)"],
      ['neither int nor string', { name: 'r', port: true }, "ResourceRequest 'test/r': spec.port: must be integer or string; got true (rule: type)"],
      ['an unknown field', { name: 'r', sise: 'small' }, "ResourceRequest 'test/r': spec.sise: unknown field (the schema neither defines it nor preserves unknown fields; the API server would drop it): remove it or correct its name; got \"small\" (rule: unknown-field)"],
    ];
    test.each(cases)('%s', (_, spec, message) => {
      const chart = Testing.chart();
      databasePromise(chart).request(chart, 'r', { spec });
      expect(synthError(chart)).toContain(message);
    });

    test('a null of a non-nullable field without default is dropped, as the API server does', () => {
      const chart = Testing.chart();
      const req = databasePromise(chart).request(chart, 'r', { spec: { name: 'r', users: null } });
      expect(synthError(chart)).toBe('');
      expect(req.toJson().spec.users).toBeUndefined();
    });

    test('a version the API does not serve, or another kind', () => {
      const chart = Testing.chart();
      const req = databasePromise(chart).request(chart, 'r', { spec: { name: 'r' } });
      req.addJsonPatch(JsonPatch.replace('/apiVersion', 'marketplace.kratix.io/v9'));
      expect(synthError(chart)).toContain("ResourceRequest 'test/r': apiVersion: \"marketplace.kratix.io/v9\" is not a served version of the API; use one of \"marketplace.kratix.io/v1alpha1\" (rule: served)");
      const chart2 = Testing.chart();
      const req2 = databasePromise(chart2).request(chart2, 'r', { spec: { name: 'r' } });
      req2.addJsonPatch(JsonPatch.replace('/kind', 'Redis'));
      expect(synthError(chart2)).toContain("ResourceRequest 'test/r': kind: \"Redis\" is not the API's kind; use \"Database\" (rule: kind)");
    });

    test('request() of a Promise without API throws', () => {
      const chart = Testing.chart();
      expect(() => new KratixPromise(chart, 'p').request(chart, 'r')).toThrow(
        "KratixPromise 'test/p': request(): the Promise has no API to request resources of; give it one (KratixPromiseProps.api)");
    });

    test('an API whose storage version is not served throws', () => {
      const chart = Testing.chart();
      const api = PromiseApi.of({ group: 'g.io', kind: 'K', versions: [{ name: 'v1', served: false }] });
      expect(() => new ResourceRequest(chart, 'r', { api })).toThrow(
        "ResourceRequest 'test/r': the API's storage version 'v1' is not served, so the API server takes no requests in it; set served: true on it");
      expect(() => new ResourceRequest(chart, 'r2', {} as any)).toThrow("ResourceRequest 'test/r2': props.api is missing");
    });
  });
});
