import { promiseWith, safeContainer } from './helpers';
import { PromiseAudit } from '../../src/audit/promise-audit';

const P = 'spec.workflows.resource.configure[0]';

function auditError(doc: unknown, kratixConfig?: unknown): string {
  try {
    PromiseAudit.ofDocument(doc, { kratixConfig });
  } catch (e: any) {
    expect(e).not.toBeInstanceOf(TypeError);
    return e.message;
  }
  throw new Error('expected the audit to throw');
}

describe('garbage input', () => {
  test.each<[string, unknown, string]>([
    ['null', null, 'null is not a map; give a Promise document (apiVersion platform.kratix.io/v1alpha1, kind Promise)'],
    ['a number', 42, '42 is not a map; give a Promise document (apiVersion platform.kratix.io/v1alpha1, kind Promise)'],
    ['a list', [1], '[1] is not a map; give a Promise document (apiVersion platform.kratix.io/v1alpha1, kind Promise)'],
    ['another kind', { kind: 'ConfigMap' }, 'kind: "ConfigMap" is not "Promise"; the audit reads Promise documents (apiVersion platform.kratix.io/v1alpha1, kind Promise)'],
    ['no name', { kind: 'Promise', metadata: {} }, 'metadata.name: missing; give the Promise name'],
    ['a numeric name', { kind: 'Promise', metadata: { name: 7 } }, 'metadata.name: 7 is not a string; give the Promise name'],
    ['a string spec', { kind: 'Promise', metadata: { name: 'p' }, spec: 'x' }, 'spec: "x" is not a map; give the Promise spec'],
    ['a numeric pipelineNamespace', { kind: 'Promise', metadata: { name: 'p' }, spec: { workflows: { config: { pipelineNamespace: 3 } } } },
      'spec.workflows.config.pipelineNamespace: 3 is not a string; give a namespace name'],
    ['a workflow that is not a list', { kind: 'Promise', metadata: { name: 'p' }, spec: { workflows: { promise: { configure: 'x' } } } },
      'spec.workflows.promise.configure: "x" is not a list; give a list of Pipeline objects'],
    ['a numeric API group', { kind: 'Promise', metadata: { name: 'p' }, spec: { api: { spec: { group: 1 } } } },
      'spec.api.spec.group: 1 is not a string; give the API group, e.g. "example.com"'],
  ])('a document that is %s', (_, doc, message) => {
    expect(auditError(doc)).toBe(message);
  });

  test.each<[string, any, string]>([
    ['a pipeline that is null', null, `${P}: null is not a map; give a Pipeline object (apiVersion platform.kratix.io/v1alpha1, kind Pipeline)`],
    ['a pipeline without a name', { metadata: {} }, `${P}.metadata.name: missing; give the pipeline name`],
  ])('%s', (_, pipeline, message) => {
    const doc = promiseWith({});
    doc.spec.workflows.resource.configure[0] = pipeline;
    expect(auditError(doc)).toBe(message);
  });

  test.each<[string, any, string]>([
    ['a numeric image', { containers: [{ name: 'a', image: 5 }] }, `${P}.spec.containers[0].image: 5 is not a string; give the container image, e.g. "ghcr.io/acme/tool:v1.2.3"`],
    ['no image', { containers: [{ name: 'a' }] }, `${P}.spec.containers[0].image: missing; give the container image, e.g. "ghcr.io/acme/tool:v1.2.3"`],
    ['a null container', { containers: [null] }, `${P}.spec.containers[0]: null is not a map; give a container: name, image and optional fields`],
    ['a string privileged', { containers: [safeContainer({ securityContext: { privileged: 'yes' } })] },
      `${P}.spec.containers[0].securityContext.privileged: "yes" is not a boolean; give true or false`],
    ['a string runAsUser', { containers: [safeContainer({ securityContext: { runAsUser: '0' } })] },
      `${P}.spec.containers[0].securityContext.runAsUser: "0" is not an integer; give a user ID`],
    ['a string securityContext', { containers: [safeContainer({ securityContext: 'restricted' })] },
      `${P}.spec.containers[0].securityContext: "restricted" is not a map; give a SecurityContext`],
    ['a numeric capability', { containers: [safeContainer({ securityContext: { capabilities: { drop: [1] } } })] },
      `${P}.spec.containers[0].securityContext.capabilities.drop[0]: 1 is not a string; give capability names, e.g. "ALL"`],
    ['a numeric pull policy', { containers: [safeContainer({ imagePullPolicy: 1 })] },
      `${P}.spec.containers[0].imagePullPolicy: 1 is not a string; give Always, IfNotPresent or Never`],
    ['verbs as a string', { rbac: { permissions: [{ verbs: '*' }] } }, `${P}.spec.rbac.permissions[0].verbs: "*" is not a list; give a list of verbs, e.g. "get"`],
    ['a numeric resource', { rbac: { permissions: [{ verbs: ['get'], resources: [1] }] } },
      `${P}.spec.rbac.permissions[0].resources[0]: 1 is not a string; give resources, e.g. "configmaps"`],
    ['a numeric resourceNamespace', { rbac: { permissions: [{ verbs: ['get'], resourceNamespace: 1 }] } },
      `${P}.spec.rbac.permissions[0].resourceNamespace: 1 is not a string; give a namespace name, or "*" for all namespaces`],
    ['a numeric serviceAccount', { rbac: { serviceAccount: 1 } }, `${P}.spec.rbac.serviceAccount: 1 is not a string; give a service account name`],
    ['permissions as a map', { rbac: { permissions: { verbs: ['get'] } } }, `${P}.spec.rbac.permissions: {"verbs":["get"]} is not a list; give a list of permissions`],
  ])('a pipeline with %s', (_, spec, message) => {
    expect(auditError(promiseWith(spec))).toBe(message);
  });

  test.each<[string, unknown, string]>([
    ['a list', [], 'kratixConfig: [] is not a map; give the parsed config key of the kratix ConfigMap'],
    ['a string default security context', { workflows: { defaultContainerSecurityContext: 'x' } },
      'kratixConfig.workflows.defaultContainerSecurityContext: "x" is not a map; give a SecurityContext'],
    ['a numeric default pull policy', { workflows: { defaultImagePullPolicy: 2 } },
      'kratixConfig.workflows.defaultImagePullPolicy: 2 is not a string; give Always, IfNotPresent or Never'],
  ])('a kratix config that is %s', (_, config, message) => {
    expect(auditError(promiseWith({}), config)).toBe(message);
  });

  test('null fields count as absent, as when Kratix decodes them', () => {
    const container = { ...safeContainer(), imagePullPolicy: null, securityContext: { ...safeContainer().securityContext, runAsUser: null } };
    const spec = { containers: [container], rbac: { serviceAccount: null, permissions: null } };
    expect(PromiseAudit.ofDocument(promiseWith(spec)).findings).toEqual([]);
  });

  test('keys inherited from Object.prototype are not read', () => {
    const doc = JSON.parse('{"kind":"Promise","metadata":{"name":"p"},"spec":{"workflows":{"__proto__":{"configure":[1]}}}}');
    expect(PromiseAudit.ofDocument(doc).pipelines).toEqual([]);
  });

  test('long values are cut short in messages', () => {
    const message = auditError({ kind: 'Promise', metadata: { name: 'x'.repeat(500) }, spec: 5 });
    expect(message).toBe('spec: 5 is not a map; give the Promise spec');
    expect(auditError({ kind: 'x'.repeat(200) })).toBe(`kind: "${'x'.repeat(96)}... is not "Promise"; the audit reads Promise documents (apiVersion platform.kratix.io/v1alpha1, kind Promise)`);
  });
});
