import { pipeline, promiseWith, renderFirst, request } from './fixtures';
import { md5Hex } from '../../src/render/go-json';

describe('§7.8.1 Job', () => {
  test('metadata and spec of a promise workflow Job', () => {
    const r = renderFirst(promiseWith('promise/configure', [pipeline('setup')]), 'promise/configure');
    const hash = r.job.metadata.labels!['kratix.io/hash'];
    expect(r.job.metadata.name).toBe(`kratix-app-setup-${md5Hex(`kratix-app-setup-${hash}`).slice(0, 5)}`);
    expect(r.job.metadata.namespace).toBe('kratix-platform-system');
    expect(r.job.metadata.labels).toEqual({
      'kratix.io/promise-name': 'app',
      'kratix.io/workflow-type': 'promise',
      'kratix.io/pipeline-name': 'setup',
      'kratix.io/workflow-action': 'configure',
      'app.kubernetes.io/managed-by': 'Kratix',
      'kratix.io/hash': hash,
    });
    expect(Object.keys(r.job.spec)).toEqual(['template']);
    expect(r.job.spec.template.metadata).toEqual({ labels: r.job.metadata.labels });
    const pod = r.job.spec.template.spec;
    expect(pod.serviceAccountName).toBe('app-promise-configure-setup');
    expect(pod.restartPolicy).toBe('OnFailure');
    expect(pod.volumes).toEqual([
      { name: 'promise-scheduling', configMap: { name: 'destination-selectors-app', items: [{ key: 'destinationSelectors', path: 'promise-scheduling' }] } },
      { name: 'shared-input', emptyDir: {} },
      { name: 'shared-output', emptyDir: {} },
      { name: 'shared-metadata', emptyDir: {} },
    ]);
    expect(Object.keys(pod).sort()).toEqual(['containers', 'initContainers', 'restartPolicy', 'serviceAccountName', 'volumes']);
  });

  test('resource workflow labels, annotations and combined hash', () => {
    const r = renderFirst(promiseWith('resource/configure', [pipeline('deploy')]), 'resource/configure', request());
    expect(r.job.metadata.labels!['kratix.io/resource-name']).toBe('my-app');
    expect(r.job.metadata.annotations).toEqual({
      'kratix.io/job-resource-namespace': 'team-a',
      'kratix.io/job-resource-name': 'my-app',
      'kratix.io/job-resource-kind': 'App',
      'kratix.io/job-resource-api-version': 'example.com/v1',
    });
  });

  test('backoffLimit: the pipeline wins over defaultBackoffLimit; neither leaves it out', () => {
    const own = promiseWith('promise/configure', [pipeline('s', { jobOptions: { backoffLimit: 0 } })]);
    const none = promiseWith('promise/configure', [pipeline('s')]);
    const config = { kratixConfig: { workflows: { jobOptions: { defaultBackoffLimit: 5 } } } };
    expect(renderFirst(own, 'promise/configure', undefined, config).job.spec.backoffLimit).toBe(0);
    expect(renderFirst(none, 'promise/configure', undefined, config).job.spec.backoffLimit).toBe(5);
    expect('backoffLimit' in renderFirst(none, 'promise/configure').job.spec).toBe(false);
  });

  test('restartPolicy, nodeSelector, tolerations and volumes come from the pipeline', () => {
    const p = promiseWith('promise/delete', [pipeline('s', {
      restartPolicy: 'Never',
      nodeSelector: { pool: 'pipelines' },
      tolerations: [{ key: 'k', operator: 'Exists', tolerationSeconds: null }],
      volumes: [{ name: 'v', secret: { secretName: 's' } }],
    })]);
    const pod = renderFirst(p, 'promise/delete').job.spec.template.spec;
    expect(pod.restartPolicy).toBe('Never');
    expect(pod.nodeSelector).toEqual({ pool: 'pipelines' });
    expect(pod.tolerations).toEqual([{ key: 'k', operator: 'Exists' }]);
    expect(pod.volumes.map((v: any) => v.name)).toEqual(['shared-input', 'shared-output', 'shared-metadata', 'v']);
  });

  test('the Job name changes with the hash, as Kratix starts a new Job', () => {
    const p = promiseWith('resource/configure', [pipeline('deploy')]);
    const a = renderFirst(p, 'resource/configure', request({}, { size: 'small' })).job.metadata.name;
    const b = renderFirst(p, 'resource/configure', request({}, { size: 'large' })).job.metadata.name;
    expect(a.slice(0, -5)).toBe(b.slice(0, -5));
    expect(a).not.toBe(b);
  });
});
