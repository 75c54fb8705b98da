import { ErrorSink, jobRejection } from './api-server';
import { qualifiedNameMessage } from './names';
import { field, isMap, joinPath } from '../model/problem';
import { quote } from '../private/quote';
import { compareQuantities, isWholeQuantity, ParsedQuantity, parseQuantity } from '../render/quantity';

const STANDARD_CONTAINER_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];

function isHugePages(name: string): boolean {
  return name.startsWith('hugepages-');
}

/** Kubernetes' native resources: no domain, or one under kubernetes.io (`IsNativeResource`). */
function isNative(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

/** Why a container may not name `name` in its resources (`validateContainerResourceName`), or `undefined`. */
function resourceNameMessage(name: string): string | undefined {
  const fix = 'use cpu, memory, ephemeral-storage, hugepages-<size> or an extended resource such as example.com/gpu';
  const m = qualifiedNameMessage(name, 'resource name');
  if (m) return jobRejection(m, 'must be a standard resource type or fully qualified', fix);
  if (!name.includes('/')) {
    if (STANDARD_CONTAINER_RESOURCES.includes(name) || isHugePages(name)) return undefined;
    return jobRejection(`resource ${quote(name)} is not a container resource`, 'must be a standard resource for containers', fix);
  }
  if (!isNative(name) && qualifiedNameMessage(`requests.${name}`, '') !== undefined) {
    return jobRejection(`resource ${quote(name)} is no extended resource name`, "doesn't follow extended resource name standard", fix);
  }
  return undefined;
}

/** The size of one huge page of `hugepages-<size>`, if the size is a quantity. */
function hugePageSize(name: string): ParsedQuantity | undefined {
  return parseQuantity(name.slice('hugepages-'.length));
}

/**
 * The rules Kubernetes' `ValidateContainerResourceRequirements` applies to a container's
 * resources beyond their types: supported resource names, no negative quantity, whole numbers for
 * extended resources, requests at most the limits (equal for extended resources and huge pages),
 * huge pages in whole pages and only beside cpu or memory.
 *
 * @param resources the container's `resources`, as Go decodes it
 * @param path where they are, e.g. `spec.containers[0].resources`
 */
export function checkContainerResources(resources: unknown, path: string, error: ErrorSink): void {
  const limits = field(resources, 'limits');
  const requests = field(resources, 'requests');
  let computeResource = false;
  let hugePages = false;
  const parsedLimits = new Map<string, ParsedQuantity>();
  for (const [kind, list] of [['limits', limits], ['requests', requests]] as const) {
    if (!isMap(list)) continue;
    for (const [name, value] of Object.entries(list)) {
      const at = joinPath(joinPath(path, kind), name);
      const nameProblem = resourceNameMessage(name);
      if (nameProblem) {
        error(at, nameProblem);
        continue;
      }
      const q = typeof value === 'string' || typeof value === 'number' ? parseQuantity(value) : undefined;
      if (q === undefined) continue; // Go cannot decode it: go-decode reports it
      if (name === 'cpu' || name === 'memory') computeResource = true;
      if (q.mantissa < 0n) {
        error(at, jobRejection(`${kind} ${name} ${quote(value)} is negative`, 'must be greater than or equal to 0', 'use 0 or more'));
        continue;
      }
      const extended = !isNative(name);
      if (extended && !isWholeQuantity(q)) {
        error(at, jobRejection(`${kind} ${name} ${quote(value)} is not a whole number`, 'must be an integer', 'extended resources are counted in whole units; use e.g. 1'));
      }
      if (isHugePages(name)) {
        hugePages = true;
        const page = hugePageSize(name);
        if (page && page.mantissa > 0n && !isMultiple(q, page)) {
          error(at, jobRejection(`${kind} ${name} ${quote(value)} is not a whole number of ${name.slice('hugepages-'.length)} pages`, `is not positive integer multiple of ${name.slice('hugepages-'.length)}`, 'use a multiple of the page size'));
        }
      }
      if (kind === 'limits') {
        parsedLimits.set(name, q);
        continue;
      }
      const limit = parsedLimits.get(name);
      const overcommit = isNative(name) && !isHugePages(name);
      const limitValue = field(limits, name);
      if (limit === undefined) {
        if (!overcommit && limitValue === undefined) {
          error(joinPath(path, 'limits'), jobRejection(`${name} has a request but no limit`, 'Limit must be set for non overcommitable resources', `set limits.${name} equal to the request`));
        }
      } else if (!overcommit && compareQuantities(q, limit) !== 0) {
        error(at, jobRejection(`request ${name} ${quote(value)} differs from its limit ${quote(limitValue)}`, `must be equal to ${name} limit`, 'extended resources and huge pages cannot be overcommitted: make the request equal to the limit'));
      } else if (compareQuantities(q, limit) > 0) {
        error(at, jobRejection(`request ${name} ${quote(value)} is over its limit ${quote(limitValue)}`, `must be less than or equal to ${name} limit`, 'lower the request or raise the limit'));
      }
    }
  }
  if (hugePages && !computeResource) {
    error(path, jobRejection('the container asks for huge pages without cpu or memory', 'HugePages require cpu or memory', 'add a cpu or memory request or limit'));
  }
}

function isMultiple(q: ParsedQuantity, unit: ParsedQuantity): boolean {
  const scale = Math.min(q.scale, unit.scale);
  const a = q.mantissa * 10n ** BigInt(q.scale - scale);
  const b = unit.mantissa * 10n ** BigInt(unit.scale - scale);
  return a % b === 0n;
}
