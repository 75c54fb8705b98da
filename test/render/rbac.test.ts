import { pipeline, promiseWith, renderFirst, request } from './fixtures';
import { deterministicName } from '../../src/render/names';

const summary = (objs: any[]) => objs.map(o => `${o.metadata.namespace ?? ''}/${o.metadata.name}`);
const sa = (name: string, namespace: string) => [{ kind: 'ServiceAccount', name, namespace }];

describe('§7.7 RBAC matrix', () => {
  test('promise workflow, no permissions: ClusterRole and ClusterRoleBinding named ID', () => {
    const r = renderFirst(promiseWith('promise/configure', [pipeline('setup')]), 'promise/configure');
    expect(r.roles).toEqual([]);
    expect(r.roleBindings).toEqual([]);
    expect(r.clusterRoles).toEqual([{
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'app-promise-configure-setup', labels: { 'kratix.io/promise-name': 'app' } },
      rules: [{ verbs: ['get', 'list', 'update', 'create', 'patch'], apiGroups: ['platform.kratix.io'], resources: ['promises', 'promises/status', 'works'] }],
    }]);
    expect(r.clusterRoleBindings).toEqual([{
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'app-promise-configure-setup', labels: { 'kratix.io/promise-name': 'app' } },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'app-promise-configure-setup' },
      subjects: sa('app-promise-configure-setup', 'kratix-platform-system'),
    }]);
  });

  test('resource workflow in the request namespace: Role and RoleBinding named ID (CRD + works rules)', () => {
    const r = renderFirst(promiseWith('resource/configure', [pipeline('deploy')]), 'resource/configure', request());
    expect(r.roles).toEqual([{
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'app-resource-configure-deploy', namespace: 'team-a', labels: { 'kratix.io/promise-name': 'app' } },
      rules: [
        { verbs: ['get', 'list', 'update', 'create', 'patch'], apiGroups: ['example.com'], resources: ['apps', 'apps/status'] },
        { verbs: ['*'], apiGroups: ['platform.kratix.io'], resources: ['works'] },
      ],
    }]);
    expect(r.roleBindings[0]).toEqual({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'app-resource-configure-deploy', namespace: 'team-a', labels: { 'kratix.io/promise-name': 'app' } },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'app-resource-configure-deploy' },
      subjects: sa('app-resource-configure-deploy', 'team-a'),
    });
    expect(r.clusterRoles).toEqual([]);
    expect(r.clusterRoleBindings).toEqual([]);
  });

  test('§11.2 resource workflow with pipelineNamespace: cross-namespace ClusterRole ID-<rrNs> (CRD rule only, never hashed)', () => {
    const p = promiseWith('resource/configure', [pipeline('deploy')], { workflows: { config: { pipelineNamespace: 'pipelines' } } });
    const r = renderFirst(p, 'resource/configure', request());
    expect(summary(r.roles)).toEqual(['pipelines/app-resource-configure-deploy']);
    expect(summary(r.roleBindings)).toEqual(['pipelines/app-resource-configure-deploy']);
    expect(r.clusterRoles).toEqual([{
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'app-resource-configure-deploy-team-a', labels: { 'kratix.io/promise-name': 'app' } },
      rules: [{ verbs: ['get', 'list', 'update', 'create', 'patch'], apiGroups: ['example.com'], resources: ['apps', 'apps/status'] }],
    }]);
    expect(r.clusterRoleBindings[0].metadata.name).toBe('app-resource-configure-deploy-team-a');
    expect(r.clusterRoleBindings[0].subjects).toEqual(sa('app-resource-configure-deploy', 'pipelines'));

    const longNs = 'a-very-long-namespace-name-that-goes-on-and-on-for-ever-and-ever';
    const long = renderFirst(p, 'resource/configure', request({ namespace: longNs }));
    expect(long.clusterRoles[0].metadata.name).toBe(`app-resource-configure-deploy-${longNs}`);
  });

  test('§11.2 a cluster-scoped request with pipelineNamespace gets the ClusterRole ID- (trailing dash)', () => {
    const p = promiseWith('resource/configure', [pipeline('deploy')], { workflows: { config: { pipelineNamespace: 'pipelines' } } });
    p.spec.api.spec.scope = 'Cluster';
    const r = renderFirst(p, 'resource/configure', request({ namespace: undefined }));
    expect(r.clusterRoles.map(c => c.metadata.name)).toEqual(['app-resource-configure-deploy-']);
    expect(r.clusterRoleBindings.map(c => c.metadata.name)).toEqual(['app-resource-configure-deploy-']);
  });

  test('§11.19 a cluster-scoped request without pipelineNamespace renders in namespace "" (left out) and needs no ClusterRole', () => {
    const p = promiseWith('resource/configure', [pipeline('deploy')]);
    p.spec.api.spec.scope = 'Cluster';
    const r = renderFirst(p, 'resource/configure', request({ namespace: undefined }));
    expect(r.namespace).toBe('');
    expect(r.clusterRoles).toEqual([]);
    expect(r.roles[0].metadata.namespace).toBeUndefined();
    expect(r.roleBindings[0].subjects).toEqual([{ kind: 'ServiceAccount', name: 'app-resource-configure-deploy' }]);
    expect(r.job.metadata.namespace).toBeUndefined();
    expect(r.job.metadata.ownerReferences).toHaveLength(1);
  });

  describe('user permissions', () => {
    const permissions = [
      { apiGroups: [''], resources: ['secrets'], verbs: ['get'], resourceNames: ['token'] },
      { apiGroups: ['batch'], resources: ['jobs'], verbs: ['get', 'list'], resourceNamespace: '*' },
      { apiGroups: [''], resources: ['configmaps'], verbs: ['get'], resourceNamespace: 'ns-b' },
      { apiGroups: ['apps'], resources: ['deployments'], verbs: ['list'], resourceNamespace: 'ns-a' },
      { apiGroups: [''], resources: ['pods'], verbs: ['get'], resourceNamespace: 'ns-b' },
      { nonResourceURLs: ['/healthz'], verbs: ['get'] },
    ];
    const r = renderFirst(promiseWith('promise/configure', [pipeline('setup', { rbac: { permissions } })]), 'promise/configure');
    const id = 'app-promise-configure-setup';
    const five = {
      'kratix.io/promise-name': 'app',
      'kratix.io/workflow-type': 'promise',
      'kratix.io/workflow-action': 'configure',
      'kratix.io/pipeline-name': 'setup',
      'kratix.io/pipeline-namespace': 'kratix-platform-system',
    };

    test('permissions without resourceNamespace: Role and RoleBinding det(ID) in NS with the five labels, rules in order', () => {
      expect(r.roles).toEqual([{
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name: deterministicName(id), namespace: 'kratix-platform-system', labels: five },
        rules: [
          { verbs: ['get'], apiGroups: [''], resources: ['secrets'], resourceNames: ['token'] },
          { verbs: ['get'], nonResourceURLs: ['/healthz'] },
        ],
      }]);
      expect(r.roleBindings[0].metadata).toEqual({ name: deterministicName(id), namespace: 'kratix-platform-system', labels: five });
      expect(r.roleBindings[0].roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: deterministicName(id) });
    });

    test('one ClusterRole per distinct resourceNamespace, in declaration order, rules grouped in order', () => {
      expect(r.clusterRoles.map(c => [c.metadata.name, c.metadata.labels?.['kratix.io/resource-namespace'], c.rules.length])).toEqual([
        [id, undefined, 1],
        [deterministicName(`${id}-kratix-all-namespaces`), 'kratix_all_namespaces', 1],
        [deterministicName(`${id}-ns-b`), 'ns-b', 2],
        [deterministicName(`${id}-ns-a`), 'ns-a', 1],
      ]);
      expect(r.clusterRoles[2].rules).toEqual([
        { verbs: ['get'], apiGroups: [''], resources: ['configmaps'] },
        { verbs: ['get'], apiGroups: [''], resources: ['pods'] },
      ]);
    });

    test('§11.4 "*" is kratix-all-namespaces in names and kratix_all_namespaces in labels', () => {
      expect(r.clusterRoles[1].metadata.name).toBe(deterministicName(`${id}-kratix-all-namespaces`));
      expect(r.clusterRoles[1].metadata.labels).toEqual({ ...five, 'kratix.io/resource-namespace': 'kratix_all_namespaces' });
    });

    test('§11.5 the named-namespace RoleBindings and the all-namespaces ClusterRoleBinding share the name det(ID-NS); 6 labels vs 5', () => {
      const name = deterministicName(`${id}-kratix-platform-system`);
      expect(summary(r.roleBindings)).toEqual([`kratix-platform-system/${deterministicName(id)}`, `ns-b/${name}`, `ns-a/${name}`]);
      expect(r.roleBindings[1]).toEqual({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name, namespace: 'ns-b', labels: { ...five, 'kratix.io/resource-namespace': 'ns-b' } },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: deterministicName(`${id}-ns-b`) },
        subjects: sa(id, 'kratix-platform-system'),
      });
      expect(r.clusterRoleBindings.map(b => b.metadata.name)).toEqual([id, name]);
      expect(r.clusterRoleBindings[1].metadata.labels).toEqual(five);
      expect(r.clusterRoleBindings[1].roleRef.name).toBe(deterministicName(`${id}-kratix-all-namespaces`));
    });
  });

  test('§11.20 a custom service account is still rendered, labelled with the promise name, and used everywhere', () => {
    const p = promiseWith('resource/configure', [pipeline('deploy', { rbac: { serviceAccount: 'my-sa', permissions: [{ verbs: ['get'], resources: ['pods'] }] } })]);
    const r = renderFirst(p, 'resource/configure', request());
    expect(r.serviceAccount).toEqual({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'my-sa', namespace: 'team-a', labels: { 'kratix.io/promise-name': 'app' } },
    });
    expect([...r.roleBindings, ...r.clusterRoleBindings].every(b => b.subjects[0].name === 'my-sa')).toBe(true);
    expect(r.job.spec.template.spec.serviceAccountName).toBe('my-sa');
    expect(r.roles.map(x => x.metadata.name)).toEqual(['app-resource-configure-deploy', deterministicName('app-resource-configure-deploy')]);
  });

  test('§11.21 user-permission ClusterRoles of resource workflows share one name across request namespaces, labelled with NS', () => {
    const p = promiseWith('resource/configure', [pipeline('deploy', { rbac: { permissions: [{ verbs: ['get'], resources: ['nodes'], resourceNamespace: '*' }] } })]);
    const a = renderFirst(p, 'resource/configure', request({ namespace: 'team-a' }));
    const b = renderFirst(p, 'resource/configure', request({ namespace: 'team-b' }));
    expect(a.clusterRoles[0].metadata.name).toBe(b.clusterRoles[0].metadata.name);
    expect(a.clusterRoles[0].metadata.labels!['kratix.io/pipeline-namespace']).toBe('team-a');
    expect(b.clusterRoles[0].metadata.labels!['kratix.io/pipeline-namespace']).toBe('team-b');
    expect(a.clusterRoleBindings[0].metadata.name).not.toBe(b.clusterRoleBindings[0].metadata.name);
  });
});
