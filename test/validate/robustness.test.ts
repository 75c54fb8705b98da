import * as fc from 'fast-check';
import { decodeStrictly, PipelineContext, pipelineProblems, Problem, promiseProblems, validatePromiseDocument } from '../../src/validate';
import { WorkflowAction, WorkflowType } from '../../src/workflow-types';

const CONTEXT: PipelineContext = { promiseName: 'env', type: WorkflowType.RESOURCE, action: WorkflowAction.CONFIGURE };

function deeplyNested(levels: number, asList = false): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = asList ? [value] : { a: value, containers: value };
  return value;
}

function expectProblems(problems: Problem[]): void {
  expect(Array.isArray(problems)).toBe(true);
  const bad = problems.filter((p) => typeof p.path !== 'string' || typeof p.message !== 'string'
    || /undefined|\[object Object\]|TypeError/.test(p.message) || !['error', 'warning'].includes(p.severity));
  expect(bad).toEqual([]);
}

function allValidators(input: unknown): void {
  expectProblems(pipelineProblems(input, CONTEXT));
  expectProblems(promiseProblems(input));
  expectProblems(validatePromiseDocument(input, { lenient: true }));
  expectProblems(decodeStrictly(input, 'Pipeline'));
}

const garbage: Array<[string, unknown]> = [
  ['null', null],
  ['undefined', undefined],
  ['a number', 42],
  ['a string', 'Promise'],
  ['a list', []],
  ['a boolean', true],
  ['a prototype-less object', Object.create(null)],
  ['a function', () => 1],
  ['prototype keys', JSON.parse('{"__proto__": {"kind": "Promise"}, "constructor": 1, "toString": 2}')],
];

describe('validators on garbage', () => {
  test.each(garbage)('return problems, never throw, for %s', (_, input) => {
    allValidators(input);
  });

  const promiseWith = (v: unknown) => ({ apiVersion: 'platform.kratix.io/v1alpha1', kind: 'Promise', metadata: v, spec: v, status: v });
  const pipelineWith = (v: unknown) => ({ apiVersion: 'platform.kratix.io/v1alpha1', kind: 'Pipeline', metadata: { name: 'p', labels: v }, spec: { containers: [v, { name: v, env: v, resources: v, securityContext: { capabilities: v } }], volumes: v, rbac: { permissions: [v] } } });

  test.each(garbage)('return problems for %s in every field', (_, input) => {
    allValidators(promiseWith(input));
    allValidators(pipelineWith(input));
    allValidators(promiseWith({
      workflows: { promise: { configure: [pipelineWith(input)], delete: input }, resource: input, config: input },
      api: { spec: input, metadata: input },
      dependencies: [input],
    }));
  });

  test.each([
    ['maps', false],
    ['lists', true],
  ])('handle 10,000 levels of nested %s anywhere', (_, asList) => {
    const deep = deeplyNested(10_000, asList as boolean);
    allValidators(deep);
    allValidators(promiseWith(deep));
    allValidators(pipelineWith(deep));
    allValidators(promiseWith({ api: deep, dependencies: [deep], workflows: { resource: { configure: [pipelineWith(deep), deep] } } }));
    allValidators(pipelineWith({ unknown: deep }));
  });

  test('handle cyclic objects', () => {
    const cyclic: any = { apiVersion: 'platform.kratix.io/v1alpha1', kind: 'Pipeline', metadata: { name: 'p' }, spec: {} };
    cyclic.spec.containers = [cyclic];
    cyclic.metadata.labels = cyclic;
    allValidators(cyclic);
    allValidators({ kind: 'Promise', spec: { workflows: { promise: { configure: [cyclic] } } } });
  });

  test('handle random values at every position (fast-check)', () => {
    fc.assert(fc.property(fc.anything({ maxDepth: 4 }), fc.anything({ maxDepth: 3 }), (a, b) => {
      allValidators(a);
      allValidators(promiseWith(a));
      allValidators(pipelineWith(b));
      allValidators({ apiVersion: 'platform.kratix.io/v1alpha1', kind: 'Promise', metadata: { name: 'x' }, spec: { workflows: { resource: { configure: [pipelineWith(a)], delete: [b] } } } });
    }), { numRuns: 200 });
  });
});
