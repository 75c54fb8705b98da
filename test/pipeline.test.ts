import { Testing } from 'cdk8s';
import { ConfigMap, EnvValue, Env, ImagePullPolicy, k8s, RestartPolicy, Secret, Volume, EnvFieldPaths } from 'cdk8s-plus-28';
import { KratixPromise, Pipeline, WorkflowAction, WorkflowType } from '../src';
import { testApi } from './support/promise-api';

function newPipeline(props: any = {}): { chart: any; pipeline: Pipeline } {
  const chart = Testing.chart();
  const promise = new KratixPromise(chart, 'env', { api: testApi() });
  const pipeline = promise.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'slack-notify', props);
  return { chart, pipeline };
}

function synthPipeline(chart: any): any {
  return Testing.synth(chart)[0].spec.workflows.resource.configure[0];
}

describe('Pipeline', () => {
  describe('minimal definition', () => {
    test('is a platform.kratix.io/v1alpha1 Pipeline with its name and containers', () => {
      const { chart } = newPipeline({ containers: [{ name: 'notify', image: 'ghcr.io/acme/notify:v1' }] });
      expect(synthPipeline(chart)).toEqual({
        apiVersion: 'platform.kratix.io/v1alpha1',
        kind: 'Pipeline',
        metadata: { name: 'slack-notify' },
        spec: { containers: [{ name: 'notify', image: 'ghcr.io/acme/notify:v1' }] },
      });
    });
  });

  describe('defaults', () => {
    test('name is the construct id; no rbac, volumes, secrets, job options, node selector, tolerations or restart policy', () => {
      const { pipeline } = newPipeline();
      expect(pipeline.name).toBe('slack-notify');
      expect(pipeline.backoffLimit).toBeUndefined();
      expect(pipeline.restartPolicy).toBeUndefined();
      expect(pipeline.rbac.serviceAccountName).toBeUndefined();
      expect(pipeline.rbac.permissions).toEqual([]);
      expect(pipeline.containerNames).toEqual([]);
      expect(pipeline.toJson().spec).toEqual({});
    });

    test('name can differ from the construct id', () => {
      const chart = Testing.chart();
      const promise = new KratixPromise(chart, 'env');
      const pipeline = promise.addPipeline(WorkflowType.PROMISE, WorkflowAction.CONFIGURE, 'Setup', { name: 'setup' });
      expect(pipeline.toJson().metadata.name).toBe('setup');
    });
  });

  describe('when given every field', () => {
    test('writes each field where Kratix reads it', () => {
      const { chart, pipeline } = newPipeline({
        labels: { team: 'net' },
        annotations: { 'example.com/a': 'b' },
        imagePullSecrets: ['regcred'],
        backoffLimit: 2,
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'pipelines', effect: 'NoSchedule' }],
        restartPolicy: RestartPolicy.NEVER,
        rbac: { serviceAccountName: 'my-sa' },
      });
      const secret = Secret.fromSecretName(chart, 's', 'slack-webhook');
      const configMap = ConfigMap.fromConfigMapName(chart, 'cm', 'slack-msg');
      const volume = Volume.fromConfigMap(chart, 'v', configMap, { name: 'templates' });
      pipeline.addVolume(volume);
      pipeline.addVolumeSpec({ name: 'scratch', emptyDir: { sizeLimit: k8s.Quantity.fromString('1Gi') } });
      pipeline.addContainer({
        name: 'notify',
        image: 'ghcr.io/acme/notify:v1',
        command: ['/bin/sh', '-c'],
        args: ['notify.sh'],
        env: {
          SLACK_CHANNEL: EnvValue.fromValue('network-team'),
          SLACK_WEBHOOK_URL: EnvValue.fromSecretValue({ secret, key: 'url' }),
          SLACK_MSG: EnvValue.fromConfigMap(configMap, 'msg'),
          POD_NAME: EnvValue.fromFieldRef(EnvFieldPaths.POD_NAME),
        },
        envVariables: [{ name: 'RAW', value: 'x' }],
        envFrom: [Env.fromSecret(secret)],
        envFromSources: [{ configMapRef: { name: 'extra' }, prefix: 'X_' }],
        volumeMounts: [{ volume, path: '/templates', readOnly: true }],
        volumeMountSpecs: [{ name: 'scratch', mountPath: '/scratch' }],
        imagePullPolicy: ImagePullPolicy.ALWAYS,
        securityContext: { runAsNonRoot: true },
        resources: { limits: { cpu: k8s.Quantity.fromString('500m') } },
      });
      const json = synthPipeline(chart);
      expect(json.metadata).toEqual({ name: 'slack-notify', labels: { team: 'net' }, annotations: { 'example.com/a': 'b' } });
      expect(json.spec).toEqual({
        containers: [{
          name: 'notify',
          image: 'ghcr.io/acme/notify:v1',
          command: ['/bin/sh', '-c'],
          args: ['notify.sh'],
          env: [
            { name: 'SLACK_CHANNEL', value: 'network-team' },
            { name: 'SLACK_WEBHOOK_URL', valueFrom: { secretKeyRef: { name: 'slack-webhook', key: 'url' } } },
            { name: 'SLACK_MSG', valueFrom: { configMapKeyRef: { name: 'slack-msg', key: 'msg' } } },
            { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
            { name: 'RAW', value: 'x' },
          ],
          envFrom: [{ secretRef: { name: 'slack-webhook' } }, { configMapRef: { name: 'extra' }, prefix: 'X_' }],
          volumeMounts: [{ name: 'templates', mountPath: '/templates', readOnly: true }, { name: 'scratch', mountPath: '/scratch' }],
          imagePullPolicy: 'Always',
          securityContext: { runAsNonRoot: true },
          resources: { limits: { cpu: '500m' } },
        }],
        volumes: [{ name: 'templates', configMap: { name: 'slack-msg' } }, { name: 'scratch', emptyDir: { sizeLimit: '1Gi' } }],
        imagePullSecrets: [{ name: 'regcred' }],
        rbac: { serviceAccount: 'my-sa' },
        jobOptions: { backoffLimit: 2 },
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'pipelines', effect: 'NoSchedule' }],
        restartPolicy: 'Never',
      });
    });
  });

  describe('add* methods return what they added', () => {
    test('addContainer and addContainerManifest return the container entry, addVolume and addVolumeSpec the volume, addVolumeManifest the entry', () => {
      const { chart, pipeline } = newPipeline();
      expect(pipeline.addContainer({ name: 'a', image: 'a:1', command: ['run'] })).toEqual({ name: 'a', image: 'a:1', command: ['run'] });
      expect(pipeline.addContainerManifest({ name: 'b', image: 'b:1' })).toEqual({ name: 'b', image: 'b:1' });
      const volume = Volume.fromEmptyDir(chart, 'v', 'cache');
      expect(pipeline.addVolume(volume)).toBe(volume);
      const spec: k8s.Volume = { name: 'tmp', emptyDir: {} };
      expect(pipeline.addVolumeSpec(spec)).toBe(spec);
      expect(pipeline.addVolumeManifest({ name: 'odd', csi: { driver: 'x.csi.k8s.io' } })).toEqual({ name: 'odd', csi: { driver: 'x.csi.k8s.io' } });
      expect(synthPipeline(chart).spec.volumes.map((v: any) => v.name)).toEqual(['cache', 'tmp', 'odd']);
    });
  });

  describe('mutate after construction, then synth', () => {
    test('containers, volumes, permissions and overrides added later appear in order', () => {
      const { chart, pipeline } = newPipeline({ containers: [{ name: 'first', image: 'a:1' }] });
      pipeline.addContainer({ name: 'second', image: 'b:1' });
      pipeline.addContainerManifest({ name: 'third', image: 'c:1', env: [{ name: 'A', value: '' }] });
      pipeline.addVolumeManifest({ name: 'odd', csi: { driver: 'x.csi.k8s.io' } });
      pipeline.rbac.addPermission({ verbs: ['get'], apiGroups: [''], resources: ['configmaps'] });
      pipeline.addOverride('metadata.namespace', 'ignored-by-kratix');
      const json = synthPipeline(chart);
      expect(json.spec.containers.map((c: any) => c.name)).toEqual(['first', 'second', 'third']);
      expect(json.spec.containers[2]).toEqual({ name: 'third', image: 'c:1', env: [{ name: 'A', value: '' }] });
      expect(json.spec.volumes).toEqual([{ name: 'odd', csi: { driver: 'x.csi.k8s.io' } }]);
      expect(json.spec.rbac).toEqual({ permissions: [{ verbs: ['get'], apiGroups: [''], resources: ['configmaps'] }] });
      expect(json.metadata.namespace).toBe('ignored-by-kratix');
      expect(pipeline.containerNames).toEqual(['first', 'second', 'third']);
    });

    test('an empty list given is kept, distinct from absent', () => {
      const { pipeline } = newPipeline({ containers: [], volumes: [], imagePullSecrets: [], labels: {} });
      expect(pipeline.toJson()).toEqual({
        apiVersion: 'platform.kratix.io/v1alpha1',
        kind: 'Pipeline',
        metadata: { name: 'slack-notify', labels: {} },
        spec: { containers: [], volumes: [], imagePullSecrets: [] },
      });
    });
  });

  test('toJson returns a copy: changing it does not change the pipeline', () => {
    const { pipeline } = newPipeline({ containers: [{ name: 'c', image: 'i:1', args: ['a'] }] });
    pipeline.toJson().spec.containers[0].args.push('b');
    expect(pipeline.toJson().spec.containers[0].args).toEqual(['a']);
  });
});
