import { RUN_FROM_START_LABEL, workflowStart } from '../../src/run/resume';

// Where Kratix picks a workflow up (runtime doc §7.4; lib/workflow/reconciler.go getWorkflowState,
// the controllers' reconcileSuspendedWorkflow).
const NOW = new Date('2026-03-01T10:00:00Z');
const object = (labels: Record<string, string>, pipelines: any[]): any => ({
  apiVersion: 'example.kratix.io/v1',
  kind: 'App',
  metadata: { name: 'a', namespace: 'default', labels },
  status: { kratix: { workflows: { pipelines } } },
});
const suspendedAt = (nextRetryAt?: string): any[] => [
  { name: 'first', phase: 'Succeeded' },
  { name: 'wait', phase: 'Suspended', ...(nextRetryAt ? { nextRetryAt, attempts: 1 } : {}) },
  { name: 'last', phase: 'Pending' },
];

describe('workflowStart', () => {
  test('an object that never ran starts from the first pipeline', () => {
    expect(workflowStart({ apiVersion: 'v1', kind: 'App', metadata: { name: 'a' } }, NOW)).toEqual({ kind: 'start' });
  });

  test('rule: labelled workflow-suspended with a retry not yet due, nothing runs', () => {
    const o = object({ 'kratix.io/workflow-suspended': 'true' }, suspendedAt('2026-03-01T10:00:01Z'));
    expect(workflowStart(o, NOW)).toEqual({ kind: 'wait', reason: 'pipeline "wait" retries at 2026-03-01T10:00:01Z; run again at or after that time' });
    expect(o.metadata.labels['kratix.io/workflow-suspended']).toBe('true');
  });

  test('rule: labelled workflow-suspended without a retry (suspend), nothing runs until the label is removed', () => {
    expect(workflowStart(object({ 'kratix.io/workflow-suspended': 'true' }, suspendedAt()), NOW).kind).toBe('wait');
  });

  test('rule: once nextRetryAt has passed the controller removes the label and the Suspended pipeline runs again', () => {
    const o = object({ 'kratix.io/workflow-suspended': 'true', 'team': 'a' }, suspendedAt('2026-03-01T10:00:00Z'));
    expect(workflowStart(o, NOW)).toEqual({ kind: 'resume', index: 1 });
    expect(o.metadata.labels).toEqual({ team: 'a' });
  });

  test('rule: the label removed by hand, the Suspended pipeline runs again', () => {
    expect(workflowStart(object({}, suspendedAt()), NOW)).toEqual({ kind: 'resume', index: 1 });
  });

  test('rule: manual reconciliation or run-from-start restarts from the first pipeline', () => {
    const manual = object({ 'kratix.io/workflow-suspended': 'true', 'kratix.io/manual-reconciliation': 'true' }, suspendedAt());
    expect(workflowStart(manual, NOW)).toEqual({ kind: 'start' });
    expect(manual.metadata.labels).toEqual({ 'kratix.io/manual-reconciliation': 'true' });
    expect(workflowStart(object({ [RUN_FROM_START_LABEL]: 'true' }, suspendedAt()), NOW)).toEqual({ kind: 'start' });
  });
});
