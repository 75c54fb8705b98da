import { App, Chart } from 'cdk8s';
import * as fc from 'fast-check';
import { buildPromise, dnsLabel, params, PromiseModel, promiseModel, requestFor, RESERVED_CONTAINER_NAMES, synthOnce, Workflow, workflowsOf } from './arbitraries';
import { KratixPromise, WorkflowAction, WorkflowType } from '../../src';
import { RenderError, renderWorkflow } from '../../src/render';
import { errorsOf, promiseProblems } from '../../src/validate';

// Random invalid mutations of a valid Promise's pipeline fail with a library error everywhere:
// a validation error at synth, problems from the validator, an import error, and a RenderError
// (or a rendering, for the rules only the validator checks); never a TypeError.

type Mutation = { readonly what: string; apply(pipeline: any, container: number): void };

const invalidLabel = fc.oneof(
  fc.constantFrom('Main', 'my_step', '-lead', 'trail-', 'has space', 'dot.ted', ''),
  dnsLabel(64, 70),
  dnsLabel(1, 20).map(s => s.toUpperCase() + 'X'),
);
const aNumber = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom(...RESERVED_CONTAINER_NAMES).map((name): Mutation => ({ what: `rename a container to ${name}`, apply: (p, i) => { p.spec.containers[i].name = name; } })),
  invalidLabel.map((name): Mutation => ({ what: `rename a container to ${JSON.stringify(name)}`, apply: (p, i) => { p.spec.containers[i].name = name; } })),
  fc.constant<Mutation>({ what: 'duplicate a container', apply: (p, i) => { p.spec.containers.push(JSON.parse(JSON.stringify(p.spec.containers[i]))); } }),
  fc.constant<Mutation>({ what: 'drop an image', apply: (p, i) => { delete p.spec.containers[i].image; } }),
  fc.tuple(fc.constantFrom('image', 'name', 'imagePullPolicy'), aNumber).map(([field, n]): Mutation => ({
    what: `set container ${field} to the number ${n}`, apply: (p, i) => { p.spec.containers[i][field] = n; },
  })),
  fc.oneof(aNumber, fc.boolean()).map((v): Mutation => ({
    what: `set an env value to ${v}`, apply: (p, i) => { p.spec.containers[i].env = [...p.spec.containers[i].env ?? [], { name: 'BAD', value: v }]; },
  })),
  fc.constantFrom('workdir', 'ports', 'livenessProbe', 'tty', 'x-extra').map((key): Mutation => ({
    what: `add the unknown container field ${key}`, apply: (p, i) => { p.spec.containers[i][key] = 'x'; },
  })),
  fc.constantFrom('Job', 'Pod', 'Pipelines', 'Workflow', '').map((kind): Mutation => ({ what: `set kind ${JSON.stringify(kind)}`, apply: p => { p.kind = kind; } })),
  fc.constantFrom('platform.kratix.io/v1', 'v1', 'batch/v1', 'platform.kratix.io/v1beta1').map((v): Mutation => ({
    what: `set apiVersion ${v}`, apply: p => { p.apiVersion = v; },
  })),
);

/** A model with at least one pipeline, a pipeline and a container of it, a mutation and a request. */
const cases = promiseModel.filter(m => workflowsOf(m).length > 0).chain(model => fc.record({
  model: fc.constant(model),
  workflow: fc.constantFrom(...workflowsOf(model)),
  request: requestFor(model),
  mutation,
}).chain(c => fc.record({
  model: fc.constant(c.model),
  workflow: fc.constant(c.workflow),
  request: fc.constant(c.request),
  mutation: fc.constant(c.mutation),
  pipeline: fc.nat({ max: c.model.workflows[c.workflow].length - 1 }),
  container: fc.nat({ max: 4 }),
})));

/** Fails unless `e` is a library error: an Error, not a TypeError or RangeError, with a message that shows no internals. */
function expectLibraryError(e: unknown): void {
  expect(e).toBeInstanceOf(Error);
  expect(e).not.toBeInstanceOf(TypeError);
  expect(e).not.toBeInstanceOf(RangeError);
  expect((e as Error).message).not.toMatch(/TypeError|undefined|\[object Object\]|Maximum call stack/);
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('random invalid mutations of valid Promises', () => {
  test('fail at synth, in the validator, at import and (where the renderer checks) at render, never with a TypeError', () => {
    fc.assert(fc.property(cases, ({ model, workflow, request, mutation: m, pipeline, container }) => {
      const { doc } = synthOnce(model);
      const [type, action] = workflow.split('/') as [WorkflowType, WorkflowAction];
      const pipelineDoc = doc.spec.workflows[type][action][pipeline];
      m.apply(pipelineDoc, container % pipelineDoc.spec.containers.length);

      // The validator reports an error for the pipeline.
      const errors = errorsOf(promiseProblems(doc));
      expect(errors.some(p => p.path.startsWith(`spec.workflows.${type}.${action}[${pipeline}]`))).toBe(true);

      // The constructs refuse to synthesize the same change, made through overrides.
      const app = new App();
      const built = buildPromise(new Chart(app, 'chart'), model as PromiseModel);
      const target = built.workflow(type, action).pipelines[pipeline];
      for (const key of Object.keys(pipelineDoc)) target.addOverride(key, pipelineDoc[key]);
      const synthError = thrown(() => app.synthYaml());
      expectLibraryError(synthError);
      expect((synthError as Error).message).toMatch(/^Validation failed with the following errors:\n {2}\[chart\/promise\] Pipeline 'chart\/promise\//);

      // Import rejects the pipeline, as Kratix would.
      const importError = thrown(() => KratixPromise.fromObject(new Chart(new App(), 'c'), 'p', doc));
      expectLibraryError(importError);
      expect((importError as Error).message).toMatch(/^cannot import Promise '.*': Kratix would reject its pipeline/);

      // The renderer either renders (for rules that only the validator checks) or throws a RenderError.
      const renderError = thrown(() => renderWorkflow(doc, workflow as Workflow, type === 'resource' ? request : undefined));
      if (renderError !== undefined) {
        expect(renderError).toBeInstanceOf(RenderError);
        expectLibraryError(renderError);
      }
    }), params());
  });
});
