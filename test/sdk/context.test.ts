import { RESOURCE_ENV } from './env';
import { KratixEnvError, WorkflowContext } from '../../src/sdk';


describe('WorkflowContext', () => {
  test('reads every KRATIX_* variable', () => {
    expect(new WorkflowContext(RESOURCE_ENV).toJSON()).toEqual({
      workflowAction: 'configure',
      workflowType: 'resource',
      promiseName: 'redis',
      pipelineName: 'instance',
      objectKind: 'Redis',
      objectGroup: 'marketplace.kratix.io',
      objectVersion: 'v1alpha1',
      objectName: 'shop',
      objectNamespace: 'team-a',
      crdPlural: 'redis',
      clusterScoped: false,
      dryRun: false,
    });
    const ctx = new WorkflowContext(RESOURCE_ENV);
    expect(ctx.workflow).toBe('resource/configure');
    expect(ctx.objectApiVersion).toBe('marketplace.kratix.io/v1alpha1');
  });

  test('the is… predicates follow type and action', () => {
    const ctx = new WorkflowContext(RESOURCE_ENV);
    expect([ctx.isResourceWorkflow(), ctx.isPromiseWorkflow(), ctx.isConfigureAction(), ctx.isDeleteAction()]).toEqual([true, false, true, false]);
    const del = new WorkflowContext({ ...RESOURCE_ENV, KRATIX_WORKFLOW_TYPE: 'promise', KRATIX_WORKFLOW_ACTION: 'delete' });
    expect([del.isResourceWorkflow(), del.isPromiseWorkflow(), del.isConfigureAction(), del.isDeleteAction()]).toEqual([false, true, false, true]);
  });

  test('namespace as Kratix reads it: empty is default, cluster scoped is empty', () => {
    expect(new WorkflowContext({ ...RESOURCE_ENV, KRATIX_OBJECT_NAMESPACE: '' }).objectNamespace).toBe('default');
    expect(new WorkflowContext({ ...RESOURCE_ENV, KRATIX_CLUSTER_SCOPED: 'true' }).objectNamespace).toBe('');
  });

  test('dry run is true only for "true"', () => {
    expect(new WorkflowContext({ ...RESOURCE_ENV, KRATIX_DRY_RUN: 'true' }).dryRun).toBe(true);
    expect(() => new WorkflowContext({ ...RESOURCE_ENV, KRATIX_DRY_RUN: 'yes' }).dryRun).toThrow('KRATIX_DRY_RUN is "yes": expected "true", or leave it unset');
  });

  test('a missing variable is named, with how to fix it', () => {
    const ctx = new WorkflowContext({});
    expect(() => ctx.workflowType).toThrow(KratixEnvError);
    expect(() => ctx.workflowType).toThrow('KRATIX_WORKFLOW_TYPE is not set: Kratix sets it in every pipeline container; to run the pipeline elsewhere set it yourself, or use `cdk8s-kratix run`, which sets them all');
    expect(() => new WorkflowContext({ KRATIX_PROMISE_NAME: '' }).promiseName).toThrow('KRATIX_PROMISE_NAME is empty');
  });

  test('a malformed variable is named with its value and the values allowed', () => {
    expect(() => new WorkflowContext({ ...RESOURCE_ENV, KRATIX_WORKFLOW_TYPE: 'Resource' }).workflowType).toThrow('KRATIX_WORKFLOW_TYPE is "Resource": expected "promise" or "resource"');
    expect(() => new WorkflowContext({ ...RESOURCE_ENV, KRATIX_WORKFLOW_ACTION: 'create' }).isConfigureAction()).toThrow('KRATIX_WORKFLOW_ACTION is "create": expected "configure" or "delete"');
    expect(() => new WorkflowContext({ ...RESOURCE_ENV, KRATIX_CLUSTER_SCOPED: 'yes' }).clusterScoped).toThrow('KRATIX_CLUSTER_SCOPED is "yes": expected "true" or "false"');
    try {
      void new WorkflowContext({}).crdPlural;
    } catch (e: any) {
      expect(e.variable).toBe('KRATIX_CRD_PLURAL');
    }
  });

  test('the core group is an empty KRATIX_OBJECT_GROUP', () => {
    expect(new WorkflowContext({ ...RESOURCE_ENV, KRATIX_OBJECT_GROUP: '', KRATIX_OBJECT_VERSION: 'v1' }).objectApiVersion).toBe('v1');
  });

  test('reads process.env by default', () => {
    process.env.KRATIX_PIPELINE_NAME = 'from-process-env';
    try {
      expect(new WorkflowContext().pipelineName).toBe('from-process-env');
    } finally {
      delete process.env.KRATIX_PIPELINE_NAME;
    }
  });
});
