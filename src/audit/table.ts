import { PromiseAuditResult } from './audit-promise';
import { AuditPermission, AuditPermissionScope, PipelineAuditReport } from './model';
import { countBySeverity, SEVERITIES } from './severity';

/** Rows of cells as left-aligned columns separated by two spaces, each line starting with `indent`. */
export function columns(rows: string[][], indent: string): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => widths[i] = Math.max(widths[i] ?? 0, cell.length));
  return rows.map(row => indent + row.map((cell, i) => i === row.length - 1 ? cell : cell.padEnd(widths[i])).join('  '));
}

/** A permission's scope as table text. */
export function scopeText(p: AuditPermission): string {
  const text = p.scope === AuditPermissionScope.CLUSTER_WIDE ? 'cluster-wide'
    : p.scope === AuditPermissionScope.NAMED_NAMESPACE ? `namespace ${p.targetNamespace}`
      : `own namespace (${p.targetNamespace ?? "each request's"})`;
  return p.condition ? `${text}, ${p.condition}` : text;
}

/** A permission's resources as `resource.group` (core resources bare), then names and URLs. */
export function resourcesText(p: AuditPermission): string {
  const groups = p.apiGroups.length > 0 ? p.apiGroups : [''];
  const parts = groups.flatMap(g => p.resources.map(r => g === '' ? r : `${r}.${g}`));
  let text = parts.join(', ');
  if (p.resourceNames && p.resourceNames.length > 0) text += ` [${p.resourceNames.join(', ')}]`;
  if (p.nonResourceUrls && p.nonResourceUrls.length > 0) text += `${text ? ', ' : ''}URLs ${p.nonResourceUrls.join(', ')}`;
  return text || '(none)';
}

/** The readable report of one pipeline. */
export function pipelineTable(report: PipelineAuditReport): string[] {
  const lines = [
    `${report.workflowType}/${report.workflowAction} pipeline "${report.pipeline}" (${report.location})`,
    `  runs in:          ${report.jobNamespace ?? "each resource request's namespace"}`,
    `  service account:  ${report.serviceAccount} (${report.customServiceAccount ? 'custom, rbac.serviceAccount' : 'created by Kratix'})`,
    '  permissions:',
    ...columns([
      ['SOURCE', 'SCOPE', 'VERBS', 'RESOURCES'],
      ...report.permissions.map(p => [p.source, scopeText(p), p.verbs.join(',') || '(none)', resourcesText(p)]),
    ], '    '),
  ];
  if (report.findings.length === 0) {
    lines.push('  findings: none');
  } else {
    lines.push('  findings:');
    const width = Math.max(...report.findings.map(f => f.rule.length));
    for (const f of report.findings) {
      lines.push(`    ${f.severity.toUpperCase().padEnd(8)}  ${f.rule.padEnd(width)}  ${f.location}`);
      lines.push(`    ${' '.repeat(8 + 2 + width + 2)}${f.message}`);
    }
  }
  return lines;
}

/** `3 findings: 1 critical, 2 high, 0 medium, 0 low, 0 info`. */
export function summaryText(findings: PromiseAuditResult['findings']): string {
  const counts = countBySeverity(findings);
  return `${findings.length} finding${findings.length === 1 ? '' : 's'}: ${SEVERITIES.map(s => `${counts[s]} ${s}`).join(', ')}`;
}

/** The readable report of a Promise: a summary line, then every pipeline. */
export function promiseTable(result: PromiseAuditResult): string {
  const lines = [`Promise "${result.promise}": ${summaryText(result.findings)}`];
  if (result.pipelines.length === 0) lines.push('', 'no pipelines');
  for (const report of result.pipelines) lines.push('', ...pipelineTable(report));
  return lines.join('\n') + '\n';
}
