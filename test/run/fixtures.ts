import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A Promise like the runtime doc's examples: webapp, API WebApp, Promise selectors environment=dev. */
interface Extra { resourceConfigure?: any[]; promiseConfigure?: any[]; resourceDelete?: any[]; dependencies?: any[] }

export function webappPromise(extra: Extra = {}): any {
  const pipeline = (name: string, containers: string[], env: any[] = []) => ({
    apiVersion: 'platform.kratix.io/v1alpha1',
    kind: 'Pipeline',
    metadata: { name },
    spec: { containers: containers.map(c => ({ name: c, image: `ghcr.io/acme/${c}:v1`, env })) },
  });
  return {
    apiVersion: 'platform.kratix.io/v1alpha1',
    kind: 'Promise',
    metadata: { name: 'webapp' },
    spec: {
      destinationSelectors: [{ matchLabels: { environment: 'dev' } }],
      dependencies: extra.dependencies,
      api: {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'webapps.example.org' },
        spec: {
          group: 'example.org',
          names: { kind: 'WebApp', plural: 'webapps', singular: 'webapp' },
          scope: 'Namespaced',
          versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
        },
      },
      workflows: {
        resource: {
          configure: extra.resourceConfigure ?? [pipeline('deploy', ['render'], [{ name: 'TIER', value: 'web' }]), pipeline('populate-vault', ['vault'])],
          delete: extra.resourceDelete ?? [pipeline('cleanup', ['teardown'])],
        },
        promise: { configure: extra.promiseConfigure ?? [pipeline('setup', ['install'])] },
      },
    },
  };
}

export const REQUEST = { apiVersion: 'example.org/v1', kind: 'WebApp', metadata: { name: 'shop', namespace: 'team-a', generation: 1 }, spec: { replicas: 2 } };

export const DESTINATIONS = [
  { apiVersion: 'platform.kratix.io/v1alpha1', kind: 'Destination', metadata: { name: 'worker-1', labels: { environment: 'dev', region: 'eu' } }, spec: { path: 'worker-1', stateStoreRef: { kind: 'GitStateStore', name: 'default' } } },
  { apiVersion: 'platform.kratix.io/v1alpha1', kind: 'Destination', metadata: { name: 'platform-cluster', labels: { environment: 'platform' } }, spec: { path: 'platform-cluster', strictMatchLabels: true, stateStoreRef: { kind: 'GitStateStore', name: 'default' } } },
];

/** A fresh temporary directory. */
export function tmpDir(prefix = 'run-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
