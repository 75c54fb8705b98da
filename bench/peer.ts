/**
 * Benchmark 3, peer: the objects of the render benchmark built with cdk8s-plus-28 L2 constructs
 * (ServiceAccount, ConfigMap, Role/ClusterRole with allow, RoleBinding/ClusterRoleBinding, Job with
 * init containers, containers and volumes) and synthesized. The L2 constructs add their own
 * defaults (e.g. pod security context, automountServiceAccountToken), so the YAML is close to,
 * not byte-equal with, the rendered objects (and cdk8s-plus-28 writes ephemeral storage only in
 * whole GiB, so it is left out); the construct and synthesis work is the same.
 */
import { App, Chart, Size } from 'cdk8s';
import {
  ApiResource, ClusterRole, ISecret, ClusterRoleBinding, ConfigMap, ContainerProps, Cpu, EnvFieldPaths, EnvValue, IClusterRole, IRole,
  Job, RestartPolicy, Role, RoleBinding, Secret, ServiceAccount, Volume,
} from 'cdk8s-plus-28';
import { Construct } from 'constructs';

function cpu(q: string | undefined): Cpu | undefined {
  if (q === undefined) return undefined;
  return q.endsWith('m') ? Cpu.millis(Number(q.slice(0, -1))) : Cpu.units(Number(q));
}

function size(q: string | undefined): Size | undefined {
  if (q === undefined) return undefined;
  if (q.endsWith('Mi')) return Size.mebibytes(Number(q.slice(0, -2)));
  if (q.endsWith('Gi')) return Size.gibibytes(Number(q.slice(0, -2)));
  return Size.kibibytes(Number(q) / 1024);
}

function rules(target: Role | ClusterRole, list: any[]): void {
  for (const rule of list) {
    const resources = (rule.resources ?? []).map((resourceType: string) =>
      (rule.apiGroups ?? ['']).map((apiGroup: string) => ApiResource.custom({ apiGroup, resourceType }))).flat();
    target.allow(rule.verbs, ...resources);
  }
}

class PeerObjects {
  private n = 0;
  private readonly roles = new Map<string, IRole | IClusterRole>();
  private readonly secrets = new Map<string, ISecret>();

  constructor(private readonly chart: Construct) {}

  public add(o: any): void {
    const id = `o${this.n++}`;
    const metadata = { name: o.metadata.name, namespace: o.metadata.namespace, labels: o.metadata.labels, annotations: o.metadata.annotations };
    switch (o.kind) {
      case 'ServiceAccount':
        new ServiceAccount(this.chart, id, { metadata });
        break;
      case 'ConfigMap':
        new ConfigMap(this.chart, id, { metadata, data: o.data });
        break;
      case 'Role': {
        const role = new Role(this.chart, id, { metadata });
        rules(role, o.rules);
        this.roles.set(`Role/${o.metadata.namespace}/${o.metadata.name}`, role);
        break;
      }
      case 'ClusterRole': {
        const role = new ClusterRole(this.chart, id, { metadata });
        rules(role, o.rules);
        this.roles.set(`ClusterRole//${o.metadata.name}`, role);
        break;
      }
      case 'RoleBinding':
      case 'ClusterRoleBinding': {
        const ref = o.roleRef;
        const role = this.roles.get(`${ref.kind}/${ref.kind === 'Role' ? o.metadata.namespace : ''}/${ref.name}`)
          ?? (ref.kind === 'Role' ? Role.fromRoleName(this.chart, `${id}-role`, ref.name) : ClusterRole.fromClusterRoleName(this.chart, `${id}-role`, ref.name));
        const binding = o.kind === 'RoleBinding'
          ? new RoleBinding(this.chart, id, { metadata, role })
          : new ClusterRoleBinding(this.chart, id, { metadata, role: role as IClusterRole });
        binding.addSubjects(...o.subjects.map((s: any, i: number) =>
          ServiceAccount.fromServiceAccountName(this.chart, `${id}-sa${i}`, s.name, { namespaceName: s.namespace })));
        break;
      }
      case 'Job':
        this.job(id, o, metadata);
        break;
      default:
        throw new Error(`peer: no L2 construct for ${o.kind}`);
    }
  }

  private volume(id: string, spec: any): Volume {
    if (spec.configMap) {
      return Volume.fromConfigMap(this.chart, `${id}-${spec.name}`, ConfigMap.fromConfigMapName(this.chart, `${id}-${spec.name}-cm`, spec.configMap.name), {
        name: spec.name,
        items: Object.fromEntries(spec.configMap.items.map((i: any) => [i.key, { path: i.path }])),
      });
    }
    return Volume.fromEmptyDir(this.chart, `${id}-${spec.name}`, spec.name);
  }

  private env(list: any[] = []): Record<string, EnvValue> {
    const out: Record<string, EnvValue> = {};
    for (const e of list) {
      if (e.valueFrom?.secretKeyRef) {
        const ref = e.valueFrom.secretKeyRef;
        let secret = this.secrets.get(ref.name);
        if (!secret) this.secrets.set(ref.name, secret = Secret.fromSecretName(this.chart, `secret-${ref.name}`, ref.name));
        out[e.name] = EnvValue.fromSecretValue({ secret, key: ref.key });
      } else if (e.valueFrom?.fieldRef) {
        const key = /\['(.*)'\]/.exec(e.valueFrom.fieldRef.fieldPath)?.[1];
        out[e.name] = EnvValue.fromFieldRef(EnvFieldPaths.POD_ANNOTATION, { key });
      } else {
        out[e.name] = EnvValue.fromValue(e.value ?? '');
      }
    }
    return out;
  }

  private container(c: any, volumes: Map<string, Volume>): ContainerProps {
    const r = c.resources ?? {};
    return {
      name: c.name,
      image: c.image,
      command: c.command,
      args: c.args,
      envVariables: this.env(c.env),
      resources: {
        cpu: { request: cpu(r.requests?.cpu), limit: cpu(r.limits?.cpu) },
        memory: { request: size(r.requests?.memory), limit: size(r.limits?.memory) },
      },
      volumeMounts: (c.volumeMounts ?? []).map((m: any) => ({ volume: volumes.get(m.name)!, path: m.mountPath, readOnly: m.readOnly })),
      securityContext: {
        ensureNonRoot: c.securityContext?.runAsNonRoot ?? false,
        readOnlyRootFilesystem: false,
        allowPrivilegeEscalation: c.securityContext?.allowPrivilegeEscalation,
        privileged: c.securityContext?.privileged,
      },
    };
  }

  private job(id: string, o: any, metadata: any): void {
    const pod = o.spec.template.spec;
    const volumes = new Map<string, Volume>();
    for (const v of pod.volumes ?? []) volumes.set(v.name, this.volume(id, v));
    const job = new Job(this.chart, id, {
      metadata,
      podMetadata: o.spec.template.metadata,
      backoffLimit: o.spec.backoffLimit,
      serviceAccount: ServiceAccount.fromServiceAccountName(this.chart, `${id}-sa`, pod.serviceAccountName),
      restartPolicy: pod.restartPolicy === 'Never' ? RestartPolicy.NEVER : RestartPolicy.ON_FAILURE,
      volumes: [...volumes.values()],
      securityContext: { ensureNonRoot: false },
    });
    for (const c of pod.initContainers ?? []) job.addInitContainer(this.container(c, volumes));
    for (const c of pod.containers ?? []) job.addContainer(this.container(c, volumes));
  }
}

/** The objects built with cdk8s-plus-28 L2 constructs in one chart, synthesized to YAML. */
export function peerYaml(objects: readonly any[]): string {
  const app = new App();
  const chart = new Chart(app, 'peer');
  const peer = new PeerObjects(chart);
  for (const o of objects) peer.add(o);
  return app.synthYaml();
}
