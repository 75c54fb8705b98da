import { AuditFinding, AuditSeverity } from './model';

/** The severities, most serious first. */
export const SEVERITIES: readonly AuditSeverity[] = [
  AuditSeverity.CRITICAL,
  AuditSeverity.HIGH,
  AuditSeverity.MEDIUM,
  AuditSeverity.LOW,
  AuditSeverity.INFO,
];

/** 0 for critical up to 4 for info; -1 for anything else. */
export function severityRank(severity: AuditSeverity): number {
  return SEVERITIES.indexOf(severity);
}

/** The severity one level more serious, or critical. */
export function raise(severity: AuditSeverity): AuditSeverity {
  return SEVERITIES[Math.max(0, severityRank(severity) - 1)];
}

/** The severity named `text` (case-insensitive), or undefined. */
export function parseSeverity(text: string): AuditSeverity | undefined {
  return SEVERITIES.find(s => s === text.toLowerCase());
}

/** `findings` most severe first; equal severities keep their order (`Array.sort` is stable). */
export function sortFindings(findings: readonly AuditFinding[]): AuditFinding[] {
  return [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
}

/** The number of findings per severity, every severity present. */
export function countBySeverity(findings: readonly AuditFinding[]): Record<AuditSeverity, number> {
  const counts = Object.fromEntries(SEVERITIES.map(s => [s, 0])) as Record<AuditSeverity, number>;
  for (const f of findings) counts[f.severity]++;
  return counts;
}
