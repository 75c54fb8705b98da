import { imageReferenceMessage } from './image-reference';
import {
  RESERVED_CONTAINER_NAMES,
  RESERVED_VOLUME_NAMES,
  dns1123LabelMessage,
  dns1123SubdomainMessage,
  labelValueMessage,
  pipelineIdMessage,
  qualifiedNameMessage,
} from './names';
import { podSpecProblems } from './pod-spec';
import { KratixEnv, KratixPaths } from '../constants';
import { decodeStrictly, goDecode } from '../model/go-decode';
import { pipelineKindProblems } from '../model/pipeline-model';
import { Problem, Severity, field, isMap, joinPath, listField } from '../model/problem';
import { quote } from '../private/quote';
import { WorkflowAction, WorkflowType } from '../workflow-types';

export { PIPELINE_API_VERSION, pipelineKindProblems } from '../model/pipeline-model';

/** Where a pipeline runs: the Promise and the workflow. */
export interface PipelineContext {
  /** The name of the Promise. */
  readonly promiseName: string;
  /** The workflow type. */
  readonly type: WorkflowType;
  /** The workflow action. */
  readonly action: WorkflowAction;
  /** Severity of fields Kratix does not know; `error` by default, as in Kratix. */
  readonly unknownFields?: Severity;
}

/** The environment variables Kratix sets in every user container, before the container's own (rendering doc 7.8.2). */
export const KRATIX_USER_ENV: readonly string[] = [
  KratixEnv.WORKFLOW_ACTION, KratixEnv.WORKFLOW_TYPE, KratixEnv.PROMISE_NAME, KratixEnv.PIPELINE_NAME,
  KratixEnv.OBJECT_KIND, KratixEnv.OBJECT_GROUP, KratixEnv.OBJECT_VERSION, KratixEnv.OBJECT_NAME, KratixEnv.OBJECT_NAMESPACE,
  KratixEnv.CRD_PLURAL, KratixEnv.CLUSTER_SCOPED, KratixEnv.DRY_RUN,
];

/** Kubernetes 1.28's `IsEnvVarName`: letters, digits, '_', '-' and '.', not starting with a digit. */
const ENV_NAME_1_28 = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/**
 * Why Kubernetes rejects `name` as an environment variable name, or `undefined`: any name with
 * '=' or a character outside printable ASCII (every version), and, before the relaxed validation
 * of Kubernetes 1.32, any name that 1.28's `IsEnvVarName` rejects.
 */
export function envNameMessage(name: string): string | undefined {
  if (ENV_NAME_1_28.test(name)) return undefined;
  return `environment variable name ${quote(name)} is rejected by Kubernetes up to 1.31 (letters, digits, '_', '-' and '.', not starting with a digit), ` +
    "and by every version if it has '=' or characters outside printable ASCII; rename it, e.g. to upper case letters, digits and '_'";
}

/** The restart policies a pipeline's Job may have. */
export const PIPELINE_RESTART_POLICIES: readonly string[] = ['OnFailure', 'Never'];

/** The image pull policies of a container. */
export const IMAGE_PULL_POLICIES: readonly string[] = ['Always', 'IfNotPresent', 'Never'];

/** Where Kratix mounts its own volumes in user containers. */
export const KRATIX_MOUNT_PATHS: readonly string[] = [KratixPaths.INPUT, KratixPaths.OUTPUT, KratixPaths.METADATA];

/**
 * Every problem of ONE Pipeline object: Kratix's strict decoding (kind, apiVersion, no unknown
 * field at any depth, Go types), the rules Kratix's webhook and the Kubernetes dry-run of the
 * pipeline's Job enforce, and the library's own rules.
 *
 * @param pipeline the Pipeline object, as it would appear in the Promise
 * @param context the Promise name and the workflow it belongs to
 * @returns the problems, with paths relative to the pipeline (`spec.containers[1].name`)
 */
export function pipelineProblems(pipeline: unknown, context: PipelineContext): Problem[] {
  const problems: Problem[] = [];
  const error = (path: string, message: string) => { problems.push({ path, message, severity: 'error' }); };
  const warning = (path: string, message: string) => { problems.push({ path, message, severity: 'warning' }); };

  if (!isMap(pipeline)) {
    error('', `a pipeline must be a map with apiVersion, kind, metadata and spec, not ${quote(pipeline)}`);
    return problems;
  }
  problems.push(...pipelineKindProblems(pipeline));
  problems.push(...decodeStrictly(pipeline, 'Pipeline', { unknownFields: context.unknownFields }));

  // The rules read the pipeline as Kratix decodes it (field names matched case-insensitively,
  // Go's types), the same reading the renderer and the audit use.
  const decoded = goDecode(pipeline, 'Pipeline');
  const metadata = field(decoded, 'metadata');
  const rawName = field(metadata, 'name');
  if (rawName === undefined || rawName === null || rawName === '') {
    error('metadata.name', 'pipeline has no name: Kratix names its Job, ServiceAccount and RBAC objects after it; set metadata.name');
  } else if (typeof rawName === 'string') {
    const m = dns1123LabelMessage(rawName, 'pipeline name');
    if (m) error('metadata.name', m);
    const id = pipelineIdMessage(context.promiseName, context.type, context.action, rawName);
    if (id) error('metadata.name', id);
  }
  const namespace = field(metadata, 'namespace');
  if (namespace !== undefined && namespace !== null) {
    warning('metadata.namespace', `Kratix ignores a pipeline's namespace ${quote(namespace)}: pipelines run in the Promise's pipeline namespace (spec.workflows.config.pipelineNamespace); remove it`);
  }
  checkLabels(field(metadata, 'labels'), 'metadata.labels', error);

  const spec = field(decoded, 'spec');
  const volumes = listField(spec, 'volumes');
  const volumeNames = new Set<string>();
  volumes.forEach((volume, i) => {
    const path = joinPath('spec.volumes', i);
    const volumeName = field(volume, 'name');
    if (!isMap(volume)) return;
    if (volumeName === undefined || volumeName === null || volumeName === '') {
      error(joinPath(path, 'name'), 'volume has no name: set name, and refer to it from the volumeMounts of the containers');
      return;
    }
    const m = dns1123LabelMessage(volumeName, 'volume name');
    if (m) return error(joinPath(path, 'name'), m);
    const n = volumeName as string;
    if (RESERVED_VOLUME_NAMES.includes(n)) {
      error(joinPath(path, 'name'), `volume name ${quote(n)} is reserved for Kratix's own volumes (${RESERVED_VOLUME_NAMES.join(', ')}); rename it`);
    } else if (volumeNames.has(n)) {
      error(joinPath(path, 'name'), `volume name ${quote(n)} is used by more than one volume of the pipeline; volume names must be unique`);
    } else {
      volumeNames.add(n);
    }
  });
  const mountable = new Set([...volumeNames, 'shared-input', 'shared-output', 'shared-metadata']);
  if (context.action === 'configure') mountable.add('promise-scheduling');

  const containerNames = new Set<string>();
  listField(spec, 'containers').forEach((item, i) => {
    const path = joinPath('spec.containers', i);
    // Go decodes a null item (undefined in a synthesized list) into an empty container, which Kubernetes then rejects.
    const container = item === null || item === undefined ? {} : item;
    if (!isMap(container)) return;
    const containerName = field(container, 'name');
    const label = typeof containerName === 'string' && containerName !== '' ? `container ${quote(containerName)}` : 'container';
    if (containerName === undefined || containerName === null || containerName === '') {
      error(joinPath(path, 'name'), 'container has no name: Kubernetes requires one; set name to a DNS-1123 label unique within the pipeline');
    } else {
      const m = dns1123LabelMessage(containerName, 'container name');
      if (m) {
        error(joinPath(path, 'name'), m);
      } else {
        const n = containerName as string;
        if (RESERVED_CONTAINER_NAMES.includes(n)) {
          error(joinPath(path, 'name'), `container name ${quote(n)} is reserved for Kratix's own containers (${RESERVED_CONTAINER_NAMES.join(', ')}); rename it`);
        } else if (containerNames.has(n)) {
          error(joinPath(path, 'name'), `container name ${quote(n)} is used by more than one container of the pipeline; container names must be unique`);
        }
        containerNames.add(n);
      }
    }
    const image = field(container, 'image');
    if (image === undefined || image === null || (typeof image === 'string' && image.trim() === '')) {
      error(joinPath(path, 'image'), `${label} has no image: Kubernetes rejects a container without one; set image`);
    } else if (typeof image === 'string' && image.trim() !== image) {
      error(joinPath(path, 'image'), `image ${quote(image)} has leading or trailing white space: Kubernetes rejects it; remove it`);
    } else if (typeof image === 'string') {
      const m = imageReferenceMessage(image);
      if (m) warning(joinPath(path, 'image'), m);
    }
    const pullPolicy = field(container, 'imagePullPolicy');
    if (typeof pullPolicy === 'string' && pullPolicy !== '' && !IMAGE_PULL_POLICIES.includes(pullPolicy)) {
      error(joinPath(path, 'imagePullPolicy'), `imagePullPolicy ${quote(pullPolicy)} must be one of ${IMAGE_PULL_POLICIES.join(', ')}`);
    }
    const mountPaths = new Set<string>();
    listField(container, 'volumeMounts').forEach((mount, j) => {
      const mountPath = joinPath(joinPath(path, 'volumeMounts'), j);
      if (!isMap(mount)) return;
      const mountName = field(mount, 'name');
      if (mountName === undefined || mountName === null || mountName === '') {
        error(joinPath(mountPath, 'name'), 'volume mount has no name: set it to the name of a volume in spec.volumes');
      } else if (typeof mountName === 'string' && !mountable.has(mountName)) {
        const known = [...volumeNames].map((v) => `'${v}'`).join(', ');
        error(joinPath(mountPath, 'name'), `volume mount refers to volume ${quote(mountName)}, which the pipeline does not have; add it to spec.volumes${known ? ` or use one of ${known}` : ''}`);
      }
      const where = field(mount, 'mountPath');
      if (where === undefined || where === null || where === '') {
        error(joinPath(mountPath, 'mountPath'), 'volume mount has no mountPath: Kubernetes requires one; set it');
      } else if (typeof where === 'string') {
        const normal = where.replace(/\/+$/, '');
        if (KRATIX_MOUNT_PATHS.includes(normal)) {
          error(joinPath(mountPath, 'mountPath'), `mountPath ${quote(where)} is where Kratix mounts its own volume and Kubernetes rejects two mounts at one path; mount elsewhere`);
        } else if (mountPaths.has(normal)) {
          error(joinPath(mountPath, 'mountPath'), `mountPath ${quote(where)} is used by more than one volume mount of the container; Kubernetes requires them to be unique`);
        }
        mountPaths.add(normal);
      }
    });
    listField(container, 'env').forEach((env, j) => {
      const envName = field(env, 'name');
      const namePath = joinPath(joinPath(joinPath(path, 'env'), j), 'name');
      if (isMap(env) && (envName === undefined || envName === null || envName === '')) {
        error(namePath, 'environment variable has no name: Kubernetes requires one; set name');
      } else if (typeof envName === 'string') {
        if (KRATIX_USER_ENV.includes(envName)) {
          warning(namePath, `environment variable ${quote(envName)} shadows the one Kratix sets: Kubernetes keeps the last of two variables of one name, so the container sees this value instead of Kratix's; rename it`);
        }
        const m = envNameMessage(envName);
        if (m) warning(namePath, m);
      }
    });
    listField(container, 'envFrom').forEach((source, j) => {
      const prefix = field(source, 'prefix');
      const m = typeof prefix === 'string' && prefix !== '' ? envNameMessage(prefix) : undefined;
      if (m) warning(joinPath(joinPath(joinPath(path, 'envFrom'), j), 'prefix'), `envFrom prefix: ${m}`);
    });
  });

  const restartPolicy = field(spec, 'restartPolicy');
  if (typeof restartPolicy === 'string' && restartPolicy !== '' && !PIPELINE_RESTART_POLICIES.includes(restartPolicy)) {
    error('spec.restartPolicy', `restartPolicy ${quote(restartPolicy)} is not allowed: a pipeline runs as a Kubernetes Job, which only allows OnFailure or Never`);
  }
  const backoffLimit = field(field(spec, 'jobOptions'), 'backoffLimit');
  if (typeof backoffLimit === 'number' && backoffLimit < 0) {
    error('spec.jobOptions.backoffLimit', `backoffLimit ${backoffLimit} must be 0 or more`);
  }
  const nodeSelector = field(spec, 'nodeSelector');
  if (isMap(nodeSelector)) {
    for (const key of Object.keys(nodeSelector)) {
      const m = qualifiedNameMessage(key, 'node selector key');
      if (m) error(joinPath('spec.nodeSelector', key), m);
      const v = labelValueMessage(nodeSelector[key], `node selector ${quote(key)} value`);
      if (v && typeof nodeSelector[key] === 'string') error(joinPath('spec.nodeSelector', key), v);
    }
  }
  problems.push(...podSpecProblems(spec));

  const rbac = field(spec, 'rbac');
  const serviceAccount = field(rbac, 'serviceAccount');
  if (typeof serviceAccount === 'string' && serviceAccount !== '') {
    const m = dns1123SubdomainMessage(serviceAccount, 'service account name');
    if (m) error('spec.rbac.serviceAccount', m);
  }
  listField(rbac, 'permissions').forEach((permission, i) => checkPermission(permission, joinPath('spec.rbac.permissions', i), error));
  return problems;
}

/** Checks the keys and values of a `labels` map as Kubernetes and Kratix's webhook do. */
export function checkLabels(labels: unknown, path: string, error: (path: string, message: string) => void): void {
  if (!isMap(labels)) return;
  for (const key of Object.keys(labels)) {
    const keyMessage = qualifiedNameMessage(key, 'label key');
    if (keyMessage) error(joinPath(path, key), keyMessage);
    const value = labels[key];
    if (typeof value === 'string') {
      const valueMessage = labelValueMessage(value, `label ${quote(key)} value`);
      if (valueMessage) error(joinPath(path, key), valueMessage);
    }
  }
}

function nonEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

function checkPermission(permission: unknown, path: string, error: (path: string, message: string) => void): void {
  if (!isMap(permission)) return;
  const verbs = field(permission, 'verbs');
  const resources = field(permission, 'resources');
  const nonResourceURLs = field(permission, 'nonResourceURLs');
  const apiGroups = field(permission, 'apiGroups');
  const namespace = field(permission, 'resourceNamespace');
  if (!nonEmptyList(verbs)) {
    error(joinPath(path, 'verbs'), 'permission has no verbs: Kubernetes rejects an RBAC rule without any; add verbs such as get, list or watch');
  }
  if (!nonEmptyList(resources) && !nonEmptyList(nonResourceURLs)) {
    error(joinPath(path, 'resources'), "permission has no resources: Kubernetes rejects an RBAC rule without resources or nonResourceURLs; add resources such as 'configmaps'");
  }
  if (nonEmptyList(resources) && !nonEmptyList(apiGroups)) {
    error(joinPath(path, 'apiGroups'), "permission has resources but no apiGroups: Kubernetes rejects the RBAC rule; add apiGroups ('' for the core group)");
  }
  if (nonEmptyList(nonResourceURLs)) {
    if (nonEmptyList(resources) || nonEmptyList(apiGroups)) {
      error(joinPath(path, 'nonResourceURLs'), 'permission has both nonResourceURLs and resources or apiGroups: Kubernetes rejects an RBAC rule for both; split it into two permissions');
    }
    if (namespace !== '*') {
      error(joinPath(path, 'nonResourceURLs'), `nonResourceURLs need resourceNamespace '*' (they are not namespaced), not ${namespace === undefined || namespace === null || namespace === '' ? "the pipeline's namespace" : quote(namespace)}: Kubernetes rejects them in a Role; set resourceNamespace: '*'`);
    }
  }
  if (typeof namespace === 'string' && namespace !== '' && namespace !== '*') {
    const m = dns1123LabelMessage(namespace, 'resourceNamespace');
    if (m) error(joinPath(path, 'resourceNamespace'), `${m}, or '*' for all namespaces`);
  }
}
