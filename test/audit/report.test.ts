import { promiseWith, safeContainer, withPermissions } from './helpers';
import { AuditPermissionScope, AuditPermissionSource, AuditSeverity, PromiseAudit } from '../../src/audit/promise-audit';
import { WorkflowAction, WorkflowType } from '../../src/workflow-types';

const PERMISSIONS = withPermissions(
  { apiGroups: [''], resources: ['configmaps'], verbs: ['get'] },
  { apiGroups: [''], resources: ['configmaps'], verbs: ['get'], resourceNames: ['cm'], resourceNamespace: 'team-a' },
  { apiGroups: ['batch'], resources: ['jobs'], verbs: ['list'], resourceNamespace: '*' },
);

describe('pipeline reports', () => {
  describe('when the workflow is a promise workflow', () => {
    test("runs in kratix-platform-system as Kratix's ID, with the ClusterRole on promises and works", () => {
      const [report] = PromiseAudit.ofDocument(promiseWith(PERMISSIONS, { type: 'promise' })).pipelines;
      expect(report).toMatchObject({
        promise: 'env',
        workflowType: WorkflowType.PROMISE,
        workflowAction: WorkflowAction.CONFIGURE,
        pipeline: 'setup',
        location: 'spec.workflows.promise.configure[0]',
        jobNamespace: 'kratix-platform-system',
        serviceAccount: 'env-promise-configure-setup',
        customServiceAccount: false,
      });
      expect(report.permissions).toEqual([
        {
          source: AuditPermissionSource.KRATIX,
          scope: AuditPermissionScope.CLUSTER_WIDE,
          verbs: ['get', 'list', 'update', 'create', 'patch'],
          apiGroups: ['platform.kratix.io'],
          resources: ['promises', 'promises/status', 'works'],
        },
        {
          source: AuditPermissionSource.PIPELINE,
          scope: AuditPermissionScope.OWN_NAMESPACE,
          targetNamespace: 'kratix-platform-system',
          verbs: ['get'],
          apiGroups: [''],
          resources: ['configmaps'],
          location: 'spec.workflows.promise.configure[0].spec.rbac.permissions[0]',
        },
        {
          source: AuditPermissionSource.PIPELINE,
          scope: AuditPermissionScope.NAMED_NAMESPACE,
          targetNamespace: 'team-a',
          verbs: ['get'],
          apiGroups: [''],
          resources: ['configmaps'],
          resourceNames: ['cm'],
          location: 'spec.workflows.promise.configure[0].spec.rbac.permissions[1]',
        },
        {
          source: AuditPermissionSource.PIPELINE,
          scope: AuditPermissionScope.CLUSTER_WIDE,
          verbs: ['list'],
          apiGroups: ['batch'],
          resources: ['jobs'],
          location: 'spec.workflows.promise.configure[0].spec.rbac.permissions[2]',
        },
      ]);
    });
  });

  describe('when the workflow is a resource workflow', () => {
    test("runs in each request's namespace, with the Role on the API and works", () => {
      const [report] = PromiseAudit.ofDocument(promiseWith(PERMISSIONS, { action: 'delete' })).pipelines;
      expect(report.jobNamespace).toBeUndefined();
      expect(report.serviceAccount).toBe('env-resource-delete-setup');
      expect(report.permissions.slice(0, 3)).toEqual([
        {
          source: AuditPermissionSource.KRATIX,
          scope: AuditPermissionScope.OWN_NAMESPACE,
          verbs: ['get', 'list', 'update', 'create', 'patch'],
          apiGroups: ['example.com'],
          resources: ['envs', 'envs/status'],
        },
        { source: AuditPermissionSource.KRATIX, scope: AuditPermissionScope.OWN_NAMESPACE, verbs: ['*'], apiGroups: ['platform.kratix.io'], resources: ['works'] },
        {
          source: AuditPermissionSource.PIPELINE,
          scope: AuditPermissionScope.OWN_NAMESPACE,
          verbs: ['get'],
          apiGroups: [''],
          resources: ['configmaps'],
          location: 'spec.workflows.resource.delete[0].spec.rbac.permissions[0]',
        },
      ]);
    });

    test('with pipelineNamespace, runs there and Kratix also grants the API cluster-wide for requests elsewhere', () => {
      const [report] = PromiseAudit.ofDocument(promiseWith({}, { pipelineNamespace: 'pipelines' })).pipelines;
      expect(report.jobNamespace).toBe('pipelines');
      expect(report.permissions).toEqual([
        {
          source: AuditPermissionSource.KRATIX,
          scope: AuditPermissionScope.OWN_NAMESPACE,
          targetNamespace: 'pipelines',
          verbs: ['get', 'list', 'update', 'create', 'patch'],
          apiGroups: ['example.com'],
          resources: ['envs', 'envs/status'],
        },
        { source: AuditPermissionSource.KRATIX, scope: AuditPermissionScope.OWN_NAMESPACE, targetNamespace: 'pipelines', verbs: ['*'], apiGroups: ['platform.kratix.io'], resources: ['works'] },
        {
          source: AuditPermissionSource.KRATIX,
          scope: AuditPermissionScope.CLUSTER_WIDE,
          verbs: ['get', 'list', 'update', 'create', 'patch'],
          apiGroups: ['example.com'],
          resources: ['envs', 'envs/status'],
          condition: 'for resource requests outside namespace "pipelines"',
        },
      ]);
    });

    test('without an API, only the works grant is known', () => {
      const doc = promiseWith({});
      delete doc.spec.api;
      expect(PromiseAudit.ofDocument(doc).pipelines[0].permissions).toEqual([
        { source: AuditPermissionSource.KRATIX, scope: AuditPermissionScope.OWN_NAMESPACE, verbs: ['*'], apiGroups: ['platform.kratix.io'], resources: ['works'] },
      ]);
    });
  });

  test('a custom service account replaces the pipeline ID', () => {
    const [report] = PromiseAudit.ofDocument(promiseWith({ rbac: { serviceAccount: 'deployer' } })).pipelines;
    expect(report.serviceAccount).toBe('deployer');
    expect(report.customServiceAccount).toBe(true);
  });

  test('an empty serviceAccount means the default one, as in Kratix', () => {
    const [report] = PromiseAudit.ofDocument(promiseWith({ rbac: { serviceAccount: '' } })).pipelines;
    expect(report.serviceAccount).toBe('env-resource-configure-setup');
    expect(report.customServiceAccount).toBe(false);
  });

  test('reports every pipeline of every workflow, in workflow order', () => {
    const doc = promiseWith({}, { type: 'resource', action: 'delete', name: 'd' });
    const pipeline = (name: string) => ({ apiVersion: 'platform.kratix.io/v1alpha1', kind: 'Pipeline', metadata: { name }, spec: {} });
    doc.spec.workflows.promise = { configure: [pipeline('p1'), pipeline('p2')], delete: [pipeline('pd')] };
    doc.spec.workflows.resource.configure = [pipeline('r1')];
    const audit = PromiseAudit.ofDocument(doc);
    expect(audit.pipelines.map(p => `${p.workflowType}/${p.workflowAction}/${p.pipeline}`)).toEqual([
      'promise/configure/p1', 'promise/configure/p2', 'promise/delete/pd', 'resource/configure/r1', 'resource/delete/d',
    ]);
  });
});

describe('severity order', () => {
  const doc = promiseWith({
    containers: [
      { name: 'a', image: 'nginx', securityContext: { privileged: true } },
      safeContainer({ name: 'b', imagePullPolicy: 'Never' }),
    ],
    rbac: { serviceAccount: 'sa', permissions: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }] },
  });
  const audit = PromiseAudit.ofDocument(doc);

  test('findings are most severe first, in the pipeline and in the Promise', () => {
    const expected = [
      'critical container-privileged',
      'high rbac-secrets-access',
      'medium image-untagged',
      'low container-not-restricted',
      'low image-pull-policy-never',
      'info service-account-custom',
    ];
    expect(audit.findings.map(f => `${f.severity} ${f.rule}`)).toEqual(expected);
    expect(audit.pipelines[0].findings.map(f => `${f.severity} ${f.rule}`)).toEqual(expected);
  });

  test.each([
    [AuditSeverity.CRITICAL, 1],
    [AuditSeverity.HIGH, 2],
    [AuditSeverity.MEDIUM, 3],
    [AuditSeverity.LOW, 5],
    [AuditSeverity.INFO, 6],
  ])('findingsAtOrAbove(%s) gives %d findings', (severity, count) => {
    expect(audit.findingsAtOrAbove(severity)).toEqual(audit.findings.slice(0, count));
  });

  test('findings of several pipelines are merged by severity, pipelines in order within a severity', () => {
    const two = promiseWith({ containers: [safeContainer({ image: 'nginx' })] }, { name: 'first' });
    two.spec.workflows.resource.configure.push({
      apiVersion: 'platform.kratix.io/v1alpha1',
      kind: 'Pipeline',
      metadata: { name: 'second' },
      spec: { containers: [safeContainer({ image: 'nginx', securityContext: { privileged: true } })] },
    });
    expect(PromiseAudit.ofDocument(two).findings.map(f => `${f.pipeline} ${f.rule}`)).toEqual([
      'second container-privileged',
      'first image-untagged',
      'second image-untagged',
      'second container-not-restricted',
    ]);
  });
});
