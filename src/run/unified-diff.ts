/**
 * A unified diff (`diff -u`, three lines of context) of two texts, '' when they are equal.
 * Longest-common-subsequence on lines, for the small files of a pipeline's result.
 */
export function unifiedDiff(expectedName: string, actualName: string, expected: string, actual: string): string {
  if (expected === actual) return '';
  const a = splitLines(expected);
  const b = splitLines(actual);
  // lcs[i][j]: the length of the LCS of a[i..] and b[j..].
  const lcs: Uint32Array[] = [];
  for (let i = a.length; i >= 0; i--) {
    lcs[i] = new Uint32Array(b.length + 1);
    for (let j = b.length - 1; j >= 0 && i < a.length; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const ops: Array<{ op: ' ' | '-' | '+'; line: string; ai: number; bi: number }> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ op: ' ', line: a[i], ai: i++, bi: j++ });
    } else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
      ops.push({ op: '-', line: a[i], ai: i++, bi: j });
    } else {
      ops.push({ op: '+', line: b[j], ai: i, bi: j++ });
    }
  }
  const CONTEXT = 3;
  let out = `--- ${expectedName}\n+++ ${actualName}\n`;
  let k = 0;
  while (k < ops.length) {
    if (ops[k].op === ' ') {
      k++;
      continue;
    }
    let start = Math.max(0, k - CONTEXT);
    let end = k;
    // Extend the hunk while changes are at most 2 * CONTEXT lines apart.
    while (end < ops.length) {
      if (ops[end].op !== ' ') {
        end++;
        continue;
      }
      let run = end;
      while (run < ops.length && ops[run].op === ' ') run++;
      if (run === ops.length || run - end > 2 * CONTEXT) {
        end = Math.min(run, end + CONTEXT);
        break;
      }
      end = run;
    }
    const hunk = ops.slice(start, end);
    const aCount = hunk.filter(o => o.op !== '+').length;
    const bCount = hunk.filter(o => o.op !== '-').length;
    const aStart = aCount === 0 ? hunk[0].ai : hunk[0].ai + 1;
    const bStart = bCount === 0 ? hunk[0].bi : hunk[0].bi + 1;
    out += `@@ -${aStart},${aCount} +${bStart},${bCount} @@\n`;
    for (const o of hunk) out += `${o.op}${o.line}\n`;
    k = end;
    start = end;
  }
  return out;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else lines[lines.length - 1] += '\n\\ No newline at end of file';
  return lines;
}
