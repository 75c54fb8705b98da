/**
 * Names of the environment variables Kratix sets in pipeline containers.
 *
 * @see https://docs.kratix.io/main/reference/workflows#environment-variables
 */
export class KratixEnv {
  /** The action that triggered the workflow: `configure` or `delete`. */
  public static readonly WORKFLOW_ACTION = 'KRATIX_WORKFLOW_ACTION';
  /** The type of workflow: `resource` or `promise`. */
  public static readonly WORKFLOW_TYPE = 'KRATIX_WORKFLOW_TYPE';
  /** The name of the Promise. */
  public static readonly PROMISE_NAME = 'KRATIX_PROMISE_NAME';
  /** The name of the Pipeline. */
  public static readonly PIPELINE_NAME = 'KRATIX_PIPELINE_NAME';
  /** The kind of the object in `/kratix/input/object.yaml`. */
  public static readonly OBJECT_KIND = 'KRATIX_OBJECT_KIND';
  /** The API group of the object in `/kratix/input/object.yaml`. */
  public static readonly OBJECT_GROUP = 'KRATIX_OBJECT_GROUP';
  /** The API version of the object in `/kratix/input/object.yaml`. */
  public static readonly OBJECT_VERSION = 'KRATIX_OBJECT_VERSION';
  /** The name of the object in `/kratix/input/object.yaml`. */
  public static readonly OBJECT_NAME = 'KRATIX_OBJECT_NAME';
  /** The namespace of the object in `/kratix/input/object.yaml`. */
  public static readonly OBJECT_NAMESPACE = 'KRATIX_OBJECT_NAMESPACE';
  /** The plural of the Promise's API (`promises` in promise workflows). */
  public static readonly CRD_PLURAL = 'KRATIX_CRD_PLURAL';
  /** `"true"` when the Promise's API is cluster scoped (always `"true"` in promise workflows). */
  public static readonly CLUSTER_SCOPED = 'KRATIX_CLUSTER_SCOPED';
  /** `"true"` when the resource request is a dry run. */
  public static readonly DRY_RUN = 'KRATIX_DRY_RUN';
  /** The W3C trace parent, set on the work-writer. */
  public static readonly TRACE_PARENT = 'KRATIX_TRACE_PARENT';
  /** The W3C trace state, set on the work-writer. */
  public static readonly TRACE_STATE = 'KRATIX_TRACE_STATE';
  /** `"true"` on the status-writer of the last pipeline of a workflow. */
  public static readonly IS_LAST_PIPELINE = 'IS_LAST_PIPELINE';
  /**
   * Overrides `/kratix/input` for the pipeline SDK (`cdk8s-kratix/pipeline`).
   *
   * Kratix never sets it; the local runner and tests do.
   */
  public static readonly INPUT_DIR = 'KRATIX_INPUT_DIR';
  /**
   * Overrides `/kratix/output` for the pipeline SDK (`cdk8s-kratix/pipeline`).
   *
   * Kratix never sets it; the local runner and tests do.
   */
  public static readonly OUTPUT_DIR = 'KRATIX_OUTPUT_DIR';
  /**
   * Overrides `/kratix/metadata` for the pipeline SDK (`cdk8s-kratix/pipeline`).
   *
   * Kratix never sets it; the local runner and tests do.
   */
  public static readonly METADATA_DIR = 'KRATIX_METADATA_DIR';

  private constructor() {}
}

/**
 * Paths of the directories Kratix mounts into pipeline containers.
 *
 * @see https://docs.kratix.io/main/reference/workflows#volumes
 */
export class KratixPaths {
  /** The input directory, holding `object.yaml`. */
  public static readonly INPUT = '/kratix/input';
  /** The input object: the Promise or the resource request. */
  public static readonly INPUT_OBJECT = '/kratix/input/object.yaml';
  /** The output directory, written to the State Store. */
  public static readonly OUTPUT = '/kratix/output';
  /** The metadata directory, shared by the containers of a configure pipeline. */
  public static readonly METADATA = '/kratix/metadata';
  /** Refines where the output is scheduled. */
  public static readonly DESTINATION_SELECTORS = '/kratix/metadata/destination-selectors.yaml';
  /** Merged into the status of the Promise or resource request. */
  public static readonly STATUS = '/kratix/metadata/status.yaml';
  /** Suspends or retries the workflow. */
  public static readonly WORKFLOW_CONTROL = '/kratix/metadata/workflow-control.yaml';

  private constructor() {}
}

/**
 * Label and annotation keys that Kratix reads or writes.
 *
 * @see https://github.com/syntasso/kratix/blob/main/api/v1alpha1/const.go
 */
export class KratixLabels {
  /** The Promise a pipeline object belongs to. */
  public static readonly PROMISE_NAME = 'kratix.io/promise-name';
  /** The Promise version (on Promises). */
  public static readonly PROMISE_VERSION = 'kratix.io/promise-version';
  /** The workflow type of a pipeline Job. */
  public static readonly WORKFLOW_TYPE = 'kratix.io/workflow-type';
  /** The workflow action of a pipeline Job. */
  public static readonly WORKFLOW_ACTION = 'kratix.io/workflow-action';
  /** The pipeline name of a pipeline Job. */
  public static readonly PIPELINE_NAME = 'kratix.io/pipeline-name';
  /** The namespace a pipeline runs in (on user-permission RBAC objects). */
  public static readonly PIPELINE_NAMESPACE = 'kratix.io/pipeline-namespace';
  /** The resource request name of a resource pipeline Job. */
  public static readonly RESOURCE_NAME = 'kratix.io/resource-name';
  /** The resource request namespace, or a permission's namespace on RBAC objects. */
  public static readonly RESOURCE_NAMESPACE = 'kratix.io/resource-namespace';
  /** The hash of the Promise (and request) a Job was created for. */
  public static readonly HASH = 'kratix.io/hash';
  /** Marks objects managed by Kratix. */
  public static readonly MANAGED_BY = 'app.kubernetes.io/managed-by';
  /** `"true"` on a resource request makes its workflows a dry run. */
  public static readonly DRY_RUN = 'kratix.io/dry-run';
  /** `"true"` forces a re-run of the workflows. */
  public static readonly MANUAL_RECONCILIATION = 'kratix.io/manual-reconciliation';
  /** `"true"` pauses reconciliation. */
  public static readonly PAUSED = 'kratix.io/paused';
  /** On a compound Promise's component request: the parent Promise (docs and `kratix` CLI convention). */
  public static readonly COMPONENT_OF_PROMISE_NAME = 'kratix.io/component-of-promise-name';
  /** On a compound Promise's component request: the parent resource request's name (docs convention). */
  public static readonly COMPONENT_OF_RESOURCE_NAME = 'kratix.io/component-of-resource-name';
  /** On a compound Promise's component request: the parent resource request's namespace (docs convention). */
  public static readonly COMPONENT_OF_RESOURCE_NAMESPACE = 'kratix.io/component-of-resource-namespace';
  /** On a compound Promise's component request: the parent Promise (controller convention, `work_types.go`). */
  public static readonly PARENT_PROMISE_NAME = 'kratix.io/parent-promise-name';
  /** On a compound Promise's component request: the parent resource request's name (controller convention; dry runs look for it). */
  public static readonly PARENT_RESOURCE_NAME = 'kratix.io/parent-resource-name';
  /** On a compound Promise's component request: the parent resource request's namespace (controller convention). */
  public static readonly PARENT_RESOURCE_NAMESPACE = 'kratix.io/parent-resource-namespace';
  /** `"true"` on an object whose workflow is suspended or waiting to retry. */
  public static readonly WORKFLOW_SUSPENDED = 'kratix.io/workflow-suspended';
  /** The workflow type a Work was written for: `promise`, `resource` or `static-dependency` (on Works). */
  public static readonly WORK_TYPE = 'kratix.io/work-type';
  /** Overrides the Promise's reconciliation interval (an annotation). */
  public static readonly RECONCILIATION_INTERVAL_ANNOTATION = 'kratix.io/reconciliation-interval';
  /** The trace parent that Kratix copies from the Promise or request to the Job and its pod (an annotation). */
  public static readonly TRACE_PARENT = 'kratix.io/trace-parent';
  /** The trace state that Kratix copies to the Job and its pod (an annotation). */
  public static readonly TRACE_STATE = 'kratix.io/trace-state';
  /** The trace timestamp that Kratix copies to the Job and its pod (an annotation). */
  public static readonly TRACE_TIMESTAMP = 'kratix.io/trace-timestamp';
  /** The trace generation that Kratix copies to the Job and its pod (an annotation). */
  public static readonly TRACE_GENERATION = 'kratix.io/trace-generation';
  /** The namespace of the object a Job runs for (a Job annotation; `''` for a Promise). */
  public static readonly JOB_RESOURCE_NAMESPACE = 'kratix.io/job-resource-namespace';
  /** The name of the object a Job runs for (a Job annotation). */
  public static readonly JOB_RESOURCE_NAME = 'kratix.io/job-resource-name';
  /** The kind of the object a Job runs for (a Job annotation). */
  public static readonly JOB_RESOURCE_KIND = 'kratix.io/job-resource-kind';
  /** The apiVersion of the object a Job runs for (a Job annotation). */
  public static readonly JOB_RESOURCE_API_VERSION = 'kratix.io/job-resource-api-version';

  private constructor() {}
}

/**
 * Well-known Kratix names.
 */
export class Kratix {
  /** The namespace Kratix runs in, and where promise workflows run by default. */
  public static readonly SYSTEM_NAMESPACE = 'kratix-platform-system';
  /** The API group of Kratix's own resources. */
  public static readonly API_GROUP = 'platform.kratix.io';
  /** The apiVersion of Promises and Pipelines. */
  public static readonly API_VERSION = 'platform.kratix.io/v1alpha1';
  /** The name of the Kratix ConfigMap. */
  public static readonly CONFIG_MAP_NAME = 'kratix';

  private constructor() {}
}
