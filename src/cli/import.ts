import * as path from 'path';
import { CliError, CliIo, Command, parseArgs } from './io';
import { generatePromiseModule } from '../codegen/promise-module';
import { generateRequestCode } from '../codegen/request-module';
import { PromisePlan } from '../import/plan';
import { promiseDocuments, verifiedPlan } from '../promise-import';

const USAGE = 'usage: cdk8s-kratix import PROMISE.yaml [-o FILE.ts] [--lenient]';

/**
 * `cdk8s-kratix import PROMISE.yaml [-o FILE.ts] [--lenient]`: writes a TypeScript module that
 * builds the file's Promises with the library's constructs, and a typed request class per Promise
 * API, to FILE.ts or stdout; warnings go to stderr.
 */
export const importCommand: Command = (args: string[], io: CliIo): number => {
  const { positionals, options } = parseArgs(args, ['--lenient'], ['-o', '--output']);
  if (positionals.length !== 1) throw new CliError(`expected one Promise file, got ${positionals.length}\n${USAGE}`);
  const file = positionals[0];
  const output = options.o ?? options.output;
  const lenient = options.lenient === true;

  const text = io.readFile(file);
  const { docs, warnings } = fail(file, () => promiseDocuments(text, file));
  if (docs.length === 0) throw new CliError(`${file}: no Promise document (kind: Promise) in the file`);
  const plans: PromisePlan[] = docs.map(doc => fail(file, () => verifiedPlan(doc, { lenient })));

  for (const w of [...warnings, ...plans.flatMap(p => p.warnings)]) {
    io.stderr(`${file}: warning: ${w.path}: ${w.message}\n`);
  }
  const apis = (docs as any[]).filter(d => typeof d.spec?.api === 'object' && d.spec.api !== null && Object.keys(d.spec.api).length > 0);
  const sources = apis.map(d => ({ crd: d.spec.api, promiseName: d.metadata?.name }));
  const requests = apis.length > 0 ? fail(file, () => generateRequestCode(sources)) : undefined;
  const module = generatePromiseModule(plans, { source: path.basename(file), extra: requests });
  if (typeof output === 'string') io.writeFile(output, module);
  else io.stdout(module);
  return 0;
};

function fail<T>(file: string, run: () => T): T {
  try {
    return run();
  } catch (e: any) {
    const message: string = e?.message ?? String(e);
    throw new CliError(message.startsWith(`${file}: `) ? message : `${file}: ${message}`);
  }
}
