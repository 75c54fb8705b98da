import { PipelineContext } from './context';
import { Kratix, KratixEnv, KratixLabels, KratixPaths } from '../constants';
import { canonicalResources, dropNulls, KRATIX_SECURITY_CONTEXT } from './settings';
import { RenderError } from '../model/errors';

/** The command of Kratix's own containers. */
export const PIPELINE_ADAPTER_COMMAND = '/bin/pipeline-adapter';

type Env = Record<string, any>;

/** An env var as Go serialises it: an empty value has no `value` key. */
function env(name: string, value: string): Env {
  return value === '' ? { name } : { name, value };
}

/** A deep copy of plain data, so that no two rendered objects share a mutable member. */
function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key]);
  return out as T;
}

/**
 * The KRATIX_* env block (`defaultEnvVars`), in Kratix's order; `KRATIX_DRY_RUN=true` last in dry-run mode.
 * For promise workflows object kind/group/version are `Promise`/`platform.kratix.io`/`v1alpha1`,
 * the namespace is empty, the plural `promises` and cluster-scoped `"true"` (hard-coded by Kratix).
 */
export function kratixEnv(ctx: PipelineContext): Env[] {
  const r = ctx.request;
  const vars = [
    env(KratixEnv.WORKFLOW_ACTION, ctx.action),
    env(KratixEnv.WORKFLOW_TYPE, ctx.type),
    env(KratixEnv.PROMISE_NAME, ctx.promise.name),
    env(KratixEnv.PIPELINE_NAME, ctx.pipeline.name),
    env(KratixEnv.OBJECT_KIND, r ? r.kind : 'Promise'),
    env(KratixEnv.OBJECT_GROUP, r ? r.group : Kratix.API_GROUP),
    env(KratixEnv.OBJECT_VERSION, r ? r.version : 'v1alpha1'),
    env(KratixEnv.OBJECT_NAME, r ? r.name : ctx.promise.name),
    env(KratixEnv.OBJECT_NAMESPACE, r ? r.namespace : ''),
    env(KratixEnv.CRD_PLURAL, r ? ctx.api!.plural : 'promises'),
    env(KratixEnv.CLUSTER_SCOPED, r ? String(ctx.api!.clusterScoped) : 'true'),
  ];
  if (ctx.dryRun) vars.push(env(KratixEnv.DRY_RUN, 'true'));
  return vars;
}

/** Fields shared by reader, work-writer and status-writer. */
function kratixContainer(ctx: PipelineContext, name: string, args: string[], envVars: Env[], volumeMounts: Env[]): Record<string, any> {
  const c: Record<string, any> = { name };
  if (ctx.settings.adapterImage !== '') c.image = ctx.settings.adapterImage;
  c.command = [PIPELINE_ADAPTER_COMMAND];
  c.args = args;
  c.env = envVars;
  c.resources = copy(ctx.settings.resources);
  c.volumeMounts = volumeMounts;
  if (ctx.settings.imagePullPolicy !== '') c.imagePullPolicy = ctx.settings.imagePullPolicy;
  c.securityContext = copy(KRATIX_SECURITY_CONTEXT);
  return c;
}

/** The reader init container: writes the Promise or request to `/kratix/input` (mounted writable). */
export function readerContainer(ctx: PipelineContext): Record<string, any> {
  return kratixContainer(ctx, 'reader', ['reader'], kratixEnv(ctx), [
    { mountPath: KratixPaths.INPUT, name: 'shared-input' },
    { mountPath: KratixPaths.OUTPUT, name: 'shared-output' },
  ]);
}

/** The work-writer init container (configure only): only the two trace env vars, no KRATIX_* block. */
export function workWriterContainer(ctx: PipelineContext): Record<string, any> {
  const args = [
    'work-creator',
    '--input-directory', '/work-creator-files',
    '--promise-name', ctx.promise.name,
    '--pipeline-name', ctx.pipeline.name,
    '--namespace', ctx.namespace,
    '--workflow-type', ctx.type,
  ];
  if (ctx.request) {
    args.push('--resource-name', ctx.request.name);
    if (ctx.promise.pipelineNamespace !== '') args.push('--resource-namespace', ctx.request.namespace);
  }
  const envVars: Env[] = [
    { name: KratixEnv.TRACE_PARENT, valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${KratixLabels.TRACE_PARENT}']` } } },
    { name: KratixEnv.TRACE_STATE, valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${KratixLabels.TRACE_STATE}']` } } },
  ];
  if (ctx.dryRun) envVars.push(env(KratixEnv.DRY_RUN, 'true'));
  return kratixContainer(ctx, 'work-writer', args, envVars, [
    { mountPath: '/work-creator-files/input', name: 'shared-output' },
    { mountPath: '/work-creator-files/metadata', name: 'shared-metadata' },
    { mountPath: '/work-creator-files/kratix-system', name: 'promise-scheduling' },
  ]);
}

/** The status-writer container: `IS_LAST_PIPELINE` first, then the KRATIX_* block. */
export function statusWriterContainer(ctx: PipelineContext): Record<string, any> {
  return kratixContainer(ctx, 'status-writer', ['update-status'],
    [env(KratixEnv.IS_LAST_PIPELINE, String(ctx.isLast)), ...kratixEnv(ctx)],
    [{ mountPath: '/work-creator-files/metadata', name: 'shared-metadata' }]);
}

/** A VolumeMount as Go serialises it: false/empty optional fields left out. */
function volumeMount(mount: Record<string, any>): Record<string, any> {
  const out: Record<string, any> = {};
  for (const key of Object.keys(mount)) {
    const v = mount[key];
    if (v === null || v === undefined) continue;
    if (key !== 'name' && key !== 'mountPath' && (v === false || v === '')) continue;
    out[key] = v;
  }
  return out;
}

function userEnv(e: Record<string, any>): Env {
  const cleaned = dropNulls(e);
  if (cleaned.value !== '') return cleaned;
  const out = { ...cleaned };
  delete out.value;
  return out;
}

/**
 * The user containers, in order, as Kratix builds them: KRATIX_* env first then the container's,
 * the three default mounts (`/kratix/input` read-only) then the container's, and the platform
 * defaults for security context, pull policy and resources where the container has none.
 *
 * Each container gets its own env list. Kratix's intent; in dry-run mode Kratix actually appends
 * every container's env to one shared backing array (length 12, capacity 22), so with two or more
 * user containers that have env vars, earlier containers show the last one's values at
 * overlapping positions (rendering doc §11 item 17). That bug is not reproduced.
 */
export function userContainers(ctx: PipelineContext): Array<Record<string, any>> {
  const settings = ctx.settings;
  return ctx.pipeline.containers.map((c, i) => {
    const path = `${ctx.pipeline.path}.spec.containers[${i}]`;
    const out: Record<string, any> = { name: c.name ?? '' };
    if (c.image) out.image = c.image;
    if (c.command?.length) out.command = c.command;
    if (c.args?.length) out.args = c.args;
    if (c.envFrom?.length) out.envFrom = dropNulls(c.envFrom);
    out.env = [...kratixEnv(ctx), ...(c.env ?? []).map(userEnv)];
    out.resources = c.resources !== undefined
      ? canonicalResources(c.resources, (p, problem) => {
        throw new RenderError('promise', `${path}.resources${p}`, problem);
      })
      : copy(settings.resources);
    out.volumeMounts = [
      { mountPath: KratixPaths.INPUT, name: 'shared-input', readOnly: true },
      { mountPath: KratixPaths.OUTPUT, name: 'shared-output' },
      { mountPath: KratixPaths.METADATA, name: 'shared-metadata' },
      ...(c.volumeMounts ?? []).map(volumeMount),
    ];
    const policy = c.imagePullPolicy || settings.imagePullPolicy;
    if (policy) out.imagePullPolicy = policy;
    const sc = c.securityContext !== undefined ? dropNulls(c.securityContext) : settings.userSecurityContext;
    if (sc !== undefined) out.securityContext = sc === settings.userSecurityContext ? copy(sc) : sc;
    return out;
  });
}
