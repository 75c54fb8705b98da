import { AsyncCommand, CliError, CliIo, Command, processIo } from './io';

const USAGE = `usage: cdk8s-kratix <command> [options]

commands:
  render PROMISE.yaml --workflow TYPE/ACTION [--request REQUEST.yaml] [--kratix-config KRATIX-CONFIGMAP.yaml]
         [--adapter-image IMAGE] [--adapter-pull-secret NAME]
                                 print every object Kratix creates for a workflow
  validate FILE... [--lenient]   check Promise files against Kratix's schema and rules
  import PROMISE.yaml [-o FILE.ts] [--lenient]
                                 generate TypeScript that builds the Promise with cdk8s-kratix,
                                 and a typed request class per Promise API
  api PROMISE.yaml [-o FILE.ts]  generate only the typed request classes of the Promise APIs
  audit PROMISE.yaml [--json] [--fail-on SEVERITY] [--kratix-config KRATIX-CONFIGMAP.yaml]
                                 report the permissions and security findings of every pipeline
  run PROMISE.yaml --workflow TYPE/ACTION [--request REQUEST.yaml] [--exec CONTAINER=COMMAND ...]
      [--engine docker|podman] [--destinations DESTINATIONS.yaml] [--promise NAME] --out DIR [--expect DIR]
                                 run a workflow locally as Kratix would: Works, state store, status
  init promise NAME --group GROUP --kind KIND [--version VERSION] [--dir DIR]
                                 scaffold a package that publishes the Promise as a construct library

global options: --debug (print stack traces)
`;

// Commands are loaded on first use so that `cdk8s-kratix validate` does not pay for the renderer.
/* eslint-disable @typescript-eslint/no-require-imports */
const COMMANDS: Record<string, () => Command | AsyncCommand> = {
  validate: () => require('./validate').validate,
  render: () => require('./render').render,
  audit: () => require('./audit').audit,
  import: () => require('./import').importCommand,
  api: () => require('./api').apiCommand,
  run: () => require('./run').run,
  init: () => require('./init').initCommand,
};
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * Runs the command line and returns the exit code, for commands that finish synchronously
 * (`render`, `validate`, `import`, `audit`); `mainAsync` runs every command.
 *
 * @param argv the arguments after the program name
 * @throws Error for an asynchronous command (`run`): use `mainAsync`
 */
export function main(argv: string[], io: CliIo = processIo): number {
  const code = dispatch(argv, io);
  if (typeof code !== 'number') throw new Error(`cdk8s-kratix ${argv[0]} runs asynchronously: call mainAsync`);
  return code;
}

/**
 * Runs the command line, every command, and resolves to the exit code (what `bin/cdk8s-kratix`
 * calls).
 *
 * @param argv the arguments after the program name
 */
export async function mainAsync(argv: string[], io: CliIo = processIo): Promise<number> {
  return dispatch(argv, io);
}

function dispatch(argv: string[], io: CliIo): number | Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter(a => a !== '--debug');
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(USAGE);
    return name === undefined ? 1 : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`cdk8s-kratix: unknown command '${name}'\n\n${USAGE}`);
    return 1;
  }
  const fail = (e: any): number => {
    if (debug) {
      io.stderr(`${e?.stack ?? e}\n`);
    } else {
      io.stderr(`cdk8s-kratix ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    }
    return e instanceof CliError ? e.exitCode : 1;
  };
  try {
    const code = load()(rest, io);
    return typeof code === 'number' ? code : code.catch(fail);
  } catch (e: any) {
    return fail(e);
  }
}
