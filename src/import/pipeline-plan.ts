/**
 * The plan of one imported Pipeline: which Pipeline props and calls express it exactly.
 */
import { ImagePullPolicy, k8s, RestartPolicy } from 'cdk8s-plus-28';
import { Kratix } from '../constants';
import { containerJson } from '../pipeline-container';
import { PermissionScope, PipelinePermission } from '../pipeline-rbac';
import { decodeStrictly, errorsOf, isMap } from '../validate';
import { Code, enumCode, isStringList, isStringMap, jsonEqual, KRATIX, materialize, ordered, Override, overrider, PipelinePlan, PlannedCall, PLUS } from './plan';

const PIPELINE_KEYS = ['apiVersion', 'kind', 'metadata', 'spec'];

export function planPipeline(pipeline: Record<string, any>, extra: boolean): PipelinePlan {
  const props: Record<string, unknown> = {};
  const calls: PlannedCall[] = [];
  const overrides: PlannedCall[] = [];
  const override = overrider(overrides, pipeline);
  const name: string = pipeline.metadata.name;

  if (pipeline.apiVersion !== Kratix.API_VERSION) override(['apiVersion']);
  if (pipeline.kind !== 'Pipeline') override(['kind']);
  for (const key of Object.keys(pipeline)) {
    if (!PIPELINE_KEYS.includes(key)) override([key]);
  }
  for (const key of Object.keys(pipeline.metadata)) {
    const value = pipeline.metadata[key];
    if (key === 'name') continue;
    if ((key === 'labels' || key === 'annotations') && isStringMap(value)) props[key] = value;
    else override(['metadata', key]);
  }
  if (!isMap(pipeline.spec)) {
    override(['spec']);
  } else {
    const spec = pipeline.spec;
    for (const key of Object.keys(spec)) {
      const value = spec[key];
      if (key === 'containers' && Array.isArray(value)) {
        planList(value, typedContainer, ['containers', 'addContainer', 'addContainerManifest'], props, calls);
      } else if (key === 'volumes' && Array.isArray(value)) {
        planList(value, typedVolume, ['volumeSpecs', 'addVolumeSpec', 'addVolumeManifest'], props, calls);
      } else if (key === 'imagePullSecrets' && Array.isArray(value) && value.every(s => isMap(s) && Object.keys(s).length === 1 && typeof s.name === 'string')) {
        props.imagePullSecrets = value.map(s => s.name);
      } else if (key === 'rbac' && isMap(value)) {
        planRbac(value, props, override);
      } else if (key === 'jobOptions' && isMap(value)) {
        if (Object.keys(value).length === 0) override(['spec', key]);
        for (const option of Object.keys(value)) {
          if (option === 'backoffLimit' && typeof value[option] === 'number') props.backoffLimit = value[option];
          else override(['spec', key, option]);
        }
      } else if (key === 'nodeSelector' && isStringMap(value)) {
        props.nodeSelector = value;
      } else if (key === 'tolerations' && Array.isArray(value) && value.every(t => isMap(t) && jsonEqual(k8s.toJson_Toleration(t as k8s.Toleration), t))) {
        props.tolerations = value;
      } else if (key === 'restartPolicy' && typeof value === 'string' && enumCode(RestartPolicy, 'RestartPolicy', value)) {
        props.restartPolicy = enumCode(RestartPolicy, 'RestartPolicy', value);
      } else {
        override(['spec', key]);
      }
    }
  }
  return { name, extra, props: ordered(props, PIPELINE_PROPS), calls: [...calls, ...overrides] };
}

/**
 * Plans a list that a Pipeline takes either as typed props or item by item: all typed in the
 * props when every item can be, else one call per item, in order.
 */
function planList(
  items: unknown[], typed: (item: unknown) => unknown, [prop, addTyped, addManifest]: [string, string, string],
  props: Record<string, unknown>, calls: PlannedCall[],
): void {
  const converted = items.map(typed);
  if (converted.every(c => c !== undefined)) {
    props[prop] = converted;
    return;
  }
  items.forEach((item, i) => {
    const c = converted[i];
    calls.push(c === undefined ? { method: addManifest, args: [item] } : { method: addTyped, args: [c] });
  });
}

const CONTAINER_PROPS: Record<string, string> = {
  name: 'name',
  image: 'image',
  command: 'command',
  args: 'args',
  env: 'envVariables',
  envFrom: 'envFromSources',
  volumeMounts: 'volumeMountSpecs',
  imagePullPolicy: 'imagePullPolicy',
  securityContext: 'securityContext',
  resources: 'resources',
};

/** `PipelineContainerProps` that give exactly `container`, if there are any. */
function typedContainer(container: unknown): Record<string, unknown> | undefined {
  if (!isMap(container) || typeof container.name !== 'string' || typeof container.image !== 'string') return undefined;
  // A container Kubernetes would reject (a secretKeyRef without key) does not fit the k8s types.
  if (errorsOf(decodeStrictly(container, 'Container')).length > 0) return undefined;
  const props: Record<string, unknown> = {};
  for (const key of Object.keys(CONTAINER_PROPS)) {
    const value = container[key];
    if (value === undefined) continue;
    if (key === 'imagePullPolicy') {
      const code = typeof value === 'string' ? enumCode(ImagePullPolicy, 'ImagePullPolicy', value) : undefined;
      if (!code) return undefined;
      props.imagePullPolicy = code;
    } else if (key === 'resources') {
      const resources = typedResources(value);
      if (!resources) return undefined;
      props.resources = resources;
    } else {
      props[CONTAINER_PROPS[key]] = value;
    }
  }
  if (Object.keys(container).some(k => !(k in CONTAINER_PROPS))) return undefined;
  try {
    return jsonEqual(containerJson(materialize(props)), container) ? props : undefined;
  } catch {
    return undefined;
  }
}

function typedResources(resources: unknown): Record<string, unknown> | undefined {
  if (!isMap(resources)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resources)) {
    if (key === 'limits' || key === 'requests') {
      if (!isMap(value)) return undefined;
      const quantities: Record<string, unknown> = {};
      for (const [resource, amount] of Object.entries(value)) {
        if (typeof amount === 'string') {
          quantities[resource] = new Code(k8s.Quantity.fromString(amount), 'k8s.Quantity.fromString', [{ from: PLUS, name: 'k8s' }], [amount]);
        } else if (typeof amount === 'number') {
          quantities[resource] = new Code(k8s.Quantity.fromNumber(amount), 'k8s.Quantity.fromNumber', [{ from: PLUS, name: 'k8s' }], [amount]);
        } else {
          return undefined;
        }
      }
      out[key] = quantities;
    } else {
      out[key] = value;
    }
  }
  return out;
}

function typedVolume(volume: unknown): unknown {
  if (!isMap(volume)) return undefined;
  try {
    return jsonEqual(k8s.toJson_Volume(volume as unknown as k8s.Volume), volume) ? volume : undefined;
  } catch {
    return undefined;
  }
}

function planRbac(rbac: Record<string, any>, props: Record<string, unknown>, override: Override): void {
  if (Object.keys(rbac).length === 0) return override(['spec', 'rbac']);
  const typed: Record<string, unknown> = {};
  for (const key of Object.keys(rbac)) {
    const value = rbac[key];
    if (key === 'serviceAccount' && typeof value === 'string') {
      typed.serviceAccountName = value;
    } else if (key === 'permissions' && Array.isArray(value) && value.length > 0) {
      const permissions = value.map(typedPermission);
      if (permissions.every(p => p !== undefined)) typed.permissions = permissions;
      else override(['spec', 'rbac', key]);
    } else {
      override(['spec', 'rbac', key]);
    }
  }
  if (Object.keys(typed).length > 0) props.rbac = typed;
}

const PERMISSION_KEYS = ['apiGroups', 'resources', 'resourceNames', 'nonResourceURLs', 'verbs'];

function typedPermission(permission: unknown): Record<string, unknown> | undefined {
  if (!isMap(permission) || !isStringList(permission.verbs)) return undefined;
  const props: Record<string, unknown> = {};
  for (const key of PERMISSION_KEYS) {
    if (permission[key] === undefined) continue;
    if (!isStringList(permission[key])) return undefined;
    props[key] = permission[key];
  }
  const ns = permission.resourceNamespace;
  if (ns === '*') props.scope = new Code(PermissionScope.allNamespaces(), 'PermissionScope.allNamespaces', [{ from: KRATIX, name: 'PermissionScope' }], []);
  else if (typeof ns === 'string') props.scope = new Code(PermissionScope.namedNamespace(ns), 'PermissionScope.namedNamespace', [{ from: KRATIX, name: 'PermissionScope' }], [ns]);
  else if (ns !== undefined) return undefined;
  if (Object.keys(permission).some(k => k !== 'resourceNamespace' && !PERMISSION_KEYS.includes(k))) return undefined;
  return jsonEqual(new PipelinePermission(materialize(props)).toJson(), permission) ? props : undefined;
}

const PIPELINE_PROPS = ['labels', 'annotations', 'containers', 'volumeSpecs', 'imagePullSecrets', 'rbac', 'backoffLimit', 'nodeSelector', 'tolerations', 'restartPolicy'];
