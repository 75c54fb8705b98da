/**
 * Benchmark 2, render: every object of resource/configure for R resource requests of one Promise,
 * through the library's own output path (renderWorkflow + workflowObjects + toYaml per request, as
 * the CLI does), against the same objects as cdk8s ApiObjects synthesized, and written with
 * JSON.stringify. Benchmark 3 (peer, bench/peer.ts) builds the same objects with cdk8s-plus-28.
 */
import { apiObjectsYaml, appObjects, benchApp, StagedCase, timeInterleaved } from './common';
import { peerYaml } from './peer';
import { PreparedPromise, renderWorkflow, RenderSettings, toYaml, workflowObjects } from '../src/render';

export const RENDER_SETTINGS: RenderSettings = {
  adapterImage: 'docker.io/syntasso/kratix-platform-pipeline-adapter:v1.2.3',
  kratixConfig: { workflows: { jobOptions: { defaultBackoffLimit: 2 } } },
};

/** The Promise of the synth benchmark, as stored in a cluster. */
export function renderPromise(): any {
  const promise = appObjects(benchApp(1))[0];
  promise.metadata.uid = '5b0c6a1e-0005-4c1d-9a7e-000000000005';
  return promise;
}

/** R resource requests of the bench Promise, over 20 namespaces. */
export function renderRequests(r: number): any[] {
  return Array.from({ length: r }, (_, i) => ({
    apiVersion: 'bench.example.com/v1alpha1',
    kind: 'Svc0',
    metadata: { name: `request-${i}`, namespace: `team-${i % 20}`, uid: `7c1d2e3f-0005-4a5b-8c9d-${String(i).padStart(12, '0')}` },
    spec: { size: ['small', 'medium', 'large'][i % 3], replicas: 1 + (i % 5), region: 'eu-west-1', backup: { enabled: i % 2 === 0, schedule: '0 2 * * *' } },
  }));
}

/**
 * The CLI's output path for every request: the YAML text of each, handed to a sink as the CLI
 * hands it to stdout (here: its length is counted). Returns the bytes written.
 */
export function renderAll(promise: any, requests: readonly any[]): number {
  // The Promise is read and hashed once for all its requests, as the library offers.
  const prepared = new PreparedPromise(promise);
  let written = 0;
  for (const request of requests) {
    written += toYaml(workflowObjects(renderWorkflow(prepared, 'resource/configure', request, RENDER_SETTINGS))).length + 4;
  }
  return written;
}

/** The text floor on the same terms: each object written with JSON.stringify to the sink. */
export function jsonWrite(objects: readonly any[]): number {
  let written = 0;
  for (const o of objects) written += JSON.stringify(o).length + 1;
  return written;
}

/** The rendered objects of every request, in order. */
export function renderObjects(promise: any, requests: readonly any[]): any[] {
  return requests.flatMap(request => workflowObjects(renderWorkflow(promise, 'resource/configure', request, RENDER_SETTINGS)));
}

export interface RenderResult {
  readonly r: number;
  readonly objects: number;
  readonly yamlBytes: number;
  readonly ms: { ours: number; apiObjectFloor?: number; jsonFloor: number; peer?: number };
  readonly objectsPerSecond: number;
  /** Ours and the JSON floor, interleaved. */
  readonly runs: { ours: number[]; jsonFloor: number[] };
  /** Ours, the cdk8s ApiObject floor and the peer, interleaved in rounds of their own. */
  readonly cdk8sRuns?: { ours: number[]; apiObjectFloor: number[]; peer: number[] };
}

/**
 * @param repeats rounds of ours against the JSON floor
 * @param cdk8sRepeats rounds of ours against the cdk8s ApiObject floor and the cdk8s-plus-28 peer
 *   (slow at large R); none when 0
 */
export function benchRender(r: number, repeats: number, cdk8sRepeats: number): RenderResult {
  const promise = renderPromise();
  const requests = renderRequests(r);
  const objectCount = renderObjects(promise, requests).length;
  const yamlBytes = renderAll(promise, requests);
  // The floors take the rendered objects as input, built untimed before each of their runs: kept
  // alive throughout, 210,000 objects would slow the garbage collection of every other case.
  const withObjects = (run: (objects: any[]) => unknown): StagedCase => ({ prepare: () => renderObjects(promise, requests), run });
  const ours = () => renderAll(promise, requests);
  const t = timeInterleaved({ ours, jsonFloor: withObjects(jsonWrite) }, repeats);
  // The cdk8s cases take 30 to 70 times as long as ours and leave a heap that slows the run after
  // them about twofold, so they get rounds of their own rather than distort the JSON comparison.
  const c = cdk8sRepeats > 0
    ? timeInterleaved({ ours, apiObjectFloor: withObjects(apiObjectsYaml), peer: withObjects(peerYaml) }, cdk8sRepeats)
    : undefined;
  return {
    r,
    objects: objectCount,
    yamlBytes,
    ms: { ours: t.ours.ms, jsonFloor: t.jsonFloor.ms, apiObjectFloor: c?.apiObjectFloor.ms, peer: c?.peer.ms },
    objectsPerSecond: Math.round(objectCount / (t.ours.ms / 1000)),
    runs: { ours: t.ours.runs, jsonFloor: t.jsonFloor.runs },
    cdk8sRuns: c && { ours: c.ours.runs, apiObjectFloor: c.apiObjectFloor.runs, peer: c.peer.runs },
  };
}
