import { containerFindings } from './container-rules';
import { AuditFinding, AuditSeverity, PipelineAuditReport } from './model';
import { renderedPermissions } from './permissions';
import { RawFinding, rbacFindings } from './rbac-rules';
import { sortFindings } from './severity';
import { PromiseInfo } from '../model/promise-model';
import { DeclaredPipeline, renderDeclaredPipelines, resolveSettings } from '../render';
import { ControllerSettings } from '../render/settings';
import { WorkflowAction, WorkflowType } from '../workflow-types';

/** The audit of one Promise. */
export interface PromiseAuditResult {
  /** The Promise name. */
  readonly promise: string;
  /** One report per pipeline, in the order promise/configure, promise/delete, resource/configure, resource/delete. */
  readonly pipelines: PipelineAuditReport[];
  /** All findings, most severe first. */
  readonly findings: AuditFinding[];
}

/**
 * Audits a Promise document (plain JSON, as parsed from YAML) by rendering every pipeline it
 * declares, as Kratix would create it, and reading the permissions and containers of what was
 * rendered: the audit sees exactly what the renderer renders.
 *
 * @param kratixConfig the parsed `config` of the kratix ConfigMap; undefined = the ConfigMap is absent
 * @throws RenderError for a document or config Kratix cannot render, naming the field
 */
export function auditPromiseDocument(doc: unknown, kratixConfig?: unknown): PromiseAuditResult {
  const settings = { kratixConfig: kratixConfig as Record<string, any> | undefined };
  const { promise, pipelines: declared } = renderDeclaredPipelines(doc, settings);
  const ctx = { promise, settings: resolveSettings(settings), declared };
  const pipelines = declared.map(d => auditPipeline(ctx, d));
  return { promise: promise.name, pipelines, findings: sortFindings(pipelines.flatMap(p => p.findings)) };
}

interface AuditContext {
  readonly promise: PromiseInfo;
  readonly settings: ControllerSettings;
  readonly declared: DeclaredPipeline[];
}

function auditPipeline(ctx: AuditContext, declared: DeclaredPipeline): PipelineAuditReport {
  const { pipeline, rendered, index } = declared;
  const type = declared.type as WorkflowType;
  const action = declared.action as WorkflowAction;
  const name = pipeline.name;
  // A resource pipeline without pipelineNamespace runs in each request's namespace.
  const namespace = type === WorkflowType.RESOURCE && ctx.promise.pipelineNamespace === '' ? undefined : rendered.namespace;
  const custom = pipeline.serviceAccount !== '' ? pipeline.serviceAccount : undefined;
  const permissions = renderedPermissions(rendered, pipeline, namespace, ctx.promise.pipelineNamespace);
  const podSpec = rendered.job.spec.template.spec;
  // The pod's init containers: Kratix's reader, the user's containers, then (configure) the work-writer.
  const containers = (podSpec.initContainers as Array<Record<string, any>>).slice(1, 1 + pipeline.containers.length);

  const raw: RawFinding[] = [
    ...permissions.filter(p => p.location !== undefined).flatMap(rbacFindings),
    ...containers.flatMap((c, i) => containerFindings(
      { rendered: c, declared: pipeline.containers[i], path: `${pipeline.path}.spec.containers[${i}]` }, ctx.settings)),
  ];
  if (custom !== undefined) {
    raw.push({
      severity: AuditSeverity.INFO,
      rule: 'service-account-custom',
      location: `${pipeline.path}.spec.rbac.serviceAccount`,
      message: `the pipeline runs as the custom service account "${custom}" (rbac.serviceAccount); Kratix creates it only when it does not exist and never changes an existing one, so permissions bound to it elsewhere are not in this report, and every pod running as it shares these permissions; review its RoleBindings and ClusterRoleBindings`,
    });
  }
  if (action === WorkflowAction.DELETE && index > 0) {
    const first = ctx.declared.find(d => d.type === declared.type && d.action === declared.action && d.index === 0)!;
    raw.push({
      severity: AuditSeverity.INFO,
      rule: 'pipeline-never-runs',
      location: pipeline.path,
      message: `pipeline "${name}" is delete pipeline ${index + 1}; Kratix runs only the first delete pipeline ("${first.pipeline.name}"), so this one never runs; move its containers into the first`,
    });
  }

  return {
    promise: ctx.promise.name,
    workflowType: type,
    workflowAction: action,
    pipeline: name,
    location: pipeline.path,
    ...(namespace === undefined ? {} : { jobNamespace: namespace }),
    serviceAccount: rendered.serviceAccount.metadata.name,
    customServiceAccount: custom !== undefined,
    permissions,
    findings: sortFindings(raw.map(f => ({
      severity: f.severity,
      rule: f.rule,
      promise: ctx.promise.name,
      workflowType: type,
      workflowAction: action,
      pipeline: name,
      location: f.location,
      message: f.message,
    }))),
  };
}
