import { ApiObject, Chart, Testing } from 'cdk8s';
import { ApiResource } from 'cdk8s-plus-28';
import { KratixConfig, KratixPromise, PermissionScope, Pipeline, PipelineJob, PipelineObjects, PromiseApi, WorkflowAction, WorkflowType } from '../src';
import { renderWorkflow, workflowObjects } from '../src/render';

const ADAPTER = 'ghcr.io/syntasso/kratix-platform-pipeline-adapter:v0.120.0';

function platform() {
  const app = Testing.app();
  const chart = Testing.chart();
  const promise = new KratixPromise(chart, 'env', { api: PromiseApi.of({ group: 'example.kratix.io', kind: 'Env' }) });
  const configure = promise.addPipeline(WorkflowType.PROMISE, WorkflowAction.CONFIGURE, 'setup', { containers: [{ name: 'c', image: 'ghcr.io/acme/c:v1' }] });
  const notify = promise.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'slack-notify', {
    containers: [{ name: 'notify', image: 'ghcr.io/acme/notify:v1' }],
    rbac: { serviceAccountName: 'my-service-account' },
  });
  notify.rbac.allowRead([ApiResource.SECRETS]);
  notify.rbac.allowRead([ApiResource.SECRETS], { scope: PermissionScope.namedNamespace('ns-of-my-secrets') });
  notify.rbac.allow(['get', 'list'], [ApiResource.JOBS], { scope: PermissionScope.allNamespaces() });
  const request = { apiVersion: 'example.kratix.io/v1alpha1', kind: 'Env', metadata: { name: 'dev', namespace: 'team-a', uid: 'u-1' }, spec: { size: 'small' } };
  return { app, chart, promise, configure, notify, request };
}

describe('PipelineJob', () => {
  test('minimal definition: a promise pipeline gets SA, ConfigMap, ClusterRole, ClusterRoleBinding and Job, as the renderer says', () => {
    const { configure, promise } = platform();
    const out = Testing.chart();
    const job = new PipelineJob(out, 'setup', { pipeline: configure, adapterImage: ADAPTER });
    const docs = Testing.synth(out);
    expect(docs.map((d: any) => d.kind)).toEqual(['ServiceAccount', 'ConfigMap', 'ClusterRole', 'ClusterRoleBinding', 'Job']);
    const expected = workflowObjects(renderWorkflow({ ...promise.toJson(), metadata: { ...promise.toJson().metadata, uid: '' } }, 'promise/configure', undefined, { adapterImage: ADAPTER }));
    expect(docs).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(job.pipelineId).toBe('env-promise-configure-setup');
    expect(job.jobNamespace).toBe('kratix-platform-system');
    expect(job.serviceAccountName).toBe('env-promise-configure-setup');
  });

  test('defaults: no adapter image as Kratix with the variable unset, no pull secret, kratix ConfigMap absent, promise uid ""', () => {
    const { configure } = platform();
    const out = Testing.chart();
    new PipelineJob(out, 'setup', { pipeline: configure });
    const job = Testing.synth(out).find((d: any) => d.kind === 'Job');
    // image "" is omitted by Go's JSON encoding (omitempty), as Kratix sends it
    expect(job.spec.template.spec.initContainers[0].image).toBeUndefined();
    expect(job.spec.template.spec.imagePullSecrets).toBeUndefined();
    expect(job.spec.template.spec.initContainers[1].securityContext).toBeUndefined();
    expect(job.metadata.ownerReferences[0].uid).toBe('');
  });

  test('a resource pipeline needs a request, given as a manifest or an ApiObject', () => {
    const { notify, request } = platform();
    expect(() => new PipelineJob(Testing.chart(), 'x', { pipeline: notify })).toThrow(
      "PipelineJob 'test/x': pipeline 'slack-notify' runs in a resource workflow, which runs for a resource request: set request or requestManifest");
    const out = Testing.chart();
    const requestObject = new ApiObject(out, 'dev', request as any);
    const job = new PipelineJob(out, 'notify', { pipeline: notify, request: requestObject, adapterImage: ADAPTER });
    expect(job.jobNamespace).toBe('team-a');
    expect(job.serviceAccountName).toBe('my-service-account');
  });

  test('objects: RBAC gives what a custom service account needs, named as Kratix names it', () => {
    const { notify, request } = platform();
    const out = Testing.chart();
    notify.rbac.addObjectsTo(out, 'rbac', { requestManifest: request });
    const docs = Testing.synth(out);
    expect(docs.map((d: any) => `${d.kind}/${d.metadata.namespace ?? ''}/${d.metadata.name}`)).toEqual([
      'ServiceAccount/team-a/my-service-account',
      'Role/team-a/env-resource-configure-slack-notify',
      'Role/team-a/env-resource-configure-slack-notify-df830',
      'RoleBinding/team-a/env-resource-configure-slack-notify',
      'RoleBinding/team-a/env-resource-configure-slack-notify-df830',
      expect.stringMatching(/^RoleBinding\/ns-of-my-secrets\/env-resource-configure-slack-notify-team-a-[0-9a-f]{5}$/),
      expect.stringMatching(/^ClusterRole\/\/env-resource-configure-slack-notify-ns-of-my-secrets-[0-9a-f]{5}$/),
      expect.stringMatching(/^ClusterRole\/\/env-resource-configure-slack-notify-kratix-all-namespaces-[0-9a-f]{5}$/),
      expect.stringMatching(/^ClusterRoleBinding\/\/env-resource-configure-slack-notify-team-a-[0-9a-f]{5}$/),
    ]);
  });

  test('objects: POD replaces the Job with a standalone Pod', () => {
    const { configure } = platform();
    const out = Testing.chart();
    new PipelineJob(out, 'setup', { pipeline: configure, objects: PipelineObjects.POD, adapterImage: ADAPTER });
    const docs = Testing.synth(out);
    expect(docs.map((d: any) => d.kind)).toEqual(['ServiceAccount', 'ConfigMap', 'ClusterRole', 'ClusterRoleBinding', 'Pod']);
    expect(docs[4].spec.restartPolicy).toBe('Never');
    expect(docs[4].metadata.ownerReferences).toBeUndefined();
  });

  test('the kratix ConfigMap settings apply: present without keys gives user containers securityContext {}', () => {
    const { configure } = platform();
    const out = Testing.chart();
    new PipelineJob(out, 'setup', { pipeline: configure, kratixConfig: new KratixConfig(Testing.chart(), 'k') });
    const job = Testing.synth(out).find((d: any) => d.kind === 'Job');
    expect(job.spec.template.spec.initContainers[1].securityContext).toEqual({});
  });

  test('a second delete pipeline is never run by Kratix: rendering it is an error', () => {
    const { promise } = platform();
    const wf = promise.workflow(WorkflowType.PROMISE, WorkflowAction.DELETE);
    wf.addPipeline('first', { containers: [{ name: 'c', image: 'i:1' }] });
    const second = new Pipeline(wf, 'second', { containers: [{ name: 'c', image: 'i:1' }] });
    expect(() => new PipelineJob(Testing.chart(), 'x', { pipeline: second })).toThrow(
      "PipelineJob 'test/x': Kratix never runs pipeline 'second': a promise delete workflow runs only its first pipeline");
  });

  test('mutate after construction, then synth: a change to the Promise after rendering is an error', () => {
    const { app, configure } = platform();
    const out = new Chart(app, 'out');
    new PipelineJob(out, 'setup', { pipeline: configure });
    configure.addContainer({ name: 'late', image: 'i:1' });
    expect(() => Testing.synth(out)).toThrow("PipelineJob 'out/setup': Promise 'test/env' changed after this PipelineJob rendered it; create the PipelineJob after the last change to the Promise");
  });
});
