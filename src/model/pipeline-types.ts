/**
 * The JSON fields of Kratix's own Pipeline types (api/v1alpha1/pipeline_types.go), in the notation of
 * `K8S_FIELDS`. `Permission` inlines Kubernetes' PolicyRule.
 */
export const PIPELINE_FIELDS: { readonly [type: string]: { readonly [field: string]: string } } = {
  Pipeline: { kind: 'string', apiVersion: 'string', metadata: 'ObjectMeta', spec: 'PipelineSpec' },
  PipelineSpec: {
    containers: '[]Container',
    imagePullSecrets: '[]LocalObjectReference',
    jobOptions: 'JobOptions',
    nodeSelector: 'map[string]string',
    rbac: 'RBAC',
    restartPolicy: 'string',
    tolerations: '[]Toleration',
    volumes: '[]Volume',
  },
  RBAC: { serviceAccount: 'string', permissions: '[]Permission' },
  Permission: {
    resourceNamespace: 'string',
    verbs: '[]string',
    apiGroups: '[]string',
    resources: '[]string',
    resourceNames: '[]string',
    nonResourceURLs: '[]string',
  },
  JobOptions: { backoffLimit: 'int32' },
  Container: {
    name: 'string',
    image: 'string',
    args: '[]string',
    command: '[]string',
    env: '[]EnvVar',
    envFrom: '[]EnvFromSource',
    volumeMounts: '[]VolumeMount',
    imagePullPolicy: 'string',
    securityContext: 'SecurityContext',
    resources: 'ResourceRequirements',
  },
};

/** The Go package of each Kratix type, for messages in Go's words (`v1alpha1.PipelineSpec`). */
export const KRATIX_GO_PACKAGE = 'v1alpha1';

/** Fields of a Kubernetes Container or PodSpec that a Kratix pipeline does not have, with what to do instead. */
export const UNSUPPORTED_HINTS: { readonly [type: string]: { readonly [field: string]: string } } = {
  Pipeline: {
    rbac: "move it under 'spec'",
    status: 'remove it',
    containers: "move it under 'spec'",
    volumes: "move it under 'spec'",
  },
  PipelineSpec: {
    serviceAccountName: "use 'spec.rbac.serviceAccount'",
    serviceAccount: "use 'spec.rbac.serviceAccount'",
    permissions: "move it under 'spec.rbac'",
    backoffLimit: "use 'spec.jobOptions.backoffLimit'",
    labels: "use the pipeline's 'metadata.labels'",
    annotations: "use the pipeline's 'metadata.annotations'",
  },
};
