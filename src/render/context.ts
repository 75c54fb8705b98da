import { ControllerSettings } from './settings';
import { ParsedPipeline } from '../model/pipeline-model';
import { PromiseApi, PromiseInfo, RequestInfo } from '../model/promise-model';
import { WorkflowAction, WorkflowType } from '../workflow-types';

/** Everything known about one pipeline while rendering it (Kratix's `PipelineFactory`). */
export interface PipelineContext {
  readonly promise: PromiseInfo;
  readonly pipeline: ParsedPipeline;
  readonly type: WorkflowType;
  readonly action: WorkflowAction;
  /** `<promise>-<type>-<action>-<pipeline>` */
  readonly id: string;
  /** The namespace the pipeline runs in (`''` for a cluster-scoped request without pipelineNamespace). */
  readonly namespace: string;
  /** Resource workflows only. */
  readonly request?: RequestInfo;
  /** Resource workflows only. */
  readonly api?: PromiseApi;
  readonly settings: ControllerSettings;
  /** `IS_LAST_PIPELINE`, computed over all declared pipelines of the workflow. */
  readonly isLast: boolean;
  /** `rbac.serviceAccount` or the pipeline ID. */
  readonly serviceAccountName: string;
  /** The `kratix.io/hash` value (section 5). */
  readonly hash: string;
  /** A resource request labelled `kratix.io/dry-run: "true"`. */
  readonly dryRun: boolean;
}
