import { compareRendering, normalize } from './conformance-compare';

const job = (name: string, env: any[] = [{ name: 'A', value: 'x' }]) => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name, namespace: 'ns', labels: { a: '1', b: '2' } },
  spec: { template: { spec: { containers: [{ name: 'c', env, volumeMounts: [{ name: 'v', mountPath: '/v', readOnly: false }] }] } } },
});
const sa = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'sa', namespace: 'ns' } };

describe('compareRendering', () => {
  test('accepts the same objects in another document and key order', () => {
    const reordered = { metadata: { namespace: 'ns', name: 'sa' }, kind: 'ServiceAccount', apiVersion: 'v1' };
    expect(compareRendering([sa, job('j-RANDOM')], [job('j-a1b2c'), reordered])).toEqual([]);
  });

  test('ignores null documents in expected.yaml', () => {
    expect(compareRendering([null, sa], [sa])).toEqual([]);
  });

  test('treats value: "", readOnly: false and null as absent', () => {
    const expected = job('j-RANDOM', [{ name: 'EMPTY' }]);
    const actual = job('j-a1b2c', [{ name: 'EMPTY', value: '', valueFrom: null }]);
    delete (actual.spec.template.spec.containers[0].volumeMounts[0] as any).readOnly;
    expect(compareRendering([expected], [actual])).toEqual([]);
    expect(normalize({ a: null, value: '', readOnly: false, b: [{ value: 'x' }] })).toEqual({ b: [{ value: 'x' }] });
  });

  test('fails on a different value', () => {
    expect(compareRendering([job('j-RANDOM')], [job('j-a1b2c', [{ name: 'A', value: 'y' }])]))
      .toEqual(['batch/v1/Job ns/j-RANDOM.spec.template.spec.containers[0].env[0].value: expected "x", got "y"']);
  });

  test('fails on a list in another order', () => {
    const env = [{ name: 'A', value: 'x' }, { name: 'B', value: 'y' }];
    expect(compareRendering([job('j-RANDOM', env)], [job('j-a1b2c', [env[1], env[0]])])).toHaveLength(4);
  });

  test('fails on a missing or extra key', () => {
    const actual = job('j-a1b2c');
    (actual.metadata.labels as any).c = '3';
    delete (actual.metadata.labels as any).a;
    expect(compareRendering([job('j-RANDOM')], [actual])).toEqual([
      'batch/v1/Job ns/j-RANDOM.metadata.labels.a: missing, expected "1"',
      'batch/v1/Job ns/j-RANDOM.metadata.labels.c: unexpected "3"',
    ]);
  });

  test('fails on a "" that is not an env value', () => {
    expect(compareRendering([{ ...sa, metadata: { ...sa.metadata, labels: { a: '' } } }], [sa])).toHaveLength(1);
  });

  test('fails on a missing, an extra or a duplicated object', () => {
    expect(compareRendering([sa], [])).toEqual(['v1/ServiceAccount ns/sa: missing from the rendering']);
    expect(compareRendering([], [sa])).toEqual(['v1/ServiceAccount ns/sa: rendered but not expected']);
    expect(compareRendering([sa], [sa, sa])).toEqual(['v1/ServiceAccount ns/sa: rendered twice']);
  });

  test('matches a Job name by prefix plus exactly 5 characters of [a-z0-9]', () => {
    expect(compareRendering([job('j-RANDOM')], [job('j-0a9zz')])).toEqual([]);
    expect(compareRendering([job('j-RANDOM')], [job('j-a1b2')])).toHaveLength(2);
    expect(compareRendering([job('j-RANDOM')], [job('j-a1b2c3')])).toHaveLength(2);
    expect(compareRendering([job('j-RANDOM')], [job('j-A1B2C')])).toHaveLength(2);
    expect(compareRendering([job('j-RANDOM')], [job('k-a1b2c')])).toHaveLength(2);
  });

  test('matches by namespace too', () => {
    expect(compareRendering([sa], [{ ...sa, metadata: { name: 'sa', namespace: 'other' } }])).toHaveLength(2);
  });
});
