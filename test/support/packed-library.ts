import { execFileSync } from 'child_process';
import * as fs from 'fs';
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

/**
 * Writes a cdk8s TypeScript app into `dir` (created): a package.json depending on cdk8s,
 * cdk8s-plus-28 and constructs at this repository's versions and on `tarballs` by name, a strict
 * tsconfig.json (library typings checked), cdk8s.yaml and `main.ts`. Install it with npm.
 */
export function writeTypeScriptApp(dir: string, tarballs: Record<string, string>, main: string): void {
  const dev = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).devDependencies;
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: path.basename(dir),
    private: true,
    dependencies: {
      'cdk8s': dev.cdk8s,
      'cdk8s-plus-28': dev['cdk8s-plus-28'],
      'constructs': dev.constructs,
      ...Object.fromEntries(Object.entries(tarballs).map(([name, tarball]) => [name, `file:${tarball}`])),
    },
  }));
  fs.writeFileSync(path.join(dir, 'cdk8s.yaml'), 'language: typescript\napp: node main.js\n');
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2020', module: 'commonjs', strict: true, esModuleInterop: true, skipLibCheck: false, types: [] },
    files: ['main.ts'],
  }));
  fs.writeFileSync(path.join(dir, 'main.ts'), main);
}
