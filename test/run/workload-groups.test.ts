import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compress, decompress, squash, workloadFiles, workloadGroups } from '../../src/run/workload-groups';

function outputDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wg-test-'));
  for (const [file, content] of Object.entries(files)) {
    if (file.endsWith('/')) {
      fs.mkdirSync(path.join(dir, file), { recursive: true });
      continue;
    }
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

const ROOT_ID = '5058f1af8388633f609cadb75a75dc9d';
const PLATFORM_ID = '34a6e5d64ade17ef4e51612c50dd72f5';

describe('runtime doc §4.3: workloads', () => {
  test('files are walked depth-first in byte-wise name order, subdirectories at their sorted place, dotfiles and empty files included', () => {
    const dir = outputDir({ 'b.yaml': 'b', 'a/z.yaml': 'z', 'a/B.yaml': 'B', '.hidden': '', 'Z.yaml': 'Z', 'c/d/e.yaml': 'e' });
    expect(workloadFiles(dir, dir).map(w => w.filepath)).toEqual(['.hidden', 'Z.yaml', 'a/B.yaml', 'a/z.yaml', 'b.yaml', 'c/d/e.yaml']);
  });

  test('a symlink is read as a file; a link to a directory fails the work-writer', () => {
    const dir = outputDir({ 'real/a.yaml': 'a' });
    fs.symlinkSync(path.join(dir, 'real', 'a.yaml'), path.join(dir, 'link.yaml'));
    expect(workloadFiles(dir, dir).map(w => [w.filepath, decompress(w.content).toString()])).toEqual([['link.yaml', 'a'], ['real/a.yaml', 'a']]);
    fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'dirlink'));
    expect(() => workloadFiles(dir, dir)).toThrow(/EISDIR/);
  });

  test('content is base64 of gzip, compared decoded', () => {
    const dir = outputDir({ 'deployment.yaml': 'kind: Deployment\n' });
    const [w] = workloadFiles(dir, dir);
    expect(decompress(w.content).toString()).toBe('kind: Deployment\n');
    expect(Buffer.from(w.content, 'base64').subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(decompress(compress(Buffer.from('')))).toEqual(Buffer.from(''));
  });
});

describe('runtime doc §4.2: workload groups', () => {
  const files = { 'deployment.yaml': 'd', 'platform/db.yaml': 'db' };

  test('a directory group carries only its own selectors; the root group comes last with the root entry then the Promise selectors', () => {
    const dir = outputDir(files);
    const groups = workloadGroups(dir, [{ matchLabels: { region: 'eu' } }, { directory: 'platform', matchLabels: { environment: 'platform' } }],
      'resource', [{ environment: 'dev' }]);
    expect(groups.map(g => ({ directory: g.directory, id: g.id, files: g.workloads.map(w => w.filepath), sel: g.destinationSelectors }))).toEqual([
      { directory: 'platform', id: PLATFORM_ID, files: ['platform/db.yaml'], sel: [{ matchLabels: { environment: 'platform' }, source: 'resource-workflow' }] },
      { directory: '.', id: ROOT_ID, files: ['deployment.yaml'], sel: [{ matchLabels: { region: 'eu' }, source: 'resource-workflow' }, { matchLabels: { environment: 'dev' }, source: 'promise' }] },
    ]);
  });

  test('without a directory entry, a subdirectory stays in the root group with its prefix', () => {
    const groups = workloadGroups(outputDir(files), [], 'promise', []);
    expect(groups).toHaveLength(1);
    expect(groups[0].workloads.map(w => w.filepath)).toEqual(['deployment.yaml', 'platform/db.yaml']);
    expect(groups[0].destinationSelectors).toEqual([]);
  });

  test('promise workflows label their entries promise-workflow', () => {
    const groups = workloadGroups(outputDir(files), [{ matchLabels: { a: 'b' } }], 'promise', []);
    expect(groups[0].destinationSelectors).toEqual([{ matchLabels: { a: 'b' }, source: 'promise-workflow' }]);
  });

  test('the root entry is silently dropped when the root group has no files', () => {
    const groups = workloadGroups(outputDir({ 'platform/db.yaml': 'db' }), [{ matchLabels: { region: 'eu' } }, { directory: 'platform', matchLabels: { e: 'p' } }], 'resource', [{ x: 'y' }]);
    expect(groups.map(g => g.directory)).toEqual(['platform']);
  });

  test('no entries and an empty output give no groups', () => {
    expect(workloadGroups(outputDir({}), [], 'resource', [{ x: 'y' }])).toEqual([]);
  });

  test('an existing empty directory named by an entry is a group without workloads', () => {
    const groups = workloadGroups(outputDir({ 'empty/': '' }), [{ directory: 'empty', matchLabels: { a: 'b' } }], 'resource', []);
    expect(groups).toEqual([{ workloads: [], directory: 'empty', id: expect.any(String), destinationSelectors: [{ matchLabels: { a: 'b' }, source: 'resource-workflow' }] }]);
  });

  test('a directory entry naming a directory the pipeline did not write fails the work-writer with Kratix\'s words', () => {
    expect(() => workloadGroups(outputDir({}), [{ directory: 'platform', matchLabels: { a: 'b' } }], 'resource', []))
      .toThrow('work creator execution failed: open /work-creator-files/input/platform: no such file or directory');
  });

  test('squash: the Promise selectors merged into one map, the first entry winning on a conflict', () => {
    expect(squash([{ a: '1', b: '2' }, { a: 'x', c: '3' }, undefined])).toEqual({ a: '1', b: '2', c: '3' });
  });
});
