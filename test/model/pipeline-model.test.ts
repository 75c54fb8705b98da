import { checkPipelineKind, parsePipeline } from '../../src/model/pipeline-model';

describe('pipeline parsing', () => {
  test('checkPipelineKind accepts only Pipeline + platform.kratix.io/v1alpha1, with Kratix\'s message', () => {
    expect(() => checkPipelineKind({ kind: 'Pipeline', apiVersion: 'platform.kratix.io/v1alpha1' }, 'p')).not.toThrow();
    expect(() => checkPipelineKind({ apiVersion: 'platform.kratix.io/v1alpha1', metadata: { name: 'n' } }, 'spec.x[0]'))
      .toThrow('promise spec.x[0].kind: pipeline has no kind: Kratix cannot even read the Promise; set kind: Pipeline');
  });

  test('reads every field of Kratix\'s Pipeline struct', () => {
    const parsed = parsePipeline({
      apiVersion: 'platform.kratix.io/v1alpha1',
      kind: 'Pipeline',
      metadata: { name: 'p', namespace: 'ignored', labels: { a: 'b' }, annotations: { c: 'd' } },
      spec: {
        containers: [{ name: 'c', image: 'i' }],
        imagePullSecrets: [{ name: 's' }],
        jobOptions: { backoffLimit: 2 },
        nodeSelector: { n: 'v' },
        rbac: { serviceAccount: 'sa', permissions: [{ resourceNamespace: 'x', verbs: ['get'], apiGroups: [''], resources: ['pods'], resourceNames: ['a'] }] },
        restartPolicy: 'Never',
        tolerations: [{ operator: 'Exists' }],
        volumes: [{ name: 'v', emptyDir: {} }],
      },
    }, 'spec.workflows.promise.configure[0]');
    expect(parsed).toEqual({
      path: 'spec.workflows.promise.configure[0]',
      name: 'p',
      labels: { a: 'b' },
      annotations: { c: 'd' },
      containers: [{ name: 'c', image: 'i' }],
      imagePullSecrets: [{ name: 's' }],
      backoffLimit: 2,
      nodeSelector: { n: 'v' },
      restartPolicy: 'Never',
      tolerations: [{ operator: 'Exists' }],
      volumes: [{ name: 'v', emptyDir: {} }],
      serviceAccount: 'sa',
      permissions: [{ resourceNamespace: 'x', rule: { verbs: ['get'], apiGroups: [''], resources: ['pods'], resourceNames: ['a'] } }],
    });
  });

  test('a top-level status or rbac key is an unknown field', () => {
    const base = { apiVersion: 'platform.kratix.io/v1alpha1', kind: 'Pipeline', metadata: { name: 'p' } };
    expect(() => parsePipeline({ ...base, status: {} }, 'x')).toThrow('promise x.status: unknown field \'status\' in a Kratix Pipeline');
    expect(() => parsePipeline({ ...base, rbac: {} }, 'x')).toThrow("promise x.rbac: unknown field 'rbac' in a Kratix Pipeline: Kratix decodes pipelines strictly and rejects it (json: unknown field \"rbac\"); move it under 'spec'");
  });

  test('keys match case-insensitively, as encoding/json does', () => {
    const parsed = parsePipeline({ APIVersion: 'x', apiVersion: 'platform.kratix.io/v1alpha1', kind: 'Pipeline', Metadata: { Name: 'p' }, metadata: { name: 'p' } }, 'x');
    expect(parsed.name).toBe('p');
  });

  test('wrong types name the field', () => {
    const base = { apiVersion: 'platform.kratix.io/v1alpha1', kind: 'Pipeline', metadata: { name: 'p' } };
    expect(() => parsePipeline({ ...base, spec: { containers: {} } }, 'x')).toThrow('promise x.spec.containers: {} is a map, not a list: Kratix cannot decode it');
    expect(() => parsePipeline({ ...base, spec: { containers: [{ args: 'a b' }] } }, 'x')).toThrow("promise x.spec.containers[0].args: 'a b' is a string, not a list: Kratix cannot decode it");
    expect(() => parsePipeline({ ...base, spec: { containers: [{ command: [1] }] } }, 'x')).toThrow('promise x.spec.containers[0].command[0]: 1 is a whole number, not a string: Kratix cannot decode it');
    expect(() => parsePipeline({ ...base, spec: 'x' }, 'x')).toThrow("promise x.spec: 'x' is a string, not a map (PipelineSpec): Kratix cannot decode it");
  });
});
