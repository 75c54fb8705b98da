import type * as YamlModule from 'yaml';
import { PipelineFileError } from './errors';
import { isTooDeepYaml, TOO_DEEP_YAML } from '../private/yaml';

/*
 * Kratix reads the pipeline's files with sigs.k8s.io/yaml on yaml.v2, that is YAML 1.1 (`yes`,
 * `on` are booleans), so these files are parsed and written in YAML 1.1. The `yaml` package is
 * loaded on first use: a pipeline container starts once per run, and most runs parse one file.
 */

let yamlModule: typeof YamlModule | undefined;

/** The `yaml` package, loaded on first use. */
export function yaml(): typeof YamlModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (yamlModule ??= require('yaml') as typeof YamlModule);
}

/** Options of {@link parseYaml11}. */
export interface ParseYaml11Options {
  /** Read integers as `bigint`, to tell them from floats (Go converts the two differently to strings). */
  readonly intAsBigInt?: boolean;
  /** Text of the error, before the parser's words (Kratix's prefix for this file). */
  readonly prefix?: string;
  /** How to fix a syntax error. */
  readonly fix?: string;
}

/**
 * Parses one YAML 1.1 document as Kratix's readers do; empty text is `null`.
 *
 * @param text the file's content
 * @param file the file's path, for errors
 * @throws PipelineFileError naming the file, the line and column, when the text is not YAML
 */
export function parseYaml11(text: string, file: string, options: ParseYaml11Options = {}): unknown {
  const Y = yaml();
  let doc: YamlModule.Document;
  try {
    doc = Y.parseDocument(text, {
      version: '1.1',
      intAsBigInt: options.intAsBigInt ?? false,
      uniqueKeys: true,
      prettyErrors: true,
      customTags: yamlV2Tags,
    });
  } catch (e: any) {
    throw syntaxError(file, e, options);
  }
  if (doc.errors.length > 0) throw syntaxError(file, doc.errors[0], options);
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (e: any) {
    throw syntaxError(file, e, options);
  }
}

/**
 * The YAML 1.1 tags as yaml.v2 resolves plain scalars: timestamps stay the text written, and a
 * float needs a digit (`.` is a string, as Go's `strconv.ParseFloat` refuses it).
 */
function yamlV2Tags(tags: YamlModule.Tags): YamlModule.Tags {
  return tags
    .filter(t => (t as { tag?: string }).tag !== 'tag:yaml.org,2002:timestamp')
    .map(t => {
      const tag = t as YamlModule.ScalarTag;
      if (tag.tag !== 'tag:yaml.org,2002:float' || !tag.test || /nan/.test(tag.test.source)) return t;
      return { ...tag, test: new RegExp(`^(?=.*[0-9])${tag.test.source.slice(1)}`) };
    });
}

function syntaxError(file: string, e: { message: string }, options: ParseYaml11Options): PipelineFileError {
  const reason = isTooDeepYaml(e) ? TOO_DEEP_YAML : String(e.message).split('\n')[0];
  return new PipelineFileError(file, `${options.prefix ?? ''}error converting YAML to JSON: ${reason}`, options.fix ?? 'write valid YAML');
}

/**
 * Writes `value` as YAML 1.1 text, quoting every string that YAML 1.1 would read as something
 * else (`"yes"`, `"on"`, `"1.0"`), so that Kratix and GitOps agents read back what was written.
 */
export function stringifyYaml11(value: unknown): string {
  return yaml().stringify(value, { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false });
}
