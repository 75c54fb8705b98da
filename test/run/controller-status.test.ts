import { pipelineFailed, pipelineSucceeded, startPipeline, startWorkflow, workflowSuspended } from '../../src/run/controller-status';

const T0 = new Date('2026-08-21T10:00:00Z');
const T1 = new Date('2026-08-21T10:05:00Z');
const cond = (obj: any, type: string) => obj.status.conditions.find((c: any) => c.type === type);

describe('runtime doc §6.7: the controller\'s status at workflow start', () => {
  test('one Pending entry per pipeline, suspendedGeneration removed, counters set', () => {
    const obj: any = { metadata: { name: 'shop' }, status: { kratix: { workflows: { suspendedGeneration: 2, pipelines: [{ name: 'old', phase: 'Failed' }] } }, custom: 1 } };
    startWorkflow(obj, ['create-user', 'populate-vault'], 'configure', T0);
    expect(obj.status).toEqual({
      custom: 1,
      workflows: 2,
      workflowsSucceeded: 0,
      workflowsFailed: 0,
      kratix: {
        workflows: {
          pipelines: [
            { name: 'create-user', phase: 'Pending', lastTransitionTime: '2026-08-21T10:00:00Z' },
            { name: 'populate-vault', phase: 'Pending', lastTransitionTime: '2026-08-21T10:00:00Z' },
          ],
        },
      },
    });
  });
});

describe('runtime doc §2.4: what the live object looks like when a pipeline starts', () => {
  test('the second pipeline sees message Pending (not the first pipeline\'s), earlier status keys, Reconciled Unknown and ConfigureWorkflowCompleted False', () => {
    const obj: any = { metadata: { name: 'shop' } };
    startWorkflow(obj, ['create-user', 'populate-vault'], 'configure', T0);
    startPipeline(obj, 'create-user', 'configure', T0);
    Object.assign(obj.status, { message: 'user created', iam: { user: 'admin' } });
    pipelineSucceeded(obj, 'create-user', 'configure', 1, T1);
    startPipeline(obj, 'populate-vault', 'configure', T1);
    expect(obj.status.message).toBe('Pending');
    expect(obj.status.iam).toEqual({ user: 'admin' });
    expect(cond(obj, 'Reconciled')).toEqual({ type: 'Reconciled', status: 'Unknown', lastTransitionTime: '2026-08-21T10:00:00Z', reason: 'WorkflowPending', message: 'Pending' });
    expect(cond(obj, 'ConfigureWorkflowCompleted')).toMatchObject({ status: 'False', reason: 'PipelinesInProgress', message: 'Pipelines are still in progress' });
    expect(obj.status.kratix.workflows.pipelines).toEqual([
      { name: 'create-user', phase: 'Succeeded', lastTransitionTime: '2026-08-21T10:05:00Z' },
      { name: 'populate-vault', phase: 'Running', lastTransitionTime: '2026-08-21T10:05:00Z' },
    ]);
    expect(obj.status.workflowsSucceeded).toBe(1);
  });

  test('leaving Suspended drops the entry\'s message', () => {
    const obj: any = { metadata: { name: 'shop' } };
    startWorkflow(obj, ['a'], 'configure', T0);
    Object.assign(obj.status.kratix.workflows.pipelines[0], { phase: 'Suspended', message: 'waiting' });
    startPipeline(obj, 'a', 'configure', T1);
    expect(obj.status.kratix.workflows.pipelines[0]).toEqual({ name: 'a', phase: 'Running', lastTransitionTime: '2026-08-21T10:05:00Z' });
  });

  test('a delete pipeline only sets its entry Running', () => {
    const obj: any = { metadata: { name: 'shop' }, status: { message: 'Resource requested' } };
    startWorkflow(obj, ['cleanup'], 'delete', T0);
    startPipeline(obj, 'cleanup', 'delete', T0);
    expect(obj.status).toEqual({ message: 'Resource requested', kratix: { workflows: { pipelines: [{ name: 'cleanup', phase: 'Running', lastTransitionTime: '2026-08-21T10:00:00Z' }] } } });
  });
});

describe('runtime doc §6.7/§8: failure and suspension', () => {
  test('a failed configure pipeline: ConfigureWorkflowFailed, Reconciled Failing, entry Failed, workflowsFailed 1', () => {
    const obj: any = { metadata: { name: 'shop' } };
    startWorkflow(obj, ['a'], 'configure', T0);
    startPipeline(obj, 'a', 'configure', T0);
    pipelineFailed(obj, 'a', 'configure', T1);
    expect(cond(obj, 'ConfigureWorkflowCompleted')).toMatchObject({ status: 'False', reason: 'ConfigureWorkflowFailed', message: 'A Configure Pipeline has failed: a' });
    expect(cond(obj, 'Reconciled')).toMatchObject({ status: 'False', reason: 'ConfigureWorkflowFailed', message: 'Failing' });
    expect(obj.status.kratix.workflows.pipelines[0].phase).toBe('Failed');
    expect(obj.status.workflowsFailed).toBe(1);
  });

  test('a failed delete pipeline: DeleteWorkflowCompleted False DeleteWorkflowFailed', () => {
    const obj: any = { metadata: { name: 'shop' } };
    pipelineFailed(obj, 'a', 'delete', T1);
    expect(cond(obj, 'DeleteWorkflowCompleted')).toMatchObject({ status: 'False', reason: 'DeleteWorkflowFailed', message: 'The Delete Pipeline has failed' });
  });

  test('suspended: Reconciled Unknown WorkflowSuspended (configure), DeleteWorkflowSuspended (delete)', () => {
    const obj: any = { metadata: { name: 'shop' } };
    workflowSuspended(obj, 'configure', T1);
    workflowSuspended(obj, 'delete', T1);
    expect(cond(obj, 'Reconciled')).toMatchObject({ status: 'Unknown', reason: 'WorkflowSuspended', message: 'Suspended' });
    expect(cond(obj, 'DeleteWorkflowCompleted')).toMatchObject({ status: 'False', reason: 'DeleteWorkflowSuspended', message: 'The delete workflow is suspended' });
  });
});
