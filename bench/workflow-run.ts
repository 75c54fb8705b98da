/**
 * Benchmark `runWorkflow`: R resource requests, each through a one-pipeline, one-step in-process
 * workflow whose step writes three files with the SDK (reader, work-writer, scheduling to one
 * Destination, state store, status-writer included), against the floor of writing the same three
 * files with `fs` into a fresh directory per request.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gc, median, now, pairedRatio } from './common';
import { runWorkflow } from '../src/run';

const FILES = ['deployment.yaml', 'service.yaml', 'configmap.yaml'];

/** A small manifest, as a pipeline writes it. */
function manifest(kind: string, name: string): string {
  return `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: ${name}\n  namespace: team-a\n  labels:\n    app: ${name}\nspec:\n  replicas: 2\n`;
}

export function runPromise(): any {
  return {
    apiVersion: 'platform.kratix.io/v1alpha1',
    kind: 'Promise',
    metadata: { name: 'webapp' },
    spec: {
      destinationSelectors: [{ matchLabels: { environment: 'dev' } }],
      api: {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'webapps.example.org' },
        spec: {
          group: 'example.org',
          names: { kind: 'WebApp', plural: 'webapps', singular: 'webapp' },
          scope: 'Namespaced',
          versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
        },
      },
      workflows: {
        resource: {
          configure: [{
            apiVersion: 'platform.kratix.io/v1alpha1',
            kind: 'Pipeline',
            metadata: { name: 'deploy' },
            spec: { containers: [{ name: 'render', image: 'ghcr.io/acme/render:v1' }] },
          }],
        },
      },
    },
  };
}

const DESTINATIONS = [{ apiVersion: 'platform.kratix.io/v1alpha1', kind: 'Destination', metadata: { name: 'worker-1', labels: { environment: 'dev' } }, spec: { path: 'worker-1' } }];

export function runRequests(r: number): any[] {
  return Array.from({ length: r }, (_, i) => ({ apiVersion: 'example.org/v1', kind: 'WebApp', metadata: { name: `app-${i}`, namespace: 'team-a' }, spec: { replicas: 2 } }));
}

/** R requests through runWorkflow, one after the other; returns the number of state-store files. */
export async function runAll(promise: any, requests: readonly any[]): Promise<number> {
  let files = 0;
  for (const request of requests) {
    const result = await runWorkflow(promise, {
      workflow: 'resource/configure',
      request,
      destinations: DESTINATIONS,
      steps: { render: sdk => { for (const f of FILES) sdk.writeOutput(f, manifest(f.split('.')[0], request.metadata.name)); } },
    });
    if (!result.ok) throw new Error(`run failed: ${result.failure?.message}`);
    files += result.stateStore.length;
  }
  return files;
}

/** The floor: the same three files per request, written with fs into a fresh directory. */
export function floorAll(base: string, requests: readonly any[]): number {
  let files = 0;
  requests.forEach((request, i) => {
    const dir = path.join(base, String(i));
    fs.mkdirSync(dir);
    for (const f of FILES) {
      fs.writeFileSync(path.join(dir, f), manifest(f.split('.')[0], request.metadata.name));
      files++;
    }
  });
  return files;
}

export interface RunBenchResult {
  readonly requests: number;
  readonly ms: { ours: number; floor: number };
  readonly perRequestMs: { ours: number; floor: number };
  readonly runs: { ours: number[]; floor: number[] };
}

/**
 * Times ours and the floor interleaved (A B, B A, ...), a warm-up round discarded, each round's
 * floor directory created and removed untimed.
 */
export async function benchRun(r: number, repeats: number): Promise<RunBenchResult> {
  const promise = runPromise();
  const requests = runRequests(r);
  const runs = { ours: [] as number[], floor: [] as number[] };
  for (let round = 0; round < repeats + 1; round++) {
    const order: Array<'ours' | 'floor'> = round % 2 === 0 ? ['ours', 'floor'] : ['floor', 'ours'];
    for (const which of order) {
      const base = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-kratix-bench-floor-'));
      gc();
      const t0 = now();
      const files = which === 'ours' ? await runAll(promise, requests) : floorAll(base, requests);
      const t = now() - t0;
      fs.rmSync(base, { recursive: true, force: true });
      if (files !== r * FILES.length) throw new Error(`${which}: ${files} files for ${r} requests`);
      if (round > 0) runs[which].push(t);
    }
  }
  const ms = { ours: median(runs.ours), floor: median(runs.floor) };
  return { requests: r, ms, perRequestMs: { ours: ms.ours / r, floor: ms.floor / r }, runs };
}

/** time(R=large) / time(R=small), paired by round. */
export async function runScaling(
  small: number, large: number, repeats: number,
): Promise<{ ratio: number; runs: { small: number[]; large: number[] } }> {
  const promise = runPromise();
  const [a, b] = [runRequests(small), runRequests(large)];
  const runs = { small: [] as number[], large: [] as number[] };
  await runAll(promise, a);
  for (let round = 0; round < repeats; round++) {
    for (const which of (round % 2 === 0 ? ['small', 'large'] : ['large', 'small']) as Array<'small' | 'large'>) {
      gc();
      const t0 = now();
      await runAll(promise, which === 'small' ? a : b);
      runs[which].push(now() - t0);
    }
  }
  return { ratio: pairedRatio(runs.large, runs.small), runs };
}
