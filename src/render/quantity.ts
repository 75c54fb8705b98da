const DECIMAL_SUFFIXES: Record<string, number> = { 'n': -9, 'u': -6, 'm': -3, '': 0, 'k': 3, 'M': 6, 'G': 9, 'T': 12, 'P': 15, 'E': 18 };
const DECIMAL_BY_EXPONENT: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
const BINARY_SUFFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** A parsed quantity: its value is `mantissa × 10^scale`, exactly. */
export interface ParsedQuantity {
  readonly mantissa: bigint;
  readonly scale: number;
  /** Written with a binary suffix (Ki, Mi, ...), which Kubernetes keeps when it canonicalises. */
  readonly binary: boolean;
  /** Written with an exponent (1e3), which Kubernetes keeps when it canonicalises. */
  readonly exponent: boolean;
}

/**
 * Parses a Kubernetes quantity (`resource.ParseQuantity`), exactly and at nano precision
 * (rounding away from zero beyond it, as Kubernetes does).
 *
 * @returns the quantity, or `undefined` when Kubernetes would reject it
 */
export function parseQuantity(input: string | number): ParsedQuantity | undefined {
  const text = typeof input === 'number' ? (Number.isFinite(input) ? String(input) : '') : input.trim();
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(.*)$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const [, sign, intPart, fracPart = '', suffix] = m;
  let mantissa = BigInt(intPart + fracPart || '0');
  if (sign === '-') mantissa = -mantissa;
  let scale = -fracPart.length;
  let binary = false;
  let exponent = false;
  const binaryIndex = BINARY_SUFFIXES.indexOf(suffix);
  if (Object.prototype.hasOwnProperty.call(DECIMAL_SUFFIXES, suffix)) {
    scale += DECIMAL_SUFFIXES[suffix];
  } else if (binaryIndex > 0) {
    binary = true;
    mantissa *= 1024n ** BigInt(binaryIndex);
  } else if (/^[eE][+-]?[0-9]+$/.test(suffix)) {
    exponent = true;
    scale += Number(suffix.slice(1));
  } else {
    return undefined;
  }
  // Kubernetes keeps at most nano precision, rounding away from zero.
  if (scale < -9) {
    const div = pow10(-9 - scale);
    const abs = mantissa < 0n ? -mantissa : mantissa;
    let q = abs / div;
    if (q * div !== abs) q += 1n;
    mantissa = mantissa < 0n ? -q : q;
    scale = -9;
  }
  return { mantissa, scale, binary, exponent };
}

/** `-1`, `0` or `1` as quantity `a` is less than, equal to or greater than `b`. */
export function compareQuantities(a: ParsedQuantity, b: ParsedQuantity): number {
  const scale = Math.min(a.scale, b.scale);
  const x = a.mantissa * pow10(a.scale - scale);
  const y = b.mantissa * pow10(b.scale - scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether the quantity is a whole number (Kubernetes' `MilliValue() % 1000 == 0`). */
export function isWholeQuantity(q: ParsedQuantity): boolean {
  return q.scale >= 0 || q.mantissa % pow10(-q.scale) === 0n;
}

/**
 * Canonicalises a Kubernetes quantity as `resource.Quantity` serialises it after parsing:
 * `0.5` becomes `500m`, `1000` becomes `1k`, `1024Mi` becomes `1Gi`, `1.5Gi` becomes `1536Mi`, a
 * number `1` becomes the string `"1"`.
 *
 * @returns the canonical string, or `undefined` when Kubernetes would reject the quantity
 * @see https://github.com/kubernetes/apimachinery/blob/master/pkg/api/resource/quantity.go
 */
export function canonicalQuantity(input: string | number): string | undefined {
  const parsed = parseQuantity(input);
  if (parsed === undefined) return undefined;
  let { mantissa, scale } = parsed;
  const { binary, exponent: exponentFormat } = parsed;
  if (mantissa === 0n) return '0';

  if (binary) {
    const integral = scale >= 0 ? mantissa * pow10(scale) : (mantissa % pow10(-scale) === 0n ? mantissa / pow10(-scale) : undefined);
    if (integral !== undefined && (integral <= -1024n || integral >= 1024n)) {
      let value = integral;
      let k = 0;
      while (k < BINARY_SUFFIXES.length - 1 && value % 1024n === 0n) {
        value /= 1024n;
        k++;
      }
      return `${value}${BINARY_SUFFIXES[k]}`;
    }
  }

  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    scale++;
  }
  const rem = ((scale % 3) + 3) % 3;
  if (rem !== 0) {
    mantissa *= pow10(rem);
    scale -= rem;
  }
  if (exponentFormat) return scale === 0 ? `${mantissa}` : `${mantissa}e${scale}`;
  if (scale > 18) {
    mantissa *= pow10(scale - 18);
    scale = 18;
  }
  return `${mantissa}${DECIMAL_BY_EXPONENT[scale]}`;
}
