const CONSONANTS = 'bcdfghjklmnpqrstvwxyz';

/**
 * The plural resource name of a kind, by the rules of k8s.io/gengo's plural namer (which
 * code-generator's clientsets and listers use): lower case, then `-s`/`-x`/`-z`/`-ch`/`-sh` take
 * `es`, a consonant then `y` takes `ies`, `-f`/`-fe` take `ves`, anything else `s`
 * (`Redis` → `redises`, `Policy` → `policies`, `Gateway` → `gateways`).
 *
 * @see https://github.com/kubernetes/gengo/blob/master/namer/plural_namer.go
 */
export function pluralOf(kind: string): string {
  const singular = kind.toLowerCase();
  if (singular.length < 2) return singular;
  const last = singular[singular.length - 1];
  const before = singular[singular.length - 2];
  if (last === 's' || last === 'x' || last === 'z') return `${singular}es`;
  if (last === 'y') return CONSONANTS.includes(before) ? `${singular.slice(0, -1)}ies` : `${singular}s`;
  if (last === 'h') return before === 'c' || before === 's' ? `${singular}es` : `${singular}s`;
  if (last === 'e' && before === 'f') return `${singular.slice(0, -2)}ves`;
  if (last === 'f') return `${singular.slice(0, -1)}ves`;
  return `${singular}s`;
}
