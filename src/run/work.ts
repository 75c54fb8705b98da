import { Kratix, KratixLabels } from '../constants';
import { deterministicName, KubeObject, md5Hex } from '../render';
import { rfc3339 } from './time';
import { compress, PROMISE_SOURCE, ROOT_DIRECTORY, squash, WorkloadGroup } from './workload-groups';
import { yamlV2KeyLess } from '../render/destination-selectors';
import { emitYamlDocument } from '../render/yaml-emitter';

/** The apiVersion of Works. */
export const WORK_API_VERSION = Kratix.API_VERSION;

/** Who a pipeline's Work is for. */
export interface WorkOwner {
  readonly promiseName: string;
  readonly pipelineName: string;
  /** `promise` or `resource`. */
  readonly type: string;
  /** The pipeline namespace (`''` becomes `kratix-platform-system`). */
  readonly namespace: string;
  /** Resource workflows: the request. */
  readonly request?: { readonly name: string; readonly namespace: string };
  /** `spec.workflows.config.pipelineNamespace` is set: the work-writer gets `--resource-namespace`. */
  readonly pipelineNamespaceSet: boolean;
  readonly dryRun: boolean;
}

/**
 * Kratix's Work identifier (`buildWorkIdentifier`): `<P>-<PL>` for promise workflows,
 * `<P>-<RR>-<PL>` for resource workflows, `<P>-<RR>-<RRns>-<PL>` when `pipelineNamespace` is set.
 */
export function workIdentifier(owner: WorkOwner): string {
  if (!owner.type.startsWith('resource') || !owner.request) return `${owner.promiseName}-${owner.pipelineName}`;
  const ns = owner.pipelineNamespaceSet && owner.request.namespace !== '' ? `-${owner.request.namespace}` : '';
  return `${owner.promiseName}-${owner.request.name}${ns}-${owner.pipelineName}`;
}

/**
 * The Work's name: Kratix's `GenerateObjectName(identifier)` with the random five characters
 * replaced by `deterministicName`'s md5 of the identifier. Kratix keeps a Work's name for as long
 * as the Work lives (it finds it again by its labels, runtime doc §4.5), so a name that depends
 * only on the identifier is what a user sees across runs.
 */
export function workName(owner: WorkOwner): string {
  return deterministicName(workIdentifier(owner));
}

/** Kratix's `GetWorkLabels`, keys sorted. */
export function workLabels(owner: WorkOwner): Record<string, string> {
  const labels: Record<string, string> = {};
  if (owner.dryRun) labels[KratixLabels.DRY_RUN] = 'true';
  labels[KratixLabels.PIPELINE_NAME] = owner.pipelineName;
  labels[KratixLabels.PROMISE_NAME] = owner.promiseName;
  if (owner.request && owner.type.startsWith('resource')) {
    labels[KratixLabels.RESOURCE_NAME] = owner.request.name;
    if (owner.pipelineNamespaceSet && owner.request.namespace !== '') labels[KratixLabels.RESOURCE_NAMESPACE] = owner.request.namespace;
  }
  labels[KratixLabels.WORK_TYPE] = owner.type;
  return labels;
}

/** A workload group as Go's JSON writes it: empty lists and maps left out (`omitempty`). */
function groupJson(g: WorkloadGroup): Record<string, any> {
  const out: Record<string, any> = {};
  if (g.workloads.length > 0) out.workloads = g.workloads.map(w => ({ filepath: w.filepath, content: w.content }));
  out.directory = g.directory;
  out.id = g.id;
  if (g.destinationSelectors.length > 0) {
    out.destinationSelectors = g.destinationSelectors.map(s => Object.keys(s.matchLabels).length > 0
      ? { matchLabels: s.matchLabels, source: s.source }
      : { source: s.source });
  }
  return out;
}

/**
 * The Work a configure pipeline's work-writer creates or updates (runtime doc §4.4).
 *
 * @param groups the workload groups, in the work-writer's order
 * @param now the time of the run
 */
export function pipelineWork(owner: WorkOwner, groups: readonly WorkloadGroup[], now: Date): KubeObject {
  const spec: Record<string, any> = { lastExecutionTimestamp: rfc3339(now) };
  if (groups.length > 0) spec.workloadGroups = groups.map(groupJson);
  spec.promiseName = owner.promiseName;
  if (owner.request && owner.type.startsWith('resource')) spec.resourceName = owner.request.name;
  return {
    apiVersion: WORK_API_VERSION,
    kind: 'Work',
    metadata: {
      name: workName(owner),
      namespace: owner.namespace !== '' ? owner.namespace : Kratix.SYSTEM_NAMESPACE,
      labels: workLabels(owner),
    },
    spec,
  };
}

/** A copy of plain data with map keys in gopkg.in/yaml.v2's order. */
function yamlV2Sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(yamlV2Sorted);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  const keys = Object.keys(value).sort((a, b) => (yamlV2KeyLess(a, b) ? -1 : yamlV2KeyLess(b, a) ? 1 : 0));
  for (const key of keys) out[key] = yamlV2Sorted((value as Record<string, unknown>)[key]);
  return out;
}

/**
 * The static-dependencies Work the Promise controller writes while `spec.dependencies` is
 * non-empty (runtime doc §4.7); undefined when it is empty.
 *
 * The dependencies file has yaml.v2's key order and `---\n` separators; its layout (block style,
 * indentation) is this library's YAML emitter's, which can differ from yaml.v2 in whitespace.
 */
export function staticDependenciesWork(
  promiseName: string, dependencies: readonly unknown[], promiseSelectors: ReadonlyArray<Record<string, string> | undefined>,
): KubeObject | undefined {
  if (dependencies.length === 0) return undefined;
  const text = dependencies.map(d => emitYamlDocument(yamlV2Sorted(d))).join('---\n');
  const group: WorkloadGroup = {
    workloads: [{ filepath: `static/${promiseName}-dependencies.yaml`, content: compress(Buffer.from(text, 'utf8')) }],
    directory: ROOT_DIRECTORY,
    id: md5Hex(ROOT_DIRECTORY),
    destinationSelectors: promiseSelectors.length > 0 ? [{ matchLabels: squash(promiseSelectors), source: PROMISE_SOURCE }] : [],
  };
  return {
    apiVersion: WORK_API_VERSION,
    kind: 'Work',
    metadata: {
      name: deterministicName(`${promiseName}-static-deps`),
      namespace: Kratix.SYSTEM_NAMESPACE,
      labels: { [KratixLabels.PROMISE_NAME]: promiseName, [KratixLabels.WORK_TYPE]: 'static-dependency' },
    },
    spec: { workloadGroups: [groupJson(group)], promiseName },
  };
}
