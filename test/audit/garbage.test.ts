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

describe('garbage input: the audit refuses what the renderer refuses, with its message', () => {
  test.each<[string, unknown, string]>([
    ['null', null, 'promise (document): null is not a Promise object'],
    ['a number', 42, 'promise (document): 42 is not a Promise object'],
    ['a list', [1], 'promise (document): [1] is not a Promise object'],
    ['another kind', { kind: 'ConfigMap' }, "promise kind: 'ConfigMap' is not Promise"],
    ['no name', { kind: 'Promise', metadata: {} }, 'promise metadata.name: null: every promise needs a name'],
    ['a numeric name', { kind: 'Promise', metadata: { name: 7 } }, 'promise metadata.name: 7: every promise needs a name'],
    ['a string spec', { kind: 'Promise', metadata: { name: 'p' }, spec: 'x' }, "promise spec: 'x' is not an object"],
    ['a numeric pipelineNamespace', { kind: 'Promise', metadata: { name: 'p' }, spec: { workflows: { config: { pipelineNamespace: 3 } } } },
      'promise spec.workflows.config.pipelineNamespace: 3 is not a string'],
    ['a workflow that is not a list', { kind: 'Promise', metadata: { name: 'p' }, spec: { workflows: { promise: { configure: 'x' } } } },
      "promise spec.workflows.promise.configure: 'x' is not a list of Pipelines"],
    ['a numeric API group', { ...promiseWith({}), spec: { ...promiseWith({}).spec, api: { spec: { group: 1 } } } },
      'promise spec.api.spec.group: 1 is not an API group'],
  ])('a document that is %s', (_, doc, message) => {
    expect(auditError(doc)).toBe(message);
  });

  test.each<[string, any, string]>([
    ['a pipeline that is null', null, `promise ${P}: null is not a Pipeline object`],
    ['a pipeline without a kind', { metadata: {} }, `promise ${P}.kind: pipeline has no kind: Kratix cannot even read the Promise; set kind: Pipeline`],
  ])('%s', (_, pipeline, message) => {
    const doc = promiseWith({});
    doc.spec.workflows.resource.configure[0] = pipeline;
    expect(auditError(doc)).toBe(message);
  });

  test.each<[string, any, string]>([
    ['a numeric image', { containers: [{ name: 'a', image: 5 }] }, `${P}.spec.containers[0].image: 5 is a whole number, not a string`],
    ['a string privileged', { containers: [safeContainer({ securityContext: { privileged: 'yes' } })] },
      `${P}.spec.containers[0].securityContext.privileged: 'yes' is a string, not a boolean (true or false)`],
    ['a string runAsUser', { containers: [safeContainer({ securityContext: { runAsUser: '0' } })] },
      `${P}.spec.containers[0].securityContext.runAsUser: '0' is a string, not a whole number`],
    ['a string securityContext', { containers: [safeContainer({ securityContext: 'restricted' })] },
      `${P}.spec.containers[0].securityContext: 'restricted' is a string, not a map (SecurityContext)`],
    ['a numeric capability', { containers: [safeContainer({ securityContext: { capabilities: { drop: [1] } } })] },
      `${P}.spec.containers[0].securityContext.capabilities.drop[0]: 1 is a whole number, not a string`],
    ['a numeric pull policy', { containers: [safeContainer({ imagePullPolicy: 1 })] }, `${P}.spec.containers[0].imagePullPolicy: 1 is a whole number, not a string`],
    ['verbs as a string', { rbac: { permissions: [{ verbs: '*' }] } }, `${P}.spec.rbac.permissions[0].verbs: '*' is a string, not a list`],
    ['a numeric resource', { rbac: { permissions: [{ verbs: ['get'], resources: [1] }] } },
      `${P}.spec.rbac.permissions[0].resources[0]: 1 is a whole number, not a string`],
    ['a numeric resourceNamespace', { rbac: { permissions: [{ verbs: ['get'], resourceNamespace: 1 }] } },
      `${P}.spec.rbac.permissions[0].resourceNamespace: 1 is a whole number, not a string`],
    ['a numeric serviceAccount', { rbac: { serviceAccount: 1 } }, `${P}.spec.rbac.serviceAccount: 1 is a whole number, not a string`],
    ['permissions as a map', { rbac: { permissions: { verbs: ['get'] } } }, `${P}.spec.rbac.permissions: {"verbs":["get"]} is a map, not a list`],
  ])('a pipeline with %s', (_, spec, message) => {
    const error = auditError(promiseWith(spec));
    expect(error.startsWith(`promise ${message}: Kratix cannot decode it (json: cannot unmarshal `)).toBe(true);
  });

  test.each<[string, unknown, string]>([
    ['a list', [], 'settings kratixConfig: [] is not a map (the parsed data.config of the kratix ConfigMap)'],
    ['a string default security context', { workflows: { defaultContainerSecurityContext: 'x' } },
      "settings kratixConfig.workflows.defaultContainerSecurityContext: 'x' is not a SecurityContext map"],
    ['a numeric default pull policy', { workflows: { defaultImagePullPolicy: 2 } },
      'settings kratixConfig.workflows.defaultImagePullPolicy: 2 is not a string'],
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
    expect(message).toBe('promise spec: 5 is not an object');
    expect(auditError({ kind: 'x'.repeat(200) })).toBe(`promise kind: '${'x'.repeat(77)}...' is not Promise`);
  });
});
