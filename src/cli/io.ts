import * as fs from 'fs';

/**
 * What a command reads and writes, so that tests can run commands in-process.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
}

/** The real process: stdout, stderr and the file system. */
export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => {
    try {
      return fs.readFileSync(path, 'utf8');
    } catch (e: any) {
      throw new CliError(`${path}: cannot read file: ${e.code ?? e.message}`);
    }
  },
  writeFile: (path, text) => {
    try {
      fs.writeFileSync(path, text);
    } catch (e: any) {
      throw new CliError(`${path}: cannot write file: ${e.code ?? e.message}`);
    }
  },
};

/**
 * A failure the user can fix: printed to stderr without a stack trace, exit code 1.
 */
export class CliError extends Error {
  constructor(message: string, public readonly exitCode = 1) {
    super(message);
    this.name = 'CliError';
  }
}

/** A command: takes its own arguments, returns the exit code. */
export type Command = (args: string[], io: CliIo) => number;

/** A command that runs asynchronously (containers, child processes): resolves to the exit code. */
export type AsyncCommand = (args: string[], io: CliIo) => Promise<number>;

/**
 * Splits `args` into positionals and `--flag value` / `--flag=value` / `--switch` options.
 *
 * @param switches options that take no value
 * @param valued options that take a value
 * @param repeated valued options that may be given several times: their values are collected in `lists`
 */
export function parseArgs(args: string[], switches: string[], valued: string[], repeated: string[] = []): {
  positionals: string[];
  options: Record<string, string | true>;
  lists: Record<string, string[]>;
} {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  const lists: Record<string, string[]> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    if (switches.includes(name)) {
      if (eq >= 0) throw new CliError(`option ${name} takes no value`);
      options[name.replace(/^-+/, '')] = true;
    } else if (valued.includes(name) || repeated.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined) throw new CliError(`option ${name} needs a value`);
      const key = name.replace(/^-+/, '');
      if (repeated.includes(name)) (lists[key] ??= []).push(value);
      else options[key] = value;
    } else {
      throw new CliError(`unknown option '${name}'; known options: ${[...switches, ...valued, ...repeated].join(', ') || 'none'}`);
    }
  }
  return { positionals, options, lists };
}
