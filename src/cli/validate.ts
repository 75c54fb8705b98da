import { Problem, validatePromiseDocument } from '../validate';
import { CliError, CliIo, Command, parseArgs } from './io';
import { COMMAND_USAGE } from './usage';
import { readYamlDocuments } from '../private/yaml';

const USAGE = COMMAND_USAGE.validate;

/**
 * `cdk8s-kratix validate FILE... [--lenient]`: checks every Promise document of every file against
 * Kratix's schema and rules and the library's, and prints one line per problem,
 * `FILE: PATH: message` (`FILE: PATH: warning: message` for warnings). In a file with several
 * documents, PATH starts with the document's index among the non-empty ones (`[1].spec...`).
 * With `--lenient`, pipeline fields Kratix does not know are warnings instead of errors.
 *
 * @returns 1 if there is any error, 0 otherwise (warnings alone do not fail)
 */
export const validate: Command = (args: string[], io: CliIo): number => {
  const { positionals, options } = parseArgs(args, ['--lenient'], []);
  if (positionals.length === 0) throw new CliError(`no file given\n${USAGE}`);
  let errors = 0;
  let warnings = 0;
  for (const file of positionals) {
    for (const line of validateFile(file, io, options.lenient === true)) {
      if (line.severity === 'error') errors++;
      else warnings++;
      const where = line.path === '' ? '' : `${line.path}: `;
      io.stdout(`${file}: ${where}${line.severity === 'warning' ? 'warning: ' : ''}${line.message}\n`);
    }
  }
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  io.stderr(`${count(positionals.length, 'file')} checked: ${count(errors, 'error')}, ${count(warnings, 'warning')}\n`);
  return errors > 0 ? 1 : 0;
};

/** The problems of one file, with paths that start with the document index when it has several. */
function validateFile(file: string, io: CliIo, lenient: boolean): Problem[] {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (e: any) {
    const message = e instanceof Error ? e.message : String(e);
    return [{ path: '', severity: 'error', message: message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message }];
  }
  const parsed: Array<{ value?: unknown; problems?: Problem[] }> = readYamlDocuments(text, file).map(doc => doc.error
    // The error names the file and the position; the report prints the file itself.
    ? { problems: [{ path: doc.error.where.slice(file.length + 2), severity: 'error', message: doc.error.problem }] }
    : { value: doc.value });
  if (parsed.length === 0) {
    return [{ path: '', severity: 'error', message: 'the file has no document: expected a Promise' }];
  }
  const many = parsed.length > 1;
  // Beside a Promise, other objects (a chart's ConfigMaps, a CRD) are skipped rather than refused.
  const otherKind = (value: unknown): string | undefined => {
    const kind = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as any).kind : undefined;
    return typeof kind === 'string' && kind !== 'Promise' ? kind : undefined;
  };
  const hasPromise = parsed.some(doc => doc.value !== undefined && otherKind(doc.value) === undefined);
  const out: Problem[] = [];
  parsed.forEach((doc, i) => {
    const skipped = many && hasPromise ? otherKind(doc.value) : undefined;
    const problems = skipped !== undefined
      ? [{ path: 'kind', severity: 'warning' as const, message: `document is a ${skipped}, not a Promise: skipped` }]
      : doc.problems ?? safeValidate(doc.value, lenient);
    for (const p of problems) {
      const isLine = p.path.startsWith('line ');
      const path = !many || isLine ? p.path : p.path === '' ? `[${i}]` : p.path.startsWith('[') ? `[${i}]${p.path}` : `[${i}].${p.path}`;
      out.push({ ...p, path });
    }
  });
  return out;
}

function safeValidate(value: unknown, lenient: boolean): Problem[] {
  try {
    return validatePromiseDocument(value, { lenient });
  } catch (e: any) {
    // The validators are written not to throw; this keeps one odd document from hiding the others.
    return [{ path: '', severity: 'error', message: `cannot validate the document: ${firstLine(e)}` }];
  }
}

function firstLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n')[0].trim();
}
