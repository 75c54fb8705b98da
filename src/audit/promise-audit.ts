import { auditPromiseDocument, PromiseAuditResult } from './audit-promise';
import { AuditFinding, AuditOptions, AuditSeverity, PipelineAuditReport } from './model';
import { countBySeverity, severityRank } from './severity';
import { promiseTable } from './table';
import type { KratixPromise } from '../kratix-promise';

export * from './model';

/**
 * A security audit of a Promise: for every pipeline of every workflow, the service account it runs
 * as, each permission with where it applies (own namespace, a named namespace or cluster-wide,
 * Kratix's own grants included), and findings ranked by severity.
 *
 * The rules cover RBAC (wildcard verbs, resources and API groups; Secrets; cluster-wide scope;
 * `bind`, `escalate`, `impersonate`; RBAC and admission webhook resources), container security
 * contexts (privileged, privilege escalation, root, none at all, not fully restricted) and images
 * (no tag or digest, `latest`, `imagePullPolicy: Never`). See `AuditSeverity` for the ranking.
 *
 * @example
 * const audit = PromiseAudit.ofPromise(promise);
 * if (audit.findingsAtOrAbove(AuditSeverity.HIGH).length > 0) console.log(audit.toTable());
 *
 * @see https://docs.kratix.io/main/reference/workflows#rbac
 */
export class PromiseAudit {
  /**
   * Audits a Promise document: plain JSON, as parsed from YAML.
   *
   * @param doc the Promise (`kind: Promise`)
   * @throws Error naming the field, the bad value and the fix when a field the audit reads has the wrong type
   */
  public static ofDocument(doc: any, options: AuditOptions = {}): PromiseAudit {
    return new PromiseAudit(auditPromiseDocument(doc, options.kratixConfig));
  }

  /**
   * Audits a `KratixPromise` construct, as it would synthesize.
   *
   * @param promise the Promise construct
   */
  public static ofPromise(promise: KratixPromise, options: AuditOptions = {}): PromiseAudit {
    return PromiseAudit.ofDocument(promise.toJson(), options);
  }

  /** The Promise name. */
  public readonly promiseName: string;
  /** One report per pipeline: promise/configure, promise/delete, resource/configure, resource/delete, each in order. */
  public readonly pipelines: PipelineAuditReport[];
  /** Every finding of every pipeline, most severe first. */
  public readonly findings: AuditFinding[];
  private readonly result: PromiseAuditResult;

  private constructor(result: PromiseAuditResult) {
    this.result = result;
    this.promiseName = result.promise;
    this.pipelines = result.pipelines;
    this.findings = result.findings;
  }

  /**
   * The findings of `severity` or more serious, most severe first.
   *
   * @param severity the least serious severity to include
   */
  public findingsAtOrAbove(severity: AuditSeverity): AuditFinding[] {
    const limit = severityRank(severity);
    return this.findings.filter(f => severityRank(f.severity) <= limit);
  }

  /**
   * A readable report: a summary line, then per pipeline its namespace, service account,
   * permissions with their scope, and findings, most severe first.
   */
  public toTable(): string {
    return promiseTable(this.result);
  }

  /**
   * The report as plain JSON: `{ promise, summary: { critical, high, medium, low, info }, pipelines }`,
   * each pipeline with its permissions and findings.
   */
  public toJson(): any {
    return JSON.parse(JSON.stringify({
      promise: this.promiseName,
      summary: countBySeverity(this.findings),
      pipelines: this.pipelines,
    }));
  }
}
