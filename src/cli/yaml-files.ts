import { CliError, CliIo } from './io';
import { parseYamlDocuments, YamlDocument, YamlError } from '../private/yaml';

/** The non-empty documents of a YAML file. */
export function readYamlDocuments(io: CliIo, file: string): YamlDocument[] {
  return yamlOrCliError(() => parseYamlDocuments(io.readFile(file), file));
}

function yamlOrCliError<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof YamlError) throw new CliError(e.message);
    throw e;
  }
}

/**
 * The parsed `data.config` of the `kratix` ConfigMap manifest in `file` ({} when the key holds no
 * YAML map entries): what Kratix reads at start-up.
 */
export function readKratixConfig(io: CliIo, file: string): Record<string, any> {
  const docs = readYamlDocuments(io, file);
  const configMaps = docs.filter(d => d.value?.kind === 'ConfigMap');
  if (configMaps.length !== 1) {
    throw new CliError(`${file}: holds ${configMaps.length} ConfigMaps in ${docs.length} documents; pass the one kratix ConfigMap manifest (kratix-platform-system/kratix)`);
  }
  const config = configMaps[0].value.data?.config;
  if (config === undefined || config === null) {
    throw new CliError(`${file}: data.config: missing; Kratix refuses to start when the kratix ConfigMap has no 'config' key`);
  }
  if (typeof config !== 'string') throw new CliError(`${file}: data.config: ${JSON.stringify(config)} is not a YAML string; use 'config: |'`);
  const value = yamlOrCliError(() => parseYamlDocuments(config, `${file}: data.config`))[0]?.value;
  if (value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new CliError(`${file}: data.config: ${JSON.stringify(value)} is not a YAML map`);
  return value;
}
