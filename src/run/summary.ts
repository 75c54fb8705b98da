import { KratixLabels } from '../constants';
import { sortedKeys } from './object-yaml';
import type { RunResult } from './run-workflow';
import { unifiedDiff } from './unified-diff';
import { emitYamlDocument } from '../render/yaml-emitter';

function ms(x: number): string {
  return x < 10 ? `${x.toFixed(1)} ms` : `${Math.round(x)} ms`;
}

function indent(text: string, prefix: string): string {
  return text.split('\n').filter(l => l !== '').map(l => `${prefix}${l}\n`).join('');
}

/**
 * What `cdk8s-kratix run` prints: the pipelines and containers that ran (exit codes, durations),
 * the Works, the files per Destination, the unscheduled groups, the status diff and any
 * suspension or failure.
 */
export function runSummary(result: RunResult): string {
  const obj = result.object;
  const ns = obj.metadata.namespace ? `${obj.metadata.namespace}/` : '';
  let out = `${result.workflow} for ${obj.kind ?? 'object'} ${ns}${obj.metadata.name}\n`;
  for (const p of result.pipelines) {
    out += `pipeline ${p.name}\n`;
    for (const c of p.containers) {
      out += `  container ${c.name} (${c.runner}): exit ${c.exitCode}, ${ms(c.ms)}\n`;
      if (c.unresolvedEnv.length > 0) out += `    not set locally (from Secrets, ConfigMaps or the Pod): ${c.unresolvedEnv.join(', ')}\n`;
    }
    for (const w of p.warnings) out += `  status-writer: ${w}\n`;
    if (p.work) out += `  Work ${p.work.metadata.namespace}/${p.work.metadata.name}: ${(p.work.spec.workloadGroups ?? []).length} workload group(s)\n`;
    if (p.suspended) {
      const what = p.suspended.retry ? `retry at ${p.suspended.nextRetryAt}` : 'suspended';
      out += `  SUSPENDED (${what})${p.suspended.message ? `: ${p.suspended.message}` : ''}; no Work written, later pipelines do not run\n`;
    }
    if (p.failure) out += `  FAILED: ${p.failure}\n`;
  }
  out += `works: ${result.works.length === 0 ? 'none' : result.works.map(w => w.metadata.name).join(', ')}\n`;
  const perDestination = new Map<string, number>();
  for (const f of result.stateStore) perDestination.set(f.destination, (perDestination.get(f.destination) ?? 0) + 1);
  out += 'state store:\n';
  if (perDestination.size === 0) out += '  no files\n';
  for (const [dest, n] of perDestination) out += `  ${dest}: ${n} file${n === 1 ? '' : 's'}\n`;
  for (const c of result.choices) {
    out += `  group ${c.groupId.slice(0, 5)} of ${c.work} matches ${c.among.join(', ')}: Kratix picks one at random, this run picked ${c.picked} (the first by name)\n`;
  }
  for (const u of result.unscheduled) out += `  UNSCHEDULED: group '${u.directory}' (${u.id.slice(0, 5)}) of ${u.work}: no Destination matches its selectors\n`;
  const yaml = (status: unknown) => (typeof status === 'object' && status !== null && Object.keys(status).length > 0 ? emitYamlDocument(sortedKeys(status)) : '');
  const diff = unifiedDiff('status before', 'status after', yaml(result.statusBefore), yaml(result.object.status));
  out += diff === '' ? 'status: unchanged\n' : `status diff:\n${indent(diff, '  ')}`;
  if (result.object.metadata.labels?.[KratixLabels.WORKFLOW_SUSPENDED] === 'true') out += `label ${KratixLabels.WORKFLOW_SUSPENDED}: "true"\n`;
  out += result.failure ? `FAILED in pipeline ${result.failure.pipeline}${result.failure.container ? `, container ${result.failure.container}` : ''}: ${result.failure.message}\n` : 'OK\n';
  return out;
}
