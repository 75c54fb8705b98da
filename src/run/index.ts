/*
 * `cdk8s-kratix/run`: run a Promise's workflow locally, exactly as Kratix would around the
 * containers (reader, work-writer, scheduler, state store, status-writer). Not part of the jsii
 * API: steps are TypeScript functions and the run is asynchronous.
 */
import { RenderSettings, WorkflowRef } from '../render';
import { ENGINES, engineRunner, execRunner, onPath } from './containers';
import { Destination, readDestinations } from './destinations';
import { executeWorkflow, RunInputError, RunResult } from './run-workflow';
import { PipelineStep, stepRunner } from './steps';

export type { ContainerRun, PipelineRun, RunResult, UnscheduledGroup } from './run-workflow';
export { RunInputError } from './run-workflow';
export type { Destination, FilepathMode } from './destinations';
export { DestinationError, readDestinations } from './destinations';
export type { StateStoreFile } from './state-store';
export type { Placement } from './scheduling';
export type { PipelineStep } from './steps';
export { resultFiles, diffTrees } from './result-files';
export { runSummary } from './summary';
export { decompress } from './workload-groups';

/** The container engines `engine` accepts. */
export type Engine = typeof ENGINES[number];

/** Options of `runWorkflow`. */
export interface RunWorkflowOptions {
  /** The workflow to run: `promise/configure`, `promise/delete`, `resource/configure` or `resource/delete`. */
  readonly workflow: WorkflowRef;
  /** The resource request (resource workflows), as stored by the API server. */
  readonly request?: unknown;
  /**
   * In-process steps: container name (or `<pipeline>/<container>`) to a function that does what
   * the container does, given the pipeline SDK bound to the container's directories and env.
   */
  readonly steps?: Readonly<Record<string, PipelineStep>>;
  /** Containers run on this machine as `sh -c COMMAND`: container name (or `<pipeline>/<container>`) to the command. */
  readonly exec?: Readonly<Record<string, string>>;
  /** Run the other containers' images with this engine (it must be on PATH). */
  readonly engine?: Engine;
  /** Kratix `Destination` documents (or already read Destinations) to schedule to. @default - none: every group is unscheduled */
  readonly destinations?: readonly unknown[];
  /** The Kratix controller settings the renderer uses. */
  readonly settings?: RenderSettings;
  /** The run's clock. @default - now */
  readonly now?: Date;
}

function isDestination(d: unknown): d is Destination {
  return typeof d === 'object' && d !== null && typeof (d as Destination).filepathMode === 'string' && typeof (d as Destination).path === 'string';
}

/**
 * Runs every pipeline of a workflow as Kratix would (delete: the first only) and returns what
 * Kratix would have made of it: the object with its status and labels, the Works, the placements
 * and the state store's files. A container that fails, or a pipeline Kratix would fail, gives
 * `ok: false` with the `failure`.
 *
 * @param promise a `KratixPromise` construct or a Promise document
 * @throws RunInputError for bad input (request, Destinations, unmapped or unknown containers), before anything runs
 */
export async function runWorkflow(promise: unknown, options: RunWorkflowOptions): Promise<RunResult> {
  const docs = options.destinations ?? [];
  const destinations = docs.every(isDestination) ? docs as Destination[] : readDestinations(docs, 'destinations');
  const steps = options.steps ?? {};
  const exec = options.exec ?? {};
  const engineBinary = options.engine === undefined ? undefined : onPath(options.engine);
  if (options.engine !== undefined && !(ENGINES as readonly string[]).includes(options.engine)) {
    throw new RunInputError(`engine ${JSON.stringify(options.engine)}: expected one of ${ENGINES.join(', ')}`);
  }
  const used = new Set<string>();
  const lookup = <T>(map: Readonly<Record<string, T>>, pipeline: string, container: string): T | undefined => {
    for (const key of [`${pipeline}/${container}`, container]) {
      if (Object.prototype.hasOwnProperty.call(map, key)) {
        used.add(key);
        return map[key];
      }
    }
    return undefined;
  };
  const runners = (pipeline: string, container: string) => {
    const step = lookup(steps, pipeline, container);
    if (step) return { kind: 'step', run: stepRunner(step) };
    const command = lookup(exec, pipeline, container);
    if (command !== undefined) return { kind: 'exec', run: execRunner(command) };
    if (options.engine === undefined) return undefined;
    if (engineBinary === undefined) {
      throw new RunInputError(`--engine ${options.engine}: '${options.engine}' is not installed (not found on PATH); install it, or run container ${pipeline}/${container} with --exec NAME=COMMAND`);
    }
    return { kind: options.engine, run: engineRunner(engineBinary) };
  };
  return executeWorkflow(promise, { ...options, destinations, runners, beforeRun: () => checkUnknown(used, steps, exec) });
}

function checkUnknown(used: Set<string>, steps: Readonly<Record<string, unknown>>, exec: Readonly<Record<string, unknown>>): void {
  const unknown = [...Object.keys(steps), ...Object.keys(exec)].filter(k => !used.has(k));
  if (unknown.length > 0) throw new RunInputError(`no container of the workflow is named ${unknown.map(u => `'${u}'`).join(', ')}: name a user container of a pipeline that runs (or <pipeline>/<container>)`);
}
