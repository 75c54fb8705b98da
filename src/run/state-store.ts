import * as path from 'path';
import { KratixLabels } from '../constants';
import { Placement } from './scheduling';
import { decompress } from './workload-groups';

/** One file in a Destination's part of the state store. */
export interface StateStoreFile {
  readonly destination: string;
  /** The file's path in the state store, starting with the Destination's `spec.path` (the StateStore's own path prefix left out). */
  readonly path: string;
  readonly content: Buffer;
}

/** `filepath.Join`: segments joined and cleaned, empty ones vanish; no leading `/` in the state store. */
function join(...segments: string[]): string {
  return path.posix.join(...segments.filter(s => s !== '')).replace(/^\/+/, '');
}

/**
 * Where one WorkPlacement's files go in `nestedByMetadata` mode (runtime doc §5.8): resource Works
 * under `DEST/resources/<ns>/<P>/<RR>/<PL>/<id5>/`, other Works under `DEST/dependencies/<P>/<PL>/<id5>/`.
 */
function nestedDir(p: Placement): string {
  const work = p.work;
  const id5 = String(p.group.id).slice(0, 5);
  const pipeline = work.metadata.labels?.[KratixLabels.PIPELINE_NAME] ?? '';
  const promise = work.spec.promiseName;
  const resource = work.spec.resourceName;
  return typeof resource === 'string' && resource !== ''
    ? join(p.destination.path, 'resources', work.metadata.namespace ?? '', promise, resource, pipeline, id5)
    : join(p.destination.path, 'dependencies', promise, pipeline, id5);
}

/**
 * The files the GitOps agent finds in the state store after Kratix writes every placement
 * (runtime doc §5.8), decoded, in each Destination's filepath mode. Kratix's canary files
 * (`initWorkloads`) are not part of a workflow and are left out.
 */
export function stateStoreFiles(placements: readonly Placement[]): StateStoreFile[] {
  const out: StateStoreFile[] = [];
  const aggregated = new Map<string, Placement[]>();
  for (const p of placements) {
    const dest = p.destination;
    const workloads: Array<{ filepath: string; content: string }> = p.group.workloads ?? [];
    if (dest.filepathMode === 'aggregatedYAML') {
      aggregated.set(dest.name, [...(aggregated.get(dest.name) ?? []), p]);
    } else if (dest.filepathMode === 'none') {
      const files = workloads.map(w => join(dest.path, w.filepath));
      workloads.forEach((w, i) => out.push({ destination: dest.name, path: files[i], content: decompress(w.content) }));
      const state = `files:\n${files.map(f => `- ${f}\n`).join('')}`;
      out.push({ destination: dest.name, path: join(dest.path, '.kratix', `${p.work.metadata.namespace}-${p.name}.yaml`), content: Buffer.from(state) });
    } else {
      const dir = nestedDir(p);
      for (const w of workloads) out.push({ destination: dest.name, path: join(dir, w.filepath), content: decompress(w.content) });
    }
  }
  for (const list of aggregated.values()) {
    const dest = list[0].destination;
    const sorted = [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const parts = sorted.flatMap(p => (p.group.workloads ?? []).map((w: { content: string }) => decompress(w.content).toString('utf8')));
    out.push({ destination: dest.name, path: join(dest.path, dest.filename), content: Buffer.from(parts.join('\n---\n')) });
  }
  return out;
}
