import type * as YamlModule from 'yaml';

/**
 * The one reader of YAML text for the library and the command line: YAML 1.2 (a key `yes` stays
 * a string), aliases expanded within the `yaml` package's default limit (which stops alias bombs),
 * and one wording for every error.
 */

/** A non-empty document of a YAML stream, with its 1-based position in the stream. */
export interface YamlDocument {
  readonly index: number;
  /** The parsed value; undefined when `error`. */
  readonly value: any;
  /** Why the document cannot be read, if it cannot. */
  readonly error?: YamlError;
}

/** YAML that cannot be read: `where` is `<source>: line L, column C` (or `<source>: document N`). */
export class YamlError extends Error {
  /**
   * @param where the source and the position
   * @param problem what is wrong
   */
  constructor(public readonly where: string, public readonly problem: string) {
    super(`${where}: ${problem}`);
    this.name = 'YamlError';
  }
}

/**
 * Whether a YAML parse error is the parser giving up on flow collections nested a few hundred
 * levels deep, with a stack-overflow message whose column depends on the stack left: callers name
 * that case in words (`TOO_DEEP_YAML`), without the column.
 */
export function isTooDeepYaml(error: { readonly message: string }): boolean {
  return error.message.includes('Maximum call stack size exceeded');
}

/** The message for YAML nested deeper than the parser follows. */
export const TOO_DEEP_YAML = 'nested too deeply: the YAML parser follows at most a few hundred levels of [ ] and { }, and no Kubernetes object needs that many; flatten it';

/**
 * YAML 1.1's octal integers (`defaultMode: 0644` is 420), as kubectl reads them (sigs.k8s.io/yaml,
 * go-yaml v2): Kubernetes manifests write file modes so, and YAML 1.2 would read 644.
 */
const KUBECTL_OCTAL: YamlModule.ScalarTag = {
  identify: (value: unknown) => typeof value === 'number',
  default: true,
  tag: 'tag:yaml.org,2002:int',
  format: 'OCT',
  test: /^[-+]?0[0-7_]+$/,
  resolve: (text: string) => (text.startsWith('-') ? -1 : 1) * parseInt(text.replace(/[-+_]/g, ''), 8),
};

/**
 * The non-empty documents of a YAML stream.
 *
 * @param source names the text in messages, e.g. a file name
 * @throws YamlError for the first document that cannot be read: `<source>: line L, column C: not valid YAML: <problem>`
 */
export function parseYamlDocuments(text: string, source: string): YamlDocument[] {
  const docs = readYamlDocuments(text, source);
  const bad = docs.find(d => d.error);
  if (bad) throw bad.error;
  return docs;
}

/**
 * The non-empty documents of a YAML stream, and those that cannot be read with their error: for
 * a caller that reports every problem of a file.
 *
 * @param source names the text in messages, e.g. a file name
 */
export function readYamlDocuments(text: string, source: string): YamlDocument[] {
  // Loaded on first use: the YAML parser costs more to load than the rest of the library.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const YAML: typeof YamlModule = require('yaml');
  const docs: YamlDocument[] = [];
  YAML.parseAllDocuments(text, { version: '1.2', customTags: tags => [KUBECTL_OCTAL, ...tags] }).forEach((document, i) => {
    const index = i + 1;
    const error = document.errors[0];
    if (error) return docs.push({ index, value: undefined, error: yamlError(error, `${source}: document ${index}`, source) });
    try {
      const value = document.toJS();
      if (value !== null && value !== undefined) docs.push({ index, value });
    } catch (e: any) {
      docs.push({ index, value: undefined, error: new YamlError(`${source}: document ${index}`, `not valid YAML: ${firstLine(e)}`) });
    }
    return undefined;
  });
  return docs;
}

function yamlError(error: YamlModule.YAMLError, fallback: string, source: string): YamlError {
  if (isTooDeepYaml(error)) return new YamlError(fallback, TOO_DEEP_YAML);
  const where = error.linePos ? `${source}: line ${error.linePos[0].line}, column ${error.linePos[0].col}` : fallback;
  return new YamlError(where, `not valid YAML: ${firstLine(error).replace(/ at line \d+, column \d+:?$/, '')}`);
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}
