import { errorSink } from './api-server';
import { checkContainerEnv } from './container-env';
import { checkContainerResources } from './container-resources';
import { checkSecurityContext, checkVolumeMounts } from './container-security';
import { checkToleration } from './pod-tolerations';
import { checkVolumeSource } from './pod-volumes';
import { Problem, isMap, joinPath, listField } from '../model/problem';

/**
 * The rules the Kubernetes API server (1.28) applies to the parts of a pipeline that Kratix copies
 * into the pod of the pipeline's Job, beyond what Go's decoding and the schema's enums and
 * required fields catch: volume sources, env and envFrom, resources, securityContext, volume
 * mounts and tolerations. Kratix's webhook dry-run-creates that Job, so each is an error of the
 * Promise.
 *
 * @param spec the pipeline's spec, as Go decodes it (`goDecode`)
 * @returns the problems, with paths relative to the pipeline (`spec.volumes[1].configMap.defaultMode`)
 */
export function podSpecProblems(spec: unknown): Problem[] {
  const problems: Problem[] = [];
  const error = errorSink(problems);
  listField(spec, 'volumes').forEach((volume, i) => {
    if (isMap(volume)) checkVolumeSource(volume, joinPath('spec.volumes', i), error);
  });
  listField(spec, 'containers').forEach((container, i) => {
    if (!isMap(container)) return;
    // Synthesis checks every pipeline: only the fields a container has are looked into.
    const path = joinPath('spec.containers', i);
    if (container.env !== undefined || container.envFrom !== undefined) checkContainerEnv(container, path, error);
    if (isMap(container.resources)) checkContainerResources(container.resources, joinPath(path, 'resources'), error);
    if (isMap(container.securityContext)) checkSecurityContext(container.securityContext, joinPath(path, 'securityContext'), error);
    if (container.volumeMounts !== undefined) checkVolumeMounts(container, path, error);
  });
  listField(spec, 'tolerations').forEach((toleration, i) => checkToleration(toleration, joinPath('spec.tolerations', i), error));
  return problems;
}
