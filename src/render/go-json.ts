import * as crypto from 'crypto';
import { isObject, RenderError } from '../model/errors';
import { compareGoKeys } from '../private/go-key-order';
import { quote } from '../private/quote';
import { WORKFLOW_ACTIONS } from '../private/workflows';
import { canonicalGoDuration } from '../validate/go-duration';

const HTML_UNSAFE = /[<>&\u2028\u2029]/g;
const HTML_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

const NEEDS_ESCAPE = /["\\\x00-\x1f<>&\u2028\u2029\ud800-\udfff]/;

function encodeString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  // JSON.stringify escapes what Go escapes (quotes, backslash, controls as \n \r \t \b \f or
  // \u00xx) except Go's HTML-safe set, which only ever appears inside strings.
  return JSON.stringify(s).replace(HTML_UNSAFE, c => HTML_ESCAPES[c]);
}

function encode(value: unknown, out: string[]): void {
  if (value === null || value === undefined) {
    out.push('null');
  } else if (typeof value === 'string') {
    out.push(encodeString(value));
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`json: unsupported value: ${value}`);
    // Same shortest-form digits and exponent thresholds (1e-6, 1e21) as Go's float encoder.
    out.push(Object.is(value, -0) ? '-0' : String(value));
  } else if (typeof value === 'bigint') {
    out.push(value.toString());
  } else if (typeof value === 'boolean') {
    out.push(value ? 'true' : 'false');
  } else if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',');
      encode(value[i], out);
    }
    out.push(']');
  } else if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).filter(k => obj[k] !== undefined).sort(compareGoKeys);
    out.push('{');
    for (let i = 0; i < keys.length; i++) {
      if (i > 0) out.push(',');
      out.push(encodeString(keys[i]), ':');
      encode(obj[keys[i]], out);
    }
    out.push('}');
  } else {
    throw new Error(`json: unsupported type: ${typeof value}`);
  }
}

/**
 * Serialises a value exactly as Go's `encoding/json.Marshal` serialises the same data held in
 * `map[string]interface{}` / `[]interface{}`: keys sorted by bytes, no whitespace, and HTML-safe
 * escaping (`<` `>` `&` U+2028 U+2029 become `\u003c` `\u003e` `\u0026` `\u2028` `\u2029`).
 * `undefined` object members are left out; `undefined`/`null` elsewhere print `null`.
 *
 * @see https://pkg.go.dev/encoding/json#Marshal
 */
export function goJsonMarshal(value: unknown): string {
  const out: string[] = [];
  encode(value, out);
  return out.join('');
}

// crypto.hash (Node.js 20.12 and later) is several times faster than createHash on the short
// texts hashed for every request (names, request specs).
const oneShotHash: typeof crypto.hash | undefined = crypto.hash;

/** Lower-case hex md5 of the UTF-8 bytes of `text` (Kratix's `hash.ComputeHash`). */
export function md5Hex(text: string): string {
  return oneShotHash ? oneShotHash('md5', text, 'hex') : crypto.createHash('md5').update(text, 'utf8').digest('hex');
}

/**
 * Kratix's `hash.ComputeHashForResource`: md5 of the Go JSON of `obj.spec` (`null` when absent).
 */
export function hashSpec(spec: unknown): string {
  return md5Hex(goJsonMarshal(spec ?? null));
}

const OBJECT_META_FIELDS = new Set([
  'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation',
  'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations',
  'ownerReferences', 'finalizers', 'managedFields',
]);

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || value === 0 || value === false ||
    (Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0);
}

/** The API server's coercion of an embedded resource's metadata to ObjectMeta (empty fields dropped). */
function coerceEmbeddedMetadata(api: Record<string, any>): Record<string, any> {
  if (!('metadata' in api)) return api;
  const meta: Record<string, any> = {};
  if (isObject(api.metadata)) {
    for (const key of Object.keys(api.metadata)) {
      const value = api.metadata[key];
      // deletionGracePeriodSeconds is a pointer: 0 survives, only null is dropped.
      const empty = key === 'deletionGracePeriodSeconds' ? value === null || value === undefined : isEmpty(value);
      if (OBJECT_META_FIELDS.has(key) && !empty) meta[key] = value;
    }
  }
  const out: Record<string, any> = { ...api };
  if (Object.keys(meta).length === 0) delete out.metadata;
  else out.metadata = meta;
  return out;
}

function workflowTriggers(value: unknown): Record<string, any> {
  const out: Record<string, any> = {};
  if (!isObject(value)) return out;
  for (const action of WORKFLOW_ACTIONS) {
    if (Array.isArray(value[action]) && value[action].length > 0) out[action] = value[action];
  }
  return out;
}

/**
 * The Promise `spec` as Kratix hashes it: the typed Promise's spec converted back to a map
 * (`runtime.DefaultUnstructuredConverter.ToUnstructured`).
 *
 * `workflows` and its `config`, `promise` and `resource` are always present; empty lists, maps and
 * strings are left out; `reconciliationInterval` is re-printed in Go's Duration form (`2h0m0s`);
 * fields unknown to the Promise CRD are dropped as the API server prunes them; `api.metadata` is
 * coerced to ObjectMeta. Pipelines, dependencies and `api` are otherwise kept verbatim.
 *
 * @throws RenderError when `reconciliationInterval` is not a Go duration
 */
export function promiseSpecForHash(spec: unknown): Record<string, any> {
  const s = isObject(spec) ? spec : {};
  const out: Record<string, any> = {};
  if (isObject(s.api) && Object.keys(s.api).length > 0) out.api = coerceEmbeddedMetadata(s.api);
  if (Array.isArray(s.dependencies) && s.dependencies.length > 0) out.dependencies = s.dependencies;
  if (Array.isArray(s.destinationSelectors) && s.destinationSelectors.length > 0) {
    out.destinationSelectors = s.destinationSelectors.map((sel: unknown) =>
      isObject(sel) && isObject(sel.matchLabels) && Object.keys(sel.matchLabels).length > 0 ? { matchLabels: sel.matchLabels } : {});
  }
  if (Array.isArray(s.requiredPromises) && s.requiredPromises.length > 0) {
    out.requiredPromises = s.requiredPromises.map((r: unknown) => {
      const req: Record<string, any> = {};
      if (isObject(r)) {
        if (typeof r.name === 'string' && r.name !== '') req.name = r.name;
        if (typeof r.version === 'string' && r.version !== '') req.version = r.version;
      }
      return req;
    });
  }
  const wf = isObject(s.workflows) ? s.workflows : {};
  const cfg = isObject(wf.config) ? wf.config : {};
  const config: Record<string, any> = {};
  if (typeof cfg.pipelineNamespace === 'string' && cfg.pipelineNamespace !== '') config.pipelineNamespace = cfg.pipelineNamespace;
  if (cfg.reconciliationInterval !== undefined && cfg.reconciliationInterval !== null) {
    const canonical = typeof cfg.reconciliationInterval === 'string' ? canonicalGoDuration(cfg.reconciliationInterval) : undefined;
    if (canonical === undefined) {
      throw new RenderError('promise', 'spec.workflows.config.reconciliationInterval',
        `${quote(cfg.reconciliationInterval)} is not a Go duration (e.g. "1h30m", "90s")`);
    }
    config.reconciliationInterval = canonical;
  }
  out.workflows = { config, promise: workflowTriggers(wf.promise), resource: workflowTriggers(wf.resource) };
  return out;
}
