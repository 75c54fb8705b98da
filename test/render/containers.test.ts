import { ADAPTER_IMAGE, containerNames, containerOf, envOf, pipeline, promiseWith, renderFirst, request } from './fixtures';

const DEFAULT_RESOURCES = {
  requests: { 'cpu': '100m', 'memory': '128Mi', 'ephemeral-storage': '128Mi' },
  limits: { 'cpu': '200m', 'memory': '256Mi', 'ephemeral-storage': '256Mi' },
};

describe('§7.8.3 containers', () => {
  const p = promiseWith('resource/configure', [pipeline('deploy', {
    containers: [
      {
        name: 'render',
        image: 'ghcr.io/acme/render:v1',
        command: ['/bin/render'],
        args: ['--all'],
        env: [{ name: 'EMPTY', value: '' }, { name: 'PLAIN', value: 'x' }, { name: 'REF', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
        envFrom: [{ secretRef: { name: 's' } }],
        volumeMounts: [{ name: 'cache', mountPath: '/cache', readOnly: false, subPath: '' }],
        imagePullPolicy: 'Always',
        resources: { requests: { cpu: '0.5' } },
      },
      { name: 'lint', image: 'ghcr.io/acme/lint:v1', args: [], command: [], env: [] },
    ],
    volumes: [{ name: 'cache', emptyDir: {} }],
  })]);
  const r = renderFirst(p, 'resource/configure', request(), { kratixConfig: { workflows: { defaultImagePullPolicy: 'IfNotPresent' } } });

  test('order: reader, user containers, work-writer; status-writer as the only container', () => {
    expect(containerNames(r)).toEqual({ init: ['reader', 'render', 'lint', 'work-writer'], main: ['status-writer'] });
  });

  test('reader', () => {
    expect(containerOf(r, 'reader')).toEqual({
      name: 'reader',
      image: ADAPTER_IMAGE,
      command: ['/bin/pipeline-adapter'],
      args: ['reader'],
      env: [
        { name: 'KRATIX_WORKFLOW_ACTION', value: 'configure' },
        { name: 'KRATIX_WORKFLOW_TYPE', value: 'resource' },
        { name: 'KRATIX_PROMISE_NAME', value: 'app' },
        { name: 'KRATIX_PIPELINE_NAME', value: 'deploy' },
        { name: 'KRATIX_OBJECT_KIND', value: 'App' },
        { name: 'KRATIX_OBJECT_GROUP', value: 'example.com' },
        { name: 'KRATIX_OBJECT_VERSION', value: 'v1' },
        { name: 'KRATIX_OBJECT_NAME', value: 'my-app' },
        { name: 'KRATIX_OBJECT_NAMESPACE', value: 'team-a' },
        { name: 'KRATIX_CRD_PLURAL', value: 'apps' },
        { name: 'KRATIX_CLUSTER_SCOPED', value: 'false' },
      ],
      resources: DEFAULT_RESOURCES,
      volumeMounts: [{ mountPath: '/kratix/input', name: 'shared-input' }, { mountPath: '/kratix/output', name: 'shared-output' }],
      imagePullPolicy: 'IfNotPresent',
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, privileged: false, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
    });
  });

  test('a user container keeps its fields, KRATIX env first, empty values without a value key, default mounts first', () => {
    const c = containerOf(r, 'render');
    expect(c.command).toEqual(['/bin/render']);
    expect(c.args).toEqual(['--all']);
    expect(c.envFrom).toEqual([{ secretRef: { name: 's' } }]);
    expect(c.env.slice(11)).toEqual([{ name: 'EMPTY' }, { name: 'PLAIN', value: 'x' }, { name: 'REF', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }]);
    expect(c.volumeMounts).toEqual([
      { mountPath: '/kratix/input', name: 'shared-input', readOnly: true },
      { mountPath: '/kratix/output', name: 'shared-output' },
      { mountPath: '/kratix/metadata', name: 'shared-metadata' },
      { name: 'cache', mountPath: '/cache' },
    ]);
    expect(c.imagePullPolicy).toBe('Always');
    expect(c.resources).toEqual({ requests: { cpu: '500m' } });
    expect(c.securityContext).toEqual({});
  });

  test('empty args/command/env of a user container are left out; defaults fill resources and pull policy', () => {
    const c = containerOf(r, 'lint');
    expect(Object.keys(c).sort()).toEqual(['env', 'image', 'imagePullPolicy', 'name', 'resources', 'securityContext', 'volumeMounts']);
    expect(c.env).toHaveLength(11);
    expect(c.resources).toEqual(DEFAULT_RESOURCES);
    expect(c.imagePullPolicy).toBe('IfNotPresent');
  });

  test('work-writer args for a resource workflow', () => {
    const c = containerOf(r, 'work-writer');
    expect(c.args).toEqual([
      'work-creator', '--input-directory', '/work-creator-files', '--promise-name', 'app', '--pipeline-name', 'deploy',
      '--namespace', 'team-a', '--workflow-type', 'resource', '--resource-name', 'my-app',
    ]);
    expect(c.volumeMounts).toEqual([
      { mountPath: '/work-creator-files/input', name: 'shared-output' },
      { mountPath: '/work-creator-files/metadata', name: 'shared-metadata' },
      { mountPath: '/work-creator-files/kratix-system', name: 'promise-scheduling' },
    ]);
  });

  test('status-writer', () => {
    const c = containerOf(r, 'status-writer');
    expect(c.args).toEqual(['update-status']);
    expect(envOf(c)[0]).toEqual(['IS_LAST_PIPELINE', 'true']);
    expect(c.env).toHaveLength(12);
    expect(c.volumeMounts).toEqual([{ mountPath: '/work-creator-files/metadata', name: 'shared-metadata' }]);
  });

  test('a resource request of the core group has an empty KRATIX_OBJECT_GROUP', () => {
    const p2 = promiseWith('resource/configure', [pipeline('deploy')]);
    p2.spec.api.spec.group = '';
    expect(() => renderFirst(p2, 'resource/configure', { ...request(), apiVersion: 'v1' })).toThrow('promise spec.api.spec.group: \'\' is not an API group');
  });
});
