import { Testing } from 'cdk8s';
import { KratixPromise, PromiseApi } from '../../src';
import { structuralSchemaProblems } from '../../src/validate/structural-schema';

// The CRD as the API server checks it (Kratix's webhook dry-run-creates it): the structural schema rules.
const WHY = ": the API server rejects the CRD, and Kratix's webhook dry-run-creates it";
const P = 'spec.api.spec.versions[0].schema.openAPIV3Schema';
const problems = (schema: Record<string, unknown>) => structuralSchemaProblems(schema, P).map(p => `${p.path}: ${p.message}`);

describe('structuralSchemaProblems', () => {
  test('a structural schema has none, int-or-string and preserve-unknown-fields nodes included', () => {
    expect(problems({
      type: 'object',
      properties: {
        metadata: { type: 'object', properties: { name: { type: 'string', maxLength: 20 } } },
        spec: {
          type: 'object',
          properties: {
            port: { 'x-kubernetes-int-or-string': true, 'anyOf': [{ type: 'integer' }, { type: 'string' }] },
            extra: { 'x-kubernetes-preserve-unknown-fields': true },
            tags: { type: 'array', items: { type: 'string' } },
            labels: { type: 'object', additionalProperties: { type: 'string' } },
            size: { type: 'string', anyOf: [{ pattern: '^s' }, { pattern: '^m' }] },
          },
        },
      },
    })).toEqual([]);
  });

  test.each<[string, Record<string, unknown>, string]>([
    ['a field without type', { type: 'object', properties: { spec: { properties: { a: { type: 'string' } } } } },
      `${P}.properties.spec.type: a field of a structural schema needs a type (or x-kubernetes-int-or-string or x-kubernetes-preserve-unknown-fields: true); set type${WHY}`],
    ['a root that is no object', { type: 'string' }, `${P}.type: the root of the schema must have type: object, not 'string'${WHY}`],
    ['properties with additionalProperties', { type: 'object', properties: { spec: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: { type: 'string' } } } },
      `${P}.properties.spec.additionalProperties: properties and additionalProperties are mutually exclusive; keep one${WHY}`],
    ['an array without items', { type: 'object', properties: { tags: { type: 'array' } } }, `${P}.properties.tags.items: an array needs items: a schema for its elements; set items${WHY}`],
    ['an unknown type', { type: 'object', properties: { n: { type: 'float' } } }, `${P}.properties.n.type: type 'float' must be one of array, boolean, integer, number, object, string${WHY}`],
    ['metadata restricting more than name and generateName', { type: 'object', properties: { metadata: { type: 'object', properties: { labels: { type: 'object' } } } } },
      `${P}.properties.metadata: metadata may only restrict name and generateName, not 'labels'; remove them${WHY}`],
    ['uniqueItems', { type: 'object', properties: { t: { type: 'array', items: { type: 'string' }, uniqueItems: true } } },
      `${P}.properties.t.uniqueItems: uniqueItems cannot be true (its check is quadratic); use x-kubernetes-list-type: set${WHY}`],
    ['additionalProperties: false', { type: 'object', additionalProperties: false }, `${P}.additionalProperties: additionalProperties cannot be false; leave it out (unknown fields are pruned)${WHY}`],
    ['a type inside anyOf', { type: 'object', properties: { s: { type: 'string', anyOf: [{ type: 'string' }] } } },
      `${P}.properties.s.anyOf[0].type: type is not allowed inside allOf, anyOf, oneOf or not: declare it in the schema they sit in${WHY}`],
  ])('reports %s', (_, schema, message) => {
    expect(problems(schema)).toEqual([message]);
  });

  test('fails the synth of a Promise whose API schema is not structural, naming the field', () => {
    const chart = Testing.chart();
    new KratixPromise(chart, 'env', {
      api: PromiseApi.of({ group: 'example.com', kind: 'Env', versions: [{ name: 'v1', openApiV3Schema: { type: 'object', properties: { spec: { properties: {} } } } }] }),
    });
    expect(() => Testing.synth(chart)).toThrow(`KratixPromise 'test/env': ${P}.properties.spec.type: a field of a structural schema needs a type`);
  });
});
