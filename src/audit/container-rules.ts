import { AuditSeverity } from './model';
import { RawFinding } from './rbac-rules';
import { quote as show } from '../private/quote';
import { ControllerSettings } from '../render/settings';

const INHERITED = "inherited from the kratix ConfigMap's workflows.defaultContainerSecurityContext";
const USE_RESTRICTED = "or use PipelineSecurity.restricted(), the context of Kratix's own containers";

/** One user container: as Kratix creates it, as the pipeline declares it, and where. */
export interface AuditedContainer {
  /** The container in the rendered Job's pod. */
  readonly rendered: Record<string, any>;
  /** The container as Kratix decodes it from the pipeline, to tell its own settings from inherited ones. */
  readonly declared: Record<string, any>;
  /** Its path in the Promise, e.g. `spec.workflows.promise.configure[0].spec.containers[1]`. */
  readonly path: string;
}

/**
 * The findings of one user container, read from the container Kratix creates: its security
 * context, image and pull policy.
 *
 * @param settings the controller settings it was rendered with
 */
export function containerFindings(container: AuditedContainer, settings: ControllerSettings): RawFinding[] {
  const { rendered, declared, path } = container;
  const name: string = rendered.name;
  const image: string = rendered.image ?? '';
  const own = !!declared.imagePullPolicy;
  return [
    ...securityFindings(container, name, !!settings.defaultSecurityContextSet),
    ...imageFindings(`${path}.image`, name, image),
    ...pullPolicyFindings(own ? `${path}.imagePullPolicy` : path, name, image, rendered.imagePullPolicy, !own && !!settings.imagePullPolicy),
  ];
}

function securityFindings(container: AuditedContainer, name: string, defaultSet: boolean): RawFinding[] {
  const sc: Record<string, any> | undefined = container.rendered.securityContext;
  const inherited = container.declared.securityContext === undefined;
  const path = container.path;
  const missing = (why: string, orElse = 'set workflows.defaultContainerSecurityContext in the kratix ConfigMap'): RawFinding[] => [{
    severity: AuditSeverity.MEDIUM,
    rule: 'container-no-security-context',
    location: path,
    message: `container "${name}" ${why}: it runs as the image's user with Kubernetes' defaults, privilege escalation allowed; `
      + `set its securityContext, e.g. to PipelineSecurity.restricted() (the context of Kratix's own containers), or ${orElse}`,
  }];
  if (sc === undefined) return missing('has no securityContext, and without a kratix ConfigMap Kratix gives it none');
  if (inherited && !defaultSet) {
    return missing('has no securityContext and the kratix ConfigMap sets no workflows.defaultContainerSecurityContext, so Kratix gives it securityContext: {}');
  }
  if (Object.keys(sc).length === 0) {
    return missing(inherited
      ? 'has no securityContext and inherits the empty workflows.defaultContainerSecurityContext {} of the kratix ConfigMap'
      : 'has an empty securityContext {}, which Kratix keeps as it is',
    inherited ? undefined : "remove it so that the kratix ConfigMap's workflows.defaultContainerSecurityContext applies");
  }

  const from = inherited ? `, ${INHERITED}` : '';
  const at = (field: string) => inherited ? path : `${path}.securityContext.${field}`;
  const out: RawFinding[] = [];
  const add = (severity: AuditSeverity, rule: string, field: string, message: string) =>
    out.push({ severity, rule, location: at(field), message });

  const privileged: boolean | undefined = sc.privileged;
  const escalation: boolean | undefined = sc.allowPrivilegeEscalation;
  const user: number | undefined = sc.runAsUser;
  const nonRoot: boolean | undefined = sc.runAsNonRoot;
  const drop: string[] = sc.capabilities?.drop ?? [];
  const seccompType: string | undefined = sc.seccompProfile?.type;

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
      location: inherited ? path : `${path}.securityContext`,
      message: `container "${name}" securityContext${inherited ? ` (${INHERITED})` : ''} does not set ${unset.join(', ')}; set ${unset.length === 1 ? 'it' : 'them'}, ${USE_RESTRICTED}`,
    });
  }
  return out;
}

function imageFindings(location: string, name: string, image: string): RawFinding[] {
  if (image === '' || image.includes('@')) return [];
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

