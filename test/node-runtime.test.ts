import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

// .ci/run runs the whole suite on the machine's Node.js, then on 22 and 24 through
// scripts/with-node.sh, which puts the requested node first on PATH and says which in
// WITH_NODE_VERSION. These tests fail when a run is not on the Node.js it claims.
const ROOT = path.resolve(__dirname, '..');

describe('the Node.js the suite runs on', () => {
  test('is the node on PATH, the one that npm, projen, jsii and ts-node children run on', () => {
    const onPath = execFileSync('node', ['-p', 'process.version'], { encoding: 'utf8' }).trim();
    process.stdout.write(`node-runtime: jest on ${process.version} (${process.execPath}), node on PATH ${onPath}\n`);
    expect(onPath).toBe(process.version);
  });

  test('is the version scripts/with-node.sh was asked for', () => {
    const asked = process.env.WITH_NODE_VERSION;
    if (asked === undefined || asked === 'system') {
      expect(process.execPath).not.toContain(path.join('.cache', 'with-node'));
    } else {
      expect(`${process.versions.node}.`.startsWith(`${asked}.`)).toBe(true);
    }
  });

  test("is one that package.json's engines admits", () => {
    const engines = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).engines;
    expect(engines).toEqual({ node: '>= 20.0.0' });
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(20);
  });
});
