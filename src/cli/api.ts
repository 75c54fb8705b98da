import { CliError, CliIo, Command, parseArgs } from './io';
import { readYamlDocuments } from './yaml-files';
import { generateRequestModule, RequestSource } from '../codegen/request-module';

const USAGE = 'usage: cdk8s-kratix api PROMISE.yaml [-o FILE.ts]';

/**
 * The Promise APIs of a YAML file: `spec.api` of each Promise document, and each
 * CustomResourceDefinition document, in file order.
 */
export function requestSources(io: CliIo, file: string): RequestSource[] {
  const sources: RequestSource[] = [];
  for (const { index, value } of readYamlDocuments(io, file)) {
    const promiseApi = value?.kind === 'Promise' ? value.spec?.api : undefined;
    const crd = value?.kind === 'CustomResourceDefinition' ? value : promiseApi;
    if (typeof crd !== 'object' || crd === null || Object.keys(crd).length === 0) continue;
    if (typeof crd.spec !== 'object' || crd.spec === null) throw new CliError(`${file}: document ${index}: the API has no spec; it is not a CustomResourceDefinition`);
    sources.push({ crd, promiseName: promiseApi ? value.metadata?.name : undefined });
  }
  return sources;
}

/**
 * `cdk8s-kratix api PROMISE.yaml [-o FILE.ts]`: writes a TypeScript module with a typed request
 * class per Promise API in the file (Promises' `spec.api` or CRD documents), to FILE.ts or stdout:
 * for a team that requests resources of a Promise it does not own.
 */
export const apiCommand: Command = (args: string[], io: CliIo): number => {
  const { positionals, options } = parseArgs(args, [], ['-o', '--output']);
  if (positionals.length !== 1) throw new CliError(`expected one Promise file, got ${positionals.length}\n${USAGE}`);
  const file = positionals[0];
  const output = options.o ?? options.output;
  const sources = requestSources(io, file);
  if (sources.length === 0) throw new CliError(`${file}: no Promise with an API (spec.api) and no CustomResourceDefinition in the file`);
  let module: string;
  try {
    module = generateRequestModule(sources);
  } catch (e: any) {
    throw new CliError(`${file}: ${e.message}`);
  }
  if (typeof output === 'string') io.writeFile(output, module);
  else io.stdout(module);
  return 0;
};
