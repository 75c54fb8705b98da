import { parseAllDocuments } from 'yaml';
import { CliError, CliIo, Command, parseArgs } from './io';
import { readDefaults } from '../audit/container-rules';
import { AuditInputError } from '../audit/input';
import { countBySeverity, parseSeverity, SEVERITIES } from '../audit/severity';
import { summaryText } from '../audit/table';
import { PromiseAudit } from '../promise-audit';

const USAGE = 'usage: cdk8s-kratix audit PROMISE.yaml [--json] [--fail-on critical|high|medium|low|info] [--kratix-config KRATIX-CONFIGMAP.yaml]';

/** The non-empty documents of a YAML file (YAML 1.2), with their 1-based position in the file. */
function readDocuments(io: CliIo, file: string): Array<{ index: number; value: any }> {
  const docs = parseAllDocuments(io.readFile(file));
  const values: Array<{ index: number; value: any }> = [];
  (Array.isArray(docs) ? docs : [docs]).forEach((doc, i) => {
    if (doc.errors.length > 0) throw new CliError(`${file}: document ${i + 1}: invalid YAML: ${doc.errors[0].message}`);
    const value = doc.toJS();
    if (value !== null && value !== undefined) values.push({ index: i + 1, value });
  });
  return values;
}

/** The parsed `data.config` of a `kratix` ConfigMap manifest. */
function readKratixConfig(io: CliIo, file: string): Record<string, any> {
  const docs = readDocuments(io, file);
  const configMaps = docs.filter(d => d.value?.kind === 'ConfigMap');
  if (configMaps.length !== 1) {
    throw new CliError(`${file}: holds ${configMaps.length} ConfigMaps in ${docs.length} documents; pass the one kratix ConfigMap manifest (kratix-platform-system/kratix)`);
  }
  const config = configMaps[0].value.data?.config;
  if (config === undefined || config === null) {
    throw new CliError(`${file}: data.config: missing; Kratix refuses to start when the kratix ConfigMap has no 'config' key`);
  }
  if (typeof config !== 'string') throw new CliError(`${file}: data.config: ${JSON.stringify(config)} is not a YAML string; use 'config: |'`);
  const parsed = parseAllDocuments(config);
  const first = Array.isArray(parsed) ? parsed[0] : undefined;
  if (first === undefined) return {};
  if (first.errors.length > 0) throw new CliError(`${file}: data.config: invalid YAML: ${first.errors[0].message}`);
  const value = first.toJS();
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new CliError(`${file}: data.config: ${JSON.stringify(value)} is not a YAML map`);
  try {
    readDefaults(value);
  } catch (e) {
    if (e instanceof AuditInputError) throw new CliError(`${file}: ${e.message.replace(/^kratixConfig/, 'data.config')}`);
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
  const kratixConfig = configFile === undefined ? undefined : readKratixConfig(io, configFile);

  const docs = readDocuments(io, file);
  const promises = docs.filter(d => d.value?.kind === 'Promise');
  if (promises.length === 0) {
    const kinds = docs.map(d => JSON.stringify(d.value?.kind ?? null)).join(', ');
    throw new CliError(`${file}: no Promise found (${docs.length} document${docs.length === 1 ? '' : 's'}${docs.length > 0 ? `, kinds ${kinds}` : ''}); pass a file with kind: Promise documents`);
  }
  const audits = promises.map(({ index, value }) => {
    try {
      return PromiseAudit.ofDocument(value, { kratixConfig });
    } catch (e) {
      if (e instanceof AuditInputError) throw new CliError(`${file}: document ${index}: ${e.message}`);
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
