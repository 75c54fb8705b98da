import { Testing } from 'cdk8s';
import { KratixPromise, Pipeline, WorkflowAction, WorkflowType } from '../src';

describe('PromiseWorkflow', () => {
  test('minimal definition: an empty list of pipelines', () => {
    const chart = Testing.chart();
    const wf = new KratixPromise(chart, 'env').workflow(WorkflowType.PROMISE, WorkflowAction.CONFIGURE);
    expect(wf.workflowType).toBe('promise');
    expect(wf.action).toBe('configure');
    expect(wf.pipelines).toEqual([]);
    expect(wf.toJson()).toEqual([]);
  });

  test('a configure workflow holds pipelines in the order they were added', () => {
    const chart = Testing.chart();
    const wf = new KratixPromise(chart, 'env').workflow(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE);
    wf.addPipeline('b');
    wf.addPipeline('a');
    new Pipeline(wf, 'c');
    expect(wf.pipelines.map(p => p.name)).toEqual(['b', 'a', 'c']);
  });

  test('a second delete pipeline is an error naming both pipelines', () => {
    const chart = Testing.chart();
    const wf = new KratixPromise(chart, 'env').workflow(WorkflowType.RESOURCE, WorkflowAction.DELETE);
    wf.addPipeline('cleanup');
    expect(() => wf.addPipeline('notify')).toThrow(
      "PromiseWorkflow 'test/env/resource/delete': cannot add pipeline 'notify': a resource delete workflow runs exactly one pipeline (Kratix ignores the others); put its containers in 'cleanup'");
  });

  test('a second delete pipeline created directly fails at synth', () => {
    const chart = Testing.chart();
    const wf = new KratixPromise(chart, 'env').workflow(WorkflowType.PROMISE, WorkflowAction.DELETE);
    wf.addPipeline('cleanup', { containers: [{ name: 'c', image: 'i:1' }] });
    new Pipeline(wf, 'other', { containers: [{ name: 'c', image: 'i:1' }] });
    expect(() => Testing.synth(chart)).toThrow("PromiseWorkflow 'test/env/promise/delete': cannot add pipeline 'other': a promise delete workflow runs exactly one pipeline");
  });

  test('a duplicate pipeline name is an error naming the first one', () => {
    const chart = Testing.chart();
    const wf = new KratixPromise(chart, 'env').workflow(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE);
    wf.addPipeline('setup');
    expect(() => wf.addPipeline('setup-again', { name: 'setup' })).toThrow(
      "PromiseWorkflow 'test/env/resource/configure': pipeline name 'setup' is already used by 'test/env/resource/configure/setup'; pipeline names must be unique in a workflow");
  });
});
