import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** Where a pipeline's three volumes are on this machine. */
export interface PipelineDirs {
  readonly input: string;
  readonly output: string;
  readonly metadata: string;
}

/** A user container about to run, as the renderer built it. */
export interface ContainerSpec {
  readonly pipelineName: string;
  readonly name: string;
  readonly image?: string;
  readonly command: readonly string[];
  readonly args: readonly string[];
  /** The container's env as Kratix renders it: `value`s only, in order. */
  readonly env: Record<string, string>;
  readonly dirs: PipelineDirs;
}

/** How a container ended. */
export interface ContainerOutcome {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs one container and says how it ended. */
export type ContainerRunner = (spec: ContainerSpec) => Promise<ContainerOutcome>;

/** The env of a locally run container: its rendered env plus the three directories. */
export function localEnv(spec: ContainerSpec): Record<string, string> {
  return {
    ...spec.env,
    KRATIX_INPUT_DIR: spec.dirs.input,
    KRATIX_OUTPUT_DIR: spec.dirs.output,
    KRATIX_METADATA_DIR: spec.dirs.metadata,
  };
}

/** Runs a program and collects its output. A program that cannot start ends with exit code 127. */
function runProgram(file: string, args: readonly string[], env: Record<string, string>, cwd?: string): Promise<ContainerOutcome> {
  return new Promise(resolve => {
    const child = spawn(file, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', e => resolve({ exitCode: 127, stdout: '', stderr: `${file}: ${e.message}\n` }));
    child.on('close', (code, signal) => resolve({
      exitCode: code ?? (signal ? 128 : 1),
      stdout: Buffer.concat(out).toString('utf8'),
      stderr: Buffer.concat(err).toString('utf8') + (signal ? `killed by ${signal}\n` : ''),
    }));
  });
}

/**
 * `--exec NAME=COMMAND`: runs `sh -c COMMAND` on this machine with the container's env (exactly:
 * nothing of this process's env but `PATH` and `HOME`) and `KRATIX_INPUT_DIR`,
 * `KRATIX_OUTPUT_DIR`, `KRATIX_METADATA_DIR`, in the current directory (so that the command's
 * relative paths are those of the command line).
 */
export function execRunner(command: string): ContainerRunner {
  return spec => {
    const base: Record<string, string> = {};
    for (const key of ['PATH', 'HOME']) if (process.env[key] !== undefined) base[key] = process.env[key]!;
    return runProgram('/bin/sh', ['-c', command], { ...base, ...localEnv(spec) });
  };
}

/** The container engines `--engine` can run images with. */
export const ENGINES = ['docker', 'podman'] as const;

/** The path of an executable named `name` on `PATH`, or undefined. */
export function onPath(name: string, pathVar = process.env.PATH ?? ''): string | undefined {
  for (const dir of pathVar.split(path.delimiter)) {
    if (dir === '') continue;
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch { /* not here */ }
  }
  return undefined;
}

/**
 * The engine's command line for a container: the three directories mounted at `/kratix/...`
 * (input read-only, as Kratix mounts it), the rendered env, the image's entrypoint replaced by
 * the container's `command` when it has one.
 */
export function engineArgs(spec: ContainerSpec): string[] {
  const args = ['run', '--rm',
    '-v', `${spec.dirs.input}:/kratix/input:ro`,
    '-v', `${spec.dirs.output}:/kratix/output`,
    '-v', `${spec.dirs.metadata}:/kratix/metadata`];
  for (const [k, v] of Object.entries(spec.env)) args.push('-e', `${k}=${v}`);
  if (spec.command.length > 0) args.push('--entrypoint', spec.command[0]);
  args.push(spec.image ?? '', ...spec.command.slice(1), ...spec.args);
  return args;
}

/** `--engine docker|podman`: runs the container's image with the engine found at `binary`. */
export function engineRunner(binary: string): ContainerRunner {
  return spec => runProgram(binary, engineArgs(spec), { ...process.env } as Record<string, string>);
}
