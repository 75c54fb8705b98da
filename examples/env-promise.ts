import { Chart, Duration } from 'cdk8s';
import { ApiResource, EnvValue, ImagePullPolicy, Secret, ConfigMap, Volume, k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { KratixConfig, KratixPromise, PermissionScope, PromiseApi, WorkflowAction, WorkflowType } from '../src';

/**
 * The `env` Promise of the Kratix workflows reference, with all four workflows and every
 * pipeline option the reference shows.
 */
export class EnvPromiseChart extends Chart {
  public readonly promise: KratixPromise;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.promise = new KratixPromise(this, 'env', {
      version: 'v1.0.0',
      api: PromiseApi.of({
        group: 'example.kratix.io',
        kind: 'Env',
        versions: [{
          name: 'v1alpha1',
          openApiV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                properties: {
                  size: { type: 'string', enum: ['small', 'large'], default: 'small' },
                },
              },
            },
          },
        }],
      }),
      reconciliationInterval: Duration.hours(1),
    });

    // Promise configure: a tf-workspace pipeline in kratix-platform-system.
    this.promise.addPipeline(WorkflowType.PROMISE, WorkflowAction.CONFIGURE, 'tf-workspace', {
      containers: [{ name: 'create-workspace', image: 'ghcr.io/example/tf-workspace:v1.0.0' }],
    });
    this.promise.addPipeline(WorkflowType.PROMISE, WorkflowAction.DELETE, 'tf-workspace-cleanup', {
      containers: [{ name: 'delete-workspace', image: 'ghcr.io/example/tf-workspace:v1.0.0', args: ['delete'] }],
    });

    // Resource configure: slack-notify, with permissions in its own namespace, a named one and all.
    const webhook = Secret.fromSecretName(this, 'slack-webhook', 'slack-webhook');
    const message = ConfigMap.fromConfigMapName(this, 'slack-msg', 'slack-msg');
    const templates = Volume.fromConfigMap(this, 'templates-volume', ConfigMap.fromConfigMapName(this, 'templates', 'slack-templates'), { name: 'templates' });
    const notify = this.promise.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'slack-notify', {
      labels: { team: 'networking' },
      annotations: { 'example.com/owner': 'network-team' },
      imagePullSecrets: ['registry-credentials'],
      volumes: [templates],
      containers: [{
        name: 'notify',
        image: 'ghcr.io/example/slack-notify:v1.0.0',
        command: ['/bin/notify'],
        args: ['--template', '/templates/message.tmpl'],
        imagePullPolicy: ImagePullPolicy.IF_NOT_PRESENT,
        env: {
          SLACK_CHANNEL: EnvValue.fromValue('network-team'),
          SLACK_WEBHOOK_URL: EnvValue.fromSecretValue({ secret: webhook, key: 'url' }),
          SLACK_MSG: EnvValue.fromConfigMap(message, 'url'),
        },
        volumeMounts: [{ volume: templates, path: '/templates', readOnly: true }],
        securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false },
      }],
    });
    notify.rbac.allow(['*'], [ApiResource.SECRETS]);
    notify.rbac.allow(['get'], [ApiResource.JOBS], { resourceNames: ['my-job'] });
    notify.rbac.allow(['get'], [ApiResource.SECRETS], { scope: PermissionScope.namedNamespace('ns-of-my-secrets') });
    notify.rbac.allow(['get', 'list'], [ApiResource.JOBS], { scope: PermissionScope.allNamespaces() });

    // Resource delete: slack-notify again, running as a custom service account.
    this.promise.addPipeline(WorkflowType.RESOURCE, WorkflowAction.DELETE, 'slack-notify', {
      rbac: { serviceAccountName: 'my-service-account' },
      containers: [{
        name: 'notify',
        image: 'ghcr.io/example/slack-notify:v1.0.0',
        env: { SLACK_CHANNEL: EnvValue.fromValue('network-team') },
        resources: { limits: { cpu: k8s.Quantity.fromString('100m') } },
      }],
    });

    // The platform-wide default security context for user containers.
    new KratixConfig(this, 'kratix-config', {
      workflows: {
        defaultContainerSecurityContext: { runAsNonRoot: false },
      },
    });
  }
}
