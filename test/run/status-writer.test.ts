import { WorkflowControl } from '../../src/pipeline-files';
import { pipelineSucceeded, startPipeline, startWorkflow } from '../../src/run/controller-status';
import { mergeStatuses } from '../../src/run/status-merge';
import { markAsCompleted, writeStatus } from '../../src/run/status-writer';

const NOW = new Date('2026-08-21T10:00:00Z');
const NONE: WorkflowControl = { action: 'none', suspend: false, retryAfter: '', message: '' };
const CONTROL_FILE = '/kratix/metadata/workflow-control.yaml';

/** A request as the controller leaves it when `pipeline` (of `pipelines`) starts. */
function live(pipelines: string[], pipeline: string, generation = 4): any {
  const obj: any = { apiVersion: 'example.org/v1', kind: 'WebApp', metadata: { name: 'shop', namespace: 'team-a', generation }, spec: {} };
  startWorkflow(obj, pipelines, 'configure', NOW);
  for (const p of pipelines) {
    startPipeline(obj, p, 'configure', NOW);
    if (p === pipeline) break;
    pipelineSucceeded(obj, p, 'configure', pipelines.indexOf(p) + 1, NOW);
  }
  return obj;
}

function entry(obj: any, name: string): any {
  return obj.status.kratix.workflows.pipelines.find((e: any) => e.name === name);
}

describe('runtime doc §6.2: MergeStatuses', () => {
  test('top-level keys replace wholesale: nested maps are not merged, lists are replaced', () => {
    expect(mergeStatuses({ iam: { user: 'admin' }, list: [1, 2], keep: 1 }, { iam: { password: 'vault-ref' }, list: [3] }))
      .toEqual({ iam: { password: 'vault-ref' }, list: [3], keep: 1 });
  });

  test('conditions merge by type, the incoming one replacing the same type; entries without a string type are dropped', () => {
    const merged = mergeStatuses(
      { conditions: [{ type: 'A', status: 'False' }, { type: 'B', status: 'True' }, { status: 'no type' }] },
      { conditions: [{ type: 'A', status: 'True' }, { type: 'C', status: 'True' }, { type: 7 }] },
    );
    expect(new Set(merged.conditions.map((c: any) => `${c.type}=${c.status}`))).toEqual(new Set(['A=True', 'B=True', 'C=True']));
  });

  test('when either side of conditions is not a list, plain replace applies', () => {
    expect(mergeStatuses({ conditions: 'x' }, { conditions: [{ status: 'kept verbatim' }] })).toEqual({ conditions: [{ status: 'kept verbatim' }] });
  });

  test('null is stored as null', () => {
    expect(mergeStatuses({ a: 1 }, { a: null })).toEqual({ a: null });
  });
});

describe('runtime doc §6.4: completion', () => {
  test('Pending becomes "Resource requested" / "Promise configured"; ConfigureWorkflowCompleted True replaces in place; suspendedGeneration goes', () => {
    const status: any = { message: 'Pending', conditions: [{ type: 'ConfigureWorkflowCompleted', status: 'False' }, { type: 'Other' }], kratix: { workflows: { suspendedGeneration: 3, pipelines: [] } } };
    markAsCompleted(status, 'resource', NOW);
    expect(status.message).toBe('Resource requested');
    expect(status.conditions[0]).toEqual({ type: 'ConfigureWorkflowCompleted', status: 'True', lastTransitionTime: '2026-08-21T10:00:00Z', reason: 'PipelinesExecutedSuccessfully', message: 'Pipelines completed' });
    expect(status.kratix.workflows).toEqual({ pipelines: [] });
    const promise: any = { message: 'Pending' };
    markAsCompleted(promise, 'promise', NOW);
    expect(promise.message).toBe('Promise configured');
    expect(promise.conditions).toHaveLength(1);
  });

  test('a message other than Pending is kept', () => {
    const status: any = { message: 'all good' };
    markAsCompleted(status, 'resource', NOW);
    expect(status.message).toBe('all good');
  });

  test('the last pipeline marks completion, an earlier one does not', () => {
    const obj = live(['a', 'b'], 'a');
    writeStatus(obj, { type: 'resource', pipelineName: 'a', isLast: false, dryRun: false, incoming: {}, control: NONE, controlFile: CONTROL_FILE, now: NOW });
    expect(obj.status.message).toBe('Pending');
    const last = live(['a', 'b'], 'b');
    writeStatus(last, { type: 'resource', pipelineName: 'b', isLast: true, dryRun: false, incoming: {}, control: NONE, controlFile: CONTROL_FILE, now: NOW });
    expect(last.status.message).toBe('Resource requested');
    expect(last.status.conditions.find((c: any) => c.type === 'ConfigureWorkflowCompleted').status).toBe('True');
  });
});

describe('runtime doc §6.5: workflow control in the status-writer', () => {
  test('no control: ClearPipelineSuspension sets the entry Running and drops message, attempts and nextRetryAt', () => {
    const obj = live(['a'], 'a');
    Object.assign(entry(obj, 'a'), { message: 'm', attempts: 2, nextRetryAt: 'x' });
    writeStatus(obj, { type: 'resource', pipelineName: 'a', isLast: false, dryRun: false, incoming: {}, control: NONE, controlFile: CONTROL_FILE, now: NOW });
    expect(entry(obj, 'a')).toEqual({ name: 'a', phase: 'Running', lastTransitionTime: '2026-08-21T10:00:00Z' });
    expect(obj.metadata.labels).toBeUndefined();
  });

  test('retry: the suspended label, phase Suspended, message, nextRetryAt = now + retryAfter, attempts 1, suspendedGeneration; no completion', () => {
    const obj = live(['create-deps', 'wait', 'create-runtime'], 'wait');
    const out = writeStatus(obj, {
      type: 'resource',
      pipelineName: 'wait',
      isLast: false,
      dryRun: false,
      incoming: { message: 'waiting' },
      control: { action: 'retry', suspend: false, retryAfter: '30s', message: 'waiting for db' },
      controlFile: CONTROL_FILE,
      now: NOW,
    });
    expect(obj.metadata.labels).toEqual({ 'kratix.io/workflow-suspended': 'true' });
    expect(entry(obj, 'wait')).toEqual({ name: 'wait', phase: 'Suspended', message: 'waiting for db', nextRetryAt: '2026-08-21T10:00:30Z', attempts: 1, lastTransitionTime: '2026-08-21T10:00:00Z' });
    expect(obj.status.kratix.workflows.suspendedGeneration).toBe(4);
    expect(obj.status.message).toBe('waiting');
    expect(out.suspended).toEqual({ retry: true, message: 'waiting for db', nextRetryAt: '2026-08-21T10:00:30Z' });
  });

  test('suspend on the last pipeline: no ConfigureWorkflowCompleted True, nextRetryAt and attempts removed, message deleted when empty', () => {
    const obj = live(['a'], 'a');
    Object.assign(entry(obj, 'a'), { attempts: 1, nextRetryAt: 'x', message: 'old' });
    writeStatus(obj, { type: 'resource', pipelineName: 'a', isLast: true, dryRun: false, incoming: {}, control: { action: 'suspend', suspend: true, retryAfter: '', message: '' }, controlFile: CONTROL_FILE, now: NOW });
    expect(entry(obj, 'a')).toEqual({ name: 'a', phase: 'Suspended', lastTransitionTime: '2026-08-21T10:00:00Z' });
    expect(obj.status.message).toBe('Pending');
    expect(obj.status.conditions.find((c: any) => c.type === 'ConfigureWorkflowCompleted').status).toBe('False');
  });

  test('a retry counts attempts on from the previous value', () => {
    const obj = live(['a'], 'a');
    entry(obj, 'a').attempts = 2;
    writeStatus(obj, { type: 'resource', pipelineName: 'a', isLast: true, dryRun: false, incoming: {}, control: { action: 'retry', suspend: true, retryAfter: '1h', message: '' }, controlFile: CONTROL_FILE, now: NOW });
    expect(entry(obj, 'a')).toMatchObject({ attempts: 3, nextRetryAt: '2026-08-21T11:00:00Z' });
  });

  test('an invalid retryAfter fails the pipeline with Kratix\'s words and writes nothing', () => {
    const obj = live(['a'], 'a');
    const before = JSON.stringify(obj);
    expect(() => writeStatus(obj, { type: 'resource', pipelineName: 'a', isLast: true, dryRun: false, incoming: { x: 1 }, control: { action: 'retry', suspend: false, retryAfter: '1d', message: '' }, controlFile: CONTROL_FILE, now: NOW }))
      .toThrow('failed to parse retry duration: "1d" with error: time: unknown unit "d" in duration "1d"');
    expect(JSON.stringify(obj)).toBe(before);
  });

  test('a suspend without status.kratix fails with Kratix\'s words', () => {
    const obj: any = { metadata: { name: 'x' }, status: {} };
    expect(() => writeStatus(obj, { type: 'resource', pipelineName: 'a', isLast: false, dryRun: false, incoming: {}, control: { action: 'suspend', suspend: true, retryAfter: '', message: '' }, controlFile: CONTROL_FILE, now: NOW }))
      .toThrow('missing status.kratix while marking pipeline "a" as suspended');
  });
});

describe('runtime doc §6.3/§6.1 step 9: promise workflows and dry runs', () => {
  test('a promise workflow warns about keys other than message, and the Promise keeps only its schema\'s fields', () => {
    const obj: any = { metadata: { name: 'webapp' }, status: { message: 'Pending', workflows: 1 } };
    const out = writeStatus(obj, { type: 'promise', pipelineName: 'a', isLast: false, dryRun: false, incoming: { message: 'hi', custom: 1 }, control: NONE, controlFile: CONTROL_FILE, now: NOW });
    expect(out.warnings).toEqual(["Warning: promise workflow status has unsupported keys: custom in status.yaml; only 'message' can be updated in Promise status."]);
    expect(obj.status).toEqual({ message: 'hi', workflows: 1 });
  });

  test('a dry run\'s message is always "Dry run executed"', () => {
    const obj = live(['a'], 'a');
    writeStatus(obj, { type: 'resource', pipelineName: 'a', isLast: true, dryRun: true, incoming: { message: 'mine' }, control: NONE, controlFile: CONTROL_FILE, now: NOW });
    expect(obj.status.message).toBe('Dry run executed');
  });
});
