import * as fc from 'fast-check';
import { ADAPTER_IMAGE, containerNames, containerOf, envOf, pipeline, promise, promiseWith, render, renderFirst, request } from './fixtures';
import { RenderError, renderWorkflow, toYaml, workflowObjects } from '../../src/render';
import { hashSpec, md5Hex, promiseSpecForHash } from '../../src/render/go-json';
import { deterministicName } from '../../src/render/names';

const KRATIX_SC = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  privileged: false,
  runAsNonRoot: true,
  seccompProfile: { type: 'RuntimeDefault' },
};

describe('§11 quirks a library author can easily get wrong', () => {
  test('§11.1 truncation to 56 chars when over 57, trailing non-alphanumerics stripped, det() hash over the untruncated input', () => {
    // 20 + 9 + 10 + 21 = 60-character ID: its det() name is cut.
    const p = promiseWith('promise/configure', [pipeline('p'.repeat(21), { rbac: { permissions: [{ verbs: ['get'], resources: ['pods'] }] } })],
      {});
    p.metadata.name = 'a'.repeat(20);
    const r = renderFirst(p, 'promise/configure');
    const id = `${'a'.repeat(20)}-promise-configure-${'p'.repeat(21)}`;
    expect(id).toHaveLength(60);
    expect(r.roles[0].metadata.name).toBe(`${id.slice(0, 56)}-${md5Hex(id).slice(0, 5)}`);
  });

  test('§11.2 cross-namespace ClusterRole/ClusterRoleBinding are ID-<rrNs>, never hashed or truncated', () => {
    const p = promiseWith('resource/delete', [pipeline('cleanup')], { workflows: { config: { pipelineNamespace: 'pipelines' } } });
    const r = renderFirst(p, 'resource/delete', request({ namespace: 'team-with-a-rather-long-namespace-name-for-this-test' }));
    expect(r.clusterRoles[0].metadata.name).toBe('app-resource-delete-cleanup-team-with-a-rather-long-namespace-name-for-this-test');
    expect(r.clusterRoleBindings[0].metadata.name).toBe(r.clusterRoles[0].metadata.name);
  });

  test('§11.3 kratix.io/resource-namespace: the request namespace on Jobs (only with pipelineNamespace), the permission namespace on RBAC', () => {
    const perms = { rbac: { permissions: [{ verbs: ['get'], resources: ['pods'], resourceNamespace: 'other' }] } };
    const plain = renderFirst(promiseWith('resource/configure', [pipeline('deploy', perms)]), 'resource/configure', request());
    expect(plain.job.metadata.labels!['kratix.io/resource-namespace']).toBeUndefined();
    expect(plain.clusterRoles[0].metadata.labels!['kratix.io/resource-namespace']).toBe('other');
    expect(plain.clusterRoleBindings).toEqual([]);
    expect(plain.roleBindings[1].metadata.labels!['kratix.io/resource-namespace']).toBe('other');

    const withNs = renderFirst(promiseWith('resource/configure', [pipeline('deploy', perms)], { workflows: { config: { pipelineNamespace: 'pipelines' } } }),
      'resource/configure', request());
    expect(withNs.job.metadata.labels!['kratix.io/resource-namespace']).toBe('team-a');
    expect(withNs.job.spec.template.metadata.labels['kratix.io/resource-namespace']).toBe('team-a');
    // The cross-namespace ClusterRole has no such label, so it gets a ClusterRoleBinding.
    expect(withNs.clusterRoleBindings.map(b => b.metadata.name)).toEqual(['app-resource-configure-deploy-team-a']);
  });

  test('§11.4 "*" becomes kratix-all-namespaces in names, kratix_all_namespaces in label values', () => {
    const r = renderFirst(promiseWith('promise/configure', [pipeline('setup', { rbac: { permissions: [{ verbs: ['get'], resources: ['nodes'], resourceNamespace: '*' }] } })]),
      'promise/configure');
    expect(r.clusterRoles[1].metadata.name).toBe(deterministicName('app-promise-configure-setup-kratix-all-namespaces'));
    expect(r.clusterRoles[1].metadata.labels!['kratix.io/resource-namespace']).toBe('kratix_all_namespaces');
  });

  test('§11.5 RoleBinding in a named namespace and all-namespaces ClusterRoleBinding are both det(ID-<SA ns>); 6 vs 5 labels', () => {
    const permissions = [{ verbs: ['get'], resources: ['nodes'], resourceNamespace: '*' }, { verbs: ['get'], resources: ['pods'], resourceNamespace: 'x' }];
    const r = renderFirst(promiseWith('promise/configure', [pipeline('setup', { rbac: { permissions } })]), 'promise/configure');
    const name = deterministicName('app-promise-configure-setup-kratix-platform-system');
    expect(r.roleBindings.map(b => [b.metadata.namespace, b.metadata.name, Object.keys(b.metadata.labels!).length])).toEqual([['x', name, 6]]);
    expect(r.clusterRoleBindings.map(b => [b.metadata.name, Object.keys(b.metadata.labels!).length])).toEqual([['app-promise-configure-setup', 1], [name, 5]]);
  });

  test('§11.6 promise workflows: CRD_PLURAL promises and CLUSTER_SCOPED true hard-coded; annotations/ownerReference use platform.kratix.io/v1alpha1 Promise', () => {
    const r = renderFirst(promiseWith('promise/configure', [pipeline('setup')]), 'promise/configure');
    const env = Object.fromEntries(envOf(containerOf(r, 'reader')));
    expect(env).toMatchObject({
      KRATIX_OBJECT_KIND: 'Promise',
      KRATIX_OBJECT_GROUP: 'platform.kratix.io',
      KRATIX_OBJECT_VERSION: 'v1alpha1',
      KRATIX_CRD_PLURAL: 'promises',
      KRATIX_CLUSTER_SCOPED: 'true',
    });
    expect(r.job.metadata.annotations).toEqual({
      'kratix.io/job-resource-namespace': '',
      'kratix.io/job-resource-name': 'app',
      'kratix.io/job-resource-kind': 'Promise',
      'kratix.io/job-resource-api-version': 'platform.kratix.io/v1alpha1',
    });
    expect(r.job.metadata.ownerReferences![0]).toMatchObject({ apiVersion: 'platform.kratix.io/v1alpha1', kind: 'Promise' });
  });

  test('§11.7 KRATIX_OBJECT_NAMESPACE is present without a value in promise workflows', () => {
    const r = renderFirst(promiseWith('promise/configure', [pipeline('setup')]), 'promise/configure');
    for (const c of ['reader', 'main', 'status-writer']) {
      expect(containerOf(r, c).env).toContainEqual({ name: 'KRATIX_OBJECT_NAMESPACE' });
    }
  });

  test('§11.8 status-writer env starts with IS_LAST_PIPELINE; work-writer has only the trace fieldRefs; reader input writable, users read-only', () => {
    const r = renderFirst(promiseWith('promise/configure', [pipeline('setup')]), 'promise/configure');
    expect(envOf(containerOf(r, 'status-writer')).map(e => e[0])).toEqual([
      'IS_LAST_PIPELINE', 'KRATIX_WORKFLOW_ACTION', 'KRATIX_WORKFLOW_TYPE', 'KRATIX_PROMISE_NAME', 'KRATIX_PIPELINE_NAME', 'KRATIX_OBJECT_KIND',
      'KRATIX_OBJECT_GROUP', 'KRATIX_OBJECT_VERSION', 'KRATIX_OBJECT_NAME', 'KRATIX_OBJECT_NAMESPACE', 'KRATIX_CRD_PLURAL', 'KRATIX_CLUSTER_SCOPED',
    ]);
    expect(containerOf(r, 'work-writer').env).toEqual([
      { name: 'KRATIX_TRACE_PARENT', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['kratix.io/trace-parent']" } } },
      { name: 'KRATIX_TRACE_STATE', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['kratix.io/trace-state']" } } },
    ]);
    expect(containerOf(r, 'reader').volumeMounts[0]).toEqual({ mountPath: '/kratix/input', name: 'shared-input' });
    expect(containerOf(r, 'main').volumeMounts[0]).toEqual({ mountPath: '/kratix/input', name: 'shared-input', readOnly: true });
  });

  test('§11.9 delete: no ConfigMap, no promise-scheduling, no work-writer, a status-writer; only the first pipeline; IS_LAST_PIPELINE over all', () => {
    const p = promiseWith('promise/delete', [pipeline('first'), pipeline('second')]);
    const rendered = render(p, 'promise/delete');
    expect(rendered.map(x => x.pipelineName)).toEqual(['first']);
    const r = rendered[0];
    expect(r.configMap).toBeUndefined();
    expect(containerNames(r)).toEqual({ init: ['reader', 'main'], main: ['status-writer'] });
    expect(r.job.spec.template.spec.volumes.map((v: any) => v.name)).toEqual(['shared-input', 'shared-output', 'shared-metadata']);
    expect(envOf(containerOf(r, 'status-writer'))[0]).toEqual(['IS_LAST_PIPELINE', 'false']);
    expect(envOf(containerOf(render(promiseWith('promise/delete', [pipeline('only')]), 'promise/delete')[0], 'status-writer'))[0])
      .toEqual(['IS_LAST_PIPELINE', 'true']);
  });

  test('§11.10 ConfigMap present without defaultContainerSecurityContext: {}; absent: none; Kratix containers always the hard-coded SC', () => {
    const p = promiseWith('promise/configure', [pipeline('setup')]);
    const absent = renderFirst(p, 'promise/configure');
    const present = renderFirst(p, 'promise/configure', undefined, { kratixConfig: {} });
    const configured = renderFirst(p, 'promise/configure', undefined, { kratixConfig: { workflows: { defaultContainerSecurityContext: { runAsUser: 7 } } } });
    expect('securityContext' in containerOf(absent, 'main')).toBe(false);
    expect(containerOf(present, 'main').securityContext).toEqual({});
    expect(containerOf(configured, 'main').securityContext).toEqual({ runAsUser: 7 });
    for (const r of [absent, present, configured]) {
      for (const c of ['reader', 'work-writer', 'status-writer']) expect(containerOf(r, c).securityContext).toEqual(KRATIX_SC);
    }
  });

  test('§11.11 defaultContainerResources replaces the built-in wholesale, for Kratix containers too; a user resources: {} suppresses defaults', () => {
    const p = promiseWith('promise/configure', [pipeline('setup', {
      containers: [{ name: 'defaulted', image: 'a' }, { name: 'none', image: 'b', resources: {} }],
    })]);
    const r = renderFirst(p, 'promise/configure', undefined, { kratixConfig: { workflows: { defaultContainerResources: { limits: { memory: '1Gi' } } } } });
    for (const c of ['reader', 'defaulted', 'work-writer', 'status-writer']) expect(containerOf(r, c).resources).toEqual({ limits: { memory: '1Gi' } });
    expect(containerOf(r, 'none').resources).toEqual({});
  });

  test('§11.12 the adapter pull secret goes first in imagePullSecrets', () => {
    const p = promiseWith('promise/configure', [pipeline('setup', { imagePullSecrets: [{ name: 'mine' }] })]);
    expect(renderFirst(p, 'promise/configure', undefined, { adapterPullSecret: 'adapter' }).job.spec.template.spec.imagePullSecrets)
      .toEqual([{ name: 'adapter' }, { name: 'mine' }]);
    expect(renderFirst(p, 'promise/configure').job.spec.template.spec.imagePullSecrets).toEqual([{ name: 'mine' }]);
    expect('imagePullSecrets' in renderFirst(promiseWith('promise/configure', [pipeline('s')]), 'promise/configure').job.spec.template.spec).toBe(false);
  });

  test('§11.13 pipeline labels go to Job and pod (last, overriding); annotations to the pod only', () => {
    const p = promiseWith('promise/configure', [pipeline('setup', {}, {
      labels: { 'team': 'blue', 'kratix.io/hash': 'overridden', 'app.kubernetes.io/managed-by': 'me' },
      annotations: { note: 'pod only' },
    })]);
    const r = renderFirst(p, 'promise/configure');
    for (const labels of [r.job.metadata.labels!, r.job.spec.template.metadata.labels]) {
      expect(labels).toMatchObject({ 'team': 'blue', 'kratix.io/hash': 'overridden', 'app.kubernetes.io/managed-by': 'me' });
    }
    expect(r.job.spec.template.metadata.annotations).toEqual({ note: 'pod only' });
    expect(r.job.metadata.annotations!.note).toBeUndefined();
  });

  test('§11.14 pipelineNamespace equal to the request namespace: name, labels and --resource-namespace include it, no ClusterRole, ownerReference set', () => {
    const p = promiseWith('resource/configure', [pipeline('deploy')], { workflows: { config: { pipelineNamespace: 'team-a' } } });
    const r = renderFirst(p, 'resource/configure', request());
    expect(r.job.metadata.name).toMatch(/^kratix-app-my-app-team-a-deploy-[0-9a-f]{5}$/);
    expect(r.job.metadata.labels!['kratix.io/resource-namespace']).toBe('team-a');
    expect(containerOf(r, 'work-writer').args.slice(-4)).toEqual(['--resource-name', 'my-app', '--resource-namespace', 'team-a']);
    expect(r.clusterRoles).toEqual([]);
    expect(r.job.metadata.ownerReferences).toHaveLength(1);

    const without = renderFirst(promiseWith('resource/configure', [pipeline('deploy')]), 'resource/configure', request());
    expect(without.job.metadata.name).toMatch(/^kratix-app-my-app-deploy-[0-9a-f]{5}$/);
    expect(containerOf(without, 'work-writer').args.slice(-2)).toEqual(['--resource-name', 'my-app']);
  });

  test('§11.15 ownerReference: Promise as controller; request as plain reference; none in another namespace', () => {
    expect(renderFirst(promiseWith('promise/configure', [pipeline('s')]), 'promise/configure').job.metadata.ownerReferences).toEqual([{
      apiVersion: 'platform.kratix.io/v1alpha1', kind: 'Promise', name: 'app', uid: '11111111-2222-3333-4444-555555555555', controller: true, blockOwnerDeletion: true,
    }]);
    expect(renderFirst(promiseWith('resource/configure', [pipeline('s')]), 'resource/configure', request()).job.metadata.ownerReferences).toEqual([{
      apiVersion: 'example.com/v1', kind: 'App', name: 'my-app', uid: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
    }]);
    const other = promiseWith('resource/configure', [pipeline('s')], { workflows: { config: { pipelineNamespace: 'elsewhere' } } });
    expect('ownerReferences' in renderFirst(other, 'resource/configure', request()).job.metadata).toBe(false);
  });

  test('§11.16 Promise hash: workflows.config/promise/resource always present, durations re-printed, HTML escaped, keys sorted', () => {
    const spec = { workflows: { config: { reconciliationInterval: '2h' }, promise: { configure: [pipeline('s', { containers: [{ name: 'c', image: 'a&b' }] })] } } };
    const json = '{"workflows":{"config":{"reconciliationInterval":"2h0m0s"},"promise":{"configure":[{"apiVersion":"platform.kratix.io/v1alpha1",' +
      '"kind":"Pipeline","metadata":{"name":"s"},"spec":{"containers":[{"image":"a\\u0026b","name":"c"}]}}]},"resource":{}}}';
    const p = promise(spec);
    delete p.spec.api;
    expect(renderFirst(p, 'promise/configure').job.metadata.labels!['kratix.io/hash']).toBe(md5Hex(json));
  });

  describe('§11.17 dry run', () => {
    const p = promiseWith('resource/configure', [pipeline('deploy', {
      containers: [{ name: 'one', image: 'a', env: [{ name: 'ONE', value: '1' }] }, { name: 'two', image: 'b', env: [{ name: 'TWO', value: '2' }] }],
    })]);
    const dry = renderFirst(p, 'resource/configure', request({ labels: { 'kratix.io/dry-run': 'true' } }));
    const wet = renderFirst(p, 'resource/configure', request());

    test('a request labelled kratix.io/dry-run: "true" gets KRATIX_DRY_RUN and the -dry-run hash suffix', () => {
      expect(dry.job.metadata.labels!['kratix.io/hash']).not.toBe(wet.job.metadata.labels!['kratix.io/hash']);
      for (const c of ['reader', 'one', 'work-writer', 'status-writer']) expect(envOf(containerOf(dry, c))).toContainEqual(['KRATIX_DRY_RUN', 'true']);
      expect(envOf(containerOf(wet, 'reader')).map(e => e[0])).not.toContain('KRATIX_DRY_RUN');
      expect(containerOf(dry, 'reader').env).toHaveLength(12);
    });

    test('unlike Kratix (env aliasing bug), each user container keeps its own env in dry-run mode', () => {
      expect(envOf(containerOf(dry, 'one')).slice(12)).toEqual([['ONE', '1']]);
      expect(envOf(containerOf(dry, 'two')).slice(12)).toEqual([['TWO', '2']]);
    });

    test('the dry-run hash is md5(<promise hash>-<resource hash>-dry-run)', () => {
      const promiseHash = hashSpec(promiseSpecForHash(p.spec));
      expect(dry.job.metadata.labels!['kratix.io/hash']).toBe(md5Hex(`${promiseHash}-${md5Hex('{"size":"small"}')}-dry-run`));
      expect(wet.job.metadata.labels!['kratix.io/hash']).toBe(md5Hex(`${promiseHash}-${md5Hex('{"size":"small"}')}`));
    });
  });

  test('§11.18 the destination-selectors ConfigMap is yaml.v2 (matchlabels/source, quoted 1.1 values, natural order, [] when empty)', () => {
    const p = promiseWith('promise/configure', [pipeline('s')], { destinationSelectors: [{ matchLabels: { zone10: 'a', zone9: 'yes' } }] });
    expect(renderFirst(p, 'promise/configure').configMap!.data.destinationSelectors).toBe('- matchlabels:\n    zone9: "yes"\n    zone10: a\n  source: promise\n');
    expect(renderFirst(promiseWith('promise/configure', [pipeline('s')]), 'promise/configure').configMap!.data.destinationSelectors).toBe('[]\n');
  });

  test('§11.19 cluster-scoped Promise APIs are rendered anyway (namespace "" unless pipelineNamespace is set)', () => {
    const p = promiseWith('resource/configure', [pipeline('s')]);
    p.spec.api.spec.scope = 'Cluster';
    const r = renderFirst(p, 'resource/configure', request({ namespace: 'ignored' }));
    expect(r.namespace).toBe('');
    expect(Object.fromEntries(envOf(containerOf(r, 'reader')))).toMatchObject({ KRATIX_CLUSTER_SCOPED: 'true', KRATIX_OBJECT_NAMESPACE: undefined });
    expect(containerOf(r, 'reader').env).toContainEqual({ name: 'KRATIX_OBJECT_NAMESPACE' });
    p.spec.workflows.config = { pipelineNamespace: 'pipelines' };
    expect(renderFirst(p, 'resource/configure', request()).job.metadata.namespace).toBe('pipelines');
  });

  test('§11.20 a custom rbac.serviceAccount is still rendered, labelled promise-name', () => {
    const r = renderFirst(promiseWith('promise/configure', [pipeline('s', { rbac: { serviceAccount: 'custom' } })]), 'promise/configure');
    expect(r.serviceAccount.metadata).toEqual({ name: 'custom', namespace: 'kratix-platform-system', labels: { 'kratix.io/promise-name': 'app' } });
  });

  test('§11.21 user-permission ClusterRoles of resource workflows are shared by all request namespaces and labelled with one NS', () => {
    const p = promiseWith('resource/configure', [pipeline('s', { rbac: { permissions: [{ verbs: ['get'], resources: ['nodes'], resourceNamespace: '*' }] } })]);
    const [a, b] = ['ns-1', 'ns-2'].map(ns => renderFirst(p, 'resource/configure', request({ namespace: ns })).clusterRoles[0].metadata);
    expect(a.name).toBe(b.name);
    expect([a.labels!['kratix.io/pipeline-namespace'], b.labels!['kratix.io/pipeline-namespace']]).toEqual(['ns-1', 'ns-2']);
  });

  test('§11.22 parsing is all-or-nothing across the four lists; kind is printed before apiVersion', () => {
    const p = promiseWith('promise/configure', [pipeline('fine')], {
      workflows: { resource: { delete: [{ ...pipeline('bad'), apiVersion: 'v1', kind: 'Job' }] } },
    });
    expect(() => render(p, 'promise/configure')).toThrow(
      'promise spec.workflows.resource.delete[0].kind: unsupported pipeline "bad" with APIVersion "Job/v1"');
    const unknown = promiseWith('promise/configure', [pipeline('fine', { workingDir: '/tmp' })]);
    expect(() => render(unknown, 'promise/configure')).toThrow('promise spec.workflows.promise.configure[0].spec.workingDir: unknown field \'workingDir\' in a Kratix PipelineSpec: Kratix decodes pipelines strictly and rejects it');
    const folded = promiseWith('promise/configure', [pipeline('fine', { Containers: [{ Name: 'c', image: 'x' }], containers: undefined })]);
    expect(containerNames(renderFirst(folded, 'promise/configure')).init).toEqual(['reader', 'c', 'work-writer']);
  });

  test('§11.23 the pipeline ID may have at most 60 characters', () => {
    const ok = promiseWith('promise/configure', [pipeline('x'.repeat(60 - 'app-promise-configure-'.length))]);
    expect(() => render(ok, 'promise/configure')).not.toThrow();
    const tooLong = promiseWith('resource/delete', [pipeline('x'.repeat(61 - 'app-resource-delete-'.length))]);
    expect(() => render(tooLong, 'promise/configure')).toThrow(/^promise spec.workflows.resource.delete\[0\].metadata.name: pipeline ID 'app-resource-delete-x+' \(<promise>-<type>-<action>-<pipeline>\) is 61 characters, over Kratix's limit of 60/);
  });

  test('§11.24 PIPELINE_ADAPTER_IMG unset: Kratix containers have an empty image (left out, as Go omits it)', () => {
    const r = renderWorkflow(promiseWith('promise/configure', [pipeline('s')]), 'promise/configure', undefined)[0];
    for (const c of ['reader', 'work-writer', 'status-writer']) expect('image' in containerOf(r, c)).toBe(false);
    expect(containerOf(renderFirst(promiseWith('promise/configure', [pipeline('s')]), 'promise/configure'), 'reader').image).toBe(ADAPTER_IMAGE);
  });
});

describe('renderWorkflow', () => {
  test('renders every configure pipeline in order with IS_LAST_PIPELINE only on the last', () => {
    const rendered = render(promiseWith('promise/configure', [pipeline('a'), pipeline('b'), pipeline('c')]), 'promise/configure');
    expect(rendered.map(r => [r.pipelineName, r.id, envOf(containerOf(r, 'status-writer'))[0][1]])).toEqual([
      ['a', 'app-promise-configure-a', 'false'], ['b', 'app-promise-configure-b', 'false'], ['c', 'app-promise-configure-c', 'true'],
    ]);
  });

  test('a workflow without pipelines renders nothing', () => {
    expect(render(promise(), 'promise/configure')).toEqual([]);
    expect(render(promise(), 'resource/delete', request())).toEqual([]);
  });

  test('is deterministic: rendering twice gives identical YAML', () => {
    const p = promiseWith('resource/configure', [pipeline('a', {
      rbac: {
        permissions: [
          { verbs: ['get'], resources: ['a'], resourceNamespace: 'z' }, { verbs: ['get'], resources: ['b'], resourceNamespace: 'a' },
        ],
      },
    }), pipeline('b')]);
    const once = toYaml(workflowObjects(render(p, 'resource/configure', request())));
    expect(toYaml(workflowObjects(render(JSON.parse(JSON.stringify(p)), 'resource/configure', request())))).toBe(once);
  });

  test('does not modify its inputs', () => {
    const p = promiseWith('resource/configure', [pipeline('a', { containers: [{ name: 'c', image: 'i', env: [{ name: 'E', value: '' }], resources: { limits: { cpu: 1 } } }] })]);
    const req = request();
    const before = JSON.stringify([p, req]);
    render(p, 'resource/configure', req, { kratixConfig: { workflows: { defaultContainerSecurityContext: { runAsUser: 1 } } } });
    expect(JSON.stringify([p, req])).toBe(before);
  });

  test('trace annotations of the parent are copied to the Job and the pod when non-empty', () => {
    const p = promiseWith('promise/configure', [pipeline('s')]);
    p.metadata.annotations = { 'kratix.io/trace-parent': '00-abc-def-01', 'kratix.io/trace-state': '', 'other': 'x' };
    const r = renderFirst(p, 'promise/configure');
    expect(r.job.metadata.annotations!['kratix.io/trace-parent']).toBe('00-abc-def-01');
    expect('kratix.io/trace-state' in r.job.metadata.annotations!).toBe(false);
    expect(r.job.spec.template.metadata.annotations).toEqual({ 'kratix.io/trace-parent': '00-abc-def-01' });
  });

  test('a Promise without metadata.uid gets uid "" in its ownerReference', () => {
    const p = promiseWith('promise/configure', [pipeline('s')]);
    delete p.metadata.uid;
    expect(renderFirst(p, 'promise/configure').job.metadata.ownerReferences![0].uid).toBe('');
  });

  describe('bad input names the field and the value', () => {
    test.each<[string, () => unknown, string]>([
      ['unknown workflow', () => renderWorkflow(promise(), 'promise/update' as any, undefined), 'unknown workflow "promise/update"'],
      ['not a Promise', () => renderWorkflow({ kind: 'Pod', metadata: { name: 'x' } }, 'promise/configure', undefined), "promise kind: 'Pod' is not Promise"],
      ['no promise name', () => renderWorkflow({ metadata: {} }, 'promise/configure', undefined), 'promise metadata.name: null: every promise needs a name'],
      ['no metadata', () => renderWorkflow({ spec: {} }, 'promise/configure', undefined), 'promise metadata: null is not an object with a name'],
      ['pipeline without a name', () => render(promiseWith('promise/configure', [pipeline('')]), 'promise/configure'),
        'promise spec.workflows.promise.configure[0].metadata.name: missing'],
      ['pipeline not an object', () => render(promiseWith('promise/configure', ['x' as any]), 'promise/configure'),
        "promise spec.workflows.promise.configure[0]: 'x' is not a Pipeline object"],
      ['wrong apiVersion', () => render(promiseWith('promise/configure', [{ ...pipeline('p'), apiVersion: 'platform.kratix.io/v1' }]), 'promise/configure'),
        'promise spec.workflows.promise.configure[0].apiVersion: unsupported pipeline "p" with APIVersion "Pipeline/platform.kratix.io/v1"'],
      ['unknown container field', () => render(promiseWith('promise/configure', [pipeline('p', { containers: [{ name: 'c', ports: [] }] })]), 'promise/configure'),
        'promise spec.workflows.promise.configure[0].spec.containers[0].ports: unknown field \'ports\' in a Kratix Container: Kratix decodes pipelines strictly and rejects it (json: unknown field "ports")'],
      ['unknown rbac field', () => render(promiseWith('promise/configure', [pipeline('p', { rbac: { serviceaccountname: 'x' } })]), 'promise/configure'),
        'promise spec.workflows.promise.configure[0].spec.rbac.serviceaccountname: unknown field \'serviceaccountname\' in a Kratix RBAC'],
      ['label not a string', () => render(promiseWith('promise/configure', [pipeline('p', {}, { labels: { a: 1 } })]), 'promise/configure'),
        'promise spec.workflows.promise.configure[0].metadata.labels.a: 1 is a whole number, not a string: Kratix cannot decode it'],
      ['bad backoffLimit', () => render(promiseWith('promise/configure', [pipeline('p', { jobOptions: { backoffLimit: 'x' } })]), 'promise/configure'),
        'promise spec.workflows.promise.configure[0].spec.jobOptions.backoffLimit: \'x\' is a string, not a 32-bit whole number: Kratix cannot decode it'],
      ['permission without verbs', () => render(promiseWith('promise/configure', [pipeline('p', { rbac: { permissions: [{ resources: ['pods'] }] } })]), 'promise/configure'),
        'promise spec.workflows.promise.configure[0].spec.rbac.permissions[0].verbs: missing'],
      ['bad quantity', () => render(promiseWith('promise/configure', [pipeline('p', { containers: [{ name: 'c', resources: { limits: { cpu: 'much' } } }] })]), 'promise/configure'),
        'promise spec.workflows.promise.configure[0].spec.containers[0].resources.limits.cpu: \'much\' is not a Kubernetes quantity: Kratix cannot decode it'],
      ['matchLabels value not a string', () => render(promiseWith('promise/configure', [pipeline('p')], { destinationSelectors: [{ matchLabels: { gpu: true } }] }), 'promise/configure'),
        'promise spec.destinationSelectors[0].matchLabels.gpu: true is not a string'],
      ['missing request', () => render(promiseWith('resource/configure', [pipeline('p')]), 'resource/configure'),
        'workflow resource/configure renders for one resource request: the request argument is missing'],
      ['request of another kind', () => render(promiseWith('resource/configure', [pipeline('p')]), 'resource/configure', { ...request(), kind: 'Other' }),
        'request kind: \'Other\' is not the Promise API\'s kind "App"'],
      ['request of another group', () => render(promiseWith('resource/configure', [pipeline('p')]), 'resource/configure', { ...request(), apiVersion: 'other.com/v1' }),
        'request apiVersion: \'other.com/v1\' is not in the Promise API\'s group "example.com"'],
      ['request without namespace', () => render(promiseWith('resource/configure', [pipeline('p')]), 'resource/configure', request({ namespace: undefined })),
        'request metadata.namespace: missing'],
      ['request without name', () => render(promiseWith('resource/configure', [pipeline('p')]), 'resource/configure', request({ name: '' })),
        "request metadata.name: '': every request needs a name"],
      ['resource workflow without API', () => {
        const p = promiseWith('resource/configure', [pipeline('p')]);
        delete p.spec.api;
        return render(p, 'resource/configure', request());
      }, 'promise spec.api: missing: resource workflows need the Promise to have an API'],
    ])('%s', (_name, fn, message) => {
      expect(fn).toThrow(message);
    });

    test('errors are RenderErrors carrying the input and the path', () => {
      try {
        render(promiseWith('promise/configure', [pipeline('')]), 'promise/configure');
        throw new Error('no error');
      } catch (e) {
        expect(e).toBeInstanceOf(RenderError);
        expect((e as RenderError).input).toBe('promise');
        expect((e as RenderError).path).toBe('spec.workflows.promise.configure[0].metadata.name');
      }
    });
  });
});

describe('workflowObjects', () => {
  test('lists objects in Kratix apply order, the shared ConfigMap once', () => {
    const p = promiseWith('resource/configure', [
      pipeline('a', { rbac: { permissions: [{ verbs: ['get'], resources: ['x'] }, { verbs: ['get'], resources: ['y'], resourceNamespace: 'n' }] } }),
      pipeline('b'),
    ], { workflows: { config: { pipelineNamespace: 'pipelines' } } });
    const objects = workflowObjects(render(p, 'resource/configure', request()));
    expect(objects.map(o => `${o.kind}/${o.metadata.name}`)).toEqual([
      'ServiceAccount/app-resource-configure-a',
      'ConfigMap/destination-selectors-app',
      'Role/app-resource-configure-a',
      `Role/${deterministicName('app-resource-configure-a')}`,
      'RoleBinding/app-resource-configure-a',
      `RoleBinding/${deterministicName('app-resource-configure-a')}`,
      `RoleBinding/${deterministicName('app-resource-configure-a-pipelines')}`,
      'ClusterRole/app-resource-configure-a-team-a',
      `ClusterRole/${deterministicName('app-resource-configure-a-n')}`,
      'ClusterRoleBinding/app-resource-configure-a-team-a',
      expect.stringMatching(/^Job\/kratix-app-my-app-team-a-a-[0-9a-f]{5}$/),
      'ServiceAccount/app-resource-configure-b',
      'Role/app-resource-configure-b',
      'RoleBinding/app-resource-configure-b',
      'ClusterRole/app-resource-configure-b-team-a',
      'ClusterRoleBinding/app-resource-configure-b-team-a',
      expect.stringMatching(/^Job\/kratix-app-my-app-team-a-b-[0-9a-f]{5}$/),
    ]);
  });

  test('keeps a same-named object that differs', () => {
    const rendered = render(promiseWith('promise/configure', [pipeline('a'), pipeline('b')]), 'promise/configure');
    const changed = { ...rendered[1], configMap: { ...rendered[1].configMap!, data: { destinationSelectors: 'x' } } };
    expect(workflowObjects([rendered[0], changed]).filter(o => o.kind === 'ConfigMap')).toHaveLength(2);
  });
});

describe('bad input of any shape', () => {
  const slots: Array<[string, (v: unknown) => [any, any, any]]> = [
    ['promise.spec', v => [{ ...promiseWith('resource/configure', [pipeline('p')]), spec: v }, request(), undefined]],
    ['promise.metadata', v => [{ ...promiseWith('resource/configure', [pipeline('p')]), metadata: v }, request(), undefined]],
    ['pipeline.spec', v => [promiseWith('resource/configure', [{ ...pipeline('p'), spec: v }]), request(), undefined]],
    ['pipeline.metadata', v => [promiseWith('resource/configure', [{ ...pipeline('p'), metadata: v }]), request(), undefined]],
    ['container', v => [promiseWith('resource/configure', [pipeline('p', { containers: [v] })]), request(), undefined]],
    ['container.env', v => [promiseWith('resource/configure', [pipeline('p', { containers: [{ name: 'c', env: v }] })]), request(), undefined]],
    ['container.resources', v => [promiseWith('resource/configure', [pipeline('p', { containers: [{ name: 'c', resources: v }] })]), request(), undefined]],
    ['rbac', v => [promiseWith('resource/configure', [pipeline('p', { rbac: v })]), request(), undefined]],
    ['permissions', v => [promiseWith('resource/configure', [pipeline('p', { rbac: { permissions: v } })]), request(), undefined]],
    ['api', v => [promiseWith('resource/configure', [pipeline('p')], { api: v }), request(), undefined]],
    ['destinationSelectors', v => [promiseWith('resource/configure', [pipeline('p')], { destinationSelectors: v }), request(), undefined]],
    ['request', v => [promiseWith('resource/configure', [pipeline('p')]), v, undefined]],
    ['request.metadata', v => [promiseWith('resource/configure', [pipeline('p')]), { ...request(), metadata: v }, undefined]],
    ['kratixConfig', v => [promiseWith('resource/configure', [pipeline('p')]), request(), v]],
    ['kratixConfig.workflows', v => [promiseWith('resource/configure', [pipeline('p')]), request(), { workflows: v }]],
  ];

  test.each(slots)('%s: renders or throws an Error that is not a TypeError', (_slot, build) => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      const [p, req, kratixConfig] = build(value);
      try {
        render(p, 'resource/configure', req, { kratixConfig });
      } catch (e) {
        expect(e).toBeInstanceOf(Error);
        expect(e).not.toBeInstanceOf(TypeError);
        expect((e as Error).message).not.toMatch(/\bundefined\b/);
      }
    }), { numRuns: 150 });
  });
});
