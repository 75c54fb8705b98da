import * as fs from 'fs';
import * as path from 'path';
import { PipelineFileError } from '../pipeline-files/errors';

let sequence = 0;

/**
 * Writes a file whole or not at all: the content goes to a temporary file beside it, which is then
 * renamed over the target. Creates missing folders.
 *
 * @throws PipelineFileError naming the file when it cannot be written
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}-${++sequence}.tmp`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(tmp, content, { mode: 0o644 });
    fs.renameSync(tmp, file);
  } catch (e: any) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch { /* the folder could not be made: there is no temporary file */ }
    throw new PipelineFileError(file, `cannot write the file: ${e.message}`, 'check that the directory is writable (in Kratix, /kratix/output and /kratix/metadata are; /kratix/input is read-only)');
  }
}

/**
 * Reads a text file; `undefined` when it does not exist.
 *
 * @throws PipelineFileError naming the file when it exists but cannot be read
 */
export function readTextIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e: any) {
    if (e.code === 'ENOENT') return undefined;
    throw new PipelineFileError(file, `cannot read the file: ${e.message}`, 'check the path and its permissions');
  }
}

/**
 * The absolute path of `relative` inside `root`, refusing absolute paths and paths that leave
 * `root` (`../x`, or through a symbolic link that points outside).
 *
 * @param root the directory
 * @param relative the path given by the caller
 * @param what what `root` is, for errors (`output directory`)
 * @throws PipelineFileError naming the path and the directory
 */
export function resolveInside(root: string, relative: string, what: string): string {
  const arg = `path ${JSON.stringify(relative)}`;
  if (typeof relative !== 'string' || relative === '' || relative.includes('\0')) {
    throw new PipelineFileError(arg, `not a file path in the ${what}`, 'give a relative path such as "app/deployment.yaml"');
  }
  if (path.isAbsolute(relative)) {
    throw new PipelineFileError(arg, `is absolute; paths are relative to the ${what} (${root})`, 'drop the leading "/"');
  }
  const full = path.resolve(root, relative);
  const rel = path.relative(path.resolve(root), full);
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`)) {
    throw new PipelineFileError(arg, `leaves the ${what} (${root})`, `write inside the ${what}: remove the ".." segments`);
  }
  // A symbolic link on the way may still lead out: compare real paths of what exists.
  let existing = path.dirname(full);
  while (!fs.existsSync(existing) && existing !== path.dirname(existing)) existing = path.dirname(existing);
  if (fs.existsSync(root)) {
    const realRoot = fs.realpathSync(root);
    const real = fs.realpathSync(existing);
    if (real !== realRoot && !real.startsWith(`${realRoot}${path.sep}`) && existing.startsWith(path.resolve(root))) {
      throw new PipelineFileError(arg, `leaves the ${what} (${root}) through a symbolic link (${existing} is ${real})`, `write inside the ${what}`);
    }
  }
  return full;
}

/** Every file under `dir`, as paths relative to it with `/` separators, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, prefix: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch (e: any) {
      if (e.code === 'ENOENT') return;
      throw new PipelineFileError(d, `cannot list the directory: ${e.message}`, 'check the path and its permissions');
    }
    for (const e of entries) {
      if (e.isDirectory()) walk(path.join(d, e.name), `${prefix}${e.name}/`);
      else out.push(`${prefix}${e.name}`);
    }
  };
  walk(dir, '');
  return out.sort();
}
