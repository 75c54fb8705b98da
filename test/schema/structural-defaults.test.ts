import { applyDefaults, pruneUnknownFields, storedResource } from '../../src/schema';

const obj = (properties: any, extra: any = {}) => ({ type: 'object', properties, ...extra });

describe('structural defaulting (Kubernetes rules)', () => {
  test('rule 2: a missing property gets its default', () => {
    expect(applyDefaults({}, obj({ size: { type: 'string', default: 'small' } }))).toEqual({ size: 'small' });
  });

  test('rule 2: a present property keeps its value, even a falsy one', () => {
    const schema = obj({ n: { type: 'integer', default: 3 }, s: { type: 'string', default: 'x' }, b: { type: 'boolean', default: true } });
    expect(applyDefaults({ n: 0, s: '', b: false }, schema)).toEqual({ n: 0, s: '', b: false });
  });

  test('rule 2: null of a non-nullable property with a default gets the default', () => {
    expect(applyDefaults({ size: null }, obj({ size: { type: 'string', default: 'small' } }))).toEqual({ size: 'small' });
  });

  test('rule 2: null of a nullable property is kept, not defaulted', () => {
    expect(applyDefaults({ size: null }, obj({ size: { type: 'string', nullable: true, default: 'small' } }))).toEqual({ size: null });
  });

  test('rule 1: null of a non-nullable property without default is removed', () => {
    expect(applyDefaults({ a: null, b: null }, obj({ a: { type: 'string' }, b: { type: 'string', nullable: true } }))).toEqual({ b: null });
  });

  test('rule 2: null items and map values get the items/additionalProperties default', () => {
    expect(applyDefaults([null, 'x'], { type: 'array', items: { type: 'string', default: 'd' } })).toEqual(['d', 'x']);
    expect(applyDefaults({ k: null }, { type: 'object', additionalProperties: { type: 'string', default: 'd' } })).toEqual({ k: 'd' });
  });

  test('rule 3: defaults apply inside existing objects and array items', () => {
    const schema = obj({
      backup: obj({ enabled: { type: 'boolean', default: false } }),
      users: { type: 'array', items: obj({ role: { type: 'string', default: 'reader' } }) },
    });
    expect(applyDefaults({ backup: {}, users: [{ name: 'a' }, { role: 'admin' }] }, schema))
      .toEqual({ backup: { enabled: false }, users: [{ name: 'a', role: 'reader' }, { role: 'admin' }] });
  });

  test('rule 3: a missing object without its own default is not created', () => {
    expect(applyDefaults({}, obj({ backup: obj({ enabled: { type: 'boolean', default: false } }) }))).toEqual({});
  });

  test('rule 3: defaults apply inside a default just applied (default: {})', () => {
    const schema = obj({ backup: obj({ enabled: { type: 'boolean', default: false }, schedule: { type: 'string', default: '0 2 * * *' } }, { default: {} }) });
    expect(applyDefaults({}, schema)).toEqual({ backup: { enabled: false, schedule: '0 2 * * *' } });
  });

  test('rule 2: defaults are deep copies', () => {
    const schema = obj({ tags: { type: 'array', items: { type: 'string' }, default: ['a'] } });
    const one = applyDefaults({} as any, schema);
    one.tags.push('b');
    expect(applyDefaults({}, schema)).toEqual({ tags: ['a'] });
  });

  test('the input is not changed', () => {
    const schema = obj({ a: obj({ x: { type: 'string', default: 'd' } }), b: obj({ y: { type: 'string' } }), n: { type: 'string' } });
    const input = { a: {}, b: { y: 'kept' }, n: null };
    const out = applyDefaults(input, schema);
    expect(out).toEqual({ a: { x: 'd' }, b: { y: 'kept' } });
    expect(input).toEqual({ a: {}, b: { y: 'kept' }, n: null });
  });

  test('rule 4: defaults inside anyOf are not applied', () => {
    expect(applyDefaults({}, { type: 'object', anyOf: [obj({ a: { type: 'string', default: 'x' } })] })).toEqual({});
  });
});

describe('pruning of unknown fields (Kubernetes rules)', () => {
  test('fields not in properties are removed and reported; the root keeps apiVersion, kind and metadata', () => {
    const value = { apiVersion: 'g/v1', kind: 'K', metadata: { name: 'n' }, spec: { size: 's', sise: 'x' }, extra: 1 };
    expect(pruneUnknownFields(value, obj({ spec: obj({ size: { type: 'string' } }) }))).toEqual(['spec.sise', 'extra']);
    expect(value).toEqual({ apiVersion: 'g/v1', kind: 'K', metadata: { name: 'n' }, spec: { size: 's' } });
  });

  test('x-kubernetes-preserve-unknown-fields and additionalProperties keep unknown fields', () => {
    const value = { a: { any: 1 }, m: { k: { v: 1, drop: 2 } } };
    const schema = obj({ a: { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true }, m: { type: 'object', additionalProperties: obj({ v: { type: 'integer' } }) } });
    expect(pruneUnknownFields(value, schema, '', false)).toEqual(['m.k.drop']);
    expect(value).toEqual({ a: { any: 1 }, m: { k: { v: 1 } } });
  });

  test('a resource\'s metadata is not pruned with the CRD\'s schema for it (k8s pruning: metadata of a resource is ObjectMeta)', () => {
    const value = { apiVersion: 'g/v1', kind: 'K', metadata: { name: 'n', namespace: 'ns' }, spec: {} };
    expect(pruneUnknownFields(value, obj({ metadata: { type: 'object' }, spec: obj({}) }))).toEqual([]);
    expect(value.metadata).toEqual({ name: 'n', namespace: 'ns' });
  });

  test('an embedded resource keeps apiVersion, kind and metadata', () => {
    const value = { items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: {}, other: 1 }] };
    const schema = obj({ items: { type: 'array', items: { 'type': 'object', 'x-kubernetes-embedded-resource': true } } });
    expect(pruneUnknownFields(value, schema, '', false)).toEqual(['items[0].other']);
  });
});

describe('storedResource()', () => {
  const crd = (versions: any[]) => ({ spec: { versions } });
  const v = (name: string, storage: boolean, props: any) => ({ name, served: true, storage, schema: { openAPIV3Schema: obj({ spec: obj(props) }) } });

  test('defaults of the written version, then of the storage version, on a copy', () => {
    const request = { apiVersion: 'g/v1', kind: 'K', spec: {} };
    const api = crd([v('v1', false, { a: { type: 'string', default: 'from-v1' } }), v('v2', true, { a: { type: 'string' }, b: { type: 'string', default: 'from-v2' } })]);
    expect(storedResource(api, request).resource.spec).toEqual({ a: 'from-v1', b: 'from-v2' });
    expect(request.spec).toEqual({});
  });
});
