import { crdRejection, ErrorSink } from './api-server';
import { celSyntaxError } from './cel-syntax';
import { isMap, joinPath } from '../model/problem';
import { quote } from '../private/quote';

const UNSUPPORTED = ['id', 'additionalItems', 'patternProperties', 'definitions', 'dependencies'];

/**
 * The rules apiextensions' `ValidateCustomResourceDefinitionOpenAPISchema` applies to each node of
 * a CRD version's schema beyond the structural-schema rules: no `nullable` root; no `id`,
 * `additionalItems`, `patternProperties`, `definitions`, `dependencies` or list of `items`;
 * `x-kubernetes-map-type` (atomic or granular) only on objects; `x-kubernetes-list-type` (atomic,
 * set or map) only on arrays, a set's items atomic, a map's items objects keyed by
 * `x-kubernetes-list-map-keys` that are scalar properties, required or defaulted, never nullable;
 * and `x-kubernetes-validations` rules that are set, with messages on one line, whose `rule` and
 * `messageExpression` are CEL that parses (the syntax only: types, functions and cost are not checked).
 *
 * @param schema the version's openAPIV3Schema
 * @param path where it is in the Promise
 */
export function checkSchemaExtensions(schema: Record<string, unknown>, path: string, error: ErrorSink): void {
  if (schema.nullable === true) error(joinPath(path, 'nullable'), crdRejection('the schema\'s root is nullable', 'nullable cannot be true at the root', 'remove nullable'));
  visit(schema, path, error);
}

function visit(node: Record<string, unknown>, path: string, error: ErrorSink): void {
  for (const key of UNSUPPORTED) {
    if (node[key] !== undefined) error(joinPath(path, key), crdRejection(`${key} is in the schema`, `${key} is not supported`, 'remove it (CRD schemas are OpenAPI v3 without it)'));
  }
  if (Array.isArray(node.items)) error(joinPath(path, 'items'), crdRejection('items is a list of schemas', 'items must be a schema object and not an array', 'give items one schema for every element'));
  checkMapType(node, path, error);
  checkListType(node, path, error);
  checkValidationRules(node, path, error);
  if (isMap(node.properties)) {
    for (const [name, child] of Object.entries(node.properties)) if (isMap(child)) visit(child, joinPath(joinPath(path, 'properties'), name), error);
  }
  if (isMap(node.additionalProperties)) visit(node.additionalProperties, joinPath(path, 'additionalProperties'), error);
  if (isMap(node.items)) visit(node.items, joinPath(path, 'items'), error);
}

function checkMapType(node: Record<string, unknown>, path: string, error: ErrorSink): void {
  const mapType = node['x-kubernetes-map-type'];
  if (mapType === undefined) return;
  if (node.type !== 'object') {
    error(joinPath(path, 'type'), crdRejection(`x-kubernetes-map-type on a node of type ${quote(node.type ?? '')}`, 'must be object if x-kubernetes-map-type is specified', 'set type: object, or remove x-kubernetes-map-type'));
  }
  if (mapType !== 'atomic' && mapType !== 'granular') {
    error(joinPath(path, 'x-kubernetes-map-type'), crdRejection(`x-kubernetes-map-type ${quote(mapType)} is not atomic or granular`, 'Unsupported value', 'use atomic or granular'));
  }
}

function checkListType(node: Record<string, unknown>, path: string, error: ErrorSink): void {
  const listType = node['x-kubernetes-list-type'];
  const keys = node['x-kubernetes-list-map-keys'];
  const keyList = Array.isArray(keys) ? keys : [];
  if (keyList.length > 0 && listType !== 'map') {
    error(joinPath(path, 'x-kubernetes-list-type'), crdRejection(`x-kubernetes-list-map-keys with x-kubernetes-list-type ${quote(listType ?? '')}`, 'must be map if x-kubernetes-list-map-keys is non-empty', 'set x-kubernetes-list-type: map'));
  }
  if (listType === undefined) return;
  if (node.type !== 'array') {
    error(joinPath(path, 'type'), crdRejection(`x-kubernetes-list-type on a node of type ${quote(node.type ?? '')}`, 'must be array if x-kubernetes-list-type is specified', 'set type: array, or remove x-kubernetes-list-type'));
    return;
  }
  if (listType !== 'atomic' && listType !== 'set' && listType !== 'map') {
    error(joinPath(path, 'x-kubernetes-list-type'), crdRejection(`x-kubernetes-list-type ${quote(listType)} is not atomic, set or map`, 'Unsupported value', 'use atomic, set or map'));
    return;
  }
  const items = node.items;
  if (!isMap(items)) return; // the structural-schema rules report it
  if ((listType === 'set' || listType === 'map') && items.nullable === true) {
    error(joinPath(joinPath(path, 'items'), 'nullable'), crdRejection(`the items of a list of type ${listType} are nullable`, `cannot be nullable when x-kubernetes-list-type is ${listType}`, 'remove nullable'));
  }
  if (listType === 'set') {
    if (items.type === 'array' && items['x-kubernetes-list-type'] !== undefined && items['x-kubernetes-list-type'] !== 'atomic') {
      error(joinPath(joinPath(path, 'items'), 'x-kubernetes-list-type'), crdRejection('a set\'s items are lists that are not atomic', 'must be atomic as item of a list with x-kubernetes-list-type=set', 'set x-kubernetes-list-type: atomic on the items'));
    } else if (items.type === 'object' && items['x-kubernetes-map-type'] !== 'atomic') {
      error(joinPath(joinPath(path, 'items'), 'x-kubernetes-map-type'), crdRejection('a set\'s items are objects that are not atomic', 'must be atomic as item of a list with x-kubernetes-list-type=set', 'set x-kubernetes-map-type: atomic on the items, or use x-kubernetes-list-type: map with keys'));
    }
    return;
  }
  if (listType !== 'map') return;
  if (keyList.length === 0) {
    error(joinPath(path, 'x-kubernetes-list-map-keys'), crdRejection('a list of type map has no x-kubernetes-list-map-keys', 'must not be empty if x-kubernetes-list-type is map', 'list the item properties that identify an item, e.g. [name]'));
  }
  if (items.type !== 'object') {
    error(joinPath(joinPath(path, 'items'), 'type'), crdRejection(`a list of type map has items of type ${quote(items.type ?? '')}`, "must be object if parent array's x-kubernetes-list-type is map", 'make the items objects'));
    return;
  }
  const properties = isMap(items.properties) ? items.properties : {};
  const required = Array.isArray(items.required) ? items.required : [];
  const seen = new Set<unknown>();
  for (const key of keyList) {
    const keyPath = joinPath(path, 'x-kubernetes-list-map-keys');
    if (seen.has(key)) error(keyPath, crdRejection(`x-kubernetes-list-map-keys names ${quote(key)} twice`, 'must not contain duplicate entries', 'list each key once'));
    seen.add(key);
    const property = typeof key === 'string' && Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : undefined;
    if (!isMap(property)) {
      error(keyPath, crdRejection(`x-kubernetes-list-map-keys names ${quote(key)}, which is no property of the items`, 'entries must all be names of item properties', 'add the property to items.properties or correct the key'));
      continue;
    }
    const propertyPath = joinPath(joinPath(joinPath(path, 'items'), 'properties'), key as string);
    if (property.type === 'array' || property.type === 'object') {
      error(joinPath(propertyPath, 'type'), crdRejection(`list map key ${quote(key)} is of type ${property.type}`, "must be a scalar type if parent array's x-kubernetes-list-type is map", 'key the list by a string, integer or boolean property'));
    }
    if (!required.includes(key) && property.default === undefined) {
      error(joinPath(propertyPath, 'default'), crdRejection(`list map key ${quote(key)} is neither required nor defaulted`, 'this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property', `add ${quote(key)} to the items' required list, or give it a default`));
    }
    if (property.nullable === true) {
      error(joinPath(propertyPath, 'nullable'), crdRejection(`list map key ${quote(key)} is nullable`, 'this property is in x-kubernetes-list-map-keys, so it cannot be nullable', 'remove nullable'));
    }
  }
}

function checkValidationRules(node: Record<string, unknown>, path: string, error: ErrorSink): void {
  const rules = node['x-kubernetes-validations'];
  if (!Array.isArray(rules)) return;
  rules.forEach((rule, i) => {
    if (!isMap(rule)) return;
    const at = joinPath(joinPath(path, 'x-kubernetes-validations'), i);
    const text = typeof rule.rule === 'string' ? rule.rule.trim() : '';
    const message = typeof rule.message === 'string' ? rule.message : undefined;
    if (text === '') {
      error(joinPath(at, 'rule'), crdRejection('a validation rule has no rule', 'rule is not specified', 'write the CEL expression, e.g. self.minReplicas <= self.maxReplicas'));
    } else if (message !== undefined && message !== '' && message.trim() === '') {
      error(joinPath(at, 'message'), crdRejection('a validation rule\'s message is blank', 'message must be non-empty if specified', 'write the message, or remove it'));
    } else if (message !== undefined && /[\n\r]/.test(message.trim())) {
      error(joinPath(at, 'message'), crdRejection('a validation rule\'s message has a line break', 'message must not contain line breaks', 'write the message on one line'));
    } else if (/[\n\r]/.test(text) && (message === undefined || message.trim() === '')) {
      error(joinPath(at, 'message'), crdRejection('a validation rule on several lines has no message', 'message must be specified if rule contains line breaks', 'add a message'));
    }
    if (text !== '') checkCel(rule.rule as string, 'rule', joinPath(at, 'rule'), error);
    const messageExpression = rule.messageExpression;
    if (typeof messageExpression === 'string' && messageExpression !== '' && messageExpression.trim() === '') {
      error(joinPath(at, 'messageExpression'), crdRejection('a validation rule\'s messageExpression is blank', 'messageExpression must be non-empty if specified', 'write the expression, or remove it'));
    } else if (typeof messageExpression === 'string' && messageExpression !== '') {
      checkCel(messageExpression, 'messageExpression', joinPath(at, 'messageExpression'), error);
    }
  });
}

function checkCel(expression: string, field: string, path: string, error: ErrorSink): void {
  const syntax = celSyntaxError(expression);
  if (syntax === undefined) return;
  error(path, crdRejection(`the validation ${field} ${quote(expression)} is not CEL: ${syntax}`, 'compilation failed', 'correct the expression\'s syntax'));
}
