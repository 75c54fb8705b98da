import { parseAllDocuments } from 'yaml';
import { CliError, CliIo } from './io';
import { isTooDeepYaml, TOO_DEEP_YAML } from '../private/yaml-errors';

/** A non-empty document of a YAML file, with its 1-based position in the file. */
export interface YamlDocument {
  readonly index: number;
  readonly value: any;
}

/** The non-empty documents of a YAML file, parsed as YAML 1.2 (a key `yes` stays a string). */
export function readYamlDocuments(io: CliIo, file: string): YamlDocument[] {
  const docs: YamlDocument[] = [];
  parseAllDocuments(io.readFile(file)).forEach((doc, i) => {
    if (doc.errors.length > 0) throw new CliError(`${file}: document ${i + 1}: ${isTooDeepYaml(doc.errors[0]) ? TOO_DEEP_YAML : `invalid YAML: ${doc.errors[0].message}`}`);
    const value = doc.toJS();
    if (value !== null && value !== undefined) docs.push({ index: i + 1, value });
  });
  return docs;
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
  const first = parseAllDocuments(config)[0];
  if (first === undefined) return {};
  if (first.errors.length > 0) throw new CliError(`${file}: data.config: invalid YAML: ${first.errors[0].message}`);
  const value = first.toJS();
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new CliError(`${file}: data.config: ${JSON.stringify(value)} is not a YAML map`);
  return value;
}
