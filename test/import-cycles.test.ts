import { spawnSync } from 'child_process';
import * as path from 'path';

const TOOL = path.join(__dirname, '..', '..', 'shared', 'tools', 'import-cycles.mjs');

describe('the source tree', () => {
  test('has no import circle (a construct extending another on a circle breaks at load time)', () => {
    const run = spawnSync(process.execPath, [TOOL, 'src'], { cwd: path.join(__dirname, '..'), encoding: 'utf8' });
    expect(run.stdout).toMatch(/^0 import circle\(s\) among \d+ files under src$/m);
    expect(run.status).toBe(0);
  });
});
