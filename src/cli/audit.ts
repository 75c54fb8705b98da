import { CliError, CliIo, Command, parseArgs } from './io';
import { COMMAND_USAGE } from './usage';
import { readKratixConfig, readYamlDocuments } from './yaml-files';
import { PromiseAudit } from '../audit/promise-audit';
import { countBySeverity, parseSeverity, SEVERITIES } from '../audit/severity';
import { summaryText } from '../audit/table';
import { RenderError, resolveSettings } from '../render';

const USAGE = COMMAND_USAGE.audit;

/** The kratix ConfigMap's config, checked as the renderer reads it. */
function readAuditedKratixConfig(io: CliIo, file: string): Record<string, any> {
  const value = readKratixConfig(io, file);
  try {
    resolveSettings({ kratixConfig: value });
  } catch (e) {
    if (e instanceof RenderError) throw new CliError(`${file}: ${e.path.replace(/^kratixConfig/, 'data.config')}: ${e.problem}`);
    throw e;
  }
  return value;
}

/** The audits of every Promise document of one file. */
function auditFile(io: CliIo, file: string, kratixConfig: Record<string, any> | undefined): PromiseAudit[] {
  const docs = readYamlDocuments(io, file);
  const promises = docs.filter(d => d.value?.kind === 'Promise');
  if (promises.length === 0) {
    const kinds = docs.map(d => JSON.stringify(d.value?.kind ?? null)).join(', ');
    throw new CliError(`${file}: no Promise found (${docs.length} document${docs.length === 1 ? '' : 's'}${docs.length > 0 ? `, kinds ${kinds}` : ''}); pass a file with kind: Promise documents`);
  }
  return promises.map(({ index, value }) => {
    try {
      return PromiseAudit.ofDocument(value, { kratixConfig });
    } catch (e) {
      if (e instanceof RenderError) throw new CliError(`${file}: document ${index}: ${e.path}: ${e.problem}`);
      throw e;
    }
  });
}

/**
 * `cdk8s-kratix audit FILE... [--json] [--fail-on SEVERITY] [--kratix-config KRATIX-CONFIGMAP.yaml]`:
 * the security report of every pipeline of every Promise in the files, as a table or as JSON
 * (`{file, summary, promises}` for one file; `{files: [{file, summary, promises}...], summary}`
 * for several). Returns 2 when a finding at or above `--fail-on` exists, so that it can gate CI;
 * without `--fail-on` findings never fail. Without `--kratix-config` the kratix ConfigMap counts
 * as absent.
 */
export const audit: Command = (args, io) => {
  const { positionals, options } = parseArgs(args, ['--json'], ['--fail-on', '--kratix-config']);
  if (positionals.length === 0) throw new CliError(`no file given\n${USAGE}`);
  const failOnText = options['fail-on'] as string | undefined;
  const failOn = failOnText === undefined ? undefined : parseSeverity(failOnText);
  if (failOnText !== undefined && failOn === undefined) {
    throw new CliError(`--fail-on ${JSON.stringify(failOnText)}: expected one of ${SEVERITIES.join(', ')}`);
  }
  const configFile = options['kratix-config'] as string | undefined;
  const kratixConfig = configFile === undefined ? undefined : readAuditedKratixConfig(io, configFile);

  const reports = positionals.map(file => ({ file, audits: auditFile(io, file, kratixConfig) }));
  const audits = reports.flatMap(r => r.audits);
  const findings = audits.flatMap(a => a.findings);
  if (options.json) {
    const fileJson = (r: typeof reports[number]) => ({
      file: r.file,
      summary: countBySeverity(r.audits.flatMap(a => a.findings)),
      promises: r.audits.map(a => a.toJson()),
    });
    const json = reports.length === 1 ? fileJson(reports[0]) : { files: reports.map(fileJson), summary: countBySeverity(findings) };
    io.stdout(JSON.stringify(json, null, 2) + '\n');
  } else {
    io.stdout(audits.map(a => a.toTable()).join('\n'));
    for (const r of reports) {
      if (r.audits.length > 1) io.stdout(`\n${r.file}: ${r.audits.length} Promises, ${summaryText(r.audits.flatMap(a => a.findings))}\n`);
    }
    if (reports.length > 1) io.stdout(`\n${reports.length} files: ${audits.length} Promises, ${summaryText(findings)}\n`);
  }
  const failing = failOn === undefined ? [] : audits.flatMap(a => a.findingsAtOrAbove(failOn));
  if (failing.length > 0) {
    io.stderr(`cdk8s-kratix audit: ${failing.length} finding${failing.length === 1 ? '' : 's'} at or above ${failOn} (--fail-on ${failOn})\n`);
    return 2;
  }
  return 0;
};
