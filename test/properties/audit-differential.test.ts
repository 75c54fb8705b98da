import * as fc from 'fast-check';
import { dnsLabel, params, RUNS } from './arbitraries';
import { AuditPermissionScope, PromiseAudit } from '../../src';
import { KubeObject, renderWorkflow, WorkflowRef } from '../../src/render';

// The audit must see exactly what Kratix creates: its permissions are the rules of the rendered
// Roles and ClusterRoles, and its container findings follow the rendered containers. Pipelines
// are written with their keys in random capitalisation (Kratix matches them case-insensitively),
// and rendered from the same document with every key in its canonical spelling.

const API = { group: 'example.com', kind: 'App', plural: 'apps' };
const REQUEST = {
  apiVersion: `${API.group}/v1`,
  kind: API.kind,
  metadata: { name: 'req', namespace: 'team-req', uid: 'u-1' },
  spec: {},
};

const securityContext = fc.record({
  privileged: fc.boolean(),
  allowPrivilegeEscalation: fc.boolean(),
  runAsUser: fc.constantFrom(0, 1000),
  runAsNonRoot: fc.boolean(),
  capabilities: fc.constant({ drop: ['ALL'] }),
}, { requiredKeys: [] })
  // Kubernetes' ValidateSecurityContext rejects a privileged container that may not escalate, and render with it.
  .filter(sc => !(sc.privileged === true && sc.allowPrivilegeEscalation === false));

const container = fc.record({
  image: fc.constantFrom('ghcr.io/acme/tool:v1', 'ghcr.io/acme/tool:latest', 'ghcr.io/acme/tool', `tool@sha256:${'a'.repeat(64)}`),
  securityContext: fc.option(securityContext, { nil: undefined }),
}, { requiredKeys: ['image'] });

const permission = fc.record({
  verbs: fc.subarray(['get', 'list', '*', 'bind', 'create', 'delete'], { minLength: 1 }),
  apiGroups: fc.subarray(['', '*', 'apps', 'rbac.authorization.k8s.io']),
  resources: fc.subarray(['secrets', '*', 'roles', 'configmaps', 'deployments']),
  resourceNames: fc.constant(['one']),
  resourceNamespace: fc.constantFrom('*', 'team-a', 'team-b', ''),
}, { requiredKeys: ['verbs'] });

const pipeline = fc.record({
  name: dnsLabel(1, 12),
  containers: fc.array(container, { maxLength: 3 }),
  permissions: fc.array(permission, { maxLength: 4 }),
  serviceAccount: fc.option(dnsLabel(1, 12), { nil: undefined, freq: 4 }),
});

type PipelineModel = typeof pipeline extends fc.Arbitrary<infer T> ? T : never;

function pipelineDoc(p: PipelineModel): Record<string, any> {
  const rbac: Record<string, any> = {};
  if (p.permissions.length > 0) rbac.permissions = p.permissions;
  if (p.serviceAccount !== undefined) rbac.serviceAccount = p.serviceAccount;
  return {
    apiVersion: 'platform.kratix.io/v1alpha1',
    kind: 'Pipeline',
    metadata: { name: p.name },
    spec: {
      containers: p.containers.map((c, i) => ({ name: `c${i}`, ...c })),
      ...(Object.keys(rbac).length > 0 ? { rbac } : {}),
    },
  };
}

const WORKFLOW_REFS: WorkflowRef[] = ['promise/configure', 'promise/delete', 'resource/configure', 'resource/delete'];

const promise = fc.record({
  // Never the request's namespace: for a request there, Kratix binds no ClusterRole on the API, which the audit reports as conditional.
  pipelineNamespace: fc.option(fc.constantFrom('platform', 'team-a'), { nil: undefined }),
  workflow: fc.constantFrom(...WORKFLOW_REFS),
  pipeline,
  caseBits: fc.array(fc.boolean(), { minLength: 1, maxLength: 97 }),
});

function promiseDoc(pipelineNamespace: string | undefined, workflow: WorkflowRef, pipelineJson: Record<string, any>): Record<string, any> {
  const [type, action] = workflow.split('/');
  return {
    apiVersion: 'platform.kratix.io/v1alpha1',
    kind: 'Promise',
    metadata: { name: 'p' },
    spec: {
      api: {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: `${API.plural}.${API.group}` },
        spec: {
          group: API.group,
          names: { kind: API.kind, plural: API.plural },
          scope: 'Namespaced',
          versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object' } } }],
        },
      },
      workflows: {
        ...(pipelineNamespace ? { config: { pipelineNamespace } } : {}),
        [type]: { [action]: [pipelineJson] },
      },
    },
  };
}

/** Every key of the pipeline in a random capitalisation, except kind and apiVersion, which Kratix reads exactly. */
function recased(value: unknown, upper: () => boolean, top = true): unknown {
  if (Array.isArray(value)) return value.map(v => recased(v, upper, false));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const keep = top && (key === 'kind' || key === 'apiVersion');
    const name = keep ? key : [...key].map(ch => upper() ? ch.toUpperCase() : ch.toLowerCase()).join('');
    out[name] = recased(v, upper, false);
  }
  return out;
}

/** A stream of choices, cycling through `bits`. */
function choices(bits: boolean[]): () => boolean {
  let i = 0;
  return () => bits[i++ % bits.length];
}

const ruleKey = (rule: Record<string, any>) => JSON.stringify([
  rule.verbs ?? [], rule.apiGroups ?? [], rule.resources ?? [], rule.resourceNames ?? [], rule.nonResourceURLs ?? rule.nonResourceUrls ?? [],
]);

/** `expect(actual).toEqual(expected)`, called only on a difference: a thousand runs of jest's matchers take seconds. */
function same(actual: string[], expected: string[]): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual).toEqual(expected);
}

describe('the audit and the renderer (differential, random key capitalisation)', () => {
  test(`the audit's permissions are the rendered rules, and its container findings follow the rendered containers (${RUNS} runs)`, () => {
    fc.assert(fc.property(promise, ({ pipelineNamespace, workflow, pipeline: p, caseBits }) => {
      const canonical = pipelineDoc(p);
      const doc = promiseDoc(pipelineNamespace, workflow, recased(canonical, choices(caseBits)) as Record<string, any>);
      const [rendered] = renderWorkflow(promiseDoc(pipelineNamespace, workflow, canonical), workflow,
        workflow.startsWith('resource/') ? REQUEST : undefined);
      const [report] = PromiseAudit.ofDocument(doc).pipelines;

      // Permissions: the same rules, each bound where the rendered binding binds it.
      const bindings = [...rendered.roleBindings, ...rendered.clusterRoleBindings];
      const expected = [...rendered.roles, ...rendered.clusterRoles].flatMap((role: KubeObject) => {
        const binding = bindings.find(b => b.roleRef.kind === role.kind && b.roleRef.name === role.metadata.name)!;
        const scope = binding.kind === 'ClusterRoleBinding' ? AuditPermissionScope.CLUSTER_WIDE
          : role.kind === 'Role' ? AuditPermissionScope.OWN_NAMESPACE : AuditPermissionScope.NAMED_NAMESPACE;
        return (role.rules as any[]).map(rule => `${scope} ${ruleKey(rule)}`);
      }).sort();
      same(report.permissions.map(perm => `${perm.scope} ${ruleKey(perm)}`).sort(), expected);

      // Containers: each finding the rendered container calls for, and no other.
      const containers = (rendered.job.spec.template.spec.initContainers as any[]).filter(c => !['reader', 'work-writer'].includes(c.name));
      same(containers.map(c => c.name), p.containers.map((_, i) => `c${i}`));
      containers.forEach((c, i) => {
        const rules = new Set(report.findings.filter(f => f.location.includes(`.spec.containers[${i}]`)).map(f => f.rule));
        const sc = c.securityContext ?? {};
        const found = (rule: string) => `${rule}: ${rules.has(rule)}`;
        same(
          ['container-privileged', 'container-privilege-escalation', 'container-run-as-root', 'container-root-allowed',
            'container-no-security-context', 'image-latest-tag', 'image-untagged'].map(found),
          [`container-privileged: ${sc.privileged === true}`, `container-privilege-escalation: ${sc.allowPrivilegeEscalation === true}`,
            `container-run-as-root: ${sc.runAsUser === 0}`, `container-root-allowed: ${sc.runAsNonRoot === false}`,
            `container-no-security-context: ${Object.keys(sc).length === 0}`, `image-latest-tag: ${c.image.endsWith(':latest')}`,
            `image-untagged: ${c.image === 'ghcr.io/acme/tool'}`],
        );
      });
    }), params());
  });
});
