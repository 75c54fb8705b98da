import { Chart, Testing } from 'cdk8s';
import { stringify } from 'yaml';
import { cli, errorOf, guardTest, tempFiles } from './support';
import { KratixPromise, Pipeline, WorkflowAction, WorkflowType } from '../../src';
import { renderWorkflow } from '../../src/render';
import { testApi } from '../support/promise-api';

// Issue 12, item 3: what the Kubernetes 1.28 API server rejects in a pipeline's Job or in the
// Promise's CRD, both of which Kratix's webhook dry-run-creates. Each rule is pinned with its exact
// message at synth (naming the construct and the field), in `validate` of a YAML file (naming the
// Promise field) and, for pipelines, in `render`.

const t = tempFiles();
const JOB = "the API server rejects the pipeline's Job";
const DRY_RUN = "and Kratix's webhook dry-runs that Job";
const CRD = 'the API server rejects the CRD';
const CRD_DRY_RUN = "and Kratix's webhook dry-run-creates it";
const PIPELINE = "Pipeline 'test/env/promise/configure/setup'";
const PROMISE = "KratixPromise 'test/env'";
const IN_PROMISE = 'spec.workflows.promise.configure[0]';

/** A Promise `env` with one promise configure pipeline `setup` (one valid container), changed by `change`. */
function promiseWith(change: (pipeline: Pipeline, promise: KratixPromise) => void): { chart: Chart; promise: KratixPromise } {
  const chart = Testing.chart();
  const promise = new KratixPromise(chart, 'env', { api: testApi() });
  const pipeline = promise.addPipeline(WorkflowType.PROMISE, WorkflowAction.CONFIGURE, 'setup');
  pipeline.addContainerManifest({ name: 'main', image: 'ghcr.io/acme/setup:v1' });
  change(pipeline, promise);
  return { chart, promise };
}

const container = (fields: Record<string, unknown>) => (p: Pipeline) => { p.addContainerManifest({ name: 'second', image: 'ghcr.io/acme/second:v1', ...fields }); };
const volume = (fields: Record<string, unknown>) => (p: Pipeline) => { p.addVolumeManifest({ name: 'extra', ...fields }); };
const env = (variable: Record<string, unknown>) => container({ env: [{ name: 'A', ...variable }] });
const resources = (r: Record<string, unknown>) => container({ resources: r });
const security = (sc: Record<string, unknown>) => container({ securityContext: sc });
const toleration = (tol: Record<string, unknown>) => (p: Pipeline) => p.addOverride('spec.tolerations', [tol]);
const mount = (m: Record<string, unknown>, sc?: Record<string, unknown>) => (p: Pipeline) => {
  p.addVolumeManifest({ name: 'cache', emptyDir: {} });
  p.addContainerManifest({ name: 'second', image: 'ghcr.io/acme/second:v1', volumeMounts: [{ name: 'cache', mountPath: '/cache', ...m }], ...(sc ? { securityContext: sc } : {}) });
};
const job = (what: string, rule: string, fix: string) => `${what}: ${JOB} (${rule}), ${DRY_RUN}; ${fix}`;
const crd = (what: string, rule: string, fix: string) => `${what}: ${CRD} (${rule}), ${CRD_DRY_RUN}; ${fix}`;

const SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const FILE_MODE = 'must be a number between 0 and 0777 (octal), both inclusive';

/** [the Kubernetes rule, the change, the field path in the pipeline, the message]. */
const PIPELINE_RULES: Array<[string, (p: Pipeline) => void, string, string]> = [
  // Volumes (ValidateVolumes, validateVolumeSource and the sources' own checks)
  ['k8s validateVolumeSource: one volume source per volume', volume({ emptyDir: {}, hostPath: { path: '/tmp' } }), 'spec.volumes[0].hostPath',
    job("volume 'extra' has 2 sources (emptyDir, hostPath)", 'may not specify more than 1 volume type', 'keep one source per volume, or split it into several volumes')],
  ['k8s validateConfigMapVolumeSource: defaultMode in 0..0777', p => { p.addVolumeManifest({ name: 'cache', emptyDir: {} }); p.addVolumeManifest({ name: 'cfg', configMap: { name: 'cfg', defaultMode: 644 } }); },
    'spec.volumes[1].configMap.defaultMode', job('defaultMode 644 is not a file mode', FILE_MODE, 'it looks like octal 0644 written as a decimal number; write 420, which is 0644 in decimal')],
  ['k8s validateKeyToPath: mode in 0..0777', volume({ secret: { secretName: 's', items: [{ key: 'k', path: 'p', mode: 4096 }] } }), 'spec.volumes[0].secret.items[0].mode',
    job('mode 4096 is not a file mode', FILE_MODE, 'write the decimal value of an octal mode, e.g. 420 for 0644 or 493 for 0755')],
  ['k8s validateConfigMapVolumeSource: name required', volume({ configMap: {} }), 'spec.volumes[0].configMap.name', job('configMap volume has no name', 'Required value', 'set name')],
  ['k8s validateSecretVolumeSource: secretName required', volume({ secret: { secretName: '' } }), 'spec.volumes[0].secret.secretName', job('secret volume has no secretName', 'Required value', 'set secretName')],
  ['k8s validateKeyToPath: key required (empty is missing)', volume({ secret: { secretName: 's', items: [{ key: '', path: 'p' }] } }), 'spec.volumes[0].secret.items[0].key',
    "KeyToPath needs 'key': the API server rejects the pipeline's Job without it, and Kratix's webhook dry-runs that Job; set key"],
  ['k8s ValidateLocalNonReservedPath: relative', volume({ secret: { secretName: 's', items: [{ key: 'k', path: '/etc/app' }] } }), 'spec.volumes[0].secret.items[0].path',
    job("items path '/etc/app' is absolute", 'must be a relative path', "write it relative, e.g. 'etc/app'")],
  ['k8s ValidateLocalNonReservedPath: no .. element', volume({ configMap: { name: 'c', items: [{ key: 'k', path: 'a/../b' }] } }), 'spec.volumes[0].configMap.items[0].path',
    job("items path 'a/../b' has a '..' element", "must not contain '..'", "write it without '..'")],
  ['k8s ValidateLocalNonReservedPath: not starting with ..', volume({ configMap: { name: 'c', items: [{ key: 'k', path: '..data' }] } }), 'spec.volumes[0].configMap.items[0].path',
    job("items path '..data' starts with '..'", "must not start with '..'", "rename the file so that it does not start with '..'")],
  ['k8s validateHostPathVolumeSource: path required (empty is missing)', volume({ hostPath: { path: '' } }), 'spec.volumes[0].hostPath.path',
    "HostPathVolumeSource needs 'path': the API server rejects the pipeline's Job without it, and Kratix's webhook dry-runs that Job; set path"],
  ['k8s validatePathNoBacksteps: hostPath without ..', volume({ hostPath: { path: '/var/../etc' } }), 'spec.volumes[0].hostPath.path',
    job("hostPath path '/var/../etc' has a '..' element", "must not contain '..'", "write it without '..'")],
  ['k8s validateVolumeSource: emptyDir sizeLimit not negative', volume({ emptyDir: { sizeLimit: '-1Gi' } }), 'spec.volumes[0].emptyDir.sizeLimit',
    job("sizeLimit '-1Gi' is negative", 'SizeLimit field must be a valid resource quantity', "use a size such as '1Gi'")],
  ['k8s validatePersistentClaimVolumeSource: claimName required', volume({ persistentVolumeClaim: { claimName: '' } }), 'spec.volumes[0].persistentVolumeClaim.claimName',
    "PersistentVolumeClaimVolumeSource needs 'claimName': the API server rejects the pipeline's Job without it, and Kratix's webhook dry-runs that Job; set claimName"],
  ['k8s validateNFSVolumeSource: absolute path', volume({ nfs: { server: 'nfs.local', path: 'exports' } }), 'spec.volumes[0].nfs.path',
    job("nfs path 'exports' is relative", 'must be an absolute path', 'write the export path from the root, e.g. /exports/data')],
  ['k8s validateDownwardAPIVolumeFile: fieldRef or resourceFieldRef', volume({ downwardAPI: { items: [{ path: 'x' }] } }), 'spec.volumes[0].downwardAPI.items[0]',
    job('downward API file has neither fieldRef nor resourceFieldRef', 'one of fieldRef and resourceFieldRef is required', 'add one of them')],
  ['k8s validateObjectFieldSelector: a field a volume may read', volume({ downwardAPI: { items: [{ path: 'n', fieldRef: { fieldPath: 'spec.nodeName' } }] } }), 'spec.volumes[0].downwardAPI.items[0].fieldRef.fieldPath',
    job("fieldPath 'spec.nodeName' is not a pod field Kubernetes exposes here", 'Unsupported value', 'use one of metadata.name, metadata.namespace, metadata.labels, metadata.annotations, metadata.uid')],
  ['k8s validateContainerResourceFieldSelector: containerName in a volume', volume({ downwardAPI: { items: [{ path: 'c', resourceFieldRef: { resource: 'limits.cpu' } }] } }),
    'spec.volumes[0].downwardAPI.items[0].resourceFieldRef.containerName', job('resourceFieldRef in a volume has no containerName', 'Required value', 'set containerName to the container whose resources it reads')],
  ['k8s validateProjectionSources: one kind per source', volume({ projected: { sources: [{ secret: { name: 'a' }, configMap: { name: 'b' } }] } }), 'spec.volumes[0].projected.sources[0]',
    job('projected source has secret and configMap', 'may not specify more than 1 volume type per source', 'give each source one kind, as separate list items')],
  ['k8s validateProjectionSources: unique paths', volume({ projected: { sources: [{ secret: { name: 'a', items: [{ key: 'k', path: 'p' }] } }, { configMap: { name: 'b', items: [{ key: 'k', path: 'p' }] } }] } }),
    'spec.volumes[0].projected.sources[1].configMap.items', job("projected path 'p' is used by two sources", 'conflicting duplicate paths', 'give every projected file its own path')],
  ['k8s validateProjectionSources: token expiry of 10 minutes or more', volume({ projected: { sources: [{ serviceAccountToken: { path: 't', expirationSeconds: 60 } }] } }),
    'spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds', job('expirationSeconds 60 is out of range', 'may not specify a duration less than 10 minutes', 'use 600 (10 minutes) to 4294967296, or leave it out for an hour')],
  ['k8s ValidateCSIDriverName: a DNS subdomain', volume({ csi: { driver: 'Secrets_Store' } }), 'spec.volumes[0].csi.driver',
    job("csi driver 'Secrets_Store' must be a DNS-1123 subdomain (lower case letters, digits, '-' and '.', at most 253 characters)", 'a lowercase RFC 1123 subdomain', "use the driver's registered name, e.g. secrets-store.csi.k8s.io")],
  ['k8s ValidatePersistentVolumeClaimSpec: ephemeral volume requests storage', volume({ ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'] } } } }),
    'spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources', job('volumeClaimTemplate requests no storage', 'Required value', "set resources.requests.storage, e.g. '1Gi'")],

  // Env and envFrom (ValidateEnv, validateEnvVarValueFrom, ValidateEnvFrom)
  ['k8s validateEnvVarValueFrom: a source', env({ valueFrom: {} }), 'spec.containers[1].env[0].valueFrom',
    job("environment variable 'A' has valueFrom without a source", 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`', 'add one of them, or use value instead')],
  ['k8s validateEnvVarValueFrom: not both value and valueFrom', env({ value: 'x', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }), 'spec.containers[1].env[0].valueFrom',
    job("environment variable 'A' has both value 'x' and valueFrom", 'may not be specified when `value` is not empty', 'keep one of them')],
  ['k8s validateEnvVarValueFrom: one source', env({ valueFrom: { secretKeyRef: { name: 's', key: 'k' }, configMapKeyRef: { name: 'c', key: 'k' } } }), 'spec.containers[1].env[0].valueFrom',
    job("environment variable 'A' has valueFrom with configMapKeyRef and secretKeyRef", 'may not have more than one field specified at a time', 'keep one source per variable')],
  ['k8s validateSecretKeySelector: name a DNS subdomain', env({ valueFrom: { secretKeyRef: { name: 'My_Secret', key: 'k' } } }), 'spec.containers[1].env[0].valueFrom.secretKeyRef.name',
    job("Secret name 'My_Secret' must be a DNS-1123 subdomain (lower case letters, digits, '-' and '.', at most 253 characters)", SUBDOMAIN, "use the Secret's name")],
  ['k8s validateConfigMapKeySelector: name required', env({ valueFrom: { configMapKeyRef: { key: 'k' } } }), 'spec.containers[1].env[0].valueFrom.configMapKeyRef.name',
    job('configMapKeyRef has no name', SUBDOMAIN, "set name to the ConfigMap's name")],
  ['k8s validateSecretKeySelector: key a config key (IsConfigMapKey)', env({ valueFrom: { secretKeyRef: { name: 's', key: 'a/b' } } }), 'spec.containers[1].env[0].valueFrom.secretKeyRef.key',
    job("secretKeyRef key 'a/b' is not a valid ConfigMap or Secret key", "a valid config key must consist of alphanumeric characters, '-', '_' or '.', and not be '.', '..' or start with '..'", 'use the key as it is in the ConfigMap or Secret')],
  ['k8s validateObjectFieldSelector: a field env may read', env({ valueFrom: { fieldRef: { fieldPath: 'metadata.labels' } } }), 'spec.containers[1].env[0].valueFrom.fieldRef.fieldPath',
    job("fieldPath 'metadata.labels' is not a pod field Kubernetes exposes here", 'Unsupported value', 'use one of metadata.name, metadata.namespace, metadata.uid, spec.nodeName, spec.serviceAccountName, status.hostIP, status.hostIPs, status.podIP, status.podIPs')],
  ['k8s ConvertDownwardAPIFieldLabel: apiVersion v1', env({ valueFrom: { fieldRef: { apiVersion: 'v2', fieldPath: 'metadata.name' } } }), 'spec.containers[1].env[0].valueFrom.fieldRef.apiVersion',
    job("fieldRef apiVersion 'v2' is not v1", 'unsupported pod version: v2', 'set apiVersion: v1 or leave it out')],
  ['k8s ConvertDownwardAPIFieldLabel: subscripts only on labels and annotations', env({ valueFrom: { fieldRef: { fieldPath: "metadata.name['x']" } } }), 'spec.containers[1].env[0].valueFrom.fieldRef.fieldPath',
    job("fieldPath 'metadata.name['x']' has a subscript", "field label does not support subscript: metadata.name['x']", "subscript only metadata.labels or metadata.annotations, e.g. metadata.labels['app']")],
  ['k8s validateContainerResourceFieldSelector: a supported resource', env({ valueFrom: { resourceFieldRef: { resource: 'limits.gpu' } } }), 'spec.containers[1].env[0].valueFrom.resourceFieldRef.resource',
    job("resourceFieldRef resource 'limits.gpu' is not a container resource Kubernetes exposes", 'Unsupported value', 'use one of limits.cpu, limits.memory, limits.ephemeral-storage, requests.cpu, requests.memory, requests.ephemeral-storage, or requests.hugepages-<size>')],
  ['k8s validateContainerResourceDivisor: cpu divisors 1m and 1', env({ valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1k' } } }), 'spec.containers[1].env[0].valueFrom.resourceFieldRef.divisor',
    job("divisor '1k' is not supported for limits.cpu", "only divisor's values 1m, 1 are supported", 'use one of 1m, 1')],
  ['k8s ValidateEnvFrom: configMapRef or secretRef', container({ envFrom: [{ prefix: 'X_' }] }), 'spec.containers[1].envFrom[0]',
    job('envFrom item has neither configMapRef nor secretRef', 'must specify one of: `configMapRef` or `secretRef`', 'give each envFrom item exactly one of them')],
  ['k8s ValidateEnvFrom: not both configMapRef and secretRef', container({ envFrom: [{ configMapRef: { name: 'c' }, secretRef: { name: 's' } }] }), 'spec.containers[1].envFrom[0]',
    job('envFrom item has both configMapRef and secretRef', 'may not have more than one field specified at a time', 'give each envFrom item exactly one of them')],
  ['k8s validateConfigMapEnvSource: name required', container({ envFrom: [{ configMapRef: {} }] }), 'spec.containers[1].envFrom[0].configMapRef.name',
    job('envFrom configMapRef has no name', 'Required value', "set name to the ConfigMap's name")],

  // Resources (ValidateContainerResourceRequirements)
  ['k8s validateContainerResourceName: a container resource', resources({ limits: { gpu: 1 } }), 'spec.containers[1].resources.limits.gpu',
    job("resource 'gpu' is not a container resource", 'must be a standard resource for containers', 'use cpu, memory, ephemeral-storage, hugepages-<size> or an extended resource such as example.com/gpu')],
  ['k8s ValidateResourceRequirements: request at most the limit', resources({ limits: { cpu: '250m' }, requests: { cpu: '500m' } }), 'spec.containers[1].resources.requests.cpu',
    job("request cpu '500m' is over its limit '250m'", 'must be less than or equal to cpu limit', 'lower the request or raise the limit')],
  ['k8s ValidateNonnegativeQuantity: no negative quantity', resources({ requests: { memory: '-1Mi' } }), 'spec.containers[1].resources.requests.memory',
    job("requests memory '-1Mi' is negative", 'must be greater than or equal to 0', 'use 0 or more')],
  ['k8s ValidateResourceRequirements: extended resources not overcommitted', resources({ limits: { 'example.com/gpu': 2 }, requests: { 'example.com/gpu': 1 } }), 'spec.containers[1].resources.requests["example.com/gpu"]',
    job('request example.com/gpu 1 differs from its limit 2', 'must be equal to example.com/gpu limit', 'extended resources and huge pages cannot be overcommitted: make the request equal to the limit')],
  ['k8s ValidateResourceRequirements: a limit for an extended resource request', resources({ requests: { 'example.com/gpu': 1 } }), 'spec.containers[1].resources.limits',
    job('example.com/gpu has a request but no limit', 'Limit must be set for non overcommitable resources', 'set limits.example.com/gpu equal to the request')],
  ['k8s ValidateResourceQuantityValue: whole extended resources', resources({ limits: { 'example.com/gpu': '500m' } }), 'spec.containers[1].resources.limits["example.com/gpu"]',
    job("limits example.com/gpu '500m' is not a whole number", 'must be an integer', 'extended resources are counted in whole units; use e.g. 1')],
  ['k8s ValidateResourceRequirements: huge pages need cpu or memory', resources({ limits: { 'hugepages-2Mi': '4Mi' } }), 'spec.containers[1].resources',
    job('the container asks for huge pages without cpu or memory', 'HugePages require cpu or memory', 'add a cpu or memory request or limit')],

  // Security context (ValidateSecurityContext)
  ['k8s IsValidUserID: runAsUser in 0..2147483647', security({ runAsUser: -1 }), 'spec.containers[1].securityContext.runAsUser',
    job('runAsUser -1 is not a user ID', 'must be between 0 and 2147483647, inclusive', 'use a user ID from 0 to 2147483647')],
  ['k8s validateSeccompProfileField: Localhost needs localhostProfile', security({ seccompProfile: { type: 'Localhost' } }), 'spec.containers[1].securityContext.seccompProfile.localhostProfile',
    job('a Localhost seccomp profile has no localhostProfile', 'must be set when seccomp type is Localhost', "set localhostProfile to the profile's path, relative to the kubelet's seccomp directory")],
  ['k8s validateSeccompProfileField: localhostProfile only with Localhost', security({ seccompProfile: { type: 'RuntimeDefault', localhostProfile: 'p.json' } }),
    'spec.containers[1].securityContext.seccompProfile.localhostProfile', job("a RuntimeDefault seccomp profile has localhostProfile 'p.json'", 'can only be set when seccomp type is Localhost', 'remove localhostProfile, or set type: Localhost')],
  ['k8s ValidateSecurityContext: privileged escalates', security({ privileged: true, allowPrivilegeEscalation: false }), 'spec.containers[1].securityContext',
    job('the container is privileged but has allowPrivilegeEscalation: false', 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true', 'remove one of them (a privileged container can always escalate)')],

  // Volume mounts (ValidateVolumeMounts)
  ['k8s ValidateVolumeMounts: subPath relative', mount({ subPath: '/data' }), 'spec.containers[1].volumeMounts[0].subPath',
    job("subPath '/data' is absolute", 'must be a relative path', "write it relative, e.g. 'data'")],
  ['k8s ValidateVolumeMounts: subPath and subPathExpr exclusive', mount({ subPath: 'a', subPathExpr: '$(POD)' }), 'spec.containers[1].volumeMounts[0].subPathExpr',
    job('the volume mount has both subPath and subPathExpr', 'subPathExpr and subPath are mutually exclusive', 'keep one of them')],
  ['k8s validateMountPropagation: Bidirectional only when privileged', mount({ mountPropagation: 'Bidirectional' }), 'spec.containers[1].volumeMounts[0].mountPropagation',
    job('mountPropagation Bidirectional in a container that is not privileged', 'Bidirectional mount propagation is available only to privileged containers', 'use HostToContainer, or make the container privileged')],

  // Tolerations (ValidateTolerations)
  ['k8s ValidateTolerations: an empty key only with Exists', toleration({ operator: 'Equal', value: 'x' }), 'spec.tolerations[0].operator',
    job("a toleration without key has operator 'Equal'", 'operator must be Exists when `key` is empty, which means "match all values and all keys"', 'set the key of the taint, or operator: Exists to tolerate every taint')],
  ['k8s ValidateTolerations: tolerationSeconds only with NoExecute', toleration({ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 60 }), 'spec.tolerations[0].effect',
    job("a toleration with tolerationSeconds has effect 'NoSchedule'", "effect must be 'NoExecute' when `tolerationSeconds` is set", 'set effect: NoExecute, or remove tolerationSeconds')],
  ['k8s ValidateTolerations: key a label key', toleration({ key: 'dedicated node', operator: 'Exists' }), 'spec.tolerations[0].key',
    job("toleration key 'dedicated node' must be a qualified name (an optional DNS subdomain and '/', then at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit)",
      'name part must consist of alphanumeric characters', 'use the key of the taint to tolerate')],
  ['k8s ValidateTolerations: no value with Exists', toleration({ key: 'k', operator: 'Exists', value: 'x' }), 'spec.tolerations[0].value',
    job("a toleration with operator Exists has value 'x'", "value must be empty when `operator` is 'Exists'", 'remove the value, or use operator Equal')],
  ['k8s ValidateTolerations: value a label value with Equal', toleration({ key: 'k', operator: 'Equal', value: 'a b' }), 'spec.tolerations[0].value',
    job("toleration value 'a b' must be a valid label value (at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit)",
      'a valid label must be an empty string or consist of alphanumeric characters', 'use the value of the taint to tolerate')],
];

/**
 * The tests of one rule at synth and in `validate`: `construct` names where synth reports it,
 * `inPromise` prefixes the path in the document.
 */
type Change = (p: Pipeline, promise: KratixPromise) => void;

function synthAndValidate(change: Change, path: string, message: string, construct: string, inPromise: string): void {
  test(`synth fails naming the ${construct === PROMISE ? 'Promise' : 'pipeline'} and the field`, () => {
    const { chart } = promiseWith(change);
    expect(errorOf(() => Testing.synth(chart))).toBe(`Validation failed with the following errors:\n  [test/env] ${construct}: ${path}: ${message}`);
  });

  test('validate of the YAML file reports it at the Promise field', () => {
    const { promise } = promiseWith(change);
    const file = t.file('promise.yaml', stringify(promise.toJson()));
    const r = cli('validate', file);
    expect(r.stdout.split(file).join('FILE')).toBe(`FILE: ${inPromise}${path}: ${message}\n`);
    expect(r.code).toBe(1);
  });
}

describe.each(PIPELINE_RULES)('%s', (_, change, path, message) => {
  synthAndValidate(change, path, message, PIPELINE, `${IN_PROMISE}.`);

  test('render refuses the pipeline with the same message', () => {
    const { promise } = promiseWith(change);
    expect(errorOf(() => renderWorkflow(promise.toJson(), 'promise/configure', undefined))).toContain(`${IN_PROMISE}.${path}: ${message}`);
  });
});

const V1 = { name: 'v1', served: true, storage: true };
/** The API's one version with `schema` as its openAPIV3Schema (overrides replace lists whole). */
const withSchema = (schema: Record<string, unknown>) => (_: Pipeline, promise: KratixPromise) => promise.addOverride('spec.api.spec.versions', [{ ...V1, schema: { openAPIV3Schema: { type: 'object', ...schema } } }]);
const schemaAt = (key: string, value: unknown) => withSchema(key.startsWith('properties.') ? { properties: { [key.slice('properties.'.length)]: value } } : { [key]: value });
const SCHEMA = 'spec.api.spec.versions[0].schema.openAPIV3Schema';
const DNS1035 = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
const list = (node: Record<string, unknown>) => schemaAt('properties.spec', { type: 'object', properties: { ports: { type: 'array', ...node } } });

/** [the apiextensions rule, the change, the field path in the Promise, the message]. */
const CRD_RULES: Array<[string, (p: Pipeline, promise: KratixPromise) => void, string, string]> = [
  ['apiextensions ValidateCustomResourceDefinitionNames: singular a DNS-1035 label', (_, p) => p.addOverride('spec.api.spec.names.singular', 'Env'), 'spec.api.spec.names.singular',
    crd("API singular 'Env' must be a DNS-1035 label (lower case letters, digits and '-', starting with a letter, at most 63 characters)", DNS1035, "use lower case, e.g. 'env'")],
  ['apiextensions ValidateCustomResourceDefinitionNames: shortNames DNS-1035 labels', (_, p) => p.addOverride('spec.api.spec.names.shortNames', ['1e']), 'spec.api.spec.names.shortNames[0]',
    crd("API short name '1e' must be a DNS-1035 label (lower case letters, digits and '-', starting with a letter, at most 63 characters)", DNS1035, 'use lower case letters and digits, starting with a letter')],
  ['apiextensions ValidateCustomResourceDefinitionNames: listKind a DNS-1035 label apart from its case', (_, p) => p.addOverride('spec.api.spec.names.listKind', 'Env_List'), 'spec.api.spec.names.listKind',
    crd("API listKind 'Env_List' is not a DNS-1035 label apart from its case", `may have mixed case, but should otherwise match: ${DNS1035}`, 'use letters and digits only, starting with a letter, e.g. Database')],
  ['apiextensions ValidateCustomResourceDefinitionNames: listKind not the kind', (_, p) => p.addOverride('spec.api.spec.names.listKind', 'Env'), 'spec.api.spec.names.listKind',
    crd("API listKind 'Env' is the kind", 'kind and listKind may not be the same', "use 'EnvList' or leave it out")],
  ['apiextensions validateCustomResourceDefinitionSpec: version names DNS-1035 labels', (_, p) => p.addOverride('spec.api.spec.versions', [{ ...V1, name: 'V1', schema: { openAPIV3Schema: { type: 'object' } } }]), 'spec.api.spec.versions[0].name',
    crd("version name 'V1' must be a DNS-1035 label (lower case letters, digits and '-', starting with a letter, at most 63 characters)", DNS1035, 'use a name such as v1, v1alpha1 or v2beta1')],
  ['apiextensions validateCustomResourceDefinitionSpec: unique version names', (_, p) => p.addOverride('spec.api.spec.versions', [{ ...V1, schema: { openAPIV3Schema: { type: 'object' } } }, { ...V1, storage: false, schema: { openAPIV3Schema: { type: 'object' } } }]),
    'spec.api.spec.versions[1].name', crd("version name 'v1' is used by two versions", 'must contain unique version names', 'rename or remove one of them')],
  ['apiextensions ValidateCustomResourceDefinitionOpenAPISchema: a map list has keys', list({ 'x-kubernetes-list-type': 'map', 'items': { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } }),
    `${SCHEMA}.properties.spec.properties.ports.x-kubernetes-list-map-keys`, crd('a list of type map has no x-kubernetes-list-map-keys', 'must not be empty if x-kubernetes-list-type is map', 'list the item properties that identify an item, e.g. [name]')],
  ['apiextensions validateMapListKeysMapSet: keys required or defaulted', list({ 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'], 'items': { type: 'object', properties: { name: { type: 'string' } } } }),
    `${SCHEMA}.properties.spec.properties.ports.items.properties.name.default`,
    crd("list map key 'name' is neither required nor defaulted", 'this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property', "add 'name' to the items' required list, or give it a default")],
  ['apiextensions ValidateCustomResourceDefinitionOpenAPISchema: map keys scalar', list({ 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'], 'items': { type: 'object', required: ['name'], properties: { name: { type: 'object' } } } }),
    `${SCHEMA}.properties.spec.properties.ports.items.properties.name.type`,
    crd("list map key 'name' is of type object", "must be a scalar type if parent array's x-kubernetes-list-type is map", 'key the list by a string, integer or boolean property')],
  ['apiextensions ValidateCustomResourceDefinitionOpenAPISchema: set items atomic', list({ 'x-kubernetes-list-type': 'set', 'items': { type: 'object' } }),
    `${SCHEMA}.properties.spec.properties.ports.items.x-kubernetes-map-type`,
    crd("a set's items are objects that are not atomic", 'must be atomic as item of a list with x-kubernetes-list-type=set', 'set x-kubernetes-map-type: atomic on the items, or use x-kubernetes-list-type: map with keys')],
  ['apiextensions ValidateCustomResourceDefinitionOpenAPISchema: list types atomic, set or map', list({ 'x-kubernetes-list-type': 'list', 'items': { type: 'string' } }),
    `${SCHEMA}.properties.spec.properties.ports.x-kubernetes-list-type`, crd("x-kubernetes-list-type 'list' is not atomic, set or map", 'Unsupported value', 'use atomic, set or map')],
  ['apiextensions ValidateCustomResourceDefinitionOpenAPISchema: list types only on arrays', schemaAt('properties.spec', { 'type': 'string', 'x-kubernetes-list-type': 'set' }),
    `${SCHEMA}.properties.spec.type`, crd("x-kubernetes-list-type on a node of type 'string'", 'must be array if x-kubernetes-list-type is specified', 'set type: array, or remove x-kubernetes-list-type')],
  ['apiextensions ValidateCustomResourceDefinitionOpenAPISchema: map types atomic or granular', schemaAt('properties.spec', { 'type': 'object', 'x-kubernetes-map-type': 'merge' }),
    `${SCHEMA}.properties.spec.x-kubernetes-map-type`, crd("x-kubernetes-map-type 'merge' is not atomic or granular", 'Unsupported value', 'use atomic or granular')],
  ['apiextensions ValidateDefaults: a default valid against its schema', schemaAt('properties.spec', { type: 'object', properties: { replicas: { type: 'integer', default: 'three' } } }),
    `${SCHEMA}.properties.spec.properties.replicas.default`, crd("default 'three' breaks its own schema", 'must be integer', 'change the default to a value the schema accepts')],
  ['apiextensions ValidateDefaults: no field the schema prunes', schemaAt('properties.spec', { type: 'object', properties: { size: { type: 'object', properties: { cpu: { type: 'string' } }, default: { cpus: '1' } } } }),
    `${SCHEMA}.properties.spec.properties.size.default`, crd('default {"cpus":"1"} breaks its own schema at cpus', 'must not have unknown fields', 'change the default to a value the schema accepts')],
  ['apiextensions ValidateDefaults: none in top-level metadata', schemaAt('properties.metadata', { type: 'object', properties: { name: { type: 'string', default: 'env' } } }),
    `${SCHEMA}.properties.metadata.properties.name.default`, crd('a default in the top-level metadata', 'must not be set in top-level metadata', 'remove it: the API server sets these fields itself')],
  ['apiextensions ValidateCustomResourceDefinitionOpenAPISchema: a validation rule is set', schemaAt('x-kubernetes-validations', [{ rule: ' ' }]),
    `${SCHEMA}.x-kubernetes-validations[0].rule`, crd('a validation rule has no rule', 'rule is not specified', 'write the CEL expression, e.g. self.minReplicas <= self.maxReplicas')],
  ['apiextensions ValidateCustomResourceDefinitionOpenAPISchema: a rule compiles', schemaAt('x-kubernetes-validations', [{ rule: 'self.replicas >=', message: 'too few' }]),
    `${SCHEMA}.x-kubernetes-validations[0].rule`, crd("the validation rule 'self.replicas >=' is not CEL: Unexpected token: EOF at character 17", 'compilation failed', "correct the expression's syntax")],
  ['apiextensions ValidateCustomResourceDefinitionOpenAPISchema: a messageExpression compiles', schemaAt('x-kubernetes-validations', [{ rule: 'true', messageExpression: "'got ' + string(self" }]),
    `${SCHEMA}.x-kubernetes-validations[0].messageExpression`, crd("the validation messageExpression ''got ' + string(self' is not CEL: Expected RPAREN, got EOF at character 21", 'compilation failed', "correct the expression's syntax")],
  ['apiextensions ValidateCustomResourceDefinitionOpenAPISchema: messages on one line', schemaAt('x-kubernetes-validations', [{ rule: 'true', message: 'too\nlong' }]),
    `${SCHEMA}.x-kubernetes-validations[0].message`, crd("a validation rule's message has a line break", 'message must not contain line breaks', 'write the message on one line')],
  ['apiextensions validateCustomResourceDefinitionValidation: the root not nullable', schemaAt('nullable', true),
    `${SCHEMA}.nullable`, crd("the schema's root is nullable", 'nullable cannot be true at the root', 'remove nullable')],
  ['apiextensions specStandardValidatorV3: no patternProperties', schemaAt('properties.spec', { type: 'object', patternProperties: { '^x': { type: 'string' } } }),
    `${SCHEMA}.properties.spec.patternProperties`, crd('patternProperties is in the schema', 'patternProperties is not supported', 'remove it (CRD schemas are OpenAPI v3 without it)')],
];

describe.each(CRD_RULES)('%s', (_, change, path, message) => synthAndValidate(change, path, message, PROMISE, ''));

describe('what the API server accepts passes', () => {
  test('file modes written in YAML octal, as kubectl reads them', () => {
    const { promise } = promiseWith(p => p.addVolumeManifest({ name: 'cfg', configMap: { name: 'cfg', defaultMode: 420 } }));
    const yaml = stringify(promise.toJson()).replace('defaultMode: 420', 'defaultMode: 0644');
    expect(yaml).toContain('defaultMode: 0644');
    const r = cli('validate', t.file('octal.yaml', yaml));
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  });

  test('a volume without a source (an emptyDir), a key-less Exists toleration, requests without limits, env from the downward API', () => {
    const { chart } = promiseWith(p => {
      p.addVolumeManifest({ name: 'scratch' });
      p.addOverride('spec.tolerations', [{ operator: 'Exists' }, { key: 'k', effect: 'NoExecute', tolerationSeconds: 30 }]);
      p.addContainerManifest({
        name: 'second',
        image: 'ghcr.io/acme/second:v1',
        volumeMounts: [{ name: 'scratch', mountPath: '/scratch', subPath: 'a/b' }],
        resources: { requests: { 'cpu': '1', 'memory': '1Gi', 'example.com/gpu': 1 }, limits: { 'example.com/gpu': 1, 'hugepages-2Mi': '4Mi' } },
        env: [
          { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
          { name: 'APP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['app.kubernetes.io/name']" } } },
          { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
        ],
        envFrom: [{ configMapRef: { name: 'settings' }, prefix: 'S_' }],
        securityContext: { runAsUser: 0, seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/audit.json' } },
      });
    });
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('a schema with a map list keyed by a required name, an atomic set, valid defaults and CEL rules', () => {
    const { chart } = promiseWith(schemaAt('properties.spec', {
      'type': 'object',
      'properties': {
        ports: { 'type': 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'], 'items': { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } },
        tags: { 'type': 'array', 'x-kubernetes-list-type': 'set', 'items': { type: 'string' } },
        replicas: { type: 'integer', default: 3, minimum: 1 },
        size: { type: 'object', properties: { cpu: { type: 'string' } }, default: { cpu: '1' } },
      },
      'x-kubernetes-validations': [
        { rule: 'self.replicas >= 1', message: 'at least one replica' },
        { rule: "self.tags.all(t, t.matches('^[a-z]+$')) && self.?size.?cpu.orValue('1') != ''", messageExpression: "'tags: ' + self.tags.join(', ')" },
        { rule: '!has(oldSelf.ports) || self.ports.size() >= oldSelf.ports.size()', message: 'ports cannot be removed' },
      ],
    }));
    expect(() => Testing.synth(chart)).not.toThrow();
  });
});

guardTest();
