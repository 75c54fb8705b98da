import { k8s } from 'cdk8s-plus-28';
import { cloneJson } from './private/json';
import { KRATIX_SECURITY_CONTEXT } from './render/settings';

/**
 * Security context presets for pipeline containers.
 *
 * Kratix runs its own pipeline containers (reader, work-writer, status-writer) with a restricted
 * security context but gives user containers none, unless the kratix ConfigMap sets
 * `workflows.defaultContainerSecurityContext`. These presets let you opt in.
 *
 * @example
 * pipeline.addContainer({ name: 'deploy', image: 'ghcr.io/acme/deploy:v1.0.0', securityContext: PipelineSecurity.restricted() });
 * new KratixConfig(chart, 'Config', { workflows: { defaultContainerSecurityContext: PipelineSecurity.restricted() } });
 *
 * @see https://docs.kratix.io/main/reference/workflows#security-context
 */
export class PipelineSecurity {
  /**
   * The security context of Kratix's own containers: no privilege escalation, every capability
   * dropped, not privileged, a non-root user and the runtime's default seccomp profile. It meets
   * the Kubernetes "restricted" Pod Security Standard; the image must run as a non-root user.
   *
   * Use it for a container's `securityContext`, or for `KratixConfig`'s
   * `workflows.defaultContainerSecurityContext`. Returns a new object on every call.
   *
   * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
   */
  public static restricted(): k8s.SecurityContext {
    // The renderer's constant, whose JSON field names are also the struct's property names.
    return cloneJson(KRATIX_SECURITY_CONTEXT) as k8s.SecurityContext;
  }

  private constructor() {}
}
