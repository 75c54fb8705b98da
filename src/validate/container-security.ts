import { ErrorSink, jobRejection } from './api-server';
import { descendingPathMessage } from './file-paths';
import { field, isMap, joinPath, listField } from '../model/problem';
import { quote } from '../private/quote';

const MAX_ID = 2147483647;

/**
 * The rules Kubernetes' `ValidateSecurityContext` applies to a container's securityContext
 * beyond its types: user and group IDs in 0..2147483647, a Localhost seccomp profile with a
 * relative `localhostProfile` (and only then), and no `allowPrivilegeEscalation: false` beside
 * `privileged: true` or the CAP_SYS_ADMIN capability.
 *
 * @param context the securityContext, as Go decodes it
 * @param path where it is, e.g. `spec.containers[0].securityContext`
 */
export function checkSecurityContext(context: unknown, path: string, error: ErrorSink): void {
  if (!isMap(context)) return;
  for (const key of ['runAsUser', 'runAsGroup']) {
    const id = context[key];
    if (typeof id === 'number' && Number.isInteger(id) && (id < 0 || id > MAX_ID)) {
      const what = key === 'runAsUser' ? 'user' : 'group';
      error(joinPath(path, key), jobRejection(`${key} ${id} is not a ${what} ID`, `must be between 0 and ${MAX_ID}, inclusive`, `use a ${what} ID from 0 to ${MAX_ID}`));
    }
  }
  const seccomp = context.seccompProfile;
  if (isMap(seccomp)) {
    const local = seccomp.localhostProfile;
    const at = joinPath(joinPath(path, 'seccompProfile'), 'localhostProfile');
    if (seccomp.type === 'Localhost') {
      if (local === undefined || local === null) {
        error(at, jobRejection('a Localhost seccomp profile has no localhostProfile', 'must be set when seccomp type is Localhost', 'set localhostProfile to the profile\'s path, relative to the kubelet\'s seccomp directory'));
      } else if (typeof local === 'string') {
        const m = descendingPathMessage(local, 'localhostProfile');
        if (m) error(at, m);
      }
    } else if ((seccomp.type === 'RuntimeDefault' || seccomp.type === 'Unconfined') && local !== undefined && local !== null) {
      error(at, jobRejection(`a ${seccomp.type} seccomp profile has localhostProfile ${quote(local)}`, 'can only be set when seccomp type is Localhost', 'remove localhostProfile, or set type: Localhost'));
    }
  }
  if (context.allowPrivilegeEscalation === false) {
    if (context.privileged === true) {
      error(path, jobRejection('the container is privileged but has allowPrivilegeEscalation: false', 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true', 'remove one of them (a privileged container can always escalate)'));
    }
    if (listField(field(context, 'capabilities'), 'add').includes('CAP_SYS_ADMIN')) {
      error(path, jobRejection('the container adds CAP_SYS_ADMIN but has allowPrivilegeEscalation: false', 'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN', 'remove one of them'));
    }
  }
}

/**
 * The rules Kubernetes' `ValidateVolumeMounts` applies to a mount beyond its name and mountPath:
 * `subPath` and `subPathExpr` relative without `..` and not both, and Bidirectional propagation
 * only in a privileged container.
 *
 * @param container the container, as Go decodes it
 * @param path where it is, e.g. `spec.containers[0]`
 */
export function checkVolumeMounts(container: unknown, path: string, error: ErrorSink): void {
  const privileged = field(field(container, 'securityContext'), 'privileged') === true;
  listField(container, 'volumeMounts').forEach((mount, i) => {
    if (!isMap(mount)) return;
    const at = joinPath(joinPath(path, 'volumeMounts'), i);
    for (const key of ['subPath', 'subPathExpr']) {
      const sub = mount[key];
      if (typeof sub !== 'string' || sub === '') continue;
      const m = descendingPathMessage(sub, key);
      if (m) error(joinPath(at, key), m);
    }
    if (typeof mount.subPath === 'string' && mount.subPath !== '' && typeof mount.subPathExpr === 'string' && mount.subPathExpr !== '') {
      error(joinPath(at, 'subPathExpr'), jobRejection('the volume mount has both subPath and subPathExpr', 'subPathExpr and subPath are mutually exclusive', 'keep one of them'));
    }
    if (mount.mountPropagation === 'Bidirectional' && !privileged) {
      error(joinPath(at, 'mountPropagation'), jobRejection('mountPropagation Bidirectional in a container that is not privileged', 'Bidirectional mount propagation is available only to privileged containers', 'use HostToContainer, or make the container privileged'));
    }
  });
}
