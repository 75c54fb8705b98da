const UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n,
  μs: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const MAX_INT64 = 2n ** 63n - 1n;

/**
 * Parses a Go duration string (`time.ParseDuration`) into nanoseconds.
 *
 * @returns the duration in nanoseconds, or `undefined` when Go would reject the string
 */
export function parseGoDuration(text: string): bigint | undefined {
  let s = text;
  let neg = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') return undefined;
  let total = 0n;
  const part = /^([0-9]*)(?:\.([0-9]*))?([^0-9.]+)/;
  while (s !== '') {
    const m = part.exec(s);
    if (!m || (m[1] === '' && (m[2] ?? '') === '')) return undefined;
    const unit = Object.prototype.hasOwnProperty.call(UNITS, m[3]) ? UNITS[m[3]] : undefined;
    if (unit === undefined) return undefined;
    let v = BigInt(m[1] || '0') * unit;
    const frac = m[2] ?? '';
    if (frac.replace(/0+$/, '') !== '') {
      // Go converts the fraction through float64 too, so tiny rounding matches.
      v += BigInt(Math.trunc(Number(frac) * (Number(unit) / 10 ** frac.length)));
    }
    total += v;
    if (total > MAX_INT64 + (neg ? 1n : 0n)) return undefined;
    s = s.slice(m[0].length);
  }
  return neg ? -total : total;
}

function fmtFrac(v: bigint, prec: number): { frac: string; rest: bigint } {
  let frac = '';
  let print = false;
  for (let i = 0; i < prec; i++) {
    const digit = v % 10n;
    print = print || digit !== 0n;
    if (print) frac = digit.toString() + frac;
    v /= 10n;
  }
  return { frac: print ? '.' + frac : '', rest: v };
}

/**
 * Formats nanoseconds as Go's `time.Duration.String()` does: `2h0m0s`, `1m30s`, `1.5s`, `300ms`.
 */
export function formatGoDuration(ns: bigint): string {
  const neg = ns < 0n;
  let u = neg ? -ns : ns;
  let out: string;
  if (u < 1_000_000_000n) {
    if (u === 0n) return '0s';
    let unit: string;
    let prec: number;
    if (u < 1_000n) {
      unit = 'ns';
      prec = 0;
    } else if (u < 1_000_000n) {
      unit = '\u00b5s';
      prec = 3;
    } else {
      unit = 'ms';
      prec = 6;
    }
    const { frac, rest } = fmtFrac(u, prec);
    out = `${rest}${frac}${unit}`;
  } else {
    const { frac, rest } = fmtFrac(u, 9);
    u = rest;
    out = `${u % 60n}${frac}s`;
    u /= 60n;
    if (u > 0n) {
      out = `${u % 60n}m${out}`;
      u /= 60n;
      if (u > 0n) out = `${u}h${out}`;
    }
  }
  return neg ? '-' + out : out;
}

/**
 * Re-prints a duration string in Go's canonical form (`2h` becomes `2h0m0s`), as a
 * `metav1.Duration` round trip does.
 *
 * @returns the canonical form, or `undefined` when Go would reject the string
 */
export function canonicalGoDuration(text: string): string | undefined {
  const ns = parseGoDuration(text);
  return ns === undefined ? undefined : formatGoDuration(ns);
}
