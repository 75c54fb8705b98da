import { jobRejection } from './api-server';
import { quote } from '../private/quote';

/**
 * Why Kubernetes rejects `path` where it must stay inside a directory (a `subPath`, a `gitRepo`
 * directory: `validateLocalDescendingPath`), or `undefined`: it must be relative and have no
 * `..` element.
 *
 * @param what what the path is, e.g. `subPath`
 */
export function descendingPathMessage(path: string, what: string): string | undefined {
  if (path.startsWith('/')) return jobRejection(`${what} ${quote(path)} is absolute`, 'must be a relative path', `write it relative, e.g. ${quote(path.replace(/^\/+/, ''))}`);
  return backstepMessage(path, what);
}

/**
 * Why Kubernetes rejects `path` (a `hostPath` path, or any path that
 * `validateLocalDescendingPath` checks): a `..` element (`validatePathNoBacksteps`).
 */
export function backstepMessage(path: string, what: string): string | undefined {
  if (!path.split('/').includes('..')) return undefined;
  return jobRejection(`${what} ${quote(path)} has a '..' element`, "must not contain '..'", "write it without '..'");
}

/**
 * Why Kubernetes rejects the path of a projected file (`items[].path` of a ConfigMap, Secret or
 * downward API volume: `ValidateLocalNonReservedPath`), or `undefined`: relative, no `..` element,
 * not starting with `..`.
 */
export function projectedFilePathMessage(path: string, what: string): string | undefined {
  const m = descendingPathMessage(path, what);
  if (m) return m;
  if (path.startsWith('..')) return jobRejection(`${what} ${quote(path)} starts with '..'`, "must not start with '..'", "rename the file so that it does not start with '..'");
  return undefined;
}
