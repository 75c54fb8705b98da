import { Testing } from 'cdk8s';
import { ApiResource, ConfigMap, Secret, ServiceAccount } from 'cdk8s-plus-28';
import { KratixPromise, PermissionScope, WorkflowAction, WorkflowType } from '../src';
import { testApi } from './support/promise-api';

function newPipeline(rbac: any = {}) {
  const chart = Testing.chart();
  const promise = new KratixPromise(chart, 'env', { api: testApi() });
  return { chart, pipeline: promise.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'slack-notify', { rbac }) };
}

describe('PipelineRbac', () => {
  describe('defaults', () => {
    test('no service account and no permissions: no spec.rbac at all', () => {
      const { pipeline } = newPipeline();
      expect(pipeline.rbac.serviceAccountName).toBeUndefined();
      expect(pipeline.rbac.permissions).toEqual([]);
      expect(pipeline.toJson().spec.rbac).toBeUndefined();
    });

    test('a permission applies in the pipeline namespace unless scoped', () => {
      const { pipeline } = newPipeline();
      const permission = pipeline.rbac.allowRead([ApiResource.SECRETS]);
      expect(permission.scope.resourceNamespace).toBeUndefined();
      expect(permission.toJson()).toEqual({ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch'] });
    });
  });

  describe('scopes', () => {
    test.each([
      ['own namespace', PermissionScope.pipelineNamespace(), undefined],
      ['a named namespace', PermissionScope.namedNamespace('ns-of-my-secrets'), 'ns-of-my-secrets'],
      ['all namespaces', PermissionScope.allNamespaces(), '*'],
    ])('%s is written as resourceNamespace %s', (_, scope, resourceNamespace) => {
      const { pipeline } = newPipeline();
      pipeline.rbac.allow(['get'], [ApiResource.SECRETS], { scope });
      expect(pipeline.toJson().spec.rbac.permissions[0].resourceNamespace).toBe(resourceNamespace);
    });
  });

  describe('allow', () => {
    test('one rule per call, with the groups, resources and names of its targets, subresources included', () => {
      const { pipeline } = newPipeline();
      const permission = pipeline.rbac.allow(['get', 'update'], [
        ApiResource.custom({ apiGroup: 'platform.kratix.io', resourceType: 'promises' }),
        ApiResource.custom({ apiGroup: 'platform.kratix.io', resourceType: 'promises/status' }),
        { apiGroup: 'platform.kratix.io', resourceType: 'promises', resourceName: 'env' },
      ], { resourceNames: ['other'] });
      expect(permission.toJson()).toEqual({
        apiGroups: ['platform.kratix.io'],
        resources: ['promises', 'promises/status'],
        resourceNames: ['env', 'other'],
        verbs: ['get', 'update'],
      });
    });

    test("a cdk8s-plus object of the core group ('core') is written as apiGroups [''], the core group in RBAC", () => {
      const { chart, pipeline } = newPipeline();
      const secret = new Secret(chart, 's');
      const configMap = new ConfigMap(chart, 'c');
      const permission = pipeline.rbac.allowRead([secret, configMap]);
      expect(permission.toJson()).toEqual({
        apiGroups: [''],
        resources: ['secrets', 'configmaps'],
        resourceNames: [secret.name, configMap.name],
        verbs: ['get', 'list', 'watch'],
      });
    });

    test('allowReadWrite grants the seven read and write verbs', () => {
      const { pipeline } = newPipeline();
      expect(pipeline.rbac.allowReadWrite([ApiResource.CONFIG_MAPS]).verbs).toEqual(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete']);
    });

    test('returns what it added, and permissions is a copy', () => {
      const { pipeline } = newPipeline();
      const added = pipeline.rbac.allow(['get'], [ApiResource.PODS]);
      const list = pipeline.rbac.permissions;
      list.pop();
      expect(pipeline.rbac.permissions).toEqual([added]);
    });
  });

  describe('service account', () => {
    test('by name', () => {
      const { pipeline } = newPipeline({ serviceAccountName: 'my-service-account' });
      expect(pipeline.toJson().spec.rbac).toEqual({ serviceAccount: 'my-service-account' });
    });

    test('as an IServiceAccount', () => {
      const chart = Testing.chart();
      const sa = ServiceAccount.fromServiceAccountName(chart, 'sa', 'pipeline-runner');
      const promise = new KratixPromise(chart, 'env');
      const pipeline = promise.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'p', { rbac: { serviceAccount: sa } });
      expect(pipeline.toJson().spec.rbac).toEqual({ serviceAccount: 'pipeline-runner' });
    });

    test('both forms at once is an error', () => {
      const chart = Testing.chart();
      const sa = ServiceAccount.fromServiceAccountName(chart, 'sa', 'a');
      const promise = new KratixPromise(chart, 'env');
      expect(() => promise.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'p', { rbac: { serviceAccount: sa, serviceAccountName: 'b' } }))
        .toThrow("PipelineRbac 'test/env/resource/configure/p/Rbac': give either serviceAccount ('a') or serviceAccountName ('b'), not both");
    });
  });

  test('mutate after construction, then synth: permissions from props come first', () => {
    const { chart, pipeline } = newPipeline({ permissions: [{ verbs: ['*'], apiGroups: [''], resources: ['secrets'] }] });
    pipeline.rbac.addPermission({ verbs: ['get', 'list'], apiGroups: ['batch'], resources: ['jobs'], scope: PermissionScope.allNamespaces() });
    expect(Testing.synth(chart)[0].spec.workflows.resource.configure[0].spec.rbac.permissions).toEqual([
      { apiGroups: [''], resources: ['secrets'], verbs: ['*'] },
      { apiGroups: ['batch'], resources: ['jobs'], verbs: ['get', 'list'], resourceNamespace: '*' },
    ]);
  });
});
