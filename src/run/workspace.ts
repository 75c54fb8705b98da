import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PipelineDirs } from './containers';

/*
 * The three directories a pipeline's containers share. Creating and removing directories is the
 * dearest part of a local run (on a journaling file system each costs more than writing a small
 * file), so directories are kept for the life of the process and emptied between pipelines: each
 * pipeline still starts with empty directories and a fresh object.yaml.
 */

let root: string | undefined;
let count = 0;
const free: PipelineDirs[] = [];

function makeRoot(): string {
  if (root === undefined) {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-kratix-run-'));
    const dir = root;
    process.once('exit', () => removeTree(dir));
  }
  return root;
}

function removeTree(dir: string): void {
  try {
    // The input directories are read-only for the containers.
    for (const entry of fs.readdirSync(dir)) {
      try {
        fs.chmodSync(path.join(dir, entry, 'input'), 0o755);
      } catch { /* not a workspace */ }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  } catch { /* best effort at exit */ }
}

/** Empty directories for one pipeline: input, output and metadata. */
export function acquireDirs(): PipelineDirs {
  const reused = free.pop();
  if (reused) return reused;
  const base = path.join(makeRoot(), String(count++));
  const dirs = { input: path.join(base, 'input'), output: path.join(base, 'output'), metadata: path.join(base, 'metadata') };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  return dirs;
}

/**
 * Writes `object.yaml` as the reader does, into a directory the user containers cannot write
 * (mode 0555, the file 0444; Kubernetes mounts it read-only).
 */
export function writeObjectFile(dirs: PipelineDirs, text: string): void {
  const file = path.join(dirs.input, 'object.yaml');
  fs.chmodSync(dirs.input, 0o755);
  // A new file each time: on ext4, rewriting or renaming over an existing file flushes it to disk.
  fs.writeFileSync(file, text, { mode: 0o444 });
  fs.chmodSync(dirs.input, 0o555);
}

/** Empties the pipeline's directories and keeps them for the next pipeline. */
export function releaseDirs(dirs: PipelineDirs): void {
  try {
    fs.chmodSync(dirs.input, 0o755);
    for (const dir of [dirs.input, dirs.output, dirs.metadata]) {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) fs.rmSync(file, { recursive: true, force: true });
        else fs.unlinkSync(file);
      }
    }
    free.push(dirs);
  } catch {
    // A container left something that cannot be removed: this workspace is not reused.
  }
}
