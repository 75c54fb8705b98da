import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { readPromise, readRequest } from './input-documents';
import { AsyncCommand, CliError, CliIo, parseArgs } from './io';
import { COMMAND_USAGE } from './usage';
import { readYamlDocuments } from './yaml-files';
import { WorkflowRef } from '../render';
import { DestinationError, diffTrees, readDestinations, resultFiles, RunInputError, runSummary, runWorkflow } from '../run';

const WORKFLOWS = ['promise/configure', 'promise/delete', 'resource/configure', 'resource/delete'];

const USAGE = COMMAND_USAGE.run;

/** The one resource request of a file, which must be of the Promise's API. */
function readTypedRequest(io: CliIo, file: string, promise: any): any {
  const request = readRequest(io, file);
  const kind = promise?.spec?.api?.spec?.names?.kind;
  if (kind !== undefined && request.kind !== kind) {
    throw new CliError(`${file}: kind: ${JSON.stringify(request.kind)} is not the kind of Promise '${promise.metadata?.name}''s API (${JSON.stringify(kind)}); pass a ${kind} request`);
  }
  return request;
}

function parseExec(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq <= 0) throw new CliError(`--exec ${JSON.stringify(v)}: expected CONTAINER=COMMAND (for example --exec deploy='./deploy.sh')`);
    out[v.slice(0, eq)] = v.slice(eq + 1);
  }
  return out;
}

/** Every file under `dir`, by `/`-separated path relative to it. */
function readTree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const file = path.join(d, e.name);
      if (e.isDirectory()) walk(file);
      else out.set(path.relative(dir, file).split(path.sep).join('/'), fs.readFileSync(file));
    }
  };
  walk(dir);
  return out;
}

/** Writes the tree to a temporary sibling of `dir`, then renames it into place: never half a result. */
function writeTree(dir: string, files: Map<string, Buffer>): void {
  const parent = path.dirname(path.resolve(dir));
  fs.mkdirSync(parent, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(parent, `.${path.basename(dir)}-`));
  try {
    for (const [file, content] of files) {
      fs.mkdirSync(path.dirname(path.join(tmp, file)), { recursive: true });
      fs.writeFileSync(path.join(tmp, file), content);
    }
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(tmp, dir);
  } catch (e: any) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new CliError(`--out ${dir}: cannot write the result: ${e.code ?? e.message}`);
  }
}

/**
 * `cdk8s-kratix run PROMISE.yaml --workflow TYPE/ACTION ... --out DIR`: runs the workflow's
 * pipelines locally as Kratix would and writes the object, the Works and the state store to DIR.
 * Exit 1 when a container fails, Kratix would fail the pipeline, or `--expect` finds a difference;
 * a failed run writes nothing.
 */
export const run: AsyncCommand = async (args, io) => {
  const { positionals, options, lists } = parseArgs(args, [],
    ['--workflow', '--request', '--engine', '--destinations', '--promise', '--out', '--expect'], ['--exec']);
  if (positionals.length !== 1) throw new CliError(`expected one PROMISE.yaml, got ${positionals.length} files\n${USAGE}`);
  const workflow = options.workflow as string | undefined;
  if (workflow === undefined) throw new CliError(`--workflow is required\n${USAGE}`);
  if (!WORKFLOWS.includes(workflow)) throw new CliError(`--workflow ${JSON.stringify(workflow)}: expected one of ${WORKFLOWS.join(', ')}`);
  const out = options.out as string | undefined;
  if (out === undefined) throw new CliError(`--out DIR is required\n${USAGE}`);
  const requestFile = options.request as string | undefined;
  if (workflow.startsWith('resource/') && requestFile === undefined) {
    throw new CliError(`--request REQUEST.yaml is required for ${workflow}: resource workflows run for one resource request`);
  }
  const expect = options.expect as string | undefined;
  if (expect !== undefined && !fs.existsSync(expect)) throw new CliError(`--expect ${expect}: no such directory; give the tree of an earlier --out to compare with`);
  const engine = options.engine as string | undefined;
  if (engine !== undefined && engine !== 'docker' && engine !== 'podman') throw new CliError(`--engine ${JSON.stringify(engine)}: expected docker or podman`);

  const promise = readPromise(io, positionals[0], options.promise as string | undefined);
  const request = requestFile !== undefined && workflow.startsWith('resource/') ? readTypedRequest(io, requestFile, promise) : undefined;
  const destinationsFile = options.destinations as string | undefined;
  let destinations: unknown[] = [];
  if (destinationsFile !== undefined) {
    try {
      destinations = readDestinations(readYamlDocuments(io, destinationsFile).map(d => d.value), destinationsFile);
    } catch (e) {
      if (e instanceof DestinationError) throw new CliError(e.message);
      throw e;
    }
  }

  let result;
  try {
    result = await runWorkflow(promise, {
      workflow: workflow as WorkflowRef,
      request,
      exec: parseExec(lists.exec ?? []),
      engine: engine as 'docker' | 'podman' | undefined,
      destinations,
    });
  } catch (e) {
    if (e instanceof RunInputError) throw new CliError(e.message);
    throw e;
  }

  io.stdout(runSummary(result));
  for (const p of result.pipelines) {
    for (const c of p.containers) {
      if (c.exitCode !== 0 && c.stderr !== '') io.stderr(c.stderr.split('\n').filter(l => l !== '').map(l => `[${c.name}] ${l}\n`).join(''));
    }
  }
  if (!result.ok) {
    io.stderr(`cdk8s-kratix run: pipeline ${result.failure!.pipeline}${result.failure!.container ? `, container ${result.failure!.container}` : ''}: ${result.failure!.message}; nothing written to ${out}\n`);
    return 1;
  }
  const files = resultFiles(result);
  writeTree(out, files);
  if (expect !== undefined) {
    const diff = diffTrees(readTree(expect), files, text => parseYaml(text));
    if (diff !== '') {
      io.stdout(`differences from ${expect}:\n${diff}`);
      return 1;
    }
    io.stdout(`matches ${expect}\n`);
  }
  return 0;
};
