import { Code } from '../import/plan';

const MAX_LINE = 100;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * TypeScript source for a plain value: object keys unquoted where they are identifiers, strings
 * with a newline as template literals (so that scripts stay readable), short lists and maps on
 * one line, `Code` as its expression.
 *
 * @param indent the indentation of the line the value starts on
 */
export function printValue(value: unknown, indent = ''): string {
  if (value instanceof Code) {
    return value.args === undefined ? value.expr : `${value.expr}(${value.args.map(a => printValue(a, indent)).join(', ')})`;
  }
  if (typeof value === 'string') return value.includes('\n') && !value.includes('\r') ? templateLiteral(value) : quote(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return String(value);

  const inner = `${indent}  `;
  const entries = Array.isArray(value)
    ? value.map(v => printValue(v, inner))
    : Object.entries(value).map(([k, v]) => `${printKey(k)}: ${printValue(v, inner)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return `${open}${close}`;
  const oneLine = Array.isArray(value) ? `[${entries.join(', ')}]` : `{ ${entries.join(', ')} }`;
  if (!oneLine.includes('\n') && indent.length + oneLine.length <= MAX_LINE - 20) return oneLine;
  return `${open}\n${entries.map(e => `${inner}${e},\n`).join('')}${indent}${close}`;
}

/** A single-quoted string literal. */
export function quote(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

function printKey(key: string): string {
  if (key === '__proto__') return '[\'__proto__\']';
  return IDENTIFIER.test(key) ? key : quote(key);
}

function templateLiteral(text: string): string {
  const body = text
    .replace(/\\/g, '\\\\')
    .replace(/`/g, '\\`')
    .replace(/\$\{/g, '\\${')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `\`${body}\``;
}
