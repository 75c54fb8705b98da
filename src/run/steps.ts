import { ContainerRunner, localEnv } from './containers';
import { KratixSdk } from '../sdk/kratix-sdk';

/**
 * An in-process step: does what one user container does, with the pipeline SDK bound to that
 * container's directories and environment (`sdk.context` reads the env Kratix renders for it).
 * A thrown error, or a rejected promise, fails the container.
 */
export type PipelineStep = (sdk: KratixSdk) => unknown;

/**
 * Runs a step in this process with a `KratixSdk` of its own: the rendered env plus
 * KRATIX_INPUT_DIR, KRATIX_OUTPUT_DIR and KRATIX_METADATA_DIR; the SDK's warnings go to the
 * container's stderr. A thrown error is exit code 1 with its stack on stderr.
 */
export function stepRunner(step: PipelineStep): ContainerRunner {
  return async spec => {
    let stderr = '';
    const env = localEnv(spec);
    const sdk = new KratixSdk({
      env,
      inputDir: spec.dirs.input,
      outputDir: spec.dirs.output,
      metadataDir: spec.dirs.metadata,
      warn: message => { stderr += `${message}\n`; },
    });
    try {
      await step(sdk);
      return { exitCode: 0, stdout: '', stderr };
    } catch (e: any) {
      return { exitCode: 1, stdout: '', stderr: `${stderr}${e?.stack ?? e}\n` };
    }
  };
}
