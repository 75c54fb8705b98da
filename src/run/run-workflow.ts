import { KratixLabels } from '../constants';
import { KubeObject, PreparedPromise, RenderedPipeline, RenderError, RenderSettings, renderWorkflow, WorkflowRef } from '../render';
import { ContainerOutcome, ContainerRunner, ContainerSpec } from './containers';
import { pipelineFailed, pipelineSucceeded, startPipeline, startWorkflow, workflowSuspended } from './controller-status';
import { Destination } from './destinations';
import { objectYaml } from './object-yaml';
import { CONTROL_FILE, MetadataDir } from './pipeline-metadata';
import { workflowStart } from './resume';
import { Placement, Schedule, scheduleWork } from './scheduling';
import { StateStoreFile, stateStoreFiles } from './state-store';
import { Status } from './status-merge';
import { writeStatus } from './status-writer';
import { pipelineWork, staticDependenciesWork } from './work';
import { workloadGroups } from './workload-groups';
import { acquireDirs, releaseDirs, writeObjectFile } from './workspace';
import { PromiseInfo } from '../model/promise-model';
import { cloneJson } from '../private/json';

/** One container of a run: how it ended and how long it took. */
export interface ContainerRun {
  readonly name: string;
  /** `step`, `exec` or the engine's name. */
  readonly runner: string;
  readonly exitCode: number;
  readonly ms: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Env vars the container gets from Secrets, ConfigMaps or the Pod (`valueFrom`, `envFrom`), which a local run leaves unset. */
  readonly unresolvedEnv: string[];
}

/** One pipeline of a run. */
export interface PipelineRun {
  readonly name: string;
  readonly containers: ContainerRun[];
  /** The Work its work-writer wrote (configure pipelines that did not suspend). */
  readonly work?: KubeObject;
  /** What the status-writer printed. */
  readonly warnings: string[];
  readonly suspended?: { readonly retry: boolean; readonly message?: string; readonly nextRetryAt?: string };
  /** Why Kratix would fail this pipeline. */
  readonly failure?: string;
  /** The container whose non-zero exit failed the pipeline. */
  readonly failedContainer?: string;
}

/** A workload group no Destination takes. */
export interface UnscheduledGroup {
  readonly work: string;
  readonly id: string;
  readonly directory: string;
}

/** Everything a workflow run did, as Kratix would have done it. */
export interface RunResult {
  /** True when every pipeline that ran succeeded (a suspension is a success). */
  readonly ok: boolean;
  readonly workflow: WorkflowRef;
  /** The object (request or Promise) with the status and labels Kratix would have given it. */
  readonly object: KubeObject;
  /** The object's status before the run. */
  readonly statusBefore: Status;
  readonly pipelines: PipelineRun[];
  /** Every Work Kratix would create or update, in order. */
  readonly works: KubeObject[];
  readonly placements: Placement[];
  readonly unscheduled: UnscheduledGroup[];
  /** Resource groups several Destinations match, and the one picked (the first by name; Kratix picks at random). */
  readonly choices: Schedule['choices'];
  /** Every file in the state store, decoded, in each Destination's layout. */
  readonly stateStore: StateStoreFile[];
  /** Why the run failed (a container or Kratix failed the pipeline). */
  readonly failure?: { readonly pipeline: string; readonly container?: string; readonly message: string };
  /** Why no pipeline ran: the object is suspended and no retry is due (see `workflowStart`). */
  readonly waiting?: string;
  /** The pipeline the run resumed at (the Suspended one), when it did not start from the first. */
  readonly resumedAt?: string;
}

/** How to run one user container. */
export type ContainerRunners = (pipelineName: string, containerName: string) => { readonly kind: string; readonly run: ContainerRunner } | undefined;

/** The low-level options of `executeWorkflow`. */
export interface ExecuteOptions {
  readonly workflow: WorkflowRef;
  readonly request?: unknown;
  readonly destinations: readonly Destination[];
  readonly runners: ContainerRunners;
  readonly settings?: RenderSettings;
  /** The run's clock; default now. */
  readonly now?: Date;
  /** Called once every container is mapped, before anything runs; may throw RunInputError. */
  readonly beforeRun?: () => void;
}

/** Bad input to a run (the Promise, the request, the container mapping): nothing ran. */
export class RunInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunInputError';
  }
}

function asDocument(promise: unknown): any {
  // A KratixPromise construct (or any construct with toJson), else a Promise document.
  const p = promise as any;
  return p !== null && typeof p === 'object' && typeof p.toJson === 'function' && p.node !== undefined ? p.toJson() : promise;
}

function inputError(e: unknown): RunInputError {
  if (e instanceof RenderError) return new RunInputError(`${e.input === 'promise' ? 'the Promise' : e.input === 'request' ? 'the request' : 'the settings'}: ${e.path}: ${e.problem}`);
  return new RunInputError((e as Error).message);
}

/** The Promise read once, for the renderer and the runtime. */
function prepare(promise: unknown): PreparedPromise {
  try {
    return new PreparedPromise(promise);
  } catch (e) {
    throw inputError(e);
  }
}

function render(promise: PreparedPromise, options: ExecuteOptions): RenderedPipeline[] {
  try {
    return renderWorkflow(promise, options.workflow, options.request, options.settings);
  } catch (e) {
    throw inputError(e);
  }
}

/** The user containers of a rendered pipeline, with their env as rendered (`value`s only). */
function userContainerSpecs(p: RenderedPipeline, action: string): Array<{ spec: Omit<ContainerSpec, 'dirs'>; unresolvedEnv: string[] }> {
  const pod = p.job.spec.template.spec;
  const init: any[] = pod.initContainers;
  return init.slice(1, action === 'configure' ? -1 : undefined).map(c => {
    const env: Record<string, string> = {};
    const unresolvedEnv: string[] = [];
    for (const e of c.env ?? []) {
      if (e.valueFrom !== undefined) unresolvedEnv.push(e.name);
      else env[e.name] = e.value ?? '';
    }
    for (const from of c.envFrom ?? []) unresolvedEnv.push(`envFrom ${from.secretRef?.name ?? from.configMapRef?.name ?? ''}`.trim());
    return {
      spec: { pipelineName: p.pipelineName, name: c.name, image: c.image, command: c.command ?? [], args: c.args ?? [], env },
      unresolvedEnv,
    };
  });
}

interface PipelineInput {
  /** The live object; the status-writer changes it in place. */
  readonly object: KubeObject;
  readonly now: Date;
  readonly type: string;
  readonly action: string;
  readonly dryRun: boolean;
  readonly pipeline: RenderedPipeline;
  readonly containers: ReturnType<typeof userContainerSpecs>;
  readonly runners: ContainerRunners;
  readonly isLast: boolean;
  readonly promise: PromiseInfo;
}

/**
 * One pipeline's Pod: the reader writes object.yaml, the user containers run in order (a
 * non-zero exit stops the Pod), then the work-writer (configure only) and the status-writer.
 */
async function runPipeline(input: PipelineInput): Promise<PipelineRun> {
  const { object, now, type, action, pipeline: p } = input;
  const containers: ContainerRun[] = [];
  const run: { -readonly [K in keyof PipelineRun]: PipelineRun[K] } = { name: p.pipelineName, containers, warnings: [] };
  const dirs = acquireDirs();
  try {
    writeObjectFile(dirs, objectYaml(object));
    for (const c of input.containers) {
      const runner = input.runners(p.pipelineName, c.spec.name)!;
      const t0 = process.hrtime.bigint();
      let outcome: ContainerOutcome;
      try {
        outcome = await runner.run({ ...c.spec, dirs });
      } catch (e: any) {
        outcome = { exitCode: 1, stdout: '', stderr: `${e?.stack ?? e}\n` };
      }
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      containers.push({ name: c.spec.name, runner: runner.kind, ms, unresolvedEnv: c.unresolvedEnv, ...outcome });
      if (outcome.exitCode !== 0) {
        run.failure = `container ${c.spec.name} exited with code ${outcome.exitCode}`;
        run.failedContainer = c.spec.name;
        return run;
      }
    }
    try {
      const metadata = new MetadataDir(dirs.metadata);
      // The work-writer (configure only): selectors are checked before workflow control.
      if (action === 'configure') {
        const selectors = metadata.selectors();
        if (metadata.control().action === 'none') {
          const owner = {
            promiseName: input.promise.name,
            pipelineName: p.pipelineName,
            type,
            namespace: p.namespace,
            request: type === 'resource' ? { name: object.metadata.name, namespace: object.metadata.namespace ?? '' } : undefined,
            pipelineNamespaceSet: input.promise.pipelineNamespace !== '',
            dryRun: input.dryRun,
          };
          run.work = pipelineWork(owner, workloadGroups(dirs.output, selectors, type, input.promise.destinationSelectors), now);
        }
      }
      const outcome = writeStatus(object, {
        type,
        pipelineName: p.pipelineName,
        isLast: input.isLast,
        dryRun: input.dryRun,
        incoming: metadata.status(),
        control: metadata.control(),
        controlFile: CONTROL_FILE,
        now,
      });
      run.warnings = outcome.warnings;
      if (outcome.suspended) run.suspended = outcome.suspended;
    } catch (e: any) {
      run.failure = e instanceof Error ? e.message : String(e);
    }
    return run;
  } finally {
    releaseDirs(dirs);
  }
}

/**
 * Runs a workflow as Kratix would, around the given container runners: the controller's status
 * changes, the reader, the user containers, the work-writer, the status-writer, then scheduling
 * and the state store. The library API (`runWorkflow`) and the command line (`cdk8s-kratix run`)
 * both call this.
 *
 * @throws RunInputError for bad input, before any container runs
 */
export async function executeWorkflow(promiseInput: unknown, options: ExecuteOptions): Promise<RunResult> {
  const promise = asDocument(promiseInput);
  const [type, action] = options.workflow.split('/');
  if (type === 'resource' && (options.request === undefined || options.request === null)) {
    throw new RunInputError(`${options.workflow} runs for one resource request: give the request`);
  }
  const preparedPromise = prepare(promise);
  const rendered = render(preparedPromise, options);
  const now = options.now ?? new Date();
  const prepared = preparedPromise.info;

  // Every container is mapped before anything runs.
  const plans = rendered.map(p => userContainerSpecs(p, action));
  const unmapped = rendered.flatMap((p, i) => plans[i].filter(c => !options.runners(p.pipelineName, c.spec.name)).map(c => `${p.pipelineName}/${c.spec.name}`));
  if (unmapped.length > 0) {
    throw new RunInputError(`no way to run container${unmapped.length > 1 ? 's' : ''} ${unmapped.join(', ')}: map each with --exec NAME=COMMAND (or a step), or run the images with --engine docker|podman`);
  }
  options.beforeRun?.();

  const object: KubeObject = cloneJson(type === 'resource' ? options.request : promise) as KubeObject;
  if (typeof object.metadata !== 'object' || object.metadata === null) object.metadata = { name: '' };
  const statusBefore: Status = cloneJson(object.status ?? {});
  const declared: string[] = prepared.pipelines[type as 'promise' | 'resource'][action as 'configure' | 'delete'].map(p => p.name);
  const dryRun = type === 'resource' && (object.metadata.labels ?? {})[KratixLabels.DRY_RUN] === 'true';

  const works: KubeObject[] = [];
  const pipelines: PipelineRun[] = [];
  let failure: RunResult['failure'];
  if (options.workflow === 'promise/configure') {
    const dependencies = Array.isArray(promise.spec?.dependencies) ? promise.spec.dependencies : [];
    const deps = staticDependenciesWork(prepared.name, dependencies, prepared.destinationSelectors);
    if (deps) works.push(deps);
  }

  const start = workflowStart(object, now);
  let first = 0;
  if (start.kind === 'wait') {
    workflowSuspended(object, action, now);
    const nothing = { pipelines: [], works: [], placements: [], unscheduled: [], choices: [], stateStore: [] };
    return { ok: true, workflow: options.workflow, object, statusBefore, ...nothing, waiting: start.reason };
  } else if (start.kind === 'resume' && start.index < rendered.length) {
    first = start.index;
    if (action === 'configure') object.status.workflowsSucceeded = first;
  } else {
    startWorkflow(object, action === 'delete' ? declared.slice(0, 1) : declared, action, now);
  }
  for (let i = first; i < rendered.length; i++) {
    const p = rendered[i];
    startPipeline(object, p.pipelineName, action, now);
    const run = await runPipeline({
      object,
      now,
      type,
      action,
      dryRun,
      pipeline: p,
      containers: plans[i],
      runners: options.runners,
      isLast: i === declared.length - 1,
      promise: prepared,
    });
    pipelines.push(run);
    if (run.work) works.push(run.work);
    if (run.failure !== undefined) {
      failure = { pipeline: p.pipelineName, container: run.failedContainer, message: run.failure };
      pipelineFailed(object, p.pipelineName, action, now);
      break;
    }
    if (run.suspended) {
      // Suspend and retry stop the workflow here: later pipelines do not start.
      workflowSuspended(object, action, now);
      break;
    }
    pipelineSucceeded(object, p.pipelineName, action, i + 1, now);
  }

  const placements: Placement[] = [];
  const unscheduled: UnscheduledGroup[] = [];
  const choices: Schedule['choices'] = [];
  for (const work of works) {
    const s = scheduleWork(work, options.destinations);
    placements.push(...s.placements);
    choices.push(...s.choices);
    for (const id of s.unscheduled) {
      const group = work.spec.workloadGroups.find((g: any) => g.id === id);
      unscheduled.push({ work: work.metadata.name, id, directory: group?.directory ?? '' });
    }
  }
  return {
    ok: failure === undefined,
    workflow: options.workflow,
    object,
    statusBefore,
    pipelines,
    works,
    placements,
    unscheduled,
    choices,
    stateStore: stateStoreFiles(placements),
    failure,
    ...(start.kind === 'resume' && first < rendered.length ? { resumedAt: rendered[first].pipelineName } : {}),
  };
}
