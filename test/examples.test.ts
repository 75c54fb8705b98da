import { Testing } from 'cdk8s';
import { EnvPromiseChart } from '../examples/env-promise';
import { renderWorkflow } from '../src/render';
import { promiseProblems } from '../src/validate';
import { promiseCrdErrors } from './support/kratix-crd';

describe('the examples app (the Kratix workflows reference, in TypeScript)', () => {
  const docs = Testing.synth(new EnvPromiseChart(Testing.app(), 'env'));
  const promise = docs.find((d: any) => d.kind === 'Promise');
  const wf = promise.spec.workflows;

  test('the Promise passes the real Kratix CRD and every Kratix and library rule', () => {
    expect(promiseCrdErrors(promise)).toEqual([]);
    expect(promiseProblems(promise)).toEqual([]);
  });

  test('has all four workflows', () => {
    expect(Object.keys(wf).sort()).toEqual(['config', 'promise', 'resource']);
    expect(Object.keys(wf.promise).sort()).toEqual(['configure', 'delete']);
    expect(Object.keys(wf.resource).sort()).toEqual(['configure', 'delete']);
  });

  test('slack-notify has permissions in its own namespace, in ns-of-my-secrets and in all namespaces', () => {
    const permissions = wf.resource.configure[0].spec.rbac.permissions;
    expect(permissions.map((p: any) => p.resourceNamespace)).toEqual([undefined, undefined, 'ns-of-my-secrets', '*']);
    expect(permissions[1].resourceNames).toEqual(['my-job']);
  });

  test('env values from a Secret and a ConfigMap, security context, volumes, mounts, pull secrets, labels, annotations', () => {
    const notify = wf.resource.configure[0];
    const container = notify.spec.containers[0];
    expect(container.env.map((e: any) => Object.keys(e.valueFrom ?? {})[0] ?? 'value')).toEqual(['value', 'secretKeyRef', 'configMapKeyRef']);
    expect(container.securityContext).toBeDefined();
    expect(container.volumeMounts[0].name).toBe(notify.spec.volumes[0].name);
    expect(notify.spec.imagePullSecrets).toEqual([{ name: 'registry-credentials' }]);
    expect(notify.metadata.labels).toEqual({ team: 'networking' });
    expect(notify.metadata.annotations).toEqual({ 'example.com/owner': 'network-team' });
  });

  test('a container with command and args, as the seed\'s Pipeline example lists them, which the Job runs', () => {
    const container = wf.resource.configure[0].spec.containers[0];
    expect([container.command, container.args]).toEqual([['/bin/notify'], ['--template', '/templates/message.tmpl']]);
    const request = { apiVersion: `${promise.spec.api.spec.group}/v1`, kind: promise.spec.api.spec.names.kind, metadata: { name: 'dev', namespace: 'team-a', uid: 'u-1' } };
    const [rendered] = renderWorkflow(promise, 'resource/configure', request, { adapterImage: 'ghcr.io/syntasso/kratix-pipeline-adapter:v1' });
    const notify = rendered.job.spec.template.spec.initContainers.find((c: any) => c.name === 'notify');
    expect([notify.command, notify.args]).toEqual([['/bin/notify'], ['--template', '/templates/message.tmpl']]);
  });

  test('a custom service account', () => {
    expect(wf.resource.delete[0].spec.rbac).toEqual({ serviceAccount: 'my-service-account' });
  });

  test('the kratix ConfigMap sets workflows.defaultContainerSecurityContext', () => {
    const config = docs.find((d: any) => d.kind === 'ConfigMap' && d.metadata.name === 'kratix');
    expect(config.metadata.namespace).toBe('kratix-platform-system');
    expect(config.data.config).toContain('defaultContainerSecurityContext');
  });
});
