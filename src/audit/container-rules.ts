import { Node, show } from './input';
import { AuditSeverity } from './model';
import { RawFinding } from './rbac-rules';

/** What the kratix ConfigMap gives containers that set nothing themselves. */
export interface ContainerDefaults {
  /** Whether the kratix ConfigMap exists. */
  readonly configPresent: boolean;
  /** `workflows.defaultContainerSecurityContext`, if set. */
  readonly securityContext?: Node;
  /** `workflows.defaultImagePullPolicy`, if set. */
  readonly imagePullPolicy?: string;
}

const INHERITED = "inherited from the kratix ConfigMap's workflows.defaultContainerSecurityContext";
const USE_RESTRICTED = "or use PipelineSecurity.restricted(), the context of Kratix's own containers";

/**
 * Reads the kratix ConfigMap's `config` key.
 *
 * @param config the parsed config; undefined when the ConfigMap is absent
 */
export function readDefaults(config: unknown): ContainerDefaults {
  if (config === undefined) return { configPresent: false };
  const root = new Node(config, 'kratixConfig');
  root.map('the parsed config key of the kratix ConfigMap');
  const workflows = root.get('workflows');
  workflows.map('the workflows options');
  const sc = workflows.get('defaultContainerSecurityContext');
  sc.map('a SecurityContext');
  return {
    configPresent: true,
    securityContext: sc.absent ? undefined : sc,
    imagePullPolicy: workflows.get('defaultImagePullPolicy').string('Always, IfNotPresent or Never'),
  };
}

/** The findings of one user container: its security context, image and pull policy. */
export function containerFindings(container: Node, defaults: ContainerDefaults): RawFinding[] {
  container.requiredMap('a container: name, image and optional fields');
  const name = container.get('name').requiredString('the container name');
  const image = container.get('image').requiredString('the container image, e.g. "ghcr.io/acme/tool:v1.2.3"');
  const own = container.get('imagePullPolicy').string('Always, IfNotPresent or Never');
  return [
    ...securityFindings(container, name, defaults),
    ...imageFindings(container.get('image').path, name, image),
    ...pullPolicyFindings(own === undefined || own === '' ? container.path : container.get('imagePullPolicy').path, name, image,
      own || defaults.imagePullPolicy, !own && !!defaults.imagePullPolicy),
  ];
}

function securityFindings(container: Node, name: string, defaults: ContainerDefaults): RawFinding[] {
  const own = container.get('securityContext');
  own.map('a SecurityContext');
  const sc = own.absent ? defaults.securityContext : own;
  const inherited = own.absent;
  const missing = (why: string, orElse = 'set workflows.defaultContainerSecurityContext in the kratix ConfigMap'): RawFinding[] => [{
    severity: AuditSeverity.MEDIUM,
    rule: 'container-no-security-context',
    location: container.path,
    message: `container "${name}" ${why}: it runs as the image's user with Kubernetes' defaults, privilege escalation allowed; `
      + `set its securityContext, e.g. to PipelineSecurity.restricted() (the context of Kratix's own containers), or ${orElse}`,
  }];
  if (sc === undefined) {
    return missing(defaults.configPresent
      ? 'has no securityContext and the kratix ConfigMap sets no workflows.defaultContainerSecurityContext, so Kratix gives it securityContext: {}'
      : 'has no securityContext, and without a kratix ConfigMap Kratix gives it none');
  }
  if (Object.keys(sc.map('a SecurityContext')).every(k => sc.get(k).absent)) {
    return missing(inherited
      ? 'has no securityContext and inherits the empty workflows.defaultContainerSecurityContext {} of the kratix ConfigMap'
      : 'has an empty securityContext {}, which Kratix keeps as it is',
    inherited ? undefined : "remove it so that the kratix ConfigMap's workflows.defaultContainerSecurityContext applies");
  }

  const from = inherited ? `, ${INHERITED}` : '';
  const at = (field: string) => inherited ? container.path : sc.get(field).path;
  const out: RawFinding[] = [];
  const add = (severity: AuditSeverity, rule: string, field: string, message: string) =>
    out.push({ severity, rule, location: at(field), message });

  const privileged = sc.get('privileged').boolean('true or false');
  const escalation = sc.get('allowPrivilegeEscalation').boolean('true or false');
  const user = sc.get('runAsUser').integer('a user ID');
  const nonRoot = sc.get('runAsNonRoot').boolean('true or false');
  const capabilities = sc.get('capabilities');
  capabilities.map('capabilities to add and drop');
  const drop = capabilities.get('drop').strings('capability names, e.g. "ALL"') ?? [];
  const seccomp = sc.get('seccompProfile');
  seccomp.map('a seccomp profile, e.g. {type: RuntimeDefault}');
  const seccompType = seccomp.get('type').string('RuntimeDefault or Localhost');

  if (privileged === true) {
    add(AuditSeverity.CRITICAL, 'container-privileged', 'privileged',
      `container "${name}" runs privileged (securityContext.privileged: true${from}), with full access to the node; remove privileged: true, ${USE_RESTRICTED}`);
  }
  if (escalation === true) {
    add(AuditSeverity.HIGH, 'container-privilege-escalation', 'allowPrivilegeEscalation',
      `container "${name}" allows privilege escalation (securityContext.allowPrivilegeEscalation: true${from}); set allowPrivilegeEscalation: false, ${USE_RESTRICTED}`);
  }
  if (user === 0) {
    add(AuditSeverity.HIGH, 'container-run-as-root', 'runAsUser',
      `container "${name}" runs as root (securityContext.runAsUser: 0${from}); run it as a non-zero user ID and set runAsNonRoot: true`);
  }
  if (nonRoot === false) {
    add(AuditSeverity.MEDIUM, 'container-root-allowed', 'runAsNonRoot',
      `container "${name}" may run as root (securityContext.runAsNonRoot: false${from}); set runAsNonRoot: true, ${USE_RESTRICTED}`);
  }
  const unset: string[] = [];
  if (escalation === undefined) unset.push('allowPrivilegeEscalation: false');
  if (!drop.includes('ALL')) unset.push('capabilities.drop: ["ALL"]');
  if (nonRoot === undefined && user !== 0) unset.push('runAsNonRoot: true');
  if (seccompType !== 'RuntimeDefault' && seccompType !== 'Localhost') unset.push('seccompProfile.type: RuntimeDefault');
  if (unset.length > 0) {
    out.push({
      severity: AuditSeverity.LOW,
      rule: 'container-not-restricted',
      location: inherited ? container.path : sc.path,
      message: `container "${name}" securityContext${inherited ? ` (${INHERITED})` : ''} does not set ${unset.join(', ')}; set ${unset.length === 1 ? 'it' : 'them'}, ${USE_RESTRICTED}`,
    });
  }
  return out;
}

function imageFindings(location: string, name: string, image: string): RawFinding[] {
  if (image.includes('@')) return [];
  const lastPart = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastPart.indexOf(':');
  const tag = colon < 0 ? undefined : lastPart.slice(colon + 1);
  if (tag === undefined || tag === '') {
    return [{
      severity: AuditSeverity.MEDIUM,
      rule: 'image-untagged',
      location,
      message: `container "${name}" image ${show(image)} has no tag or digest, so it runs whatever "latest" is when the node pulls it; pin a version tag or a digest (image@sha256:...)`,
    }];
  }
  if (tag === 'latest') {
    return [{
      severity: AuditSeverity.MEDIUM,
      rule: 'image-latest-tag',
      location,
      message: `container "${name}" image ${show(image)} uses the tag "latest", which changes without notice; pin a version tag or a digest (image@sha256:...)`,
    }];
  }
  return [];
}

function pullPolicyFindings(location: string, name: string, image: string, policy: string | undefined, inherited: boolean): RawFinding[] {
  if (policy !== 'Never') return [];
  return [{
    severity: AuditSeverity.LOW,
    rule: 'image-pull-policy-never',
    location,
    message: `container "${name}" has imagePullPolicy: Never${inherited ? " (inherited from the kratix ConfigMap's workflows.defaultImagePullPolicy)" : ''}, so it runs whatever image named ${show(image)} is already on the node, never checked against the registry; use IfNotPresent with a pinned tag or digest, or Always`,
  }];
}

