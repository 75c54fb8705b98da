import { createHash } from 'crypto';
import { goJsonMarshal, hashSpec, md5Hex, promiseSpecForHash } from '../../src/render/go-json';

describe('§5.1 goJsonMarshal (Go encoding/json)', () => {
  test('sorts keys by bytes at every depth and leaves no whitespace', () => {
    expect(goJsonMarshal({ b: 1, a: { d: [1, 'x'], c: true }, B: null })).toBe('{"B":null,"a":{"c":true,"d":[1,"x"]},"b":1}');
  });

  test('escapes < > & and U+2028/U+2029 as Go does (HTML-safe)', () => {
    expect(goJsonMarshal('a<b>&c\u2028\u2029')).toBe('"a\\u003cb\\u003e\\u0026c\\u2028\\u2029"');
  });

  test('escapes controls as \\n \\r \\t \\b \\f or \\u00xx and keeps DEL', () => {
    expect(goJsonMarshal('\n\r\t\b\f\u0001\u007f"\\')).toBe('"\\n\\r\\t\\b\\f\\u0001\u007f\\"\\\\"');
  });

  test('prints integers as integers and floats in shortest form with Go thresholds', () => {
    expect(goJsonMarshal([1, 1.0, 1.5, 1e21, 1e20, 0.000001, 1e-7, -3])).toBe('[1,1,1.5,1e+21,100000000000000000000,0.000001,1e-7,-3]');
  });

  test('sorts keys by code point (UTF-8 byte order), not UTF-16 units', () => {
    expect(goJsonMarshal({ '\uff01': 1, '\u{1f600}': 2 })).toBe('{"\uff01":1,"\u{1f600}":2}');
  });

  test('worked example (case 05): the resource spec hash needs HTML escaping', () => {
    const spec = { size: 'small', replicas: 3, description: 'orders & payments <prod>', backup: { enabled: true, schedule: '0 2 * * *' } };
    expect(goJsonMarshal(spec)).toBe('{"backup":{"enabled":true,"schedule":"0 2 * * *"},"description":"orders \\u0026 payments \\u003cprod\\u003e","replicas":3,"size":"small"}');
    expect(hashSpec(spec)).toBe('da726fb012231f1976f8611583cdc8e2');
    expect(md5Hex(JSON.stringify(JSON.parse(goJsonMarshal(spec))))).toBe('e14f3ee80e0bc340935cf3fea8d9f964');
  });

  test('no spec hashes as null', () => {
    expect(hashSpec(undefined)).toBe('37a6259cc0c1dae299a7866489dff0bd');
  });

  test('worked example (case 06): resource hash and combined hash', () => {
    expect(hashSpec({ versioning: true, region: 'eu-west-2' })).toBe('1cdfb2b7fa8a3ba322e25322822a8bce');
    expect(md5Hex('d90053c8c1ecb56a396a0c9f812b8a32-1cdfb2b7fa8a3ba322e25322822a8bce')).toBe('44a1a0cb7d2e7312c368ec95f58f7f70');
  });
});

describe('§5.2 promiseSpecForHash (typed Promise spec round trip)', () => {
  test('workflows.config/promise/resource are always present', () => {
    expect(goJsonMarshal(promiseSpecForHash({}))).toBe('{"workflows":{"config":{},"promise":{},"resource":{}}}');
    expect(goJsonMarshal(promiseSpecForHash(undefined))).toBe('{"workflows":{"config":{},"promise":{},"resource":{}}}');
  });

  test('worked example (case 02)', () => {
    const json = '{"workflows":{"config":{},"promise":{"configure":[{"apiVersion":"platform.kratix.io/v1alpha1","kind":"Pipeline","metadata":{"name":"configure-db"},"spec":{"containers":[{"args":["configure.sh --all"],"command":["/bin/sh","-c"],"image":"ghcr.io/acme/postgres-configure:v3","name":"configure"}],"rbac":{"permissions":[{"apiGroups":["apps"],"resourceNamespace":"db-system","resources":["deployments"],"verbs":["get","list"]},{"apiGroups":[""],"resourceNamespace":"db-system","resources":["configmaps"],"verbs":["get","create","update"]}]}}}]},"resource":{}}}';
    const spec = JSON.parse(json);
    delete spec.workflows.config;
    delete spec.workflows.resource;
    expect(goJsonMarshal(promiseSpecForHash(spec))).toBe(json);
    expect(hashSpec(promiseSpecForHash(spec))).toBe('5e23be6c7a286edba948e2719f01e24a');
  });

  test('re-prints reconciliationInterval in Go Duration form', () => {
    const interval = (v: string) =>
      promiseSpecForHash({ workflows: { config: { reconciliationInterval: v } } }).workflows.config.reconciliationInterval;
    expect(interval('2h')).toBe('2h0m0s');
    expect(interval('90s')).toBe('1m30s');
    expect(interval('10m')).toBe('10m0s');
    expect(() => interval('ten minutes')).toThrow('promise spec.workflows.config.reconciliationInterval: \'ten minutes\' is not a Go duration');
  });

  test('omits empty fields and drops fields unknown to the CRD', () => {
    expect(promiseSpecForHash({
      api: {},
      requiredPromises: [],
      dependencies: [],
      destinationSelectors: [{ matchLabels: {} }, { matchLabels: { a: 'b' }, extra: 1 }],
      unknown: 'pruned',
      workflows: { config: { pipelineNamespace: '' }, promise: { configure: [], delete: [] }, resource: { configure: [] } },
    })).toEqual({
      destinationSelectors: [{}, { matchLabels: { a: 'b' } }],
      workflows: { config: {}, promise: {}, resource: {} },
    });
    expect(promiseSpecForHash({ requiredPromises: [{ name: 'a', version: '' }, {}] }).requiredPromises).toEqual([{ name: 'a' }, {}]);
  });

  test('coerces api.metadata to ObjectMeta, dropping empty and unknown fields', () => {
    const api = { apiVersion: 'v1', kind: 'CRD', metadata: { name: 'x', labels: {}, creationTimestamp: null, foo: 'bar' }, spec: { a: 1 } };
    expect(promiseSpecForHash({ api }).api).toEqual({ apiVersion: 'v1', kind: 'CRD', metadata: { name: 'x' }, spec: { a: 1 } });
  });

  test('keeps pipelines and dependencies verbatim', () => {
    const p = { apiVersion: 'platform.kratix.io/v1alpha1', kind: 'Pipeline', metadata: { name: 'a', labels: {} }, spec: {} };
    const dep = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' } };
    const out = promiseSpecForHash({ dependencies: [dep], workflows: { resource: { delete: [p] } } });
    expect(out.dependencies).toEqual([dep]);
    expect(out.workflows.resource).toEqual({ delete: [p] });
  });
});

describe('md5Hex on every Node.js (.ci/run runs this on 20, 22 and 24)', () => {
  // Known digests (RFC 1321 test suite, and UTF-8 text hashed as its bytes).
  const KNOWN: [string, string][] = [
    ['', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['abc', '900150983cd24fb0d6963f7d28e17f72'],
    ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
    ['aé☃😀', createHash('md5').update(Buffer.from('aé☃😀', 'utf8')).digest('hex')],
  ];

  /** md5Hex from a fresh copy of the module, loaded with `crypto.hash` replaced by `hash`. */
  function md5HexWith(hash: unknown): { md5: (text: string) => string; crypto: any } {
    let loaded: any;
    const crypto = { ...jest.requireActual('crypto'), hash, createHash: jest.fn(jest.requireActual('crypto').createHash) };
    jest.isolateModules(() => {
      jest.doMock('crypto', () => crypto);
      // A fresh copy of the module, loaded after the mock: an import would load it once, unmocked.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      loaded = require('../../src/render/go-json');
    });
    jest.dontMock('crypto');
    return { md5: loaded.md5Hex, crypto };
  }

  test.each(KNOWN)('md5Hex(%j) is %s', (text, hex) => {
    expect(md5Hex(text)).toBe(hex);
  });

  test('uses crypto.hash, the one-shot API, where Node.js has it (20.12 and later)', () => {
    const [major, minor] = process.versions.node.split('.').map(Number);
    expect(typeof (jest.requireActual('crypto') as any).hash === 'function').toBe(major > 20 || (major === 20 && minor >= 12));
    const hash = jest.fn((jest.requireActual('crypto') as any).hash ?? (() => 'no crypto.hash'));
    const { md5, crypto } = md5HexWith(hash);
    expect(md5('abc')).toBe(hash.mock.results[0]?.value);
    expect(hash).toHaveBeenCalledWith('md5', 'abc', 'hex');
    expect(crypto.createHash).not.toHaveBeenCalled();
  });

  test.each(KNOWN)('falls back to createHash where Node.js has no crypto.hash (before 20.12): md5Hex(%j) is %s', (text, hex) => {
    const { md5, crypto } = md5HexWith(undefined);
    expect(md5(text)).toBe(hex);
    expect(crypto.createHash).toHaveBeenCalledWith('md5');
  });
});
