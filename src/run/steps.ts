import { ContainerRunner, localEnv, PipelineDirs } from './containers';

/** What an in-process step is given. */
export interface StepContext {
  /** The container's env as Kratix renders it, plus KRATIX_INPUT_DIR, KRATIX_OUTPUT_DIR, KRATIX_METADATA_DIR. */
  readonly env: Readonly<Record<string, string>>;
  /** The pipeline's directories. */
  readonly dirs: PipelineDirs;
}

/** An in-process step: does what one user container does. A thrown error fails the container. */
export type PipelineStep = (context: StepContext) => unknown;

/** Runs a step in this process; a thrown error (or rejected promise) is exit code 1 with its stack on stderr. */
export function stepRunner(step: PipelineStep): ContainerRunner {
  return async spec => {
    try {
      await step({ env: localEnv(spec), dirs: spec.dirs });
      return { exitCode: 0, stdout: '', stderr: '' };
    } catch (e: any) {
      return { exitCode: 1, stdout: '', stderr: `${e?.stack ?? e}\n` };
    }
  };
}
