import { PipelineContext, pipelineProblems, Problem } from '../../src/validate';
import { WorkflowAction, WorkflowType } from '../../src/workflow-types';

const CONTEXT: PipelineContext = { promiseName: 'env', type: WorkflowType.RESOURCE, action: WorkflowAction.CONFIGURE };

/** A pipeline with one of everything Kratix accepts, all valid. */
function fullPipeline(): any {
  return {
    apiVersion: 'platform.kratix.io/v1alpha1',
    kind: 'Pipeline',
    metadata: { name: 'slack-notify', labels: { 'team': 'platform', 'app.kubernetes.io/part-of': 'env' }, annotations: { note: 'x y z' } },
    spec: {
      containers: [{
        name: 'notify',
        image: 'ghcr.io/acme/notify:v1',
        command: ['/bin/sh', '-c'],
        args: ['echo hi'],
        env: [
          { name: 'CHANNEL', value: 'network-team' },
          { name: 'URL', valueFrom: { secretKeyRef: { name: 'slack-webhook', key: 'url' } } },
          { name: 'MSG', valueFrom: { configMapKeyRef: { name: 'slack-msg', key: 'msg', optional: true } } },
          { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
        ],
        envFrom: [{ secretRef: { name: 'all' }, prefix: 'X_' }],
        volumeMounts: [{ name: 'cache', mountPath: '/cache' }, { name: 'creds', mountPath: '/creds', readOnly: true }],
        imagePullPolicy: 'IfNotPresent',
        securityContext: { runAsNonRoot: true, runAsUser: 1000, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } },
        resources: { limits: { 'cpu': '200m', 'memory': '256Mi', 'ephemeral-storage': 1 }, requests: { cpu: 0.1 } },
      }],
      volumes: [
        { name: 'cache', emptyDir: { sizeLimit: '1Gi' } },
        { name: 'creds', secret: { secretName: 'creds', defaultMode: 0o400, items: [{ key: 'a', path: 'a' }] } },
      ],
      imagePullSecrets: [{ name: 'registry' }],
      jobOptions: { backoffLimit: 2 },
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      // tolerationSeconds only with NoExecute: Kubernetes' ValidateTolerations rejects it with any other effect.
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'pipelines', effect: 'NoExecute', tolerationSeconds: 30 }],
      restartPolicy: 'Never',
      rbac: {
        serviceAccount: 'my-service-account',
        permissions: [
          { apiGroups: [''], verbs: ['*'], resources: ['secrets'] },
          { apiGroups: ['batch'], verbs: ['get'], resources: ['jobs'], resourceNames: ['my-job'], resourceNamespace: 'ns-of-my-secrets' },
          { apiGroups: ['platform.kratix.io'], verbs: ['get'], resources: ['promises/status'], resourceNamespace: '*' },
          { nonResourceURLs: ['/healthz'], verbs: ['get'], resourceNamespace: '*' },
        ],
      },
    },
  };
}

function problemsAfter(change: (p: any) => void, context: PipelineContext = CONTEXT): Problem[] {
  const pipeline = fullPipeline();
  change(pipeline);
  return pipelineProblems(pipeline, context);
}

const error = (path: string, message: string): Problem => ({ path, message, severity: 'error' });
const warning = (path: string, message: string): Problem => ({ path, message, severity: 'warning' });

describe('pipelineProblems', () => {
  test('accepts a pipeline with every field Kratix knows', () => {
    expect(pipelineProblems(fullPipeline(), CONTEXT)).toEqual([]);
  });

  test('accepts a minimal pipeline', () => {
    expect(pipelineProblems({ apiVersion: 'platform.kratix.io/v1alpha1', kind: 'Pipeline', metadata: { name: 'a' } }, CONTEXT)).toEqual([]);
  });

  describe('when kind or apiVersion is wrong', () => {
    test.each<[string, (p: any) => void, Problem[]]>([
      ['a wrong kind', (p) => { p.kind = 'Job'; }, [
        error('kind', 'unsupported pipeline "slack-notify" with APIVersion "Job/platform.kratix.io/v1alpha1": set kind: Pipeline and apiVersion: platform.kratix.io/v1alpha1'),
      ]],
      ['a wrong apiVersion', (p) => { p.apiVersion = 'platform.kratix.io/v1beta1'; }, [
        error('apiVersion', 'unsupported pipeline "slack-notify" with APIVersion "Pipeline/platform.kratix.io/v1beta1": set kind: Pipeline and apiVersion: platform.kratix.io/v1alpha1'),
      ]],
      ['no apiVersion', (p) => { delete p.apiVersion; }, [
        error('apiVersion', 'unsupported pipeline "slack-notify" with APIVersion "Pipeline/": set kind: Pipeline and apiVersion: platform.kratix.io/v1alpha1'),
      ]],
      ['no kind', (p) => { delete p.kind; }, [
        error('kind', 'pipeline has no kind: Kratix cannot even read the Promise; set kind: Pipeline'),
      ]],
    ])('reports %s in Kratix\'s words', (_, change, expected) => {
      expect(problemsAfter(change)).toEqual(expected);
    });
  });

  describe('when a field is unknown to Kratix', () => {
    test.each<[string, (p: any) => void, Problem[]]>([
      ['a container field Kratix does not support', (p) => { p.spec.containers[0].workingDir = '/'; }, [
        error('spec.containers[0].workingDir', 'unknown field \'workingDir\' in a Kratix Container: Kratix decodes pipelines strictly and rejects it (json: unknown field "workingDir"); '
          + 'remove it (v1alpha1.Container has name, image, args, command, env, envFrom, volumeMounts, imagePullPolicy, securityContext, resources)'),
      ]],
      ['a misspelled field deep in a Kubernetes type', (p) => { p.spec.containers[0].env[1].valueFrom.secretKeyRef.nam = 'x'; }, [
        error('spec.containers[0].env[1].valueFrom.secretKeyRef.nam', 'unknown field \'nam\' in a Kubernetes SecretKeySelector: Kratix decodes pipelines strictly and rejects it (json: unknown field "nam"); did you mean \'name\'?'),
      ]],
      ['a pod field under spec', (p) => { p.spec.serviceAccountName = 'x'; }, [
        error('spec.serviceAccountName', 'unknown field \'serviceAccountName\' in a Kratix PipelineSpec: Kratix decodes pipelines strictly and rejects it (json: unknown field "serviceAccountName"); use \'spec.rbac.serviceAccount\''),
      ]],
      ['rbac at the top level', (p) => { p.rbac = {}; }, [
        error('rbac', 'unknown field \'rbac\' in a Kratix Pipeline: Kratix decodes pipelines strictly and rejects it (json: unknown field "rbac"); move it under \'spec\''),
      ]],
      ['a top-level status', (p) => { p.status = {}; }, [
        error('status', 'unknown field \'status\' in a Kratix Pipeline: Kratix decodes pipelines strictly and rejects it (json: unknown field "status"); remove it'),
      ]],
      ['an unknown metadata field', (p) => { p.metadata.lables = {}; }, [
        error('metadata.lables', 'unknown field \'lables\' in a Kubernetes ObjectMeta: Kratix decodes pipelines strictly and rejects it (json: unknown field "lables"); did you mean \'labels\'?'),
      ]],
      ['an unknown volume source', (p) => { p.spec.volumes[0].emptyDirectory = {}; }, [
        error('spec.volumes[0].emptyDirectory', 'unknown field \'emptyDirectory\' in a Kubernetes Volume: Kratix decodes pipelines strictly and rejects it (json: unknown field "emptyDirectory"); did you mean \'emptyDir\'?'),
      ]],
      ['a key named like an Object.prototype member', (p) => { p.spec.containers[0].constructor = 'x'; }, [
        error('spec.containers[0].constructor', 'unknown field \'constructor\' in a Kratix Container: Kratix decodes pipelines strictly and rejects it (json: unknown field "constructor"); '
          + 'remove it (v1alpha1.Container has name, image, args, command, env, envFrom, volumeMounts, imagePullPolicy, securityContext, resources)'),
      ]],
    ])('reports %s', (_, change, expected) => {
      expect(problemsAfter(change)).toEqual(expected);
    });

    test('makes it a warning when asked to be lenient', () => {
      expect(problemsAfter((p) => { p.spec.containers[0].workingDir = '/'; }, { ...CONTEXT, unknownFields: 'warning' }))
        .toEqual([expect.objectContaining({ path: 'spec.containers[0].workingDir', severity: 'warning' })]);
    });

    test('accepts fields added to Kubernetes after 1.28', () => {
      expect(problemsAfter((p) => {
        p.spec.containers[0].securityContext.appArmorProfile = { type: 'RuntimeDefault' };
        p.spec.containers[0].volumeMounts[1].recursiveReadOnly = 'IfPossible';
        p.spec.volumes.push({ name: 'img', image: { reference: 'busybox', pullPolicy: 'Always' } });
      })).toEqual([]);
    });

    test('matches field names case-insensitively, as Go does, with a warning', () => {
      expect(problemsAfter((p) => { delete p.spec.containers[0].image; p.spec.containers[0].Image = 'x'; })).toEqual([
        warning('spec.containers[0].Image', "field 'Image' is read as 'image' only because Kratix matches field names case-insensitively; write 'image'"),
      ]);
    });
  });

  describe('when a value has the wrong type', () => {
    test.each<[string, (p: any) => void, Problem[]]>([
      ['a number for a string', (p) => { p.spec.containers[0].env[0].value = 8080; }, [
        error('spec.containers[0].env[0].value', "8080 is a whole number, not a string: Kratix cannot decode it (json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string); quote it: '8080'"),
      ]],
      ['a string for an int32', (p) => { p.spec.jobOptions.backoffLimit = '3'; }, [
        error('spec.jobOptions.backoffLimit', "'3' is a string, not a 32-bit whole number: Kratix cannot decode it (json: cannot unmarshal string into Go struct field JobOptions.spec.jobOptions.backoffLimit of type int32); write 3 without quotes"),
      ]],
      ['a fraction for an int64', (p) => { p.spec.containers[0].securityContext.runAsUser = 1.5; }, [
        error('spec.containers[0].securityContext.runAsUser', '1.5 is a fractional number, not a whole number: Kratix cannot decode it (json: cannot unmarshal number 1.5 into Go struct field SecurityContext.spec.containers.securityContext.runAsUser of type int64); write a whole number'),
      ]],
      ['a string for a bool', (p) => { p.spec.containers[0].securityContext.runAsNonRoot = 'true'; }, [
        error('spec.containers[0].securityContext.runAsNonRoot', "'true' is a string, not a boolean (true or false): Kratix cannot decode it (json: cannot unmarshal string into Go struct field SecurityContext.spec.containers.securityContext.runAsNonRoot of type bool); write true without quotes"),
      ]],
      ['a map for a list', (p) => { p.spec.containers[0].args = { a: 1 }; }, [
        error('spec.containers[0].args', '{"a":1} is a map, not a list: Kratix cannot decode it (json: cannot unmarshal object into Go struct field Container.spec.containers.args of type []string); write it as a list'),
      ]],
      ['a list for a map', (p) => { p.spec.nodeSelector = ['a']; }, [
        error('spec.nodeSelector', '["a"] is a list, not a map of strings: Kratix cannot decode it (json: cannot unmarshal array into Go struct field PipelineSpec.spec.nodeSelector of type map[string]string); write a map of strings'),
      ]],
      ['a string for a struct', (p) => { p.spec.rbac = 'admin'; }, [
        error('spec.rbac', "'admin' is a string, not a map (RBAC): Kratix cannot decode it (json: cannot unmarshal string into Go struct field PipelineSpec.spec.rbac of type v1alpha1.RBAC); write a map (RBAC)"),
      ]],
      ['a bad quantity', (p) => { p.spec.containers[0].resources.limits.cpu = 'two'; }, [
        error('spec.containers[0].resources.limits.cpu', "'two' is not a Kubernetes quantity: Kratix cannot decode it (quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'); write e.g. '500m', '1', '128Mi' or '2Gi'"),
      ]],
      ['a number label value', (p) => { p.metadata.labels.version = 2; }, [
        error('metadata.labels.version', "2 is a whole number, not a string: Kratix cannot decode it (json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string); quote it: '2'"),
      ]],
    ])('reports %s in Go\'s words', (_, change, expected) => {
      expect(problemsAfter(change)).toEqual(expected);
    });

    test('accepts null anywhere, as Go leaves the zero value', () => {
      expect(problemsAfter((p) => {
        p.spec.containers[0].env = null;
        p.spec.rbac.permissions[0].resourceNames = null;
        p.spec.jobOptions = null;
      })).toEqual([]);
    });

    test('accepts an int-or-string either way', () => {
      expect(problemsAfter((p) => { p.spec.volumes[1].secret.items[0].mode = 0o644; })).toEqual([]);
    });
  });

  describe('rules on names', () => {
    test.each<[string, (p: any) => void, Problem[]]>([
      ['no pipeline name', (p) => { delete p.metadata.name; }, [
        error('metadata.name', 'pipeline has no name: Kratix names its Job, ServiceAccount and RBAC objects after it; set metadata.name'),
      ]],
      ['a pipeline name that is not a DNS-1123 label', (p) => { p.metadata.name = 'Slack_Notify'; }, [
        error('metadata.name', "pipeline name 'Slack_Notify' must be a DNS-1123 label (lower case letters, digits and '-', at most 63 characters)"),
      ]],
      ['a pipeline ID over 60 characters', (p) => { p.metadata.name = 'n'.repeat(41); }, [
        error('metadata.name', `pipeline ID 'env-resource-configure-${'n'.repeat(41)}' (<promise>-<type>-<action>-<pipeline>) is 64 characters, over Kratix's limit of 60: shorten the pipeline name to at most 37 characters (or the Promise name)`),
      ]],
      ['a pipeline namespace', (p) => { p.metadata.namespace = 'default'; }, [
        warning('metadata.namespace', "Kratix ignores a pipeline's namespace 'default': pipelines run in the Promise's pipeline namespace (spec.workflows.config.pipelineNamespace); remove it"),
      ]],
      ['a label key that is not a qualified name', (p) => { p.metadata.labels['my label'] = 'x'; }, [
        error('metadata.labels["my label"]', "label key 'my label' must be a qualified name (an optional DNS subdomain and '/', then at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit)"),
      ]],
      ['a label value that is not a label value', (p) => { p.metadata.labels.team = 'platform team'; }, [
        error('metadata.labels.team', "label 'team' value 'platform team' must be a valid label value (at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit)"),
      ]],
      ['a container name that is not a DNS-1123 label', (p) => { p.spec.containers[0].name = 'Notify'; }, [
        error('spec.containers[0].name', "container name 'Notify' must be a DNS-1123 label (lower case letters, digits and '-', at most 63 characters)"),
      ]],
      ['no container name', (p) => { delete p.spec.containers[0].name; }, [
        error('spec.containers[0].name', 'container has no name: Kubernetes requires one; set name to a DNS-1123 label unique within the pipeline'),
      ]],
      ['a duplicate container name', (p) => { p.spec.containers.push({ name: 'notify', image: 'x' }); }, [
        error('spec.containers[1].name', "container name 'notify' is used by more than one container of the pipeline; container names must be unique"),
      ]],
      ...['reader', 'work-writer', 'status-writer'].map((name): [string, (p: any) => void, Problem[]] => [`a container named ${name}`, (p) => { p.spec.containers[0].name = name; }, [
        error('spec.containers[0].name', `container name '${name}' is reserved for Kratix's own containers (reader, work-writer, status-writer); rename it`),
      ]]),
      ['a volume name that is not a DNS-1123 label', (p) => { p.spec.volumes[0].name = 'Cache'; p.spec.containers[0].volumeMounts.shift(); }, [
        error('spec.volumes[0].name', "volume name 'Cache' must be a DNS-1123 label (lower case letters, digits and '-', at most 63 characters)"),
      ]],
      ['a duplicate volume name', (p) => { p.spec.volumes.push({ name: 'cache', emptyDir: {} }); }, [
        error('spec.volumes[2].name', "volume name 'cache' is used by more than one volume of the pipeline; volume names must be unique"),
      ]],
      ...['shared-input', 'shared-output', 'shared-metadata', 'promise-scheduling'].map((name): [string, (p: any) => void, Problem[]] => [`a volume named ${name}`, (p) => { p.spec.volumes.push({ name, emptyDir: {} }); }, [
        error('spec.volumes[2].name', `volume name '${name}' is reserved for Kratix's own volumes (shared-input, shared-output, shared-metadata, promise-scheduling); rename it`),
      ]]),
      ['a volume without a name', (p) => { p.spec.volumes.push({ emptyDir: {} }); }, [
        error('spec.volumes[2].name', 'volume has no name: set name, and refer to it from the volumeMounts of the containers'),
      ]],
    ])('reports %s', (_, change, expected) => {
      expect(problemsAfter(change)).toEqual(expected);
    });
  });

  describe('rules on containers', () => {
    test.each<[string, (p: any) => void, Problem[]]>([
      ['an empty image', (p) => { p.spec.containers[0].image = ''; }, [
        error('spec.containers[0].image', "container 'notify' has no image: Kubernetes rejects a container without one; set image"),
      ]],
      ['no image', (p) => { delete p.spec.containers[0].image; }, [
        error('spec.containers[0].image', "container 'notify' has no image: Kubernetes rejects a container without one; set image"),
      ]],
      ['a bad imagePullPolicy', (p) => { p.spec.containers[0].imagePullPolicy = 'Sometimes'; }, [
        error('spec.containers[0].imagePullPolicy', "imagePullPolicy 'Sometimes' must be one of Always, IfNotPresent, Never"),
      ]],
      ['a mount of a volume the pipeline does not have', (p) => { p.spec.containers[0].volumeMounts.push({ name: 'data', mountPath: '/data' }); }, [
        error('spec.containers[0].volumeMounts[2].name', "volume mount refers to volume 'data', which the pipeline does not have; add it to spec.volumes or use one of 'cache', 'creds'"),
      ]],
      ['a mount at a Kratix path', (p) => { p.spec.containers[0].volumeMounts[0].mountPath = '/kratix/output/'; }, [
        error('spec.containers[0].volumeMounts[0].mountPath', "mountPath '/kratix/output/' is where Kratix mounts its own volume and Kubernetes rejects two mounts at one path; mount elsewhere"),
      ]],
      ['two mounts at one path', (p) => { p.spec.containers[0].volumeMounts[1].mountPath = '/cache'; }, [
        error('spec.containers[0].volumeMounts[1].mountPath', "mountPath '/cache' is used by more than one volume mount of the container; Kubernetes requires them to be unique"),
      ]],
      ['an env var without a name', (p) => { p.spec.containers[0].env.push({ value: 'x' }); }, [
        error('spec.containers[0].env[4].name', 'environment variable has no name: Kubernetes requires one; set name'),
      ]],
    ])('reports %s', (_, change, expected) => {
      expect(problemsAfter(change)).toEqual(expected);
    });

    test('lets containers mount Kratix\'s volumes by name', () => {
      expect(problemsAfter((p) => { p.spec.containers[0].volumeMounts.push({ name: 'shared-output', mountPath: '/out' }); })).toEqual([]);
    });

    test('has no promise-scheduling volume to mount in delete pipelines', () => {
      const change = (p: any) => { p.spec.containers[0].volumeMounts.push({ name: 'promise-scheduling', mountPath: '/s' }); };
      expect(problemsAfter(change)).toEqual([]);
      expect(problemsAfter(change, { ...CONTEXT, action: WorkflowAction.DELETE })).toEqual([
        error('spec.containers[0].volumeMounts[2].name', "volume mount refers to volume 'promise-scheduling', which the pipeline does not have; add it to spec.volumes or use one of 'cache', 'creds'"),
      ]);
    });
  });

  describe('rules on the pod', () => {
    test.each<[string, (p: any) => void, Problem[]]>([
      ['restartPolicy Always', (p) => { p.spec.restartPolicy = 'Always'; }, [
        error('spec.restartPolicy', "restartPolicy 'Always' is not allowed: a pipeline runs as a Kubernetes Job, which only allows OnFailure or Never"),
      ]],
      ['a negative backoffLimit', (p) => { p.spec.jobOptions.backoffLimit = -1; }, [
        error('spec.jobOptions.backoffLimit', 'backoffLimit -1 must be 0 or more'),
      ]],
      ['a bad node selector key', (p) => { p.spec.nodeSelector['bad key'] = 'x'; }, [
        error('spec.nodeSelector["bad key"]', "node selector key 'bad key' must be a qualified name (an optional DNS subdomain and '/', then at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit)"),
      ]],
      ['a bad toleration operator', (p) => { p.spec.tolerations[0].operator = 'In'; }, [
        error('spec.tolerations[0].operator', "Toleration.operator 'In' must be Equal or Exists: the API server rejects the pipeline's Job with any other value, and Kratix's webhook dry-runs that Job"),
      ]],
      ['a bad toleration effect', (p) => { p.spec.tolerations[0].effect = 'NoRun'; }, [
        error('spec.tolerations[0].effect', "Toleration.effect 'NoRun' must be NoExecute, NoSchedule or PreferNoSchedule: the API server rejects the pipeline's Job with any other value, and Kratix's webhook dry-runs that Job"),
      ]],
      // The enums of the Kubernetes 1.28 OpenAPI schema (K8S_ENUMS), checked where Go decodes the field.
      ['a seccomp profile type that does not exist', (p) => { p.spec.containers[0].securityContext.seccompProfile.type = 'Default'; }, [
        error('spec.containers[0].securityContext.seccompProfile.type', "SeccompProfile.type 'Default' must be Localhost, RuntimeDefault or Unconfined: the API server rejects the pipeline's Job with any other value, and Kratix's webhook dry-runs that Job"),
      ]],
      ['a mount propagation that does not exist', (p) => { p.spec.containers[0].volumeMounts[0].mountPropagation = 'Shared'; }, [
        error('spec.containers[0].volumeMounts[0].mountPropagation', "VolumeMount.mountPropagation 'Shared' must be Bidirectional, HostToContainer or None: the API server rejects the pipeline's Job with any other value, and Kratix's webhook dry-runs that Job"),
      ]],
      ['a hostPath type that does not exist', (p) => { p.spec.volumes[0] = { name: 'cache', hostPath: { path: '/var/cache', type: 'Dir' } }; }, [
        error('spec.volumes[0].hostPath.type', "HostPathVolumeSource.type 'Dir' must be BlockDevice, CharDevice, Directory, DirectoryOrCreate, File, FileOrCreate or Socket: the API server rejects the pipeline's Job with any other value, and Kratix's webhook dry-runs that Job"),
      ]],
      ['a procMount that does not exist', (p) => { p.spec.containers[0].securityContext.procMount = 'default'; }, [
        error('spec.containers[0].securityContext.procMount', "SecurityContext.procMount 'default' must be Default or Unmasked: the API server rejects the pipeline's Job with any other value, and Kratix's webhook dry-runs that Job"),
      ]],
      ['an enum value of the wrong type', (p) => { p.spec.tolerations[0].effect = 1; }, [
        error('spec.tolerations[0].effect', "1 is a whole number, not a string: Kratix cannot decode it (json: cannot unmarshal number into Go struct field Toleration.spec.tolerations.effect of type string); quote it: '1'"),
      ]],
    ])('reports %s', (_, change, expected) => {
      expect(problemsAfter(change)).toEqual(expected);
    });

    test.each(['', 'Directory', 'FileOrCreate'])('accepts hostPath type %p (empty is unset)', (type) => {
      expect(problemsAfter((p) => { p.spec.volumes[0] = { name: 'cache', hostPath: { path: '/var/cache', type } }; })).toEqual([]);
    });

    test.each(['OnFailure', 'Never', ''])('accepts restartPolicy %p', (policy) => {
      expect(problemsAfter((p) => { p.spec.restartPolicy = policy; })).toEqual([]);
    });
  });

  describe('rules on permissions', () => {
    test.each<[string, (p: any) => void, Problem[]]>([
      ['a permission without verbs', (p) => { p.spec.rbac.permissions[0].verbs = []; }, [
        error('spec.rbac.permissions[0].verbs', 'permission has no verbs: Kubernetes rejects an RBAC rule without any; add verbs such as get, list or watch'),
      ]],
      ['a permission without resources', (p) => { delete p.spec.rbac.permissions[0].resources; }, [
        error('spec.rbac.permissions[0].resources', "permission has no resources: Kubernetes rejects an RBAC rule without resources or nonResourceURLs; add resources such as 'configmaps'"),
      ]],
      ['resources without apiGroups', (p) => { delete p.spec.rbac.permissions[0].apiGroups; }, [
        error('spec.rbac.permissions[0].apiGroups', "permission has resources but no apiGroups: Kubernetes rejects the RBAC rule; add apiGroups ('' for the core group)"),
      ]],
      ['nonResourceURLs in the pipeline namespace', (p) => { delete p.spec.rbac.permissions[3].resourceNamespace; }, [
        error('spec.rbac.permissions[3].nonResourceURLs', "nonResourceURLs need resourceNamespace '*' (they are not namespaced), not the pipeline's namespace: Kubernetes rejects them in a Role; set resourceNamespace: '*'"),
      ]],
      ['nonResourceURLs in a named namespace', (p) => { p.spec.rbac.permissions[3].resourceNamespace = 'ns'; }, [
        error('spec.rbac.permissions[3].nonResourceURLs', "nonResourceURLs need resourceNamespace '*' (they are not namespaced), not 'ns': Kubernetes rejects them in a Role; set resourceNamespace: '*'"),
      ]],
      ['nonResourceURLs with resources', (p) => { p.spec.rbac.permissions[3].resources = ['pods']; p.spec.rbac.permissions[3].apiGroups = ['']; }, [
        error('spec.rbac.permissions[3].nonResourceURLs', 'permission has both nonResourceURLs and resources or apiGroups: Kubernetes rejects an RBAC rule for both; split it into two permissions'),
      ]],
      ['a resourceNamespace that is not a namespace name', (p) => { p.spec.rbac.permissions[1].resourceNamespace = 'All'; }, [
        error('spec.rbac.permissions[1].resourceNamespace', "resourceNamespace 'All' must be a DNS-1123 label (lower case letters, digits and '-', at most 63 characters), or '*' for all namespaces"),
      ]],
      ['a service account name that is not a DNS-1123 subdomain', (p) => { p.spec.rbac.serviceAccount = 'My SA'; }, [
        error('spec.rbac.serviceAccount', "service account name 'My SA' must be a DNS-1123 subdomain (lower case letters, digits, '-' and '.', at most 253 characters)"),
      ]],
    ])('reports %s', (_, change, expected) => {
      expect(problemsAfter(change)).toEqual(expected);
    });
  });

  test('reports a pipeline that is not a map', () => {
    expect(pipelineProblems('slack-notify', CONTEXT)).toEqual([
      error('', "a pipeline must be a map with apiVersion, kind, metadata and spec, not 'slack-notify'"),
    ]);
  });
});
