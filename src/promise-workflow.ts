import { Construct } from 'constructs';
import { Pipeline, PipelineProps } from './pipeline';
import { isMarked, mark, PROMISE_WORKFLOW } from './private/identity';
import { WorkflowAction, WorkflowType } from './workflow-types';

/**
 * Properties of a `PromiseWorkflow`.
 */
export interface PromiseWorkflowProps {
  /** Whether the workflow runs for the Promise or for each resource request. */
  readonly workflowType: WorkflowType;
  /** Whether the workflow runs on configure or on delete. */
  readonly action: WorkflowAction;
}

/**
 * One of the four workflows of a Promise: promise or resource, configure or delete.
 *
 * A configure workflow runs its pipelines in order; a delete workflow runs exactly one.
 * Create it with `KratixPromise.workflow()`.
 *
 * @see https://docs.kratix.io/main/reference/workflows
 */
export class PromiseWorkflow extends Construct {
  /**
   * Whether `x` is a `PromiseWorkflow`, from this or any other installed copy of the library.
   *
   * @param x any value
   */
  public static isPromiseWorkflow(x: any): x is PromiseWorkflow {
    return isMarked(x, PROMISE_WORKFLOW);
  }

  /** Promise or resource. */
  public readonly workflowType: WorkflowType;
  /** Configure or delete. */
  public readonly action: WorkflowAction;
  private readonly acceptedExtras = new Set<Pipeline>();

  constructor(scope: Construct, id: string, props: PromiseWorkflowProps) {
    super(scope, id);
    mark(this, PROMISE_WORKFLOW);
    this.workflowType = props.workflowType;
    this.action = props.action;
    this.node.addValidation({ validate: () => this.validatePipelines() });
  }

  /** The pipelines, in the order they run: the `Pipeline` children of this workflow. */
  public get pipelines(): Pipeline[] {
    return this.node.children.filter((c): c is Pipeline => Pipeline.isPipeline(c));
  }

  /**
   * Adds a pipeline, run after those added before.
   *
   * @param id the construct id, and the pipeline name unless `props.name` is given
   * @param props the pipeline
   * @returns the pipeline
   */
  public addPipeline(id: string, props: PipelineProps = {}): Pipeline {
    const name = props.name ?? id;
    const pipelines = this.pipelines;
    if (this.action === WorkflowAction.DELETE && pipelines.length > 0) {
      throw new Error(this.secondDeleteMessage(name));
    }
    const clash = pipelines.find(p => p.name === name);
    if (clash) {
      throw new Error(`PromiseWorkflow '${this.node.path}': pipeline name '${name}' is already used by '${clash.node.path}'; pipeline names must be unique in a workflow`);
    }
    return new Pipeline(this, id, props);
  }

  /**
   * Adds a second delete pipeline of an imported Promise, already reported as an import warning
   * (Kratix ignores it), so that it does not fail synthesis.
   *
   * @internal
   */
  public _addIgnoredPipeline(id: string, props: PipelineProps): Pipeline {
    const pipeline = new Pipeline(this, id, props);
    this.acceptedExtras.add(pipeline);
    return pipeline;
  }

  /** The workflow's list of Pipeline objects. */
  public toJson(): any[] {
    return this.pipelines.map(p => p.toJson());
  }

  /**
   * The workflow's list, sharing the pipelines' lists and maps; see `Pipeline._toJson`.
   *
   * @internal
   */
  public _toJson(): any[] {
    return this.pipelines.map(p => p._toJson());
  }

  private validatePipelines(): string[] {
    // Kratix itself only warns and runs the first; a construct that declares two is a mistake.
    const extra = this.action === WorkflowAction.DELETE ? this.pipelines.slice(1).find(p => !this.acceptedExtras.has(p)) : undefined;
    return extra ? [this.secondDeleteMessage(extra.name)] : [];
  }

  private secondDeleteMessage(name: string): string {
    return `PromiseWorkflow '${this.node.path}': cannot add pipeline '${name}': a ${this.workflowType} delete workflow runs exactly one pipeline (Kratix ignores the others); put its containers in '${this.pipelines[0].name}'`;
  }
}
