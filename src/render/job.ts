import { readerContainer, statusWriterContainer, userContainers, workWriterContainer } from './containers';
import { PipelineContext } from './context';
import {
  destinationSelectorsConfigMapName,
} from './destination-selectors';
import { TRACE_ANNOTATIONS } from './labels';
import { jobBaseName, jobName } from './names';
import { dropNulls } from './settings';
import { KubeObject } from './types';
import { Kratix, KratixLabels } from '../constants';

/** The Job's labels, also the pod template's: Kratix's, then the pipeline's (which win). */
export function jobLabels(ctx: PipelineContext): Record<string, string> {
  const labels: Record<string, string> = {
    [KratixLabels.PROMISE_NAME]: ctx.promise.name,
    [KratixLabels.WORKFLOW_TYPE]: ctx.type,
    [KratixLabels.PIPELINE_NAME]: ctx.pipeline.name,
    [KratixLabels.WORKFLOW_ACTION]: ctx.action,
    [KratixLabels.MANAGED_BY]: 'Kratix',
  };
  if (ctx.request) {
    labels[KratixLabels.RESOURCE_NAME] = ctx.request.name;
    if (ctx.promise.pipelineNamespace !== '') labels[KratixLabels.RESOURCE_NAMESPACE] = ctx.request.namespace;
  }
  labels[KratixLabels.HASH] = ctx.hash;
  return Object.assign(labels, ctx.pipeline.labels);
}

/** The Job's annotations: the object it runs for, plus the parent's non-empty trace annotations. */
export function jobAnnotations(ctx: PipelineContext): Record<string, string> {
  const r = ctx.request;
  const annotations: Record<string, string> = {
    [KratixLabels.JOB_RESOURCE_NAMESPACE]: r ? r.namespace : '',
    [KratixLabels.JOB_RESOURCE_NAME]: r ? r.name : ctx.promise.name,
    [KratixLabels.JOB_RESOURCE_KIND]: r ? r.kind : 'Promise',
    [KratixLabels.JOB_RESOURCE_API_VERSION]: r ? r.apiVersion : Kratix.API_VERSION,
  };
  copyTraceAnnotations(annotations, r ? r.annotations : ctx.promise.annotations);
  return annotations;
}

function copyTraceAnnotations(dst: Record<string, string>, src: Record<string, any>): void {
  for (const key of TRACE_ANNOTATIONS) {
    const value = src[key];
    if (typeof value === 'string' && value !== '') dst[key] = value;
  }
}

/**
 * ownerReferences: the Promise as controller (with blockOwnerDeletion) for promise workflows; the
 * request as a plain reference for resource workflows, and none when the Job runs in another
 * namespace than the request. A missing `metadata.uid` renders as `uid: ""`.
 */
export function ownerReferences(ctx: PipelineContext): Array<Record<string, any>> | undefined {
  const r = ctx.request;
  if (!r) {
    return [{ apiVersion: Kratix.API_VERSION, kind: 'Promise', name: ctx.promise.name, uid: ctx.promise.uid, controller: true, blockOwnerDeletion: true }];
  }
  if (r.namespace !== ctx.namespace) return undefined;
  return [{ apiVersion: r.apiVersion, kind: r.kind, name: r.name, uid: r.uid }];
}

/** The pod volumes: promise-scheduling (configure only), the three shared emptyDirs, then the pipeline's. */
export function podVolumes(ctx: PipelineContext): Array<Record<string, any>> {
  const volumes: Array<Record<string, any>> = [];
  if (ctx.action === 'configure') {
    volumes.push({
      name: 'promise-scheduling',
      configMap: {
        name: destinationSelectorsConfigMapName(ctx.promise.name),
        items: [{ key: 'destinationSelectors', path: 'promise-scheduling' }],
      },
    });
  }
  volumes.push(
    { name: 'shared-input', emptyDir: {} },
    { name: 'shared-output', emptyDir: {} },
    { name: 'shared-metadata', emptyDir: {} },
  );
  for (const v of ctx.pipeline.volumes) volumes.push(dropNulls(v));
  return volumes;
}

/** The pod template's metadata: Job labels, pipeline annotations plus trace annotations. */
export function podMetadata(ctx: PipelineContext, labels: Record<string, string>, annotations: Record<string, string>): Record<string, any> {
  const podAnnotations: Record<string, string> = { ...ctx.pipeline.annotations };
  copyTraceAnnotations(podAnnotations, annotations);
  const meta: Record<string, any> = { labels: { ...labels } };
  if (Object.keys(podAnnotations).length > 0) meta.annotations = podAnnotations;
  return meta;
}

/** The pod spec of the pipeline's Job. */
export function podSpec(ctx: PipelineContext): Record<string, any> {
  const p = ctx.pipeline;
  const spec: Record<string, any> = {
    serviceAccountName: ctx.serviceAccountName,
    restartPolicy: p.restartPolicy || 'OnFailure',
  };
  const pullSecrets = ctx.settings.adapterPullSecret !== '' ? [{ name: ctx.settings.adapterPullSecret }] : [];
  for (const s of p.imagePullSecrets) pullSecrets.push(dropNulls(s) as { name: string });
  if (pullSecrets.length > 0) spec.imagePullSecrets = pullSecrets;
  if (Object.keys(p.nodeSelector).length > 0) spec.nodeSelector = { ...p.nodeSelector };
  if (p.tolerations.length > 0) spec.tolerations = p.tolerations.map(t => dropNulls(t));
  const initContainers = [readerContainer(ctx), ...userContainers(ctx)];
  if (ctx.action === 'configure') initContainers.push(workWriterContainer(ctx));
  spec.initContainers = initContainers;
  spec.containers = [statusWriterContainer(ctx)];
  spec.volumes = podVolumes(ctx);
  return spec;
}

/**
 * The pipeline's Job (rendering doc §7.8). Its name is `<base>-<5 chars>` where Kratix picks the
 * 5 characters at random; see {@link jobName} for the deterministic choice made here.
 */
export function pipelineJob(ctx: PipelineContext): KubeObject {
  const labels = jobLabels(ctx);
  const annotations = jobAnnotations(ctx);
  const r = ctx.request;
  const base = jobBaseName(ctx.promise.name, ctx.pipeline.name,
    r && { name: r.name, namespace: ctx.promise.pipelineNamespace !== '' ? r.namespace : undefined });
  const metadata: KubeObject['metadata'] = { name: jobName(base, labels[KratixLabels.HASH] ?? '') };
  if (ctx.namespace !== '') metadata.namespace = ctx.namespace;
  metadata.labels = labels;
  metadata.annotations = annotations;
  const owners = ownerReferences(ctx);
  if (owners) metadata.ownerReferences = owners;
  const backoffLimit = ctx.pipeline.backoffLimit ?? ctx.settings.backoffLimit;
  const spec: Record<string, any> = {};
  if (backoffLimit !== undefined) spec.backoffLimit = backoffLimit;
  spec.template = { metadata: podMetadata(ctx, labels, annotations), spec: podSpec(ctx) };
  return { apiVersion: 'batch/v1', kind: 'Job', metadata, spec };
}
