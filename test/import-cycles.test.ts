import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const TOOL = path.join(__dirname, '..', '..', 'shared', 'tools', 'import-cycles.mjs');
const SRC = path.join(__dirname, '..', 'src');

/** Every `.ts` file under `dir`. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
}

/** The relative imports of `file` (import, export ... from, require, import()), as paths under src. */
function relativeImports(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map(f => f.fileName).filter(f => f.startsWith('.'))
    .map(f => path.relative(SRC, path.resolve(path.dirname(file), f)).split(path.sep).join('/'));
}

// The bottom layer: constants and the document model (style.md "Architecture").
const BOTTOM = [/^model\//, /^private\//, /^constants$/, /^workflow-types$/];

describe('the source tree', () => {
  test('has no import circle (a construct extending another on a circle breaks at load time)', () => {
    const run = spawnSync(process.execPath, [TOOL, 'src'], { cwd: path.join(__dirname, '..'), encoding: 'utf8' });
    expect(run.stdout).toMatch(/^0 import circle\(s\) among \d+ files under src$/m);
    expect(run.status).toBe(0);
  });

  test('keeps the document model at the bottom: src/model and src/private import only each other, constants and workflow types', () => {
    const files = [...sourceFiles(path.join(SRC, 'model')), ...sourceFiles(path.join(SRC, 'private'))];
    expect(files.length).toBeGreaterThan(10);
    const upward = files.flatMap(file => relativeImports(file)
      .filter(target => !BOTTOM.some(re => re.test(target)))
      .map(target => `${path.relative(SRC, file)} imports ${target}`));
    expect(upward).toEqual([]);
  });
});
