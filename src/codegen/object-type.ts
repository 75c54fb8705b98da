/**
 * TypeScript types of objects as they are stored and read back as JSON (a pipeline's
 * `object.yaml`), generated from a CRD's `openAPIV3Schema`: the JSON field names as written,
 * `x-kubernetes-int-or-string` as `number | string`, enums as literal unions, and a field with a
 * `default` always present, as the API server stores the object defaulted. The json2jsii structs of
 * the request classes are for writing requests in TypeScript (camelCase names, union classes), not
 * for reading this JSON.
 */

import { quote } from './ts-value';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A literal type, single-quoted as projen's eslint rules want it (`eslint --fix` would rewrite the file). */
function literal(value: unknown): string {
  return typeof value === 'string' ? quote(value) : JSON.stringify(value);
}

/**
 * The TypeScript type of the JSON a schema node accepts.
 *
 * @param indent the indentation of the line the type starts on
 */
export function objectType(schema: any, indent = ''): string {
  const type = baseType(schema, indent);
  return schema?.nullable === true && type !== 'unknown' ? `${type} | null` : type;
}

function baseType(s: any, indent: string): string {
  if (typeof s !== 'object' || s === null) return 'unknown';
  if (s['x-kubernetes-int-or-string'] === true) return 'number | string';
  if (Array.isArray(s.enum) && s.enum.length > 0 && s.enum.every((v: unknown) => ['string', 'number', 'boolean'].includes(typeof v) || v === null)) {
    return [...new Set(s.enum.map(literal))].join(' | ');
  }
  switch (s.type) {
    case 'string': return 'string';
    case 'integer':
    case 'number': return 'number';
    case 'boolean': return 'boolean';
    case 'array': return `Array<${objectType(s.items, indent)}>`;
  }
  const properties = typeof s.properties === 'object' && s.properties !== null ? Object.entries<any>(s.properties) : [];
  const additional = typeof s.additionalProperties === 'object' && s.additionalProperties !== null ? s.additionalProperties : undefined;
  const open = s['x-kubernetes-preserve-unknown-fields'] === true || s.additionalProperties === true;
  if (properties.length === 0) {
    if (additional) return `{ readonly [key: string]: ${objectType(additional, indent)} }`;
    return s.type === 'object' || open ? '{ readonly [key: string]: unknown }' : 'unknown';
  }
  const required = new Set(Array.isArray(s.required) ? s.required : []);
  const inner = `${indent}  `;
  const lines = properties.map(([key, child]) => {
    const present = required.has(key) || child?.default !== undefined;
    return `${inner}readonly ${IDENTIFIER.test(key) ? key : quote(key)}${present ? '' : '?'}: ${objectType(child, inner)};`;
  });
  // Named fields and an index signature must agree, so other fields are `unknown`.
  if (additional || open) lines.push(`${inner}readonly [key: string]: unknown;`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}
