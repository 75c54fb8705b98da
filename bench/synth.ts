/**
 * Benchmark 1, synth: a cdk8s app with N Promises synthesized to YAML, against the same objects
 * as plain cdk8s ApiObjects (the floor for anything that goes through cdk8s) and written with
 * JSON.stringify (the floor for any text output). Each case builds its constructs and then
 * synthesizes (`app.synthYaml()`), as `cdk8s synth` does.
 */
import { apiObjectsYaml, appObjects, bareTreeYaml, benchApp, jsonText, promiseTreeShape, timeInterleaved } from './common';

export interface SynthResult {
  readonly n: number;
  readonly objects: number;
  readonly yamlBytes: number;
  readonly ms: { ours: number; apiObjectFloor: number; treeFloor: number; jsonFloor: number };
  readonly runs: Record<string, number[]>;
}

export function benchSynth(n: number, repeats: number): SynthResult {
  const objects = () => appObjects(benchApp(n));
  const yaml = benchApp(n).synthYaml();
  const count = objects().length;
  if (apiObjectsYaml(objects()) !== yaml) throw new Error('synth: the ApiObject floor does not write the same YAML as the Promises');
  const shape = promiseTreeShape(benchApp(1));
  if (bareTreeYaml(objects(), shape) !== yaml) throw new Error('synth: the tree floor does not write the same YAML as the Promises');
  // The floors' objects are built untimed before each of their runs and dropped after, so that
  // they do not slow the garbage collection of the other cases.
  const t = timeInterleaved({
    ours: () => benchApp(n).synthYaml(),
    apiObjectFloor: { prepare: objects, run: apiObjectsYaml },
    treeFloor: { prepare: objects, run: (o: any[]) => bareTreeYaml(o, shape) },
    jsonFloor: { prepare: objects, run: jsonText },
  }, repeats);
  return {
    n,
    objects: count,
    yamlBytes: yaml.length,
    ms: { ours: t.ours.ms, apiObjectFloor: t.apiObjectFloor.ms, treeFloor: t.treeFloor.ms, jsonFloor: t.jsonFloor.ms },
    runs: { ours: t.ours.runs, apiObjectFloor: t.apiObjectFloor.runs, treeFloor: t.treeFloor.runs, jsonFloor: t.jsonFloor.runs },
  };
}
