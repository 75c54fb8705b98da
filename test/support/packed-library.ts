import { execFileSync } from 'child_process';
import * as path from 'path';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '..', '..');

/**
 * `npm pack`s this library, as published (lib/ must be compiled: `npm test` compiles first), into
 * `destination`, and returns the tarball's absolute path.
 */
export function packLibrary(destination: string): string {
  const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', destination], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!;
  return path.join(destination, name);
}
