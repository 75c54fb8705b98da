import * as fs from 'fs';
import * as path from 'path';
import { CliError, CliIo, Command, parseArgs } from './io';
import { COMMAND_USAGE } from './usage';
import { promisePackageFiles, promisePackageProblems } from '../init/promise-package';

const USAGE = COMMAND_USAGE.init;

/** This library's version, for the scaffolded package's peer dependency. */
function libraryRange(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const version: string = require('../../package.json').version;
  // An unreleased build (0.0.0) takes any version, so that a tarball of it satisfies the peer.
  return version === '0.0.0' ? '>=0.0.0' : `^${version}`;
}

/** The folder as the user would type it: relative when inside the current one. */
function shown(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative === '' ? '.' : relative.startsWith('..') ? dir : relative;
}

/**
 * `cdk8s-kratix init promise NAME --group G --kind K [--version V] [--dir D]` (the flags of
 * `kratix init promise`): scaffolds a package that publishes one Promise as a construct library
 * into DIR (default ./NAME), which must be missing or empty. Everything is checked before anything
 * is written; the files are written to a temporary folder beside DIR and moved into place.
 */
export const initCommand: Command = (args: string[], io: CliIo): number => {
  const { positionals, options } = parseArgs(args, [], ['--group', '--kind', '--version', '--dir']);
  if (positionals[0] !== 'promise' || positionals.length !== 2) throw new CliError(`expected \`init promise NAME\`\n${USAGE}`);
  const name = positionals[1];
  const group = options.group;
  const kind = options.kind;
  if (typeof group !== 'string' || typeof kind !== 'string') throw new CliError(`--group and --kind are required\n${USAGE}`);
  const version = typeof options.version === 'string' ? options.version : 'v1alpha1';
  const problems = promisePackageProblems({ name, group, kind, version });
  if (problems.length > 0) throw new CliError(`${problems.join('\n')}\nnothing was written`);
  const dir = path.resolve(typeof options.dir === 'string' ? options.dir : name);
  if (fs.existsSync(dir)) {
    if (!fs.statSync(dir).isDirectory()) throw new CliError(`--dir ${dir}: is a file, not a folder; nothing was written`);
    const entries = fs.readdirSync(dir);
    if (entries.length > 0) throw new CliError(`--dir ${dir}: the folder is not empty (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', ...' : ''}); choose an empty or new folder; nothing was written`);
  }
  const files = promisePackageFiles({ name, group, kind, version, libraryRange: libraryRange() });
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const staging = fs.mkdtempSync(path.join(path.dirname(dir), `.${path.basename(dir)}-`));
  try {
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(staging, file)), { recursive: true });
      fs.writeFileSync(path.join(staging, file), text);
    }
    if (fs.existsSync(dir)) fs.rmdirSync(dir);
    fs.renameSync(staging, dir);
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  io.stdout(`wrote ${Object.keys(files).length} files to ${dir}:\n${Object.keys(files).sort().map(f => `  ${f}`).join('\n')}\nnext: cd ${shown(dir)} && npm install && npm run projen && npx projen build\n`);
  return 0;
};
