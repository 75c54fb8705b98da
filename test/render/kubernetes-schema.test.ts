import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { pipeline, promiseWith, render, request } from './fixtures';
import { pipelinePod, RenderedPipeline, renderWorkflow, WorkflowRef, workflowObjects } from '../../src/render';
import { validateKubernetesObject } from '../support/kubernetes-schema';

function validateAll(rendered: RenderedPipeline[]): void {
  expect(rendered.length).toBeGreaterThan(0);
  for (const obj of [...workflowObjects(rendered), ...rendered.map(pipelinePod)]) {
    expect(() => validateKubernetesObject(obj)).not.toThrow();
  }
}

const CASES_DIR = path.join(__dirname, '..', '..', '..', 'shared', 'conformance', 'render');

describe('rendered objects validate against the Kubernetes 1.28 OpenAPI schemas (kubernetes-models)', () => {
  test('the validator rejects a wrong type', () => {
    expect(() => validateKubernetesObject({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'x' }, spec: { backoffLimit: 'many' } })).toThrow(/backoffLimit/);
  });

  test.each(fs.readdirSync(CASES_DIR).filter(n => fs.statSync(path.join(CASES_DIR, n)).isDirectory()))('conformance case %s', (name) => {
    const read = (file: string) => parse(fs.readFileSync(path.join(CASES_DIR, name, file), 'utf8'));
    const settings = read('settings.yaml');
    const req = fs.existsSync(path.join(CASES_DIR, name, 'request.yaml')) ? read('request.yaml') : undefined;
    validateAll(renderWorkflow(read('promise.yaml'), settings.workflow as WorkflowRef, req, {
      adapterImage: settings.pipelineAdapterImage,
      adapterPullSecret: settings.pipelineAdapterPullSecret,
      kratixConfig: settings.kratixConfigMapPresent ? settings.kratixConfig ?? {} : undefined,
    }));
  });

  const everything = pipeline('everything', {
    containers: [
      {
        name: 'main',
        image: 'ghcr.io/acme/main:v1',
        command: ['/bin/sh', '-c'],
        args: ['run'],
        env: [{ name: 'A', value: '' }, { name: 'B', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }],
        envFrom: [{ configMapRef: { name: 'cm' } }],
        volumeMounts: [{ name: 'extra', mountPath: '/extra', readOnly: false }],
        imagePullPolicy: 'Always',
        securityContext: { runAsUser: 1000, capabilities: { add: ['NET_ADMIN'] } },
        resources: { requests: { cpu: 0.25 }, limits: { memory: '1Gi' } },
      },
      { name: 'second', image: 'ghcr.io/acme/second:v1', resources: {} },
    ],
    volumes: [{ name: 'extra', emptyDir: { medium: 'Memory' } }],
    imagePullSecrets: [{ name: 'regcred' }],
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'pipelines', effect: 'NoSchedule' }],
    restartPolicy: 'Never',
    jobOptions: { backoffLimit: 1 },
    rbac: {
      permissions: [
        { apiGroups: [''], resources: ['secrets'], verbs: ['get'] },
        { apiGroups: ['apps'], resources: ['deployments'], verbs: ['list'], resourceNamespace: 'apps' },
        { apiGroups: [''], resources: ['nodes'], verbs: ['get'], resourceNamespace: '*' },
      ],
    },
  }, { labels: { team: 'blue' }, annotations: { note: 'x' } });
  const settings = {
    adapterPullSecret: 'adapter-secret',
    kratixConfig: { workflows: { defaultContainerSecurityContext: { runAsNonRoot: true }, defaultImagePullPolicy: 'IfNotPresent', jobOptions: { defaultBackoffLimit: 3 } } },
  };

  test.each<WorkflowRef>(['promise/configure', 'promise/delete', 'resource/configure', 'resource/delete'])('every field in %s', (workflow) => {
    validateAll(render(promiseWith(workflow, [everything, pipeline('second')]), workflow, request(), settings));
  });

  test('cross-namespace resource workflows, dry run and a custom service account', () => {
    const p = promiseWith('resource/configure', [pipeline('x', { rbac: { serviceAccount: 'mine', permissions: [{ verbs: ['get'], resources: ['pods'] }] } })],
      { workflows: { config: { pipelineNamespace: 'pipelines' } }, destinationSelectors: [{ matchLabels: { env: 'prod' } }, {}] });
    validateAll(render(p, 'resource/configure', request({ labels: { 'kratix.io/dry-run': 'true' } })));
  });
});
