import { KubeObject, RenderedPipeline } from './types';

/**
 * A standalone Pod equivalent of a pipeline's Job, for a test run in a cluster without Kratix:
 * the Job's name, namespace and labels, the Job's annotations merged with the pod template's,
 * the Job's pod spec with `restartPolicy: Never`, and no ownerReferences (the owner may not exist
 * there, and the garbage collector would delete the Pod).
 */
export function pipelinePod(rendered: RenderedPipeline): KubeObject {
  const job = rendered.job;
  const template = job.spec.template;
  const metadata: KubeObject['metadata'] = { name: job.metadata.name };
  if (job.metadata.namespace !== undefined) metadata.namespace = job.metadata.namespace;
  metadata.labels = { ...template.metadata.labels };
  const annotations = { ...job.metadata.annotations, ...template.metadata.annotations };
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: { ...template.spec, restartPolicy: 'Never' } };
}
