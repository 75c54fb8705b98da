import { pipeline, promiseWith, renderFirst } from './fixtures';
import { pipelinePod } from '../../src/render';

describe('pipelinePod', () => {
  test('has the Job name, namespace, labels, annotations and pod spec, restartPolicy Never, no owner', () => {
    const r = renderFirst(promiseWith('promise/configure', [pipeline('s', {}, { annotations: { note: 'x' } })]), 'promise/configure');
    const pod = pipelinePod(r);
    expect(pod.apiVersion).toBe('v1');
    expect(pod.kind).toBe('Pod');
    expect(pod.metadata).toEqual({
      name: r.job.metadata.name,
      namespace: 'kratix-platform-system',
      labels: r.job.spec.template.metadata.labels,
      annotations: { ...r.job.metadata.annotations, note: 'x' },
    });
    expect(pod.spec).toEqual({ ...r.job.spec.template.spec, restartPolicy: 'Never' });
    expect(r.job.spec.template.spec.restartPolicy).toBe('OnFailure');
  });
});
