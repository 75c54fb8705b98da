import { App, Chart } from 'cdk8s';
import * as fc from 'fast-check';
import { params, promiseModel, PromiseModel, requestFor, synth, synthOnce, Workflow, workflowsOf } from './arbitraries';
import { KratixPromise } from '../../src';
import { pipelinePod, renderWorkflow, workflowObjects } from '../../src/render';
import { errorsOf, promiseProblems } from '../../src/validate';
import { promiseCrdErrors } from '../support/kratix-crd';
import { validateKubernetesObject } from '../support/kubernetes-schema';

// Properties of random valid Promises built with the constructs (see arbitraries.ts). Seeded and
// reproducible: FC_SEED (default 42) and FC_RUNS (default 1000) change the cases and their number.

/** A model with a request for its API (used by resource workflows). */
const withRequest = promiseModel.chain(model => fc.tuple(fc.constant(model), requestFor(model)));

describe('random valid Promises', () => {
  test('synthesize to a document that passes the Kratix Promise CRD schema and the strict Pipeline rules', () => {
    fc.assert(fc.property(promiseModel, (model) => {
      const { doc } = synthOnce(model);
      expect(promiseCrdErrors(doc)).toEqual([]);
      expect(errorsOf(promiseProblems(doc))).toEqual([]);
      // Every pipeline ID fits Kratix's 60 characters.
      for (const w of workflowsOf(model)) {
        for (const p of model.workflows[w]) expect(`${model.name}-${w.replace('/', '-')}-${p.name}`.length).toBeLessThanOrEqual(60);
      }
    }), params());
  });

  test('synthesize byte-identically in two apps', () => {
    fc.assert(fc.property(promiseModel, (model) => {
      expect(synth(model).yaml).toBe(synthOnce(model).yaml);
    }), params());
  });

  test('import (KratixPromise.fromObject) then synth gives an equal document', () => {
    fc.assert(fc.property(promiseModel, (model: PromiseModel) => {
      const { doc } = synthOnce(model);
      const app = new App();
      const chart = new Chart(app, 'chart');
      KratixPromise.fromObject(chart, 'imported', doc);
      app.synthYaml();
      expect(chart.toJson()).toEqual([doc]);
    }), params());
  });

  test('render every workflow to objects that pass the Kubernetes 1.28 schemas, unique by (kind, namespace, name)', () => {
    fc.assert(fc.property(withRequest, ([model, request]) => {
      const { doc } = synthOnce(model);
      for (const workflow of workflowsOf(model) as Workflow[]) {
        const rendered = renderWorkflow(doc, workflow, workflow.startsWith('resource/') ? request : undefined);
        expect(rendered.length).toBe(workflow.endsWith('/delete') ? 1 : model.workflows[workflow].length);
        const objects = workflowObjects(rendered);
        for (const obj of [...objects, ...rendered.map(pipelinePod)]) validateKubernetesObject(obj);
        const keys = objects.map(o => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`);
        expect(new Set(keys).size).toBe(keys.length);
        // Everything namespaced lands in the pipeline namespace, else the request's (resource) or Kratix's (promise).
        const namespace = model.pipelineNamespace ?? (workflow.startsWith('resource/') ? request.metadata.namespace : 'kratix-platform-system');
        for (const p of rendered) expect(p.job.metadata.namespace).toBe(namespace);
      }
    }), params());
  });
});
