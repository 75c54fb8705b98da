import { AsyncCommand, CliError, CliIo, Command, processIo } from './io';
import { COMMAND_USAGE, packageVersion, USAGE } from './usage';

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
  if (name === '--version' || name === '-V') {
    io.stdout(`cdk8s-kratix ${packageVersion()}\n`);
    return 0;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`cdk8s-kratix ${packageVersion()}\n`);
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`cdk8s-kratix: unknown command '${name}'\n\n${USAGE}`);
    return 1;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${COMMAND_USAGE[name]}\n`);
    return 0;
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
