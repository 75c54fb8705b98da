import * as cdk8s from 'cdk8s';
import * as plus from 'cdk8s-plus-28';
import * as constructs from 'constructs';
import type * as Lib from '../src';

const { Testing } = cdk8s;

// Two installed copies of the package (e.g. one under a construct library that depends on it)
// must recognise each other's constructs: identity goes through Symbol.for markers, not instanceof.
// The copies share cdk8s, cdk8s-plus and constructs, which are peer dependencies.
function loadCopy(): typeof Lib {
  let copy: typeof Lib | undefined;
  jest.isolateModules(() => {
    jest.doMock('cdk8s', () => cdk8s);
    jest.doMock('cdk8s-plus-28', () => plus);
    jest.doMock('constructs', () => constructs);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    copy = require('../src');
  });
  return copy!;
}

describe('two copies of the package', () => {
  const a = loadCopy();
  const b = loadCopy();

  test('are distinct classes', () => {
    expect(a.KratixPromise).not.toBe(b.KratixPromise);
  });

  test('recognise each other\'s constructs through isKratixPromise, isPromiseWorkflow and isPipeline', () => {
    const chart = Testing.chart();
    const promise = new a.KratixPromise(chart, 'env');
    const pipeline = promise.addPipeline(a.WorkflowType.PROMISE, a.WorkflowAction.CONFIGURE, 'setup');
    expect(promise instanceof b.KratixPromise).toBe(false);
    expect(b.KratixPromise.isKratixPromise(promise)).toBe(true);
    expect(b.PromiseWorkflow.isPromiseWorkflow(pipeline.node.scope)).toBe(true);
    expect(b.Pipeline.isPipeline(pipeline)).toBe(true);
    expect(b.Pipeline.isPipeline(promise)).toBe(false);
    expect(b.KratixPromise.isKratixPromise({})).toBe(false);
  });

  test('a PipelineJob of one copy renders a pipeline of the other', () => {
    const chart = Testing.chart();
    const promise = new a.KratixPromise(chart, 'env');
    promise.addPipeline(a.WorkflowType.PROMISE, a.WorkflowAction.CONFIGURE, 'setup').addContainer({ name: 'c', image: 'c:1' });
    const job = new b.PipelineJob(chart, 'job', { pipeline: promise.workflows[0].pipelines[0], adapterImage: 'adapter:1' });
    expect(job.pipelineId).toBe('env-promise-configure-setup');
    expect(Testing.synth(chart).map(o => o.kind)).toContain('Job');
  });

  test('a pipeline added to a workflow by the other copy is one of its pipelines', () => {
    const chart = Testing.chart();
    const promise = new a.KratixPromise(chart, 'env');
    const workflow = promise.workflow(a.WorkflowType.PROMISE, a.WorkflowAction.CONFIGURE);
    new b.Pipeline(workflow, 'from-b');
    expect(workflow.pipelines.map(p => p.name)).toEqual(['from-b']);
  });
});
