import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import * as YAML from 'yaml';
import { promiseSchemaProblems } from '../../src/validate';

const SHARED = path.join(__dirname, '..', '..', '..', 'shared');

/** The real Promise CRD's schema, read from ../shared at test time (never copied into the project). */
function realCrdValidator() {
  const crd = YAML.parse(fs.readFileSync(path.join(SHARED, 'kratix', 'crds', 'platform.kratix.io_promises.yaml'), 'utf8'));
  const schema = crd.spec.versions.find((v: any) => v.storage).schema.openAPIV3Schema;
  // Formats (date-time, int64) are not checked by the library's model, nor here.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  for (const keyword of ['x-kubernetes-preserve-unknown-fields', 'x-kubernetes-embedded-resource', 'x-kubernetes-int-or-string', 'x-kubernetes-list-type', 'x-kubernetes-map-type']) {
    ajv.addKeyword(keyword);
  }
  return ajv.compile(schema);
}

/** The API server prunes null-valued fields of non-nullable schemas before validating; so does the model. */
function pruneNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruneNulls);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, pruneNulls(v)]));
  }
  return value;
}

const validateWithCrd = realCrdValidator();

function crdAccepts(doc: unknown): boolean {
  return validateWithCrd(pruneNulls(doc)) as boolean;
}

/** The model rejects a document if it finds any schema problem but the "API server drops it" warnings of unknown fields. */
function modelAccepts(doc: unknown): boolean {
  return !promiseSchemaProblems(doc).some((p) => !p.message.includes("Kratix's API server drops it"));
}

const base = (spec: unknown, extra: Record<string, unknown> = {}) => ({ apiVersion: 'platform.kratix.io/v1alpha1', kind: 'Promise', metadata: { name: 'p' }, spec, ...extra });
const okStatus = { workflows: 0, workflowsFailed: 0, workflowsSucceeded: 0 };
const condition = { lastTransitionTime: '2024-01-01T00:00:00Z', message: 'ok', reason: 'Ready', status: 'True', type: 'Available' };

const TABLE: Array<[string, unknown, boolean]> = [
  ['a minimal Promise', base({}), true],
  ['no spec', { apiVersion: 'platform.kratix.io/v1alpha1', kind: 'Promise', metadata: { name: 'p' } }, true],
  ['a null spec', base(null), true],
  ['an unknown spec field', base({ foo: 1 }), true],
  ['an unknown top-level field', base({}, { extra: [1] }), true],
  ['apiVersion a number', base({}, { apiVersion: 1 }), false],
  ['kind a list', base({}, { kind: [] }), false],
  ['metadata a string', base({}, { metadata: 'p' }), false],
  ['metadata a list', base({}, { metadata: [] }), false],
  ['spec a string', 'x', false],
  ['spec a list', base([]), false],
  ['api an object', base({ api: { apiVersion: 'x', kind: 'y' } }), true],
  ['api a string', base({ api: 'crd' }), false],
  ['api a list', base({ api: [] }), false],
  ['dependencies a map', base({ dependencies: {} }), false],
  ['dependencies of strings', base({ dependencies: ['x'] }), false],
  ['dependencies of anything', base({ dependencies: [{ kind: 'Namespace', x: { y: [1] } }] }), true],
  ['a dependency null', base({ dependencies: [null] }), false],
  ['destinationSelectors valid', base({ destinationSelectors: [{ matchLabels: { a: 'b' } }] }), true],
  ['destinationSelectors with a number label', base({ destinationSelectors: [{ matchLabels: { a: 1 } }] }), false],
  ['destinationSelectors with a boolean label', base({ destinationSelectors: [{ matchLabels: { a: true } }] }), false],
  ['matchLabels a string', base({ destinationSelectors: [{ matchLabels: 'a=b' }] }), false],
  ['destinationSelectors of strings', base({ destinationSelectors: ['a'] }), false],
  ['destinationSelectors a map', base({ destinationSelectors: { matchLabels: {} } }), false],
  ['a null matchLabels value (pruned)', base({ destinationSelectors: [{ matchLabels: { a: null } }] }), true],
  ['requiredPromises valid', base({ requiredPromises: [{ name: 'a', version: 'v1' }] }), true],
  ['requiredPromises with a number name', base({ requiredPromises: [{ name: 1 }] }), false],
  ['requiredPromises with a boolean version', base({ requiredPromises: [{ name: 'a', version: true }] }), false],
  ['requiredPromises a string', base({ requiredPromises: 'a' }), false],
  ['workflows a string', base({ workflows: 'x' }), false],
  ['workflows.config a list', base({ workflows: { config: [] } }), false],
  ['pipelineNamespace a number', base({ workflows: { config: { pipelineNamespace: 5 } } }), false],
  ['reconciliationInterval a number', base({ workflows: { config: { reconciliationInterval: 60 } } }), false],
  ['reconciliationInterval a string', base({ workflows: { config: { reconciliationInterval: '1m' } } }), true],
  ['configure a map', base({ workflows: { promise: { configure: {} } } }), false],
  ['configure of strings', base({ workflows: { promise: { configure: ['x'] } } }), false],
  ['configure of lists', base({ workflows: { resource: { delete: [[]] } } }), false],
  ['configure with a null pipeline', base({ workflows: { resource: { configure: [null] } } }), false],
  ['configure of anything', base({ workflows: { resource: { configure: [{ kind: 'Whatever', spec: 1 }] } } }), true],
  ['workflows.resource a list', base({ workflows: { resource: [] } }), false],
  ['status {} (required fields missing)', base({}, { status: {} }), false],
  ['a complete status', base({}, { status: okStatus }), true],
  ['status counts as strings', base({}, { status: { ...okStatus, workflows: '0' } }), false],
  ['status counts as fractions', base({}, { status: { ...okStatus, observedGeneration: 1.5 } }), false],
  ['status conditions valid', base({}, { status: { ...okStatus, conditions: [condition] } }), true],
  ['a condition without reason', base({}, { status: { ...okStatus, conditions: [{ ...condition, reason: undefined }] } }), false],
  ['a condition with a bad reason', base({}, { status: { ...okStatus, conditions: [{ ...condition, reason: '1 bad' }] } }), false],
  ['a condition with an empty reason', base({}, { status: { ...okStatus, conditions: [{ ...condition, reason: '' }] } }), false],
  ['a condition with a bad status', base({}, { status: { ...okStatus, conditions: [{ ...condition, status: 'Yes' }] } }), false],
  ['a condition with a negative generation', base({}, { status: { ...okStatus, conditions: [{ ...condition, observedGeneration: -1 }] } }), false],
  ['a condition with a long type', base({}, { status: { ...okStatus, conditions: [{ ...condition, type: 'A'.repeat(317) }] } }), false],
  ['status.kratix pipelines attempts as a string', base({}, { status: { ...okStatus, kratix: { workflows: { pipelines: [{ attempts: 'x' }] } } } }), false],
  ['status.requiredBy valid', base({}, { status: { ...okStatus, requiredBy: [{ promise: { name: 'a', version: 'v' }, requiredVersion: 'v' }] } }), true],
  ['an unknown status field', base({}, { status: { ...okStatus, foo: 1 } }), true],
  ['a document that is not a map', 42, false],
  ['a document that is a list', [], false],
];

describe('the library\'s model of the Promise CRD', () => {
  test.each(TABLE)('agrees with the real CRD on %s', (_, doc, expected) => {
    const clean = JSON.parse(JSON.stringify(doc) ?? 'null');
    expect(crdAccepts(clean)).toBe(expected);
    expect(modelAccepts(clean)).toBe(expected);
  });

  test('agrees with the real CRD on every fixture', () => {
    const dir = path.join(SHARED, 'fixtures', 'promises');
    let documents = 0;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      for (const doc of YAML.parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8')) as YAML.Document.Parsed[]) {
        const value = doc.toJS();
        expect([file, modelAccepts(value)]).toEqual([file, crdAccepts(value)]);
        documents++;
      }
    }
    expect(documents).toBeGreaterThanOrEqual(40);
  });

  test('warns, rather than fails, on status, which the API server ignores on apply', () => {
    expect(promiseSchemaProblems(base({}, { status: {} }))).toEqual([{
      path: 'status',
      severity: 'warning',
      message: "required fields 'workflows', 'workflowsFailed', 'workflowsSucceeded' are missing; add them; the API server ignores status when a Promise is applied, so this only matters to tools that read the file",
    }]);
  });

  test('reports wrong types as errors with the bad value', () => {
    expect(promiseSchemaProblems(base({ workflows: { config: { reconciliationInterval: 60 } } }))).toEqual([{
      path: 'spec.workflows.config.reconciliationInterval',
      severity: 'error',
      message: "60 is a number, but the Promise CRD requires a string here; quote it: '60'",
    }]);
  });
});
