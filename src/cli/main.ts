import { CliError, CliIo, Command, processIo } from './io';
import { COMMAND_USAGE, packageVersion, USAGE } from './usage';

// Commands are loaded on first use so that `cdk8s-kratix validate` does not pay for the renderer.
/* eslint-disable @typescript-eslint/no-require-imports */
const COMMANDS: Record<string, () => Command> = {
  validate: () => require('./validate').validate,
  render: () => require('./render').render,
  audit: () => require('./audit').audit,
  import: () => require('./import').importCommand,
};
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * Runs the command line and returns the exit code.
 *
 * @param argv the arguments after the program name
 */
export function main(argv: string[], io: CliIo = processIo): number {
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
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`cdk8s-kratix: unknown command '${name}'\n\n${USAGE}`);
    return 1;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${COMMAND_USAGE[name]}\n`);
    return 0;
  }
  try {
    return load()(rest, io);
  } catch (e: any) {
    if (debug) {
      io.stderr(`${e?.stack ?? e}\n`);
    } else {
      io.stderr(`cdk8s-kratix ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    }
    return e instanceof CliError ? e.exitCode : 1;
  }
}
