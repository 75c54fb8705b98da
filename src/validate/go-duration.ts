const UNIT_NS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n,
  μs: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};
const MAX_NS = 2n ** 63n - 1n;

/** Parses Go duration text to nanoseconds, like Go's `time.ParseDuration`; `undefined` if Go would reject it. */
export function parseGoDurationNs(text: unknown): bigint | undefined {
  if (typeof text !== 'string' || text.length > 256) return undefined;
  let s = text;
  let negative = false;
  if (s[0] === '-' || s[0] === '+') {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') return undefined;
  let total = 0n;
  const part = /^([0-9]*)(?:\.([0-9]*))?([^0-9.]+)/;
  while (s !== '') {
    const m = part.exec(s);
    if (!m || (m[1] === '' && (m[2] === undefined || m[2] === ''))) return undefined;
    const unit = Object.prototype.hasOwnProperty.call(UNIT_NS, m[3]) ? UNIT_NS[m[3]] : undefined;
    if (unit === undefined) return undefined;
    let ns = BigInt(m[1] || '0') * unit;
    if (m[2]) {
      // Go truncates the fraction to nanoseconds.
      const frac = m[2].slice(0, 30);
      ns += (BigInt(frac) * unit) / 10n ** BigInt(frac.length);
    }
    total += ns;
    if (total > MAX_NS + (negative ? 1n : 0n)) return undefined;
    s = s.slice(m[0].length);
  }
  return negative ? -total : total;
}

/**
 * Parses Go duration text (`1h30m`, `90s`, `1.5h`, `500ms`) as Go's `time.ParseDuration` does.
 *
 * @returns the duration in milliseconds, or `undefined` if Go would reject the text
 */
export function parseGoDuration(text: unknown): number | undefined {
  const ns = parseGoDurationNs(text);
  return ns === undefined ? undefined : Number(ns) / 1e6;
}

/**
 * Formats a duration as Go's `Duration.String()` does: `1h0m0s`, `1m30s`, `1.5s`, `500ms`, `0s`.
 *
 * @param ms the duration in milliseconds (fractions down to nanoseconds are kept)
 */
export function formatGoDuration(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`cannot format ${ms} as a Go duration`);
  return formatGoDurationNs(BigInt(Math.round(ms * 1e6)));
}

/** Formats nanoseconds as Go's `Duration.String()` does. */
export function formatGoDurationNs(nanoseconds: bigint): string {
  let ns = nanoseconds;
  const sign = ns < 0n ? '-' : '';
  if (ns < 0n) ns = -ns;
  if (ns === 0n) return '0s';
  if (ns < 1_000n) return `${sign}${ns}ns`;
  if (ns < 1_000_000n) return `${sign}${fraction(ns, 3)}\u00b5s`;
  if (ns < 1_000_000_000n) return `${sign}${fraction(ns, 6)}ms`;
  const seconds = fraction(ns % 60_000_000_000n, 9);
  const minutes = ns / 60_000_000_000n;
  if (minutes === 0n) return `${sign}${seconds}s`;
  const hours = minutes / 60n;
  if (hours === 0n) return `${sign}${minutes}m${seconds}s`;
  return `${sign}${hours}h${minutes % 60n}m${seconds}s`;
}

/**
 * Re-prints Go duration text in Go's canonical form (`2h` becomes `2h0m0s`), as a
 * `metav1.Duration` round trip does; `undefined` if Go would reject the text.
 */
export function canonicalGoDuration(text: unknown): string | undefined {
  const ns = parseGoDurationNs(text);
  return ns === undefined ? undefined : formatGoDurationNs(ns);
}

function fraction(value: bigint, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const frac = (value % scale).toString().padStart(digits, '0').replace(/0+$/, '');
  return frac === '' ? `${value / scale}` : `${value / scale}.${frac}`;
}

/**
 * The error Go's `time.ParseDuration` returns for `text`, word for word (`time: unknown unit "d"
 * in duration "1d"`), or `undefined` when Go accepts it.
 */
export function goDurationError(text: string): string | undefined {
  if (parseGoDurationNs(text) !== undefined) return undefined;
  const quoted = JSON.stringify(text);
  const invalid = `time: invalid duration ${quoted}`;
  let s = text.replace(/^[-+]/, '');
  if (s === '') return invalid;
  while (s !== '') {
    const m = /^([0-9]*)(?:\.([0-9]*))?/.exec(s)!;
    if (m[1] === '' && (m[2] === undefined || m[2] === '')) return invalid;
    s = s.slice(m[0].length);
    const unit = /^[^0-9.]*/.exec(s)![0];
    if (unit === '') return `time: missing unit in duration ${quoted}`;
    if (!Object.prototype.hasOwnProperty.call(UNIT_NS, unit)) return `time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`;
    s = s.slice(unit.length);
  }
  return invalid;
}
