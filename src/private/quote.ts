/**
 * A value as an error message shows it: strings in single quotes, other scalars as they are, and
 * lists and maps as compact JSON while that stays short, else by kind (they can be huge or deeply
 * nested). Never `undefined`: a TypeScript caller's undefined is YAML's null.
 */
export function quote(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
    return `'${shown.replace(/\n/g, '\\n')}'`;
  }
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value !== 'object') return `a ${typeof value}`;
  const json = shortJson(value);
  if (json !== undefined) return json;
  return Array.isArray(value) ? 'a list' : 'a map';
}

const MAX_SHOWN = 60;

function shortJson(value: object): string | undefined {
  try {
    const json = JSON.stringify(value);
    return json !== undefined && json.length <= MAX_SHOWN ? json : undefined;
  } catch {
    return undefined;
  }
}
