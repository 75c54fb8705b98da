import { ErrorSink, jobRejection } from './api-server';
import { checkObjectFieldSelector, checkResourceFieldSelector, VOLUME_FIELD_PATHS } from './downward-api';
import { backstepMessage, descendingPathMessage, projectedFilePathMessage } from './file-paths';
import { dns1123LabelMessage, dns1123SubdomainMessage } from './names';
import { field, isMap, isUnset, joinPath, listField } from '../model/problem';
import { quote } from '../private/quote';
import { parseQuantity } from '../render/quantity';

/** The volume sources of a Kubernetes Volume, in the order Kubernetes' `validateVolumeSource` counts them. */
export const VOLUME_SOURCES: readonly string[] = [
  'emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'flocker', 'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'quobyte', 'downwardAPI', 'fc', 'flexVolume', 'configMap',
  'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'storageos', 'projected', 'scaleIO',
  'csi', 'ephemeral', 'image',
];

const FILE_MODE_RULE = 'must be a number between 0 and 0777 (octal), both inclusive';
const ACCESS_MODES = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];

/**
 * The rules Kubernetes' `ValidateVolumes` applies to a pipeline's volumes beyond their names and
 * types: one volume source per volume (none is an emptyDir), and each source's own rules (names
 * and paths set, file modes in 0..0777, projected paths relative, downward API fields supported,
 * ...), as far as the volume types reach.
 *
 * @param volume the volume, as Go decodes it
 * @param path where it is, e.g. `spec.volumes[1]`
 */
export function checkVolumeSource(volume: Record<string, unknown>, path: string, error: ErrorSink): void {
  const sources = VOLUME_SOURCES.filter(s => isMap(volume[s]));
  if (sources.length > 1) {
    error(joinPath(path, sources[1]), jobRejection(`volume ${quote(volume.name ?? '')} has ${sources.length} sources (${sources.join(', ')})`,
      'may not specify more than 1 volume type', 'keep one source per volume, or split it into several volumes'));
    return;
  }
  const [source] = sources;
  if (source === undefined) return; // Kubernetes makes it an emptyDir
  const at = joinPath(path, source);
  const value = volume[source] as Record<string, unknown>;
  const mode = (key: string, where = at) => checkFileMode(value[key], joinPath(where, key), error);
  const required = (key: string) => {
    if (isUnset(value[key])) error(joinPath(at, key), jobRejection(`${source} volume has no ${key}`, 'Required value', `set ${key}`));
  };
  switch (source) {
    case 'emptyDir': {
      const limit = value.sizeLimit;
      const q = typeof limit === 'string' || typeof limit === 'number' ? parseQuantity(limit) : undefined;
      if (q && q.mantissa < 0n) error(joinPath(at, 'sizeLimit'), jobRejection(`sizeLimit ${quote(limit)} is negative`, 'SizeLimit field must be a valid resource quantity', "use a size such as '1Gi'"));
      break;
    }
    case 'hostPath':
      if (typeof value.path === 'string') report(error, joinPath(at, 'path'), backstepMessage(value.path, 'hostPath path'));
      break;
    case 'gitRepo':
      if (typeof value.directory === 'string') report(error, joinPath(at, 'directory'), descendingPathMessage(value.directory, 'gitRepo directory'));
      break;
    case 'secret':
      required('secretName');
      mode('defaultMode');
      checkKeyToPaths(value, at, error);
      break;
    case 'configMap':
      required('name');
      mode('defaultMode');
      checkKeyToPaths(value, at, error);
      break;
    case 'nfs':
      if (typeof value.path === 'string' && value.path !== '' && !value.path.startsWith('/')) {
        error(joinPath(at, 'path'), jobRejection(`nfs path ${quote(value.path)} is relative`, 'must be an absolute path', 'write the export path from the root, e.g. /exports/data'));
      }
      break;
    case 'downwardAPI':
      mode('defaultMode');
      listField(value, 'items').forEach((item, i) => checkDownwardApiFile(item, joinPath(joinPath(at, 'items'), i), error));
      break;
    case 'projected':
      mode('defaultMode');
      checkProjectedSources(value, at, error);
      break;
    case 'gcePersistentDisk':
    case 'awsElasticBlockStore':
      checkRange(value.partition, 0, 255, joinPath(at, 'partition'), 'partition', error);
      break;
    case 'iscsi':
      checkRange(value.lun, 0, 255, joinPath(at, 'lun'), 'lun', error);
      if ((value.chapAuthDiscovery === true || value.chapAuthSession === true) && !isMap(value.secretRef)) {
        error(joinPath(at, 'secretRef'), jobRejection('iscsi volume uses CHAP authentication without secretRef', 'Required value', 'set secretRef to the Secret with the CHAP credentials'));
      }
      break;
    case 'fc': {
      const wwns = listField(value, 'targetWWNs').length > 0;
      const wwids = listField(value, 'wwids').length > 0;
      if (wwns === wwids) {
        error(joinPath(at, 'targetWWNs'), jobRejection(wwns ? 'fc volume has both targetWWNs and wwids' : 'fc volume has neither targetWWNs nor wwids', 'must specify either targetWWNs or wwids, but not both', 'set one of them'));
      } else if (wwns && (value.lun === undefined || value.lun === null)) {
        error(joinPath(at, 'lun'), jobRejection('fc volume has targetWWNs but no lun', 'lun is required if targetWWNs is specified', 'set lun'));
      } else if (wwns) {
        checkRange(value.lun, 0, 255, joinPath(at, 'lun'), 'lun', error);
      }
      break;
    }
    case 'flocker':
      if (isUnset(value.datasetName) === isUnset(value.datasetUUID)) {
        error(at, jobRejection('flocker volume needs exactly one of datasetName and datasetUUID', 'one of datasetName and datasetUUID is required', 'set one of them'));
      } else if (typeof value.datasetName === 'string' && value.datasetName.includes('/')) {
        error(joinPath(at, 'datasetName'), jobRejection(`flocker datasetName ${quote(value.datasetName)} has a '/'`, "must not contain '/'", "remove the '/'"));
      }
      break;
    case 'csi':
      checkCsiVolume(value, at, error);
      break;
    case 'scaleIO':
      required('volumeName');
      break;
    case 'storageos':
      for (const key of ['volumeName', 'volumeNamespace']) {
        if (typeof value[key] === 'string' && value[key] !== '') report(error, joinPath(at, key), dnsLabel(value[key] as string, `storageos ${key}`));
      }
      if (isUnset(value.volumeName)) required('volumeName');
      break;
    case 'ephemeral':
      checkEphemeralVolume(value, at, error);
      break;
  }
}

function report(error: ErrorSink, path: string, message: string | undefined): void {
  if (message) error(path, message);
}

function dnsLabel(value: string, what: string): string | undefined {
  const m = dns1123LabelMessage(value, what);
  return m && jobRejection(m, "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-'", 'rename it');
}

function checkRange(value: unknown, min: number, max: number, path: string, what: string, error: ErrorSink): void {
  if (typeof value === 'number' && (value < min || value > max)) {
    error(path, jobRejection(`${what} ${value} is out of range`, `must be between ${min} and ${max}, inclusive`, `use ${min} to ${max}`));
  }
}

/** A file mode in 0..0777; the fix spells out the decimal value of the octal mode the user probably meant. */
function checkFileMode(mode: unknown, path: string, error: ErrorSink): void {
  if (typeof mode !== 'number' || (mode >= 0 && mode <= 0o777)) return;
  const key = path.slice(path.lastIndexOf('.') + 1);
  const octalDigits = /^[0-7]{3,4}$/.test(String(mode));
  const fix = octalDigits
    ? `it looks like octal 0${mode} written as a decimal number; write ${parseInt(String(mode), 8)}, which is 0${mode} in decimal`
    : 'write the decimal value of an octal mode, e.g. 420 for 0644 or 493 for 0755';
  error(path, jobRejection(`${key} ${mode} is not a file mode`, FILE_MODE_RULE, fix));
}

/** `items` of a ConfigMap or Secret volume or projection (`validateKeyToPath`); returns the paths. */
function checkKeyToPaths(source: unknown, path: string, error: ErrorSink): string[] {
  const paths: string[] = [];
  listField(source, 'items').forEach((item, i) => {
    if (!isMap(item)) return;
    const at = joinPath(joinPath(path, 'items'), i);
    if (typeof item.path === 'string' && item.path !== '') {
      report(error, joinPath(at, 'path'), projectedFilePathMessage(item.path, 'items path'));
      paths.push(item.path);
    }
    checkFileMode(item.mode, joinPath(at, 'mode'), error);
  });
  return paths;
}

/** An item of a downward API volume or projection (`validateDownwardAPIVolumeFile`). */
function checkDownwardApiFile(item: unknown, path: string, error: ErrorSink): void {
  if (!isMap(item)) return;
  if (typeof item.path === 'string' && item.path !== '') report(error, joinPath(path, 'path'), projectedFilePathMessage(item.path, 'items path'));
  const fieldRef = isMap(item.fieldRef);
  const resourceFieldRef = isMap(item.resourceFieldRef);
  if (fieldRef && resourceFieldRef) {
    error(path, jobRejection('downward API file has both fieldRef and resourceFieldRef', 'fieldRef and resourceFieldRef can not be specified simultaneously', 'keep one of them'));
  } else if (!fieldRef && !resourceFieldRef) {
    error(path, jobRejection('downward API file has neither fieldRef nor resourceFieldRef', 'one of fieldRef and resourceFieldRef is required', 'add one of them'));
  } else if (fieldRef) {
    checkObjectFieldSelector(item.fieldRef, joinPath(path, 'fieldRef'), VOLUME_FIELD_PATHS, error);
  } else {
    checkResourceFieldSelector(item.resourceFieldRef, joinPath(path, 'resourceFieldRef'), true, error);
  }
  checkFileMode(item.mode, joinPath(path, 'mode'), error);
}

/** The sources of a projected volume (`validateProjectionSources`). */
function checkProjectedSources(projected: unknown, path: string, error: ErrorSink): void {
  const seen = new Set<string>();
  const unique = (p: string, at: string) => {
    if (seen.has(p)) error(at, jobRejection(`projected path ${quote(p)} is used by two sources`, 'conflicting duplicate paths', 'give every projected file its own path'));
    seen.add(p);
  };
  listField(projected, 'sources').forEach((source, i) => {
    if (!isMap(source)) return;
    const at = joinPath(joinPath(path, 'sources'), i);
    const kinds = ['secret', 'configMap', 'downwardAPI', 'serviceAccountToken', 'clusterTrustBundle'].filter(k => isMap(source[k]));
    if (kinds.length > 1) {
      error(at, jobRejection(`projected source has ${kinds.join(' and ')}`, 'may not specify more than 1 volume type per source', 'give each source one kind, as separate list items'));
    }
    for (const kind of ['secret', 'configMap']) {
      const ref = source[kind];
      if (!isMap(ref)) continue;
      if (isUnset(ref.name)) error(joinPath(joinPath(at, kind), 'name'), jobRejection(`projected ${kind} has no name`, 'Required value', `set name to the ${kind === 'secret' ? 'Secret' : 'ConfigMap'}'s name`));
      checkKeyToPaths(ref, joinPath(at, kind), error).forEach(p => unique(p, joinPath(joinPath(at, kind), 'items')));
    }
    const downward = source.downwardAPI;
    listField(downward, 'items').forEach((item, j) => {
      const itemPath = joinPath(joinPath(joinPath(at, 'downwardAPI'), 'items'), j);
      checkDownwardApiFile(item, itemPath, error);
      const p = field(item, 'path');
      if (typeof p === 'string' && p !== '') unique(p, itemPath);
    });
    const token = source.serviceAccountToken;
    if (isMap(token)) {
      const tokenPath = joinPath(at, 'serviceAccountToken');
      const seconds = token.expirationSeconds;
      if (typeof seconds === 'number' && (seconds < 600 || seconds > 2 ** 32)) {
        error(joinPath(tokenPath, 'expirationSeconds'), jobRejection(`expirationSeconds ${seconds} is out of range`,
          seconds < 600 ? 'may not specify a duration less than 10 minutes' : 'may not specify a duration larger than 2^32 seconds', 'use 600 (10 minutes) to 4294967296, or leave it out for an hour'));
      }
      if (typeof token.path === 'string' && token.path !== '') report(error, joinPath(tokenPath, 'path'), projectedFilePathMessage(token.path, 'serviceAccountToken path'));
    }
  });
}

function checkCsiVolume(csi: Record<string, unknown>, path: string, error: ErrorSink): void {
  const driver = csi.driver;
  if (typeof driver === 'string' && driver !== '') {
    if (driver.length > 63) {
      error(joinPath(path, 'driver'), jobRejection(`csi driver ${quote(driver)} is ${driver.length} characters`, 'must have at most 63 bytes', 'use the driver\'s registered name'));
    } else {
      // Kubernetes checks the lower-cased name, and the message shows the name as written.
      const m = dns1123SubdomainMessage(driver.toLowerCase(), 'csi driver') && dns1123SubdomainMessage(driver, 'csi driver');
      if (m) error(joinPath(path, 'driver'), jobRejection(m, 'a lowercase RFC 1123 subdomain', 'use the driver\'s registered name, e.g. secrets-store.csi.k8s.io'));
    }
  }
  const secretRef = csi.nodePublishSecretRef;
  if (isMap(secretRef)) {
    const at = joinPath(joinPath(path, 'nodePublishSecretRef'), 'name');
    if (isUnset(secretRef.name)) {
      error(at, jobRejection('csi nodePublishSecretRef has no name', 'Required value', "set name to the Secret's name"));
    } else if (typeof secretRef.name === 'string') {
      const m = dns1123SubdomainMessage(secretRef.name, 'Secret name');
      if (m) error(at, jobRejection(m, 'a lowercase RFC 1123 subdomain', "use the Secret's name"));
    }
  }
}

function checkEphemeralVolume(ephemeral: Record<string, unknown>, path: string, error: ErrorSink): void {
  const template = ephemeral.volumeClaimTemplate;
  const at = joinPath(path, 'volumeClaimTemplate');
  if (!isMap(template)) {
    error(at, jobRejection('ephemeral volume has no volumeClaimTemplate', 'Required value', 'set volumeClaimTemplate with a spec (accessModes and resources.requests.storage)'));
    return;
  }
  const metadata = template.metadata;
  if (isMap(metadata)) {
    for (const key of Object.keys(metadata)) {
      if (key !== 'labels' && key !== 'annotations') {
        error(joinPath(joinPath(at, 'metadata'), key), jobRejection(`volumeClaimTemplate metadata has ${key}`, 'cannot be set', 'keep only labels and annotations: Kubernetes names the claim after the pod and the volume'));
      }
    }
  }
  const spec = template.spec;
  const accessModes = listField(spec, 'accessModes');
  if (accessModes.length === 0) {
    error(joinPath(joinPath(at, 'spec'), 'accessModes'), jobRejection('volumeClaimTemplate has no accessModes', 'at least 1 access mode is required', 'set accessModes, e.g. [ReadWriteOnce]'));
  }
  accessModes.forEach((accessMode, i) => {
    if (typeof accessMode === 'string' && !ACCESS_MODES.includes(accessMode)) {
      error(joinPath(joinPath(joinPath(at, 'spec'), 'accessModes'), i), jobRejection(`access mode ${quote(accessMode)} is not one Kubernetes knows`, 'Unsupported value', `use ${ACCESS_MODES.join(', ')}`));
    }
  });
  const storage = field(field(field(spec, 'resources'), 'requests'), 'storage');
  const q = typeof storage === 'string' || typeof storage === 'number' ? parseQuantity(storage) : undefined;
  if (storage === undefined || storage === null) {
    error(joinPath(joinPath(at, 'spec'), 'resources'), jobRejection('volumeClaimTemplate requests no storage', 'Required value', "set resources.requests.storage, e.g. '1Gi'"));
  } else if (q && q.mantissa <= 0n) {
    error(joinPath(joinPath(joinPath(joinPath(at, 'spec'), 'resources'), 'requests'), 'storage'), jobRejection(`storage request ${quote(storage)} is not positive`, 'must be greater than zero', "request a size such as '1Gi'"));
  }
}
