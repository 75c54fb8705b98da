import { KratixLabels } from '../constants';
import { KubeObject } from '../render';
import { Destination } from './destinations';
import { GroupSelector, PROMISE_SOURCE } from './workload-groups';

/** One workload group of a Work placed on one Destination (a Kratix WorkPlacement). */
export interface Placement {
  /** `<work name>.<destination name>-<id[0:5]>`. */
  readonly name: string;
  readonly work: KubeObject;
  /** The workload group, as in the Work's `spec.workloadGroups`. */
  readonly group: Record<string, any>;
  readonly destination: Destination;
}

/** Where the groups of one Work went. */
export interface Schedule {
  readonly placements: Placement[];
  /** The IDs of the groups no Destination matches. */
  readonly unscheduled: string[];
  /** Resource groups that several Destinations match: which one this run picked (Kratix picks at random). */
  readonly choices: Array<{ readonly work: string; readonly groupId: string; readonly picked: string; readonly among: string[] }>;
}

const DRY_RUN_SELECTOR = { [KratixLabels.DRY_RUN]: 'true' };

function rank(source: string): number {
  return source === PROMISE_SOURCE ? 2 : source === 'promise-workflow' ? 1 : 0;
}

/**
 * The one selector map of a workload group (runtime doc §5.1): its `destinationSelectors` copied
 * from lowest to highest rank (`promise` > `promise-workflow` > the rest), so that the Promise's
 * selectors win on a key conflict; a dry-run Work's groups all get `{kratix.io/dry-run: "true"}`.
 */
export function groupSelector(selectors: readonly GroupSelector[] | undefined, dryRun: boolean): Record<string, string> {
  if (dryRun) return { ...DRY_RUN_SELECTOR };
  // Array.prototype.sort is stable, as Go's sort.SliceStable.
  const ordered = [...(selectors ?? [])].sort((a, b) => rank(a.source) - rank(b.source));
  const out: Record<string, string> = {};
  for (const s of ordered) Object.assign(out, s.matchLabels ?? {});
  return out;
}

/**
 * Whether a Destination takes work with selector map `m` (runtime doc §5.2): it has every pair of
 * a non-empty `m`; an empty `m` matches all, except a Destination with `strictMatchLabels` and at
 * least one label. Deleting Destinations and dry-run Destinations (for other work) never match.
 */
export function destinationMatches(destination: Destination, m: Record<string, string>): boolean {
  if (destination.deleting) return false;
  const keys = Object.keys(m);
  if (keys.length === 0 && destination.strictMatchLabels && Object.keys(destination.labels).length > 0) return false;
  const dryRunMap = keys.length === 1 && m[KratixLabels.DRY_RUN] === 'true';
  if (destination.labels[KratixLabels.DRY_RUN] === 'true' && !dryRunMap) return false;
  return keys.every(k => destination.labels[k] === m[k]);
}

/**
 * Places every workload group of a Work (runtime doc §5.3, §5.4). A resource Work's group goes to
 * ONE matching Destination: Kratix picks at random, this picks the first by name. Promise and
 * dependency Works go to every matching Destination.
 */
export function scheduleWork(work: KubeObject, destinations: readonly Destination[]): Schedule {
  const placements: Placement[] = [];
  const unscheduled: string[] = [];
  const choices: Schedule['choices'] = [];
  const isResource = typeof work.spec.resourceName === 'string' && work.spec.resourceName !== '';
  const dryRun = work.metadata.labels?.[KratixLabels.DRY_RUN] === 'true';
  const byName = [...destinations].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const group of work.spec.workloadGroups ?? []) {
    const m = groupSelector(group.destinationSelectors, dryRun);
    const matching = byName.filter(d => destinationMatches(d, m));
    if (matching.length === 0) {
      unscheduled.push(group.id);
      continue;
    }
    if (isResource && matching.length > 1) {
      choices.push({ work: work.metadata.name, groupId: group.id, picked: matching[0].name, among: matching.map(d => d.name) });
    }
    for (const destination of isResource ? matching.slice(0, 1) : matching) {
      placements.push({ name: `${work.metadata.name}.${destination.name}-${String(group.id).slice(0, 5)}`, work, group, destination });
    }
  }
  return { placements, unscheduled, choices };
}
