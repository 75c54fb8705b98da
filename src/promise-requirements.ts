import { IConstruct } from 'constructs';
import { KratixLabels } from './constants';

/** A Promise as requirement checks see it; `KratixPromise` is one. */
export interface RequiringPromise extends IConstruct {
  readonly name: string;
  readonly version?: string;
  /** @internal */
  _requirements(): Requirement[];
}

/** One entry of a Promise's `requiredPromises`, with the Promise construct when it was required by reference. */
export interface Requirement {
  readonly name: string;
  readonly version?: string;
  readonly promise?: RequiringPromise;
}

/**
 * The problems of a Promise's requirements within its app: a Promise required by reference has no
 * version or changed it after `requires()`; a Promise required by name and version is defined in
 * the app with another version; the Promise requires itself, directly or through a cycle (reported
 * once, by the Promise of the cycle whose construct path sorts first).
 *
 * @param promise the Promise to check
 * @param all every Promise of the app, `promise` included
 */
export function requirementProblems(promise: RequiringPromise, all: RequiringPromise[]): string[] {
  const requirements = promise._requirements();
  if (requirements.length === 0) return [];
  const at = `KratixPromise '${promise.node.path}'`;
  const problems: string[] = [];
  const byName = new Map<string, RequiringPromise[]>();
  for (const p of all) byName.set(p.name, [...byName.get(p.name) ?? [], p]);

  for (const r of requirements) {
    const other = r.promise;
    if (other) {
      if (other.version === undefined) {
        problems.push(`${at}: requires Promise '${other.node.path}' ('${other.name}'), which has no version; give it one (KratixPromiseProps.version, the '${KratixLabels.PROMISE_VERSION}' label)`);
      } else if (r.version !== undefined && r.version !== other.version) {
        problems.push(`${at}: requires Promise '${other.node.path}' at version '${r.version}', but its version is now '${other.version}'; call requires() after the version is set`);
      }
    } else if (r.version !== undefined) {
      for (const defined of byName.get(r.name) ?? []) {
        if (defined.version !== r.version) {
          problems.push(`${at}: requiredPromises: '${r.name}' version '${r.version}' differs from Promise '${defined.node.path}' in this app, whose version is ${defined.version === undefined ? 'not set' : `'${defined.version}'`}; require it by reference with requires(), or correct the version`);
        }
      }
    }
  }

  const cycle = cycleThrough(promise, byName);
  if (cycle?.length === 1) {
    problems.push(`${at}: requires itself ('${promise.name}'); remove that requirement`);
  } else if (cycle && cycle.every(p => p.node.path >= promise.node.path)) {
    const names = [...cycle, promise].map(p => p.name).join(' -> ');
    const paths = [...cycle, promise].map(p => p.node.path).join(' -> ');
    problems.push(`${at}: requirements form a cycle: ${names} (${paths}); Kratix never installs a Promise of the cycle: remove one requirement`);
  }
  return problems;
}

/** The Promises of the shortest requirement path from `start` back to itself, starting with `start`. */
function cycleThrough(start: RequiringPromise, byName: Map<string, RequiringPromise[]>): RequiringPromise[] | undefined {
  const targets = (p: RequiringPromise) => p._requirements().flatMap(r => r.promise ? [r.promise] : byName.get(r.name) ?? []);
  const cameFrom = new Map<RequiringPromise, RequiringPromise>();
  let frontier = [start];
  while (frontier.length > 0) {
    const next: RequiringPromise[] = [];
    for (const p of frontier) {
      for (const t of targets(p)) {
        if (t === start) {
          const path = [p];
          for (let q = p; q !== start; q = cameFrom.get(q)!) path.unshift(cameFrom.get(q)!);
          return path;
        }
        if (!cameFrom.has(t)) {
          cameFrom.set(t, p);
          next.push(t);
        }
      }
    }
    frontier = next;
  }
  return undefined;
}
