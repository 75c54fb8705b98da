/** A status map, as the status-writer handles it. */
export type Status = Record<string, any>;

function typeOf(condition: unknown): string | undefined {
  return typeof condition === 'object' && condition !== null && typeof (condition as Status).type === 'string'
    ? (condition as Status).type
    : undefined;
}

/**
 * Kratix's `MergeStatuses` (runtime doc §6.2): each incoming top-level key replaces the existing
 * value wholesale, except `conditions` when both sides are lists: merged by `type`, the incoming
 * condition replacing the same type, entries without a string `type` dropped. Go returns the
 * conditions in map order (random); this returns existing types first, then new ones.
 */
export function mergeStatuses(existing: Status, incoming: Status): Status {
  const result: Status = { ...existing };
  for (const [key, value] of Object.entries(incoming)) {
    if (key === 'conditions' && Array.isArray(result.conditions) && Array.isArray(value)) {
      const byType = new Map<string, unknown>();
      for (const c of [...result.conditions, ...value]) {
        const type = typeOf(c);
        if (type !== undefined) byType.set(type, c);
      }
      result.conditions = [...byType.values()];
      continue;
    }
    result[key] = value;
  }
  return result;
}

/**
 * Sets a condition the way Kratix's status-writer does (`updateConditions`): it replaces the
 * condition of the same type in place, else is appended.
 */
export function setCondition(status: Status, condition: Status): void {
  const list: unknown[] = Array.isArray(status.conditions) ? status.conditions : [];
  const i = list.findIndex(c => typeOf(c) === condition.type);
  if (i >= 0) list[i] = condition;
  else list.push(condition);
  status.conditions = list;
}

/** The `status.kratix.workflows.pipelines` list, or undefined when it (or a parent) is absent. */
export function pipelineEntries(status: Status): Status[] | undefined {
  const list = status.kratix?.workflows?.pipelines;
  return Array.isArray(list) ? list : undefined;
}
