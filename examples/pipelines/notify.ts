import { KratixSdk } from '../../src/sdk';

/**
 * The `notify` container of the env Promise's slack-notify pipeline (resource configure): a
 * namespace for the Env on a worker, a notification request for the platform cluster, and the
 * Env's status.
 */
export function notify(sdk: KratixSdk): void {
  const env = sdk.readInput();
  const size = env.getValue('spec.size', 'small');
  sdk.writeYaml('namespace.yaml', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: `env-${env.name}`, labels: { size } } });
  sdk.writeYaml('platform/notification.yaml', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `notify-${env.name}`, namespace: env.namespace },
    data: { text: `Env ${env.namespace}/${env.name} (${size}) is ready` },
  });
  sdk.writeDestinationSelectors([{ directory: 'platform', matchLabels: { environment: 'platform' } }]);
  sdk.writeStatus({ message: `env-${env.name} ready`, size });
}

/** The `create-workspace` container of the tf-workspace pipeline (promise configure). */
export function createWorkspace(sdk: KratixSdk): void {
  sdk.writeYaml('workspace.yaml', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'tf-workspaces' } });
  sdk.writeStatus({ message: 'tf workspace ready' });
}

// Run as a container command: `node -r ts-node/register/transpile-only examples/pipelines/notify.ts notify`.
if (require.main === module) {
  const steps: Record<string, (sdk: KratixSdk) => void> = { 'notify': notify, 'create-workspace': createWorkspace };
  const step = steps[process.argv[2]];
  if (!step) throw new Error(`usage: notify.ts ${Object.keys(steps).join('|')}`);
  step(new KratixSdk());
}
