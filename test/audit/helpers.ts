/** A Promise document with one pipeline, for audit tests. */
export function promiseWith(pipelineSpec: any, options: { type?: string; action?: string; pipelineNamespace?: string; name?: string } = {}): any {
  const type = options.type ?? 'resource';
  const action = options.action ?? 'configure';
  return {
    apiVersion: 'platform.kratix.io/v1alpha1',
    kind: 'Promise',
    metadata: { name: 'env' },
    spec: {
      api: {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'envs.example.com' },
        spec: { group: 'example.com', names: { kind: 'Env', plural: 'envs', singular: 'env' }, scope: 'Namespaced', versions: [{ name: 'v1', served: true, storage: true }] },
      },
      workflows: {
        ...(options.pipelineNamespace !== undefined ? { config: { pipelineNamespace: options.pipelineNamespace } } : {}),
        [type]: {
          [action]: [{
            apiVersion: 'platform.kratix.io/v1alpha1',
            kind: 'Pipeline',
            metadata: { name: options.name ?? 'setup' },
            spec: pipelineSpec,
          }],
        },
      },
    },
  };
}

/** The restricted security context, as Kubernetes JSON. */
export const RESTRICTED = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  privileged: false,
  runAsNonRoot: true,
  seccompProfile: { type: 'RuntimeDefault' },
};

/** A container that raises no finding unless a test changes it. */
export function safeContainer(extra: any = {}): any {
  return { name: 'main', image: 'ghcr.io/acme/tool:v1.2.3', securityContext: { ...RESTRICTED }, ...extra };
}

/** A pipeline spec with one safe container and these permissions. */
export function withPermissions(...permissions: any[]): any {
  return { containers: [safeContainer()], rbac: { permissions } };
}
