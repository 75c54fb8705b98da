import { Testing } from 'cdk8s';
import { ApiResource } from 'cdk8s-plus-28';
import { KratixPromise, PermissionScope, WorkflowAction, WorkflowType } from '../src';
import { promiseWith } from './audit/helpers';
import { AuditPermissionScope, AuditSeverity, PromiseAudit } from '../src/audit/promise-audit';

function envPromise(): KratixPromise {
  const promise = new KratixPromise(Testing.chart(), 'env');
  const pipeline = promise.addPipeline(WorkflowType.PROMISE, WorkflowAction.CONFIGURE, 'setup', {
    containers: [{ name: 'setup', image: 'ghcr.io/acme/setup:latest' }],
  });
  pipeline.rbac.allowRead([ApiResource.SECRETS], { scope: PermissionScope.allNamespaces() });
  return promise;
}

describe('PromiseAudit', () => {
  describe('ofPromise', () => {
    test('audits the Promise as it synthesizes, permissions added after construction included', () => {
      const audit = PromiseAudit.ofPromise(envPromise());
      expect(audit.promiseName).toBe('env');
      expect(audit.pipelines.map(p => p.serviceAccount)).toEqual(['env-promise-configure-setup']);
      expect(audit.pipelines[0].permissions.map(p => p.scope)).toEqual([AuditPermissionScope.CLUSTER_WIDE, AuditPermissionScope.CLUSTER_WIDE]);
      expect(audit.findings.map(f => `${f.severity} ${f.rule}`)).toEqual([
        'critical rbac-secrets-access',
        'medium container-no-security-context',
        'medium image-latest-tag',
        'low rbac-cluster-wide',
      ]);
    });

    test('takes the kratix config of a KratixConfig construct', () => {
      const config = { workflows: { defaultContainerSecurityContext: { privileged: true } } };
      const audit = PromiseAudit.ofPromise(envPromise(), { kratixConfig: config });
      expect(audit.findingsAtOrAbove(AuditSeverity.CRITICAL).map(f => f.rule)).toEqual(['rbac-secrets-access', 'container-privileged']);
    });
  });

  describe('toTable', () => {
    test('prints the summary, then per pipeline its namespace, service account, permissions and findings', () => {
      const promise = new KratixPromise(Testing.chart(), 'env');
      const pipeline = promise.addPipeline(WorkflowType.PROMISE, WorkflowAction.CONFIGURE, 'setup', {
        containers: [{ name: 'setup', image: 'nginx:latest', securityContext: { allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } } }],
      });
      pipeline.rbac.allowRead([ApiResource.CONFIG_MAPS], { scope: PermissionScope.namedNamespace('team-a'), resourceNames: ['settings'] });
      promise.addPipeline(WorkflowType.PROMISE, WorkflowAction.DELETE, 'teardown');
      expect(PromiseAudit.ofPromise(promise).toTable()).toBe([
        'Promise "env": 1 finding: 0 critical, 0 high, 1 medium, 0 low, 0 info',
        '',
        'promise/configure pipeline "setup" (spec.workflows.promise.configure[0])',
        '  runs in:          kratix-platform-system',
        '  service account:  env-promise-configure-setup (created by Kratix)',
        '  permissions:',
        '    SOURCE    SCOPE             VERBS                         RESOURCES',
        '    kratix    cluster-wide      get,list,update,create,patch  promises.platform.kratix.io, promises/status.platform.kratix.io, works.platform.kratix.io',
        '    pipeline  namespace team-a  get,list,watch                configmaps [settings]',
        '  findings:',
        '    MEDIUM    image-latest-tag  spec.workflows.promise.configure[0].spec.containers[0].image',
        '                                container "setup" image \'nginx:latest\' uses the tag "latest", which changes without notice; pin a version tag or a digest (image@sha256:...)',
        '',
        'promise/delete pipeline "teardown" (spec.workflows.promise.delete[0])',
        '  runs in:          kratix-platform-system',
        '  service account:  env-promise-delete-teardown (created by Kratix)',
        '  permissions:',
        '    SOURCE  SCOPE         VERBS                         RESOURCES',
        '    kratix  cluster-wide  get,list,update,create,patch  promises.platform.kratix.io, promises/status.platform.kratix.io, works.platform.kratix.io',
        '  findings: none',
        '',
      ].join('\n'));
    });

    test('says so when the Promise has no pipelines', () => {
      expect(PromiseAudit.ofDocument({ kind: 'Promise', metadata: { name: 'bare' } }).toTable())
        .toBe('Promise "bare": 0 findings: 0 critical, 0 high, 0 medium, 0 low, 0 info\n\nno pipelines\n');
    });
  });

  describe('toJson', () => {
    test('is plain JSON: promise, summary per severity, pipelines with permissions and findings', () => {
      const json = PromiseAudit.ofPromise(envPromise()).toJson();
      expect(Object.keys(json)).toEqual(['promise', 'summary', 'pipelines']);
      expect(json.summary).toEqual({ critical: 1, high: 0, medium: 2, low: 1, info: 0 });
      expect(json.pipelines).toHaveLength(1);
      expect(json.pipelines[0]).toEqual({
        promise: 'env',
        workflowType: 'promise',
        workflowAction: 'configure',
        pipeline: 'setup',
        location: 'spec.workflows.promise.configure[0]',
        jobNamespace: 'kratix-platform-system',
        serviceAccount: 'env-promise-configure-setup',
        customServiceAccount: false,
        permissions: [
          { source: 'kratix', scope: 'cluster-wide', verbs: ['get', 'list', 'update', 'create', 'patch'], apiGroups: ['platform.kratix.io'], resources: ['promises', 'promises/status', 'works'] },
          { source: 'pipeline', scope: 'cluster-wide', verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['secrets'], location: 'spec.workflows.promise.configure[0].spec.rbac.permissions[0]' },
        ],
        findings: expect.any(Array),
      });
      expect(json.pipelines[0].findings[0]).toEqual({
        severity: 'critical',
        rule: 'rbac-secrets-access',
        promise: 'env',
        workflowType: 'promise',
        workflowAction: 'configure',
        pipeline: 'setup',
        location: 'spec.workflows.promise.configure[0].spec.rbac.permissions[0].resources',
        message: 'verbs ["get","list","watch"] on every Secret in all namespaces (resourceNamespace "*"); limit the permission to the Secrets the pipeline needs with resourceNames, or pass values to containers with env valueFrom.secretKeyRef instead',
      });
    });

    test('is a copy: changing it does not change the audit', () => {
      const audit = PromiseAudit.ofPromise(envPromise());
      audit.toJson().pipelines[0].permissions.pop();
      expect(audit.pipelines[0].permissions).toHaveLength(2);
    });
  });
});

describe('keys in another capitalisation, which Kratix matches case-insensitively (audit evasion)', () => {
  const evasive = () => promiseWith({
    containers: [{ name: 'main', image: 'ghcr.io/acme/tool:v1', SecurityContext: { privileged: true } }],
    RBAC: { Permissions: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'], resourceNamespace: '*' }] },
  });

  test('a cluster-wide "*" permission written as RBAC: {Permissions: [...]} is reported as the ClusterRole Kratix creates', () => {
    const audit = PromiseAudit.ofDocument(evasive());
    expect(audit.pipelines[0].permissions.filter(p => p.location !== undefined)).toEqual([{
      source: 'pipeline',
      scope: AuditPermissionScope.CLUSTER_WIDE,
      verbs: ['*'],
      apiGroups: ['*'],
      resources: ['*'],
      location: 'spec.workflows.resource.configure[0].spec.rbac.permissions[0]',
    }]);
    expect(audit.findingsAtOrAbove(AuditSeverity.CRITICAL).map(f => f.rule)).toEqual(expect.arrayContaining(['rbac-wildcard-verb', 'rbac-wildcard-resource']));
  });

  test('a container with SecurityContext: {privileged: true} is reported as privileged, not as having no security context', () => {
    const rules = PromiseAudit.ofDocument(evasive()).findings.filter(f => f.location.includes('containers[0]')).map(f => f.rule);
    expect(rules).toContain('container-privileged');
    expect(rules).not.toContain('container-no-security-context');
  });
});
