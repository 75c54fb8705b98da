import { promiseWith, RESTRICTED, safeContainer, withPermissions } from './helpers';
import { AuditSeverity, PromiseAudit } from '../../src/audit/promise-audit';

interface RuleCase {
  readonly rule: string;
  readonly when: string;
  readonly spec: any;
  readonly options?: Parameters<typeof promiseWith>[1];
  readonly kratixConfig?: any;
  readonly expected: Array<{ severity: AuditSeverity; location: string; message: string }>;
}

const CASES: RuleCase[] = [
  {
    rule: 'rbac-escalation-verb',
    when: 'a permission has bind or escalate',
    spec: withPermissions({ apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'], verbs: ['bind', 'escalate', 'get'] }),
    options: { type: 'promise' },
    expected: [
      { severity: AuditSeverity.CRITICAL, location: 'spec.workflows.promise.configure[0].spec.rbac.permissions[0].verbs', message: 'verbs ["bind","escalate"] on resources ["clusterroles"] (apiGroups ["rbac.authorization.k8s.io"]) in its own namespace "kratix-platform-system" let the pipeline grant itself, or act with, permissions it was not given; remove them and grant only the permissions the pipeline needs' },
    ],
  },
  {
    rule: 'rbac-escalation-verb',
    when: 'a permission has impersonate in all namespaces',
    spec: withPermissions({ apiGroups: [''], resources: ['serviceaccounts'], verbs: ['impersonate'], resourceNamespace: '*' }),
    expected: [
      { severity: AuditSeverity.CRITICAL, location: 'spec.workflows.resource.configure[0].spec.rbac.permissions[0].verbs', message: 'verbs ["impersonate"] on resources ["serviceaccounts"] (apiGroups [""]) in all namespaces (resourceNamespace "*") let the pipeline grant itself, or act with, permissions it was not given; remove them and grant only the permissions the pipeline needs' },
    ],
  },
  {
    rule: 'rbac-wildcard-verb',
    when: 'verbs are \"*\" in the own namespace',
    spec: withPermissions({ apiGroups: ['apps'], resources: ['deployments'], verbs: ['*'] }),
    expected: [
      { severity: AuditSeverity.HIGH, location: 'spec.workflows.resource.configure[0].spec.rbac.permissions[0].verbs', message: 'verbs ["*"] grant every verb, delete and escalate included, on resources ["deployments"] (apiGroups ["apps"]) in its own namespace (each resource request\'s namespace); list only the verbs the pipeline needs, e.g. ["get","list"]' },
    ],
  },
  {
    rule: 'rbac-wildcard-verb',
    when: 'verbs are \"*\" in all namespaces (raised to critical)',
    spec: withPermissions({ apiGroups: ['apps'], resources: ['deployments'], verbs: ['*'], resourceNamespace: '*' }),
    expected: [
      { severity: AuditSeverity.CRITICAL, location: 'spec.workflows.resource.configure[0].spec.rbac.permissions[0].verbs', message: 'verbs ["*"] grant every verb, delete and escalate included, on resources ["deployments"] (apiGroups ["apps"]) in all namespaces (resourceNamespace "*"); list only the verbs the pipeline needs, e.g. ["get","list"]' },
    ],
  },
  {
    rule: 'rbac-wildcard-resource',
    when: 'resources are \"*\" in a named namespace',
    spec: withPermissions({ apiGroups: ['apps'], resources: ['*'], verbs: ['get'], resourceNamespace: 'team-a' }),
    expected: [
      { severity: AuditSeverity.HIGH, location: 'spec.workflows.resource.configure[0].spec.rbac.permissions[0].resources', message: 'resources ["*"] match every resource of apiGroups ["apps"], Secrets and RBAC objects included, in namespace "team-a"; list only the resources the pipeline needs' },
    ],
  },
  {
    rule: 'rbac-wildcard-resource',
    when: 'a resource is \"*/status\"',
    spec: withPermissions({ apiGroups: ['apps'], resources: ['*/status'], verbs: ['get'] }),
    expected: [
      { severity: AuditSeverity.HIGH, location: 'spec.workflows.resource.configure[0].spec.rbac.permissions[0].resources', message: 'resources ["*/status"] match every resource of apiGroups ["apps"], Secrets and RBAC objects included, in its own namespace (each resource request\'s namespace); list only the resources the pipeline needs' },
    ],
  },
  {
    rule: 'rbac-wildcard-api-group',
    when: 'apiGroups are \"*\" with pipelineNamespace set',
    spec: withPermissions({ apiGroups: ['*'], resources: ['deployments'], verbs: ['get'] }),
    options: { pipelineNamespace: 'pipelines' },
    expected: [
      { severity: AuditSeverity.MEDIUM, location: 'spec.workflows.resource.configure[0].spec.rbac.permissions[0].apiGroups', message: 'apiGroups ["*"] match every API group, including ones installed later, for resources ["deployments"] in its own namespace "pipelines"; list the groups the resources belong to ("" for the core group)' },
    ],
  },
  {
    rule: 'rbac-secrets-access',
    when: 'every Secret of the own namespace',
    spec: withPermissions({ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }),
    expected: [
      { severity: AuditSeverity.HIGH, location: 'spec.workflows.resource.configure[0].spec.rbac.permissions[0].resources', message: 'verbs ["get"] on every Secret in its own namespace (each resource request\'s namespace); limit the permission to the Secrets the pipeline needs with resourceNames, or pass values to containers with env valueFrom.secretKeyRef instead' },
    ],
  },
  {
    rule: 'rbac-secrets-access',
    when: 'Secrets limited by resourceNames',
    spec: withPermissions({ apiGroups: [''], resources: ['secrets'], verbs: ['get'], resourceNames: ['db-creds'] }),
    options: { type: 'promise' },
    expected: [
      { severity: AuditSeverity.MEDIUM, location: 'spec.workflows.promise.configure[0].spec.rbac.permissions[0].resources', message: 'verbs ["get"] on Secrets ["db-creds"] in its own namespace "kratix-platform-system"; check the pipeline needs them, or pass a single value to a container with env valueFrom.secretKeyRef instead' },
    ],
  },
  {
    rule: 'rbac-secrets-access',
    when: 'every Secret in all namespaces (raised to critical)',
    spec: withPermissions({ apiGroups: ['*'], resources: ['secrets'], verbs: ['list'], resourceNamespace: '*' }),
    expected: [
      { severity: AuditSeverity.CRITICAL, location: 'spec.workflows.resource.configure[0].spec.rbac.permissions[0].resources', message: 'verbs ["list"] on every Secret in all namespaces (resourceNamespace "*"); limit the permission to the Secrets the pipeline needs with resourceNames, or pass values to containers with env valueFrom.secretKeyRef instead' },
    ],
  },
  {
    rule: 'rbac-rbac-resource',
    when: 'writing Roles and RoleBindings',
    spec: withPermissions({ apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles', 'rolebindings', 'pods'], verbs: ['create'] }),
    expected: [
      { severity: AuditSeverity.HIGH, location: 'spec.workflows.resource.configure[0].spec.rbac.permissions[0].resources', message: 'verbs ["create"] on RBAC resources ["roles","rolebindings"] in its own namespace (each resource request\'s namespace) let the pipeline change who may do what; create RBAC objects outside the pipeline (e.g. as Promise dependencies) instead' },
    ],
  },
  {
    rule: 'rbac-rbac-resource',
    when: 'only reading Roles',
    spec: withPermissions({ apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'], verbs: ['get', 'list'] }),
    expected: [
      { severity: AuditSeverity.LOW, location: 'spec.workflows.resource.configure[0].spec.rbac.permissions[0].resources', message: 'verbs ["get","list"] on RBAC resources ["roles"] in its own namespace (each resource request\'s namespace) reveal who may do what; remove the permission unless the pipeline needs it' },
    ],
  },
  {
    rule: 'rbac-webhook-resource',
    when: 'writing webhook configurations in all namespaces (raised to critical)',
    spec: withPermissions({ apiGroups: ['admissionregistration.k8s.io'], resources: ['validatingwebhookconfigurations'], verbs: ['patch'], resourceNamespace: '*' }),
    expected: [
      { severity: AuditSeverity.CRITICAL, location: 'spec.workflows.resource.configure[0].spec.rbac.permissions[0].resources', message: 'verbs ["patch"] on admission webhook resources ["validatingwebhookconfigurations"] in all namespaces (resourceNamespace "*") let the pipeline intercept or rewrite any object sent to the API server; install webhooks as Promise dependencies instead' },
    ],
  },
  {
    rule: 'rbac-webhook-resource',
    when: 'only reading webhook configurations',
    spec: withPermissions({ apiGroups: ['admissionregistration.k8s.io'], resources: ['mutatingwebhookconfigurations'], verbs: ['list'] }),
    expected: [
      { severity: AuditSeverity.LOW, location: 'spec.workflows.resource.configure[0].spec.rbac.permissions[0].resources', message: 'verbs ["list"] on admission webhook resources ["mutatingwebhookconfigurations"] in its own namespace (each resource request\'s namespace) reveal the cluster\'s admission controls; remove the permission unless the pipeline needs it' },
    ],
  },
  {
    rule: 'rbac-cluster-wide',
    when: 'reading in all namespaces',
    spec: withPermissions({ apiGroups: ['batch'], resources: ['jobs'], verbs: ['get', 'list'], resourceNamespace: '*' }),
    expected: [
      { severity: AuditSeverity.LOW, location: 'spec.workflows.resource.configure[0].spec.rbac.permissions[0].resourceNamespace', message: 'verbs ["get","list"] on resources ["jobs"] (apiGroups ["batch"]) apply in all namespaces (resourceNamespace "*"); name the namespace the pipeline works in with resourceNamespace, or leave resourceNamespace out for the pipeline\'s own namespace' },
    ],
  },
  {
    rule: 'rbac-cluster-wide',
    when: 'writing in all namespaces',
    spec: withPermissions({ apiGroups: ['batch'], resources: ['jobs'], verbs: ['delete'], resourceNamespace: '*' }),
    expected: [
      { severity: AuditSeverity.MEDIUM, location: 'spec.workflows.resource.configure[0].spec.rbac.permissions[0].resourceNamespace', message: 'verbs ["delete"] on resources ["jobs"] (apiGroups ["batch"]) apply in all namespaces (resourceNamespace "*"); name the namespace the pipeline works in with resourceNamespace, or leave resourceNamespace out for the pipeline\'s own namespace' },
    ],
  },
  {
    rule: 'container-privileged',
    when: 'privileged: true',
    spec: { containers: [safeContainer({ securityContext: { ...RESTRICTED, privileged: true } })] },
    expected: [
      { severity: AuditSeverity.CRITICAL, location: 'spec.workflows.resource.configure[0].spec.containers[0].securityContext.privileged', message: 'container "main" runs privileged (securityContext.privileged: true), with full access to the node; remove privileged: true, or use PipelineSecurity.restricted(), the context of Kratix\'s own containers' },
    ],
  },
  {
    rule: 'container-privileged',
    when: 'privileged: true is inherited from the kratix ConfigMap',
    spec: { containers: [{ name: 'main', image: 'ghcr.io/acme/tool:v1' }] },
    kratixConfig: { workflows: { defaultContainerSecurityContext: { ...RESTRICTED, privileged: true } } },
    expected: [
      { severity: AuditSeverity.CRITICAL, location: 'spec.workflows.resource.configure[0].spec.containers[0]', message: 'container "main" runs privileged (securityContext.privileged: true, inherited from the kratix ConfigMap\'s workflows.defaultContainerSecurityContext), with full access to the node; remove privileged: true, or use PipelineSecurity.restricted(), the context of Kratix\'s own containers' },
    ],
  },
  {
    rule: 'container-privilege-escalation',
    when: 'allowPrivilegeEscalation: true',
    spec: { containers: [safeContainer({ securityContext: { ...RESTRICTED, allowPrivilegeEscalation: true } })] },
    expected: [
      { severity: AuditSeverity.HIGH, location: 'spec.workflows.resource.configure[0].spec.containers[0].securityContext.allowPrivilegeEscalation', message: 'container "main" allows privilege escalation (securityContext.allowPrivilegeEscalation: true); set allowPrivilegeEscalation: false, or use PipelineSecurity.restricted(), the context of Kratix\'s own containers' },
    ],
  },
  {
    rule: 'container-run-as-root',
    when: 'runAsUser: 0',
    spec: { containers: [safeContainer({ securityContext: { ...RESTRICTED, runAsUser: 0 } })] },
    expected: [
      { severity: AuditSeverity.HIGH, location: 'spec.workflows.resource.configure[0].spec.containers[0].securityContext.runAsUser', message: 'container "main" runs as root (securityContext.runAsUser: 0); run it as a non-zero user ID and set runAsNonRoot: true' },
    ],
  },
  {
    rule: 'container-root-allowed',
    when: 'runAsNonRoot: false',
    spec: { containers: [safeContainer({ securityContext: { ...RESTRICTED, runAsNonRoot: false } })] },
    expected: [
      { severity: AuditSeverity.MEDIUM, location: 'spec.workflows.resource.configure[0].spec.containers[0].securityContext.runAsNonRoot', message: 'container "main" may run as root (securityContext.runAsNonRoot: false); set runAsNonRoot: true, or use PipelineSecurity.restricted(), the context of Kratix\'s own containers' },
    ],
  },
  {
    rule: 'container-no-security-context',
    when: 'no securityContext and no kratix ConfigMap',
    spec: { containers: [{ name: 'main', image: 'ghcr.io/acme/tool:v1' }] },
    expected: [
      { severity: AuditSeverity.MEDIUM, location: 'spec.workflows.resource.configure[0].spec.containers[0]', message: 'container "main" has no securityContext, and without a kratix ConfigMap Kratix gives it none: it runs as the image\'s user with Kubernetes\' defaults, privilege escalation allowed; set its securityContext, e.g. to PipelineSecurity.restricted() (the context of Kratix\'s own containers), or set workflows.defaultContainerSecurityContext in the kratix ConfigMap' },
    ],
  },
  {
    rule: 'container-no-security-context',
    when: 'no securityContext and a kratix ConfigMap without the default (Kratix gives {})',
    spec: { containers: [{ name: 'main', image: 'ghcr.io/acme/tool:v1' }] },
    kratixConfig: {},
    expected: [
      { severity: AuditSeverity.MEDIUM, location: 'spec.workflows.resource.configure[0].spec.containers[0]', message: 'container "main" has no securityContext and the kratix ConfigMap sets no workflows.defaultContainerSecurityContext, so Kratix gives it securityContext: {}: it runs as the image\'s user with Kubernetes\' defaults, privilege escalation allowed; set its securityContext, e.g. to PipelineSecurity.restricted() (the context of Kratix\'s own containers), or set workflows.defaultContainerSecurityContext in the kratix ConfigMap' },
    ],
  },
  {
    rule: 'container-no-security-context',
    when: 'an explicit empty securityContext, which overrides the default',
    spec: { containers: [{ name: 'main', image: 'ghcr.io/acme/tool:v1', securityContext: {} }] },
    kratixConfig: { workflows: { defaultContainerSecurityContext: RESTRICTED } },
    expected: [
      { severity: AuditSeverity.MEDIUM, location: 'spec.workflows.resource.configure[0].spec.containers[0]', message: 'container "main" has an empty securityContext {}, which Kratix keeps as it is: it runs as the image\'s user with Kubernetes\' defaults, privilege escalation allowed; set its securityContext, e.g. to PipelineSecurity.restricted() (the context of Kratix\'s own containers), or remove it so that the kratix ConfigMap\'s workflows.defaultContainerSecurityContext applies' },
    ],
  },
  {
    rule: 'container-no-security-context',
    when: 'the kratix ConfigMap default is empty',
    spec: { containers: [{ name: 'main', image: 'ghcr.io/acme/tool:v1' }] },
    kratixConfig: { workflows: { defaultContainerSecurityContext: {} } },
    expected: [
      { severity: AuditSeverity.MEDIUM, location: 'spec.workflows.resource.configure[0].spec.containers[0]', message: 'container "main" has no securityContext and inherits the empty workflows.defaultContainerSecurityContext {} of the kratix ConfigMap: it runs as the image\'s user with Kubernetes\' defaults, privilege escalation allowed; set its securityContext, e.g. to PipelineSecurity.restricted() (the context of Kratix\'s own containers), or set workflows.defaultContainerSecurityContext in the kratix ConfigMap' },
    ],
  },
  {
    rule: 'container-not-restricted',
    when: 'a securityContext with none of the restricted settings',
    spec: { containers: [safeContainer({ securityContext: { readOnlyRootFilesystem: true } })] },
    expected: [
      { severity: AuditSeverity.LOW, location: 'spec.workflows.resource.configure[0].spec.containers[0].securityContext', message: 'container "main" securityContext does not set allowPrivilegeEscalation: false, capabilities.drop: ["ALL"], runAsNonRoot: true, seccompProfile.type: RuntimeDefault; set them, or use PipelineSecurity.restricted(), the context of Kratix\'s own containers' },
    ],
  },
  {
    rule: 'container-not-restricted',
    when: 'an inherited securityContext without capabilities and seccomp',
    spec: { containers: [{ name: 'main', image: 'ghcr.io/acme/tool:v1' }] },
    kratixConfig: { workflows: { defaultContainerSecurityContext: { allowPrivilegeEscalation: false, runAsNonRoot: true } } },
    expected: [
      { severity: AuditSeverity.LOW, location: 'spec.workflows.resource.configure[0].spec.containers[0]', message: 'container "main" securityContext (inherited from the kratix ConfigMap\'s workflows.defaultContainerSecurityContext) does not set capabilities.drop: ["ALL"], seccompProfile.type: RuntimeDefault; set them, or use PipelineSecurity.restricted(), the context of Kratix\'s own containers' },
    ],
  },
  {
    rule: 'image-untagged',
    when: 'an image without a tag behind a registry port',
    spec: { containers: [safeContainer({ image: 'localhost:5000/tool' })] },
    expected: [
      { severity: AuditSeverity.MEDIUM, location: 'spec.workflows.resource.configure[0].spec.containers[0].image', message: 'container "main" image \'localhost:5000/tool\' has no tag or digest, so it runs whatever "latest" is when the node pulls it; pin a version tag or a digest (image@sha256:...)' },
    ],
  },
  {
    rule: 'image-untagged',
    when: 'an image with an empty tag',
    spec: { containers: [safeContainer({ image: 'nginx:' })] },
    expected: [
      { severity: AuditSeverity.MEDIUM, location: 'spec.workflows.resource.configure[0].spec.containers[0].image', message: 'container "main" image \'nginx:\' has no tag or digest, so it runs whatever "latest" is when the node pulls it; pin a version tag or a digest (image@sha256:...)' },
    ],
  },
  {
    rule: 'image-latest-tag',
    when: 'an image tagged latest',
    spec: { containers: [safeContainer({ image: 'ghcr.io/acme/tool:latest' })] },
    expected: [
      { severity: AuditSeverity.MEDIUM, location: 'spec.workflows.resource.configure[0].spec.containers[0].image', message: 'container "main" image \'ghcr.io/acme/tool:latest\' uses the tag "latest", which changes without notice; pin a version tag or a digest (image@sha256:...)' },
    ],
  },
  {
    rule: 'image-pull-policy-never',
    when: 'imagePullPolicy: Never',
    spec: { containers: [safeContainer({ imagePullPolicy: 'Never' })] },
    expected: [
      { severity: AuditSeverity.LOW, location: 'spec.workflows.resource.configure[0].spec.containers[0].imagePullPolicy', message: 'container "main" has imagePullPolicy: Never, so it runs whatever image named \'ghcr.io/acme/tool:v1.2.3\' is already on the node, never checked against the registry; use IfNotPresent with a pinned tag or digest, or Always' },
    ],
  },
  {
    rule: 'image-pull-policy-never',
    when: 'the kratix ConfigMap defaults to Never',
    spec: { containers: [safeContainer()] },
    kratixConfig: { workflows: { defaultImagePullPolicy: 'Never' } },
    expected: [
      { severity: AuditSeverity.LOW, location: 'spec.workflows.resource.configure[0].spec.containers[0]', message: 'container "main" has imagePullPolicy: Never (inherited from the kratix ConfigMap\'s workflows.defaultImagePullPolicy), so it runs whatever image named \'ghcr.io/acme/tool:v1.2.3\' is already on the node, never checked against the registry; use IfNotPresent with a pinned tag or digest, or Always' },
    ],
  },
  {
    rule: 'service-account-custom',
    when: 'rbac.serviceAccount is set',
    spec: { containers: [safeContainer()], rbac: { serviceAccount: 'deployer' } },
    expected: [
      { severity: AuditSeverity.INFO, location: 'spec.workflows.resource.configure[0].spec.rbac.serviceAccount', message: 'the pipeline runs as the custom service account "deployer" (rbac.serviceAccount); Kratix creates it only when it does not exist and never changes an existing one, so permissions bound to it elsewhere are not in this report, and every pod running as it shares these permissions; review its RoleBindings and ClusterRoleBindings' },
    ],
  },
];

describe('audit rules', () => {
  test.each(CASES)('$rule when $when', ({ rule, spec, options, kratixConfig, expected }) => {
    const audit = PromiseAudit.ofDocument(promiseWith(spec, options), { kratixConfig });
    expect(audit.findings.filter(f => f.rule === rule).map(({ severity, location, message }) => ({ severity, location, message }))).toEqual(expected);
  });

  test('every rule has a case', () => {
    expect(new Set(CASES.map(c => c.rule))).toEqual(new Set([
      'rbac-escalation-verb', 'rbac-wildcard-verb', 'rbac-wildcard-resource', 'rbac-wildcard-api-group', 'rbac-secrets-access',
      'rbac-rbac-resource', 'rbac-webhook-resource', 'rbac-cluster-wide', 'container-privileged', 'container-privilege-escalation',
      'container-run-as-root', 'container-root-allowed', 'container-no-security-context', 'container-not-restricted',
      'image-untagged', 'image-latest-tag', 'image-pull-policy-never', 'service-account-custom',
    ]));
  });

  test('pipeline-never-runs: a second delete pipeline is reported, the first is not', () => {
    const doc = promiseWith({ containers: [safeContainer()] }, { action: 'delete', name: 'cleanup' });
    doc.spec.workflows.resource.delete.push({ ...doc.spec.workflows.resource.delete[0], metadata: { name: 'notify' } });
    const audit = PromiseAudit.ofDocument(doc);
    expect(audit.findings.map(({ severity, rule, pipeline, location, message }) => ({ severity, rule, pipeline, location, message }))).toEqual([{
      severity: AuditSeverity.INFO,
      rule: 'pipeline-never-runs',
      pipeline: 'notify',
      location: 'spec.workflows.resource.delete[1]',
      message: 'pipeline "notify" is delete pipeline 2; Kratix runs only the first delete pipeline ("cleanup"), so this one never runs; move its containers into the first',
    }]);
  });

  describe('when nothing is wrong', () => {
    test.each([
      ['a tagged image with the restricted context', { containers: [safeContainer()] }],
      ['an image pinned by digest, even with :latest', { containers: [safeContainer({ image: 'ghcr.io/acme/tool:latest@sha256:0123' })] }],
      ['an image with a registry port and a tag', { containers: [safeContainer({ image: 'localhost:5000/tool:v2' })] }],
      ['a non-zero runAsUser', { containers: [safeContainer({ securityContext: { ...RESTRICTED, runAsUser: 1000 } })] }],
      ['Localhost seccomp profile', { containers: [safeContainer({ securityContext: { ...RESTRICTED, seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } } })] }],
      ['read-only permissions in the own namespace', withPermissions({ apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'list', 'watch'] })],
      ['writes to ConfigMaps in a named namespace', withPermissions({ apiGroups: [''], resources: ['configmaps'], verbs: ['create', 'update'], resourceNamespace: 'team-a' })],
      ['secrets in a non-core group', withPermissions({ apiGroups: ['example.com'], resources: ['secrets'], verbs: ['get'] })],
      ['roles in a non-RBAC group', withPermissions({ apiGroups: ['example.com'], resources: ['roles'], verbs: ['create'] })],
      ['no containers and no permissions', {}],
    ])('%s raises no finding', (_, spec) => {
      expect(PromiseAudit.ofDocument(promiseWith(spec)).findings).toEqual([]);
    });

    test("Kratix's own grants (works with verb *) raise no finding", () => {
      const audit = PromiseAudit.ofDocument(promiseWith({ containers: [safeContainer()] }));
      expect(audit.pipelines[0].permissions.some(p => p.verbs.includes('*'))).toBe(true);
      expect(audit.findings).toEqual([]);
    });

    test('a container inheriting the restricted default from the kratix ConfigMap raises no finding', () => {
      const spec = { containers: [{ name: 'main', image: 'ghcr.io/acme/tool:v1' }] };
      const kratixConfig = { workflows: { defaultContainerSecurityContext: RESTRICTED } };
      expect(PromiseAudit.ofDocument(promiseWith(spec), { kratixConfig }).findings).toEqual([]);
    });
  });
});
