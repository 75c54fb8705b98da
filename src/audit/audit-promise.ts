import { Kratix } from '../constants';
import { pipelineId } from '../render/names';
import { WorkflowAction, WorkflowType } from '../workflow-types';
import { containerFindings, ContainerDefaults, readDefaults } from './container-rules';
import { Node, show } from './input';
import { AuditFinding, AuditSeverity, PipelineAuditReport } from './model';
import { kratixGrants, PromiseApiNames, readPermission } from './permissions';
import { RawFinding, rbacFindings } from './rbac-rules';
import { sortFindings } from './severity';

/** The audit of one Promise. */
export interface PromiseAuditResult {
  /** The Promise name. */
  readonly promise: string;
  /** One report per pipeline, in the order promise/configure, promise/delete, resource/configure, resource/delete. */
  readonly pipelines: PipelineAuditReport[];
  /** All findings, most severe first. */
  readonly findings: AuditFinding[];
}

const WORKFLOWS: ReadonlyArray<[WorkflowType, WorkflowAction]> = [
  [WorkflowType.PROMISE, WorkflowAction.CONFIGURE],
  [WorkflowType.PROMISE, WorkflowAction.DELETE],
  [WorkflowType.RESOURCE, WorkflowAction.CONFIGURE],
  [WorkflowType.RESOURCE, WorkflowAction.DELETE],
];

/**
 * Audits a Promise document (plain JSON, as parsed from YAML).
 *
 * @param kratixConfig the parsed `config` of the kratix ConfigMap; undefined = the ConfigMap is absent
 * @throws AuditInputError when a field the audit reads has the wrong type
 */
export function auditPromiseDocument(doc: unknown, kratixConfig?: unknown): PromiseAuditResult {
  const defaults = readDefaults(kratixConfig);
  const root = new Node(doc, '');
  root.requiredMap('a Promise document (apiVersion platform.kratix.io/v1alpha1, kind Promise)');
  const kind = root.get('kind');
  if (kind.value !== 'Promise') {
    kind.fail(`${show(kind.value)} is not "Promise"; the audit reads Promise documents (apiVersion platform.kratix.io/v1alpha1, kind Promise)`);
  }
  root.get('metadata').map('the Promise metadata');
  const promise = root.get('metadata').get('name').requiredString('the Promise name');
  const spec = root.get('spec');
  spec.map('the Promise spec');
  const workflows = spec.get('workflows');
  workflows.map('the workflows: config, promise and resource');
  const config = workflows.get('config');
  config.map('the workflow config');
  const pipelineNamespace = config.get('pipelineNamespace').string('a namespace name') || undefined;
  const api = readApi(spec.get('api'));

  const pipelines: PipelineAuditReport[] = [];
  for (const [type, action] of WORKFLOWS) {
    const group = workflows.get(type);
    group.map(`the ${type} workflows: configure and delete`);
    const list = group.get(action).list('Pipeline objects');
    const ctx = { promise, type, action, pipelineNamespace, api, defaults, first: list[0] };
    list.forEach((pipeline, index) => pipelines.push(auditPipeline(ctx, pipeline, index)));
  }
  return { promise, pipelines, findings: sortFindings(pipelines.flatMap(p => p.findings)) };
}

interface WorkflowContext {
  readonly promise: string;
  readonly type: WorkflowType;
  readonly action: WorkflowAction;
  readonly pipelineNamespace?: string;
  readonly api?: PromiseApiNames;
  readonly defaults: ContainerDefaults;
  readonly first: Node;
}

function auditPipeline(ctx: WorkflowContext, pipeline: Node, index: number): PipelineAuditReport {
  pipeline.requiredMap('a Pipeline object (apiVersion platform.kratix.io/v1alpha1, kind Pipeline)');
  pipeline.get('metadata').map('the pipeline metadata');
  const name = pipeline.get('metadata').get('name').requiredString('the pipeline name');
  const namespace = ctx.pipelineNamespace ?? (ctx.type === WorkflowType.PROMISE ? Kratix.SYSTEM_NAMESPACE : undefined);
  const spec = pipeline.get('spec');
  spec.map('the pipeline spec');
  const rbac = spec.get('rbac');
  rbac.map('serviceAccount and permissions');
  const custom = rbac.get('serviceAccount').string('a service account name') || undefined;
  const serviceAccount = custom ?? pipelineId(ctx.promise, ctx.type, ctx.action, name);

  const own = rbac.get('permissions').list('permissions').map(p => readPermission(p, namespace));
  const raw: RawFinding[] = [
    ...own.flatMap(rbacFindings),
    ...spec.get('containers').list('containers').flatMap(c => containerFindings(c, ctx.defaults)),
  ];
  if (custom !== undefined) {
    raw.push({
      severity: AuditSeverity.INFO,
      rule: 'service-account-custom',
      location: rbac.get('serviceAccount').path,
      message: `the pipeline runs as the custom service account "${custom}" (rbac.serviceAccount); Kratix creates it only when it does not exist and never changes an existing one, so permissions bound to it elsewhere are not in this report, and every pod running as it shares these permissions; review its RoleBindings and ClusterRoleBindings`,
    });
  }
  if (ctx.action === WorkflowAction.DELETE && index > 0) {
    raw.push({
      severity: AuditSeverity.INFO,
      rule: 'pipeline-never-runs',
      location: pipeline.path,
      message: `pipeline "${name}" is delete pipeline ${index + 1}; Kratix runs only the first delete pipeline ("${firstName(ctx.first)}"), so this one never runs; move its containers into the first`,
    });
  }

  return {
    promise: ctx.promise,
    workflowType: ctx.type,
    workflowAction: ctx.action,
    pipeline: name,
    location: pipeline.path,
    ...(namespace === undefined ? {} : { jobNamespace: namespace }),
    serviceAccount,
    customServiceAccount: custom !== undefined,
    permissions: [...kratixGrants(ctx.type, namespace, ctx.pipelineNamespace, ctx.api), ...own],
    findings: sortFindings(raw.map(f => ({
      severity: f.severity,
      rule: f.rule,
      promise: ctx.promise,
      workflowType: ctx.type,
      workflowAction: ctx.action,
      pipeline: name,
      location: f.location,
      message: f.message,
    }))),
  };
}

function firstName(first: Node): string {
  const name = first.get('metadata').get('name').value;
  return typeof name === 'string' ? name : '';
}

function readApi(api: Node): PromiseApiNames | undefined {
  api.map('a CustomResourceDefinition');
  const crd = api.get('spec');
  crd.map('the CustomResourceDefinition spec');
  const names = crd.get('names');
  names.map('the CustomResourceDefinition names');
  const group = crd.get('group').string('the API group, e.g. "example.com"');
  const plural = names.get('plural').string('the plural resource name, e.g. "databases"');
  return group && plural ? { group, plural } : undefined;
}
