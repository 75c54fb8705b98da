import { CliError, CliIo, Command, parseArgs } from './io';
import { readKratixConfig, readYamlDocuments } from './yaml-files';
import { PromiseAudit } from '../audit/promise-audit';
import { countBySeverity, parseSeverity, SEVERITIES } from '../audit/severity';
import { summaryText } from '../audit/table';
import { RenderError, resolveSettings } from '../render';

const USAGE = 'usage: cdk8s-kratix audit PROMISE.yaml [--json] [--fail-on critical|high|medium|low|info] [--kratix-config KRATIX-CONFIGMAP.yaml]';

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

/**
 * `cdk8s-kratix audit PROMISE.yaml [--json] [--fail-on SEVERITY] [--kratix-config KRATIX-CONFIGMAP.yaml]`:
 * the security report of every pipeline of every Promise in the file, as a table or as JSON.
 * Returns 2 when a finding at or above `--fail-on` exists, so that it can gate CI; without
 * `--fail-on` findings never fail. Without `--kratix-config` the kratix ConfigMap counts as absent.
 */
export const audit: Command = (args, io) => {
  const { positionals, options } = parseArgs(args, ['--json'], ['--fail-on', '--kratix-config']);
  if (positionals.length !== 1) throw new CliError(`expected one PROMISE.yaml, got ${positionals.length} files\n${USAGE}`);
  const file = positionals[0];
  const failOnText = options['fail-on'] as string | undefined;
  const failOn = failOnText === undefined ? undefined : parseSeverity(failOnText);
  if (failOnText !== undefined && failOn === undefined) {
    throw new CliError(`--fail-on ${JSON.stringify(failOnText)}: expected one of ${SEVERITIES.join(', ')}`);
  }
  const configFile = options['kratix-config'] as string | undefined;
  const kratixConfig = configFile === undefined ? undefined : readAuditedKratixConfig(io, configFile);

  const docs = readYamlDocuments(io, file);
  const promises = docs.filter(d => d.value?.kind === 'Promise');
  if (promises.length === 0) {
    const kinds = docs.map(d => JSON.stringify(d.value?.kind ?? null)).join(', ');
    throw new CliError(`${file}: no Promise found (${docs.length} document${docs.length === 1 ? '' : 's'}${docs.length > 0 ? `, kinds ${kinds}` : ''}); pass a file with kind: Promise documents`);
  }
  const audits = promises.map(({ index, value }) => {
    try {
      return PromiseAudit.ofDocument(value, { kratixConfig });
    } catch (e) {
      if (e instanceof RenderError) throw new CliError(`${file}: document ${index}: ${e.path}: ${e.problem}`);
      throw e;
    }
  });

  const findings = audits.flatMap(a => a.findings);
  if (options.json) {
    io.stdout(JSON.stringify({ file, summary: countBySeverity(findings), promises: audits.map(a => a.toJson()) }, null, 2) + '\n');
  } else {
    io.stdout(audits.map(a => a.toTable()).join('\n'));
    if (audits.length > 1) io.stdout(`\n${file}: ${audits.length} Promises, ${summaryText(findings)}\n`);
  }
  const failing = failOn === undefined ? [] : audits.flatMap(a => a.findingsAtOrAbove(failOn));
  if (failing.length > 0) {
    io.stderr(`cdk8s-kratix audit: ${failing.length} finding${failing.length === 1 ? '' : 's'} at or above ${failOn} (--fail-on ${failOn})\n`);
    return 2;
  }
  return 0;
};
