import { Problem, isMap, joinPath } from '../model/problem';
import { quote } from '../private/quote';

const TYPES = ['array', 'boolean', 'integer', 'number', 'object', 'string'];
const WHY = 'the API server rejects the CRD, and Kratix\'s webhook dry-run-creates it';

/**
 * The problems of a CRD version's `openAPIV3Schema` that the API server rejects
 * (apiextensions-apiserver's structural schema rules and CRD validation): every node has a `type`
 * unless it is `x-kubernetes-int-or-string` or `x-kubernetes-preserve-unknown-fields`, a known one;
 * `properties` and `additionalProperties` are exclusive; an array has `items`; the root is an
 * object whose `metadata` may only restrict `name` and `generateName`; no `$ref`, `uniqueItems: true`,
 * `additionalProperties: false` or `x-kubernetes-preserve-unknown-fields: false`.
 *
 * @param schema the openAPIV3Schema
 * @param path where it is in the Promise, e.g. `spec.api.spec.versions[0].schema.openAPIV3Schema`
 * @see https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#specifying-a-structural-schema
 */
export function structuralSchemaProblems(schema: Record<string, unknown>, path: string): Problem[] {
  const problems: Problem[] = [];
  const error = (at: string, message: string) => { problems.push({ path: at, severity: 'error', message: `${message}: ${WHY}` }); };
  if (schema.type !== 'object') error(joinPath(path, 'type'), `the root of the schema must have type: object, not ${quote(schema.type ?? '')}`);
  checkNode(schema, path, error, true);
  const metadata = isMap(schema.properties) ? schema.properties.metadata : undefined;
  if (isMap(metadata)) {
    const fields = isMap(metadata.properties) ? Object.keys(metadata.properties) : [];
    const extra = Object.keys(metadata).filter(k => !['type', 'properties', 'description'].includes(k));
    const bad = [...fields.filter(f => f !== 'name' && f !== 'generateName'), ...extra];
    if (bad.length > 0) {
      error(joinPath(joinPath(path, 'properties'), 'metadata'), `metadata may only restrict name and generateName, not ${bad.map(b => quote(b)).join(', ')}; remove them`);
    }
  }
  return problems;
}

function checkNode(node: unknown, path: string, error: (path: string, message: string) => void, root = false): void {
  if (!isMap(node)) return;
  const intOrString = node['x-kubernetes-int-or-string'] === true;
  const preserve = node['x-kubernetes-preserve-unknown-fields'];
  const type = node.type;
  if (type === undefined || type === '') {
    if (!intOrString && preserve !== true && !root) {
      error(joinPath(path, 'type'), 'a field of a structural schema needs a type (or x-kubernetes-int-or-string or x-kubernetes-preserve-unknown-fields: true); set type');
    }
  } else if (typeof type !== 'string' || !TYPES.includes(type)) {
    error(joinPath(path, 'type'), `type ${quote(type)} must be one of ${TYPES.join(', ')}`);
  } else if (intOrString) {
    error(joinPath(path, 'type'), `a node with x-kubernetes-int-or-string has no type, not ${quote(type)}; remove it`);
  }
  if (preserve === false) error(joinPath(path, 'x-kubernetes-preserve-unknown-fields'), 'x-kubernetes-preserve-unknown-fields must be true or absent, not false; remove it');
  if ('$ref' in node) error(joinPath(path, '$ref'), '$ref is not allowed in a CRD schema; write the referenced schema in place');
  if (node.uniqueItems === true) error(joinPath(path, 'uniqueItems'), 'uniqueItems cannot be true (its check is quadratic); use x-kubernetes-list-type: set');
  if (node.additionalProperties === false) error(joinPath(path, 'additionalProperties'), 'additionalProperties cannot be false; leave it out (unknown fields are pruned)');
  if (isMap(node.properties) && node.additionalProperties !== undefined) {
    error(joinPath(path, 'additionalProperties'), 'properties and additionalProperties are mutually exclusive; keep one');
  }
  if (type === 'array' && !isMap(node.items)) error(joinPath(path, 'items'), 'an array needs items: a schema for its elements; set items');
  if (isMap(node.properties)) {
    for (const [name, child] of Object.entries(node.properties)) checkNode(child, joinPath(joinPath(path, 'properties'), name), error);
  }
  if (isMap(node.additionalProperties)) checkNode(node.additionalProperties, joinPath(path, 'additionalProperties'), error);
  if (isMap(node.items)) checkNode(node.items, joinPath(path, 'items'), error);
  // x-kubernetes-int-or-string's own `anyOf: [{type: integer}, {type: string}]` is the one exception.
  for (const combinator of intOrString ? [] : ['allOf', 'anyOf', 'oneOf']) {
    const list = node[combinator];
    if (Array.isArray(list)) list.forEach((child, i) => checkValueValidation(child, joinPath(joinPath(path, combinator), i), error));
  }
  if (isMap(node.not)) checkValueValidation(node.not, joinPath(path, 'not'), error);
}

/** Inside allOf/anyOf/oneOf/not, a structural schema may not declare types or descriptions, only validations. */
function checkValueValidation(node: unknown, path: string, error: (path: string, message: string) => void): void {
  if (!isMap(node)) return;
  for (const key of ['type', 'additionalProperties', 'default', 'nullable', 'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-int-or-string', 'x-kubernetes-embedded-resource']) {
    if (key in node) error(joinPath(path, key), `${key} is not allowed inside allOf, anyOf, oneOf or not: declare it in the schema they sit in`);
  }
}
