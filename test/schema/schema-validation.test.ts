import { schemaViolations } from '../../src/schema';

const root = (spec: any) => ({ type: 'object', properties: { spec } });
const check = (spec: any, value: any) => schemaViolations(root(spec), { apiVersion: 'g/v1', kind: 'K', metadata: { name: 'n' }, spec: value });
const obj = (properties: any, extra: any = {}) => ({ type: 'object', properties, ...extra });

describe('schemaViolations(): the API server\'s rules', () => {
  test('a valid request has none; apiVersion, kind and metadata are always allowed', () => {
    expect(check(obj({ size: { type: 'string' } }), { size: 'small' })).toEqual([]);
  });

  test('type', () => {
    expect(check(obj({ replicas: { type: 'integer' } }), { replicas: '3' }))
      .toEqual([{ path: 'spec.replicas', rule: 'type', message: 'must be integer; got "3"' }]);
    expect(check(obj({ ratio: { type: 'number' } }), { ratio: 1 })).toEqual([]);
  });

  test('required', () => {
    expect(check(obj({ size: { type: 'string' } }, { required: ['size'] }), {}))
      .toEqual([{ path: 'spec.size', rule: 'required', message: 'required field is missing: set it' }]);
  });

  test('enum', () => {
    expect(check(obj({ size: { type: 'string', enum: ['small', 'large'] } }), { size: 'huge' }))
      .toEqual([{ path: 'spec.size', rule: 'enum', message: 'must be one of "small", "large"; got "huge"' }]);
  });

  test('pattern', () => {
    expect(check(obj({ name: { type: 'string', pattern: '^[a-z]+$' } }), { name: 'Ab' }))
      .toEqual([{ path: 'spec.name', rule: 'pattern', message: 'must match pattern "^[a-z]+$"; got "Ab"' }]);
  });

  test('minimum, maximum, and OpenAPI 3.0 boolean exclusive bounds', () => {
    const schema = obj({ n: { type: 'integer', minimum: 1, maximum: 5 }, x: { type: 'number', minimum: 0, exclusiveMinimum: true } });
    expect(check(schema, { n: 7, x: 0 })).toEqual([
      { path: 'spec.n', rule: 'maximum', message: 'must be <= 5; got 7' },
      { path: 'spec.x', rule: 'exclusiveMinimum', message: 'must be > 0; got 0' },
    ]);
  });

  test('minLength and maxLength count characters', () => {
    const schema = obj({ s: { type: 'string', minLength: 2, maxLength: 3 } });
    expect(check(schema, { s: 'é🙂x' })).toEqual([]);
    expect(check(schema, { s: 'abcd' })).toEqual([{ path: 'spec.s', rule: 'maxLength', message: 'must NOT have more than 3 characters; got "abcd"' }]);
  });

  test('items, with the index in the path, and minItems/maxItems', () => {
    const schema = obj({ ports: { type: 'array', maxItems: 2, items: obj({ port: { type: 'integer' } }) } });
    expect(check(schema, { ports: [{ port: 1 }, { port: 'x' }, { port: 3 }] })).toEqual([
      { path: 'spec.ports', rule: 'maxItems', message: 'must NOT have more than 2 items; got [{"port":1},{"port":"x"},{"port":3}]' },
      { path: 'spec.ports[1].port', rule: 'type', message: 'must be integer; got "x"' },
    ]);
  });

  test('an unknown field is an error, as with strict field validation', () => {
    expect(check(obj({ size: { type: 'string' } }), { sise: 'small' })).toEqual([{
      path: 'spec.sise',
      rule: 'unknown-field',
      message: 'unknown field (the schema neither defines it nor preserves unknown fields; the API server would drop it): remove it or correct its name; got "small"',
    }]);
  });

  test('an object without properties and without x-kubernetes-preserve-unknown-fields takes no fields', () => {
    expect(check({ type: 'object' }, { a: 1 }).map(v => v.path)).toEqual(['spec.a']);
  });

  test('x-kubernetes-preserve-unknown-fields keeps any field; additionalProperties validates map values', () => {
    expect(check({ 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true, 'properties': { a: { type: 'string' } } }, { a: 'x', b: { c: 1 } })).toEqual([]);
    expect(check(obj({ labels: { type: 'object', additionalProperties: { type: 'string' } } }), { labels: { a: 'x', b: 2 } }))
      .toEqual([{ path: 'spec.labels.b', rule: 'type', message: 'must be string; got 2' }]);
  });

  test('x-kubernetes-int-or-string takes integers and strings only', () => {
    const schema = obj({ port: { 'x-kubernetes-int-or-string': true } });
    expect(check(schema, { port: 80 })).toEqual([]);
    expect(check(schema, { port: 'http' })).toEqual([]);
    expect(check(schema, { port: 1.5 })).toEqual([{ path: 'spec.port', rule: 'type', message: 'must be integer or string; got 1.5' }]);
  });

  test('nullable takes null; without it null is a type error', () => {
    expect(check(obj({ a: { type: 'string', nullable: true, enum: ['x'] } }), { a: null })).toEqual([]);
    expect(check(obj({ a: { type: 'string' } }), { a: null })).toEqual([{ path: 'spec.a', rule: 'type', message: 'must be string; got null' }]);
  });

  test('the root\'s own required fields count', () => {
    expect(schemaViolations({ type: 'object', required: ['spec'], properties: { spec: { type: 'object' } } }, { apiVersion: 'g/v1', kind: 'K' }))
      .toEqual([{ path: 'spec', rule: 'required', message: 'required field is missing: set it' }]);
  });

  test('a pattern ECMAScript cannot compile names the schema', () => {
    expect(() => check(obj({ a: { type: 'string', pattern: '(?i)abc' } }), { a: 'x' })).toThrow(/^the API's openAPIV3Schema cannot be compiled: /);
  });
});
