/**
 * A YAML emitter for plain JSON data (maps, lists, strings, numbers, booleans, null), built for
 * the Kubernetes objects the renderer writes: block style, two-space indent, keys in the objects'
 * own order, the same layout as the `yaml` package.
 *
 * Every string that YAML 1.1 or YAML 1.2 could read as anything but that string (`yes`, `on`,
 * `~`, `null`, `0644`, `1e3`, `1:20`, `2001-12-14`, leading or trailing spaces, `: `, ` #`,
 * indicators, control characters) is double-quoted with JSON escapes, which are also YAML escapes;
 * multi-line strings are literal blocks when that is exact, else double-quoted. It is several
 * times faster than a general YAML library because it never builds a node tree.
 */

/** Strings that are always plain-safe: a letter or `_` or `/` first, then only these characters. */
const SIMPLE = /^[A-Za-z_/][A-Za-z0-9_./-]*$/;
/** Words YAML 1.1 or 1.2 reads as null, booleans, merge or value keys (compared lower-cased). */
const KEYWORDS = new Set(['null', '~', 'true', 'false', 'y', 'n', 'yes', 'no', 'on', 'off', '<<', '=']);
/** Characters a plain scalar may not start with. */
const INDICATOR_FIRST = /^[?:,[\]{}#&*!|>'"%@`\s]/;
/** Anything numeric-looking in either version: ints in any base, floats, exponents, sexagesimal. */
const NUMBER_LIKE = /^[-+]?(?:\.?[0-9][0-9a-fA-FxXoObB_.:eE+-]*|\.(?:inf|nan))$/i;
/** The `yaml` package's YAML 1.1 floats, whose digits are all optional (`.`, `E0`, `-.`). */
const FLOAT_1_1 = /^[-+]?[0-9_]*\.?[0-9_]*(?:[eE][-+]?[0-9]+)?$/;
/** The one shape of FLOAT_1_1 that SIMPLE lets through. */
const EXPONENT_ONLY = /^[eE][0-9]+$/;
/** YAML 1.1 timestamps start with a date. */
const TIMESTAMP = /^[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?/;
/** Characters that never appear in a plain or literal scalar (controls, DEL, C1, line/paragraph separators, BOM). */
const NON_PRINTABLE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]/;
/** The same, as a double-quoted scalar must escape them beyond what JSON.stringify escapes. */
const ESCAPE_EXTRA = /[\x7f-\x9f\u2028\u2029\ufeff]/g;
const HAS_ESCAPE_EXTRA = /[\x7f-\x9f\u2028\u2029\ufeff]/;

function isPlainSafe(s: string): boolean {
  if (SIMPLE.test(s)) return !KEYWORDS.has(s.toLowerCase()) && !EXPONENT_ONLY.test(s);
  if (s === '') return false;
  if (KEYWORDS.has(s.toLowerCase())) return false;
  if (INDICATOR_FIRST.test(s)) return false;
  if (s[0] === '-' && (s.length === 1 || s[1] === ' ' || s.startsWith('---'))) return false;
  if (s.startsWith('...')) return false;
  const last = s[s.length - 1];
  if (last === ' ' || last === ':') return false;
  if (NUMBER_LIKE.test(s) || FLOAT_1_1.test(s) || TIMESTAMP.test(s)) return false;
  if (s.includes(': ') || s.includes(' #') || s.includes('\t') || s.includes('\n') || s.includes('\r')) return false;
  return !NON_PRINTABLE.test(s);
}

function doubleQuoted(s: string): string {
  const json = JSON.stringify(s);
  return HAS_ESCAPE_EXTRA.test(json) ? json.replace(ESCAPE_EXTRA, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

/** A scalar string in a key or single-line position. */
function quoteIfNeeded(s: string): string {
  return isPlainSafe(s) ? s : doubleQuoted(s);
}

/**
 * A multi-line string as a literal block (`|`, `|-`) indented two past `indent`, or undefined when a literal
 * block would not read back exactly (leading space or tab, several trailing newlines, controls).
 */
function literalBlock(s: string, indent: string): string | undefined {
  const first = s.charCodeAt(0);
  if (first === 0x20 || first === 0x09 || first === 0x0a) return undefined;
  if (s.includes('\r') || NON_PRINTABLE.test(s) || HAS_ESCAPE_EXTRA.test(s)) return undefined;
  let body = s;
  let header = '|-';
  if (s.endsWith('\n')) {
    if (s.endsWith('\n\n')) return undefined;
    body = s.slice(0, -1);
    header = '|';
  }
  let out = header;
  for (const line of body.split('\n')) out += line === '' ? '\n' : `\n${indent}  ${line}`;
  return out;
}

/** A scalar; a literal block's lines are indented two past `indent`, the indent of its key or dash. */
function scalar(value: unknown, indent: string): string {
  switch (typeof value) {
    case 'string':
      if (value.includes('\n')) return literalBlock(value, indent) ?? doubleQuoted(value);
      return quoteIfNeeded(value);
    case 'number':
      if (Number.isFinite(value)) return String(value);
      return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    default:
      if (value === null || value === undefined) return 'null';
      throw new Error(`toYaml: cannot write a ${typeof value}`);
  }
}

function isCollection(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** The JSON view of a value: what JSON.stringify would write for it (toJSON honoured). */
function jsonView(value: any): any {
  return value !== null && typeof value === 'object' && typeof value.toJSON === 'function' ? value.toJSON() : value;
}

function isEmptyCollection(value: object): boolean {
  if (Array.isArray(value)) return value.length === 0;
  for (const key in value) if (Object.prototype.hasOwnProperty.call(value, key) && isWritten((value as any)[key])) return false;
  return true;
}

/** Map members that JSON.stringify leaves out are left out here too. */
function isWritten(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

/** `\n` and the indentation, by depth, built once. */
const NEWLINE_INDENTS: string[] = ['\n'];
function newlineIndent(depth: number): string {
  while (NEWLINE_INDENTS.length <= depth) NEWLINE_INDENTS.push(`${NEWLINE_INDENTS[NEWLINE_INDENTS.length - 1]}  `);
  return NEWLINE_INDENTS[depth];
}

/**
 * Written forms of short strings seen before, as a key (`key:`) and as a value (` value`): keys
 * and label values repeat in every object.
 */
const KEY_FORMS = new Map<string, string>();
const VALUE_FORMS = new Map<string, string>();
const FORMS_LIMIT = 50_000;

function remember(forms: Map<string, string>, s: string, form: string): string {
  if (s.length <= 128) {
    if (forms.size >= FORMS_LIMIT) forms.clear();
    forms.set(s, form);
  }
  return form;
}

function keyForm(key: string): string {
  return KEY_FORMS.get(key) ?? remember(KEY_FORMS, key, `${key.includes('\n') ? doubleQuoted(key) : quoteIfNeeded(key)}:`);
}

function valueForm(s: string): string {
  return VALUE_FORMS.get(s) ?? remember(VALUE_FORMS, s, ` ${quoteIfNeeded(s)}`);
}

/** Appends to one string (V8 joins such strings cheaply); the first line of each block is placed by its caller. */
class Writer {
  public out = '';

  /** `value` after a key's `:` or a sequence's `-`, its block lines at `depth`. */
  public value(value: unknown, depth: number, inSequence: boolean): void {
    if (typeof value === 'string') {
      this.out += value.includes('\n') ? ` ${scalar(value, newlineIndent(depth).slice(1))}` : valueForm(value);
      return;
    }
    if (value !== null && typeof value === 'object' && typeof (value as any).toJSON === 'function') value = (value as any).toJSON();
    if (!isCollection(value)) {
      this.out += ` ${scalar(value, newlineIndent(depth).slice(1))}`;
    } else if (isEmptyCollection(value)) {
      this.out += Array.isArray(value) ? ' []' : ' {}';
    } else {
      // A map's list or map goes on the next lines, indented by two; a list's starts on the dash's line.
      const inner = depth + 1;
      this.out += inSequence ? ' ' : newlineIndent(inner);
      if (Array.isArray(value)) this.seq(value, inner);
      else this.map(value, inner);
    }
  }

  public map(map: any, depth: number): void {
    const indent = newlineIndent(depth);
    const keys = Object.keys(map);
    let first = true;
    for (let i = 0; i < keys.length; i++) {
      const value = map[keys[i]];
      if (!isWritten(value)) continue;
      if (first) first = false;
      else this.out += indent;
      this.out += keyForm(keys[i]);
      this.value(value, depth, false);
    }
  }

  public seq(seq: readonly unknown[], depth: number): void {
    const indent = newlineIndent(depth);
    for (let i = 0; i < seq.length; i++) {
      this.out += i > 0 ? `${indent}-` : '-';
      this.value(isWritten(seq[i]) ? seq[i] : null, depth, true);
    }
  }
}

/**
 * One YAML document for `value` (a map, a list or a scalar), ending in a newline, that parses back
 * (YAML 1.2 or 1.1) to exactly `JSON.parse(JSON.stringify(value))`.
 */
export function emitYamlDocument(value: unknown): string {
  value = jsonView(value);
  if (!isCollection(value)) return `${scalar(value, '')}\n`;
  if (isEmptyCollection(value)) return Array.isArray(value) ? '[]\n' : '{}\n';
  const w = new Writer();
  if (Array.isArray(value)) w.seq(value, 0);
  else w.map(value, 0);
  return `${w.out}\n`;
}
