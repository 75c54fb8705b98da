import { unifiedDiff } from '../../src/run/unified-diff';

describe('unifiedDiff', () => {
  test('equal texts: no diff', () => {
    expect(unifiedDiff('a', 'b', 'x\n', 'x\n')).toBe('');
  });

  test('a change in the middle: three lines of context, removed before added', () => {
    const a = 'l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\n';
    const b = 'l1\nl2\nl3\nl4\nX\nl6\nl7\nl8\n';
    expect(unifiedDiff('exp', 'act', a, b)).toBe('--- exp\n+++ act\n@@ -2,7 +2,7 @@\n l2\n l3\n l4\n-l5\n+X\n l6\n l7\n l8\n');
  });

  test('changes far apart make two hunks; an empty side counts from 0', () => {
    const a = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n') + '\n';
    const b = a.replace('l1\n', 'one\n').replace('l18\n', 'eighteen\n');
    expect(unifiedDiff('e', 'a', a, b).match(/^@@.*@@$/gm)).toEqual(['@@ -1,5 +1,5 @@', '@@ -16,5 +16,5 @@']);
    expect(unifiedDiff('e', 'a', '', 'new\n')).toBe('--- e\n+++ a\n@@ -0,0 +1,1 @@\n+new\n');
  });

  test('a missing final newline is marked', () => {
    expect(unifiedDiff('e', 'a', 'x', 'x\n')).toContain('-x\n\\ No newline at end of file\n+x\n');
  });
});
