import { crdRejection, ErrorSink } from './api-server';
import { isMap, joinPath } from '../model/problem';
import { quote } from '../private/quote';
import { schemaViolations } from '../schema/schema-validation';

const RESOURCE_FIELDS = ['apiVersion', 'kind', 'metadata'];

/**
 * The rules apiextensions' `ValidateDefaults` applies to the `default`s of a CRD version's
 * schema: none in the resource's top-level apiVersion, kind or metadata, and each default valid
 * against the schema it sits in, with no field that schema would prune. Defaults in
 * additionalProperties are not followed, as in Kubernetes. ajv, which checks the values, is loaded
 * only when the schema has a default.
 *
 * @param schema the version's openAPIV3Schema
 * @param path where it is in the Promise
 */
export function checkSchemaDefaults(schema: Record<string, unknown>, path: string, error: ErrorSink): void {
  const properties = isMap(schema.properties) ? schema.properties : {};
  for (const [name, child] of Object.entries(properties)) {
    const childPath = joinPath(joinPath(path, 'properties'), name);
    if (RESOURCE_FIELDS.includes(name)) {
      forEachDefault(child, childPath, (_, at) => error(at, crdRejection(`a default in the top-level ${name}`, `must not be set in top-level ${name}`, 'remove it: the API server sets these fields itself')));
    } else {
      forEachDefault(child, childPath, (node, at) => checkDefault(node, at, error));
    }
  }
}

function forEachDefault(node: unknown, path: string, visit: (node: Record<string, unknown>, path: string) => void): void {
  if (!isMap(node)) return;
  if (node.default !== undefined) visit(node, joinPath(path, 'default'));
  if (isMap(node.properties)) {
    for (const [name, child] of Object.entries(node.properties)) forEachDefault(child, joinPath(joinPath(path, 'properties'), name), visit);
  }
  if (isMap(node.items)) forEachDefault(node.items, joinPath(path, 'items'), visit);
}

// Synthesis validates every Promise, and Promises of one app often share their schemas: each
// default is checked once per process, by its node's text.
const checked = new Map<string, { readonly where: string; readonly rule: string } | null>();

function checkDefault(node: Record<string, unknown>, path: string, error: ErrorSink): void {
  const text = JSON.stringify(node);
  let found = checked.get(text);
  if (found === undefined) {
    found = firstViolation(node);
    checked.set(text, found);
  }
  if (found === null) return;
  error(path, crdRejection(`default ${quote(node.default)} breaks its own schema${found.where ? ` at ${found.where}` : ''}`, found.rule, 'change the default to a value the schema accepts'));
}

function firstViolation(node: Record<string, unknown>): { readonly where: string; readonly rule: string } | null {
  // Wrapped as a property of a root, so that the node is checked as a nested schema, not as a resource.
  const { default: value, ...schema } = node;
  let violations;
  try {
    violations = schemaViolations({ type: 'object', properties: { value: schema } }, { value });
  } catch {
    return null; // a schema ajv cannot compile: the structural-schema rules report what is wrong with it
  }
  const [first] = violations;
  if (first === undefined) return null;
  return {
    where: first.path.replace(/^value\.?/, ''),
    rule: first.rule === 'unknown-field' ? 'must not have unknown fields' : first.message.replace(/; got .*$/, ''),
  };
}
