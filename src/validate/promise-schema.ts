import { Problem, didYouMean, isMap, joinPath, kindOf } from '../model/problem';
import { quote } from '../private/quote';

/** A node of the library's model of the Promise CRD's openAPIV3Schema. */
type Schema =
  | { readonly type: 'string'; readonly enum?: readonly string[]; readonly pattern?: RegExp; readonly minLength?: number; readonly maxLength?: number }
  | { readonly type: 'integer'; readonly minimum?: number }
  | { readonly type: 'array'; readonly items: Schema }
  | {
    readonly type: 'object';
    readonly properties?: { readonly [name: string]: Schema };
    readonly additionalProperties?: Schema;
    readonly required?: readonly string[];
    /** `x-kubernetes-preserve-unknown-fields`: any field is kept. */
    readonly preserveUnknown?: boolean;
  };

const str: Schema = { type: 'string' };
const int: Schema = { type: 'integer' };
const anyObject: Schema = { type: 'object', preserveUnknown: true };
const pipelines: Schema = { type: 'array', items: anyObject };
const workflow: Schema = { type: 'object', properties: { configure: pipelines, delete: pipelines } };

/**
 * The Promise CRD (platform.kratix.io/v1alpha1, `config/crd/bases/platform.kratix.io_promises.yaml`),
 * written as the library's own model rather than read from Kratix's file; tests check that it
 * accepts and rejects what the real CRD does.
 */
const PROMISE_SCHEMA: Schema = {
  type: 'object',
  properties: {
    apiVersion: str,
    kind: str,
    metadata: anyObject,
    spec: {
      type: 'object',
      properties: {
        api: anyObject,
        dependencies: { type: 'array', items: anyObject },
        destinationSelectors: {
          type: 'array',
          items: { type: 'object', properties: { matchLabels: { type: 'object', additionalProperties: str } } },
        },
        requiredPromises: { type: 'array', items: { type: 'object', properties: { name: str, version: str } } },
        workflows: {
          type: 'object',
          properties: {
            config: { type: 'object', properties: { pipelineNamespace: str, reconciliationInterval: str } },
            promise: workflow,
            resource: workflow,
          },
        },
      },
    },
    status: {
      type: 'object',
      required: ['workflows', 'workflowsFailed', 'workflowsSucceeded'],
      properties: {
        apiVersion: str,
        conditions: {
          type: 'array',
          items: {
            type: 'object',
            required: ['lastTransitionTime', 'message', 'reason', 'status', 'type'],
            properties: {
              lastTransitionTime: str,
              message: { type: 'string', maxLength: 32768 },
              observedGeneration: { type: 'integer', minimum: 0 },
              reason: { type: 'string', minLength: 1, maxLength: 1024, pattern: /^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$/ },
              status: { type: 'string', enum: ['True', 'False', 'Unknown'] },
              type: {
                type: 'string',
                maxLength: 316,
                pattern: /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$/,
              },
            },
          },
        },
        kind: str,
        kratix: {
          type: 'object',
          properties: {
            apiVersion: str,
            kind: str,
            lastAvailableTime: str,
            status: str,
            version: str,
            workflows: {
              type: 'object',
              properties: {
                pipelines: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: { attempts: int, lastTransitionTime: str, message: str, name: str, nextRetryAt: str, phase: str },
                  },
                },
                suspendedGeneration: int,
              },
            },
          },
        },
        lastAvailableTime: str,
        message: str,
        observedGeneration: int,
        requiredBy: {
          type: 'array',
          items: {
            type: 'object',
            properties: { promise: { type: 'object', properties: { name: str, version: str } }, requiredVersion: str },
          },
        },
        requiredPromises: { type: 'array', items: { type: 'object', properties: { name: str, state: str, version: str } } },
        status: str,
        version: str,
        workflows: int,
        workflowsFailed: int,
        workflowsSucceeded: int,
      },
    },
  },
};

const STATUS_NOTE = '; the API server ignores status when a Promise is applied, so this only matters to tools that read the file';

/**
 * The problems of a Promise document against the Promise CRD's schema (the library's model of it):
 * wrong types and missing required fields are errors (the API server rejects the Promise), unknown
 * fields are warnings (the API server drops them), and anything under `status` is a warning (the
 * API server ignores status on apply).
 *
 * A `null` field counts as absent: the API server prunes it before validating.
 */
export function promiseSchemaProblems(doc: unknown): Problem[] {
  const problems: Problem[] = [];
  check(doc, PROMISE_SCHEMA, '', problems);
  return problems.map((p) => (p.path === 'status' || p.path.startsWith('status.') || p.path.startsWith('status['))
    ? { ...p, severity: 'warning', message: p.message.endsWith(STATUS_NOTE) ? p.message : p.message + STATUS_NOTE }
    : p);
}

function check(value: unknown, schema: Schema, path: string, problems: Problem[]): void {
  const error = (message: string, at = path) => { problems.push({ path: at, message, severity: 'error' }); };
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') return error(`${quote(value)} is ${kindOf(value)}, but the Promise CRD requires a string here${typeof value === 'number' || typeof value === 'boolean' ? `; quote it: '${value}'` : ''}`);
      if (schema.enum && !schema.enum.includes(value)) return error(`${quote(value)} must be one of ${schema.enum.join(', ')}`);
      if (schema.minLength !== undefined && value.length < schema.minLength) return error(`${quote(value)} must have at least ${schema.minLength} characters`);
      if (schema.maxLength !== undefined && value.length > schema.maxLength) return error(`${quote(value)} must have at most ${schema.maxLength} characters`);
      if (schema.pattern && !schema.pattern.test(value)) return error(`${quote(value)} must match ${schema.pattern.source}`);
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return error(`${quote(value)} is ${kindOf(value)}, but the Promise CRD requires a whole number here`);
      if (schema.minimum !== undefined && value < schema.minimum) return error(`${value} must be at least ${schema.minimum}`);
      return;
    case 'array':
      if (!Array.isArray(value)) return error(`${quote(value)} is ${kindOf(value)}, but the Promise CRD requires a list here`);
      value.forEach((item, i) => check(item, schema.items, joinPath(path, i), problems));
      return;
    case 'object': {
      if (!isMap(value)) return error(`${quote(value)} is ${kindOf(value)}, but the Promise CRD requires a map here`);
      const missing = (schema.required ?? []).filter((name) => value[name] === undefined || value[name] === null);
      if (missing.length > 0) {
        error(`required field${missing.length > 1 ? 's' : ''} ${missing.map((m) => quote(m)).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing; add ${missing.length > 1 ? 'them' : 'it'}`);
      }
      for (const key of Object.keys(value)) {
        const child = value[key];
        if (child === null || child === undefined) continue;
        const known = schema.properties && Object.prototype.hasOwnProperty.call(schema.properties, key);
        const sub = known ? schema.properties![key] : schema.additionalProperties;
        if (sub) {
          check(child, sub, joinPath(path, key), problems);
        } else if (!schema.preserveUnknown) {
          const near = didYouMean(key, Object.keys(schema.properties ?? {}));
          problems.push({
            path: joinPath(path, key),
            severity: 'warning',
            message: `unknown field ${quote(key)}: Kratix's API server drops it; ${near ? `did you mean ${quote(near)}?` : 'remove it or fix its spelling'}`,
          });
        }
      }
      return;
    }
  }
}
