import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { errorsOf, NO_API_PROBLEM, Problem, promiseProblems, validatePromiseDocument } from '../../src/validate';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'promises');

function pipeline(name: string): any {
  return { apiVersion: 'platform.kratix.io/v1alpha1', kind: 'Pipeline', metadata: { name }, spec: { containers: [{ name: 'main', image: 'busybox' }] } };
}

/** A Promise with one of everything, all valid. */
function fullPromise(): any {
  return {
    apiVersion: 'platform.kratix.io/v1alpha1',
    kind: 'Promise',
    metadata: {
      name: 'env',
      labels: { 'kratix.io/promise-version': 'v1.2.0' },
      annotations: { 'kratix.io/reconciliation-interval': '2h' },
    },
    spec: {
      api: {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'envs.platform.acme.io' },
        spec: {
          group: 'platform.acme.io',
          names: { kind: 'Env', plural: 'envs', singular: 'env' },
          scope: 'Namespaced',
          versions: [{ name: 'v1alpha1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object' } } }],
        },
      },
      dependencies: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'env-system' } }],
      destinationSelectors: [{ matchLabels: { environment: 'dev' } }],
      requiredPromises: [{ name: 'postgres', version: 'v1' }],
      workflows: {
        config: { pipelineNamespace: 'pipelines', reconciliationInterval: '1h0m0s' },
        promise: { configure: [pipeline('setup')], delete: [pipeline('teardown')] },
        resource: { configure: [pipeline('slack-notify'), pipeline('provision')], delete: [pipeline('cleanup')] },
      },
    },
  };
}

function problemsAfter(change: (p: any) => void): Problem[] {
  const promise = fullPromise();
  change(promise);
  return promiseProblems(promise);
}

const error = (at: string, message: string): Problem => ({ path: at, message, severity: 'error' });
const warning = (at: string, message: string): Problem => ({ path: at, message, severity: 'warning' });

describe('promiseProblems', () => {
  test('accepts a Promise with one of everything', () => {
    expect(promiseProblems(fullPromise())).toEqual([]);
  });

  test('accepts a minimal Promise', () => {
    expect(promiseProblems({ apiVersion: 'platform.kratix.io/v1alpha1', kind: 'Promise', metadata: { name: 'p' } })).toEqual([]);
  });

  test.each<[string, (p: any) => void, Problem[]]>([
    ['no name', (p) => { delete p.metadata.name; }, [
      error('metadata.name', 'Promise has no name: set metadata.name'),
    ]],
    ['a name that is not a DNS-1123 label', (p) => { p.metadata.name = 'My.Env'; }, [
      error('metadata.name', "Promise name 'My.Env' must be a DNS-1123 label (lower case letters, digits and '-', at most 63 characters): Kratix uses it in label values and in the names of pipeline objects"),
    ]],
    ['a wrong apiVersion', (p) => { p.apiVersion = 'platform.kratix.io/v1'; }, [
      error('apiVersion', "apiVersion must be platform.kratix.io/v1alpha1, not 'platform.kratix.io/v1'"),
    ]],
    ['a promise-version label that is not a label value', (p) => { p.metadata.labels['kratix.io/promise-version'] = 'v1.2.0+build.1'; }, [
      error('metadata.labels["kratix.io/promise-version"]', "label 'kratix.io/promise-version' value 'v1.2.0+build.1' must be a valid label value (at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit)"),
    ]],
    ['an unknown metadata field', (p) => { p.metadata.nmae = 'x'; }, [
      warning('metadata.nmae', "unknown field 'nmae' in a Kubernetes ObjectMeta: the API server drops it; did you mean 'name'?"),
    ]],
    ['a reconciliationInterval under a minute', (p) => { p.spec.workflows.config.reconciliationInterval = '30s'; }, [
      error('spec.workflows.config.reconciliationInterval', "reconciliationInterval '30s' (30s) is under Kratix's minimum of 1m0s: its webhook rejects the Promise; use '1m' or more"),
    ]],
    ['a reconciliationInterval that is not a Go duration', (p) => { p.spec.workflows.config.reconciliationInterval = '1 day'; }, [
      error('spec.workflows.config.reconciliationInterval', "reconciliationInterval '1 day' is not a Go duration: Kratix cannot read it; write e.g. '10m', '1h30m' or '2h0m0s' (units h, m, s, ms)"),
    ]],
    ['a reconciliation-interval annotation under a minute', (p) => { p.metadata.annotations['kratix.io/reconciliation-interval'] = '59s'; }, [
      error('metadata.annotations["kratix.io/reconciliation-interval"]', "annotation kratix.io/reconciliation-interval '59s' (59s) is under Kratix's minimum of 1m0s: its webhook rejects the Promise; use '1m' or more"),
    ]],
    ['a reconciliation-interval annotation that is not a duration', (p) => { p.metadata.annotations['kratix.io/reconciliation-interval'] = '10'; }, [
      error('metadata.annotations["kratix.io/reconciliation-interval"]', "annotation kratix.io/reconciliation-interval '10' is not a Go duration: Kratix cannot read it; write e.g. '10m', '1h30m' or '2h0m0s' (units h, m, s, ms)"),
    ]],
    ['a pipelineNamespace that is not a namespace name', (p) => { p.spec.workflows.config.pipelineNamespace = 'Pipelines'; }, [
      error('spec.workflows.config.pipelineNamespace', "pipelineNamespace 'Pipelines' must be a DNS-1123 label (lower case letters, digits and '-', at most 63 characters): it is a namespace name"),
    ]],
    ['two pipelines with one name in a workflow', (p) => { p.spec.workflows.resource.configure[1].metadata.name = 'slack-notify'; }, [
      error('spec.workflows.resource.configure[1].metadata.name', "pipeline name 'slack-notify' is used by more than one pipeline of the resource configure workflow: Kratix's webhook rejects it; rename one"),
    ]],
    ['a second delete pipeline', (p) => { p.spec.workflows.promise.delete.push(pipeline('more')); }, [
      warning('spec.workflows.promise.delete[1]', 'Kratix runs only the first delete pipeline of a workflow, so this one never runs; move its containers into the first delete pipeline'),
    ]],
    ['a pipeline problem, with the path from the document', (p) => { p.spec.workflows.resource.configure[1].spec.containers[0].name = 'Notify'; }, [
      error('spec.workflows.resource.configure[1].spec.containers[0].name', "container name 'Notify' must be a DNS-1123 label (lower case letters, digits and '-', at most 63 characters)"),
    ]],
    ['a pipeline ID over 60 characters, counted with the Promise name', (p) => { p.metadata.name = 'e'.repeat(30); }, [
      error('spec.workflows.resource.configure[0].metadata.name', `pipeline ID '${'e'.repeat(30)}-resource-configure-slack-notify' (<promise>-<type>-<action>-<pipeline>) is 62 characters, over Kratix's limit of 60: shorten the pipeline name to at most 10 characters (or the Promise name)`),
    ]],
    ['a Cluster-scoped API', (p) => { p.spec.api.spec.scope = 'Cluster'; }, [
      error('spec.api.spec.scope', "API scope 'Cluster' is not allowed: Kratix's webhook rejects a Cluster-scoped Promise API when the Promise is created; set scope: Namespaced"),
    ]],
    ['an API that is not a CRD', (p) => { p.spec.api.kind = 'Env'; }, [
      error('spec.api.kind', "spec.api must be a CustomResourceDefinition, but its kind is 'Env'; set kind: CustomResourceDefinition"),
    ]],
    ['an API with the wrong apiVersion', (p) => { p.spec.api.apiVersion = 'apiextensions.k8s.io/v1beta1'; }, [
      error('spec.api.apiVersion', "spec.api must be an apiextensions.k8s.io/v1 CustomResourceDefinition, but its apiVersion is 'apiextensions.k8s.io/v1beta1'; set apiVersion: apiextensions.k8s.io/v1"),
    ]],
    ['an API name other than <plural>.<group>', (p) => { p.spec.api.metadata.name = 'env.platform.acme.io'; }, [
      error('spec.api.metadata.name', "the API's name must be <plural>.<group>, 'envs.platform.acme.io', not 'env.platform.acme.io'"),
    ]],
    ['an API without group', (p) => { delete p.spec.api.spec.group; }, [
      error('spec.api.spec.group', 'the API has no group: set spec.group to a domain such as example.com'),
    ]],
    ['an API group without a dot', (p) => { p.spec.api.spec.group = 'acme'; p.spec.api.metadata.name = 'envs.acme'; }, [
      error('spec.api.spec.group', "API group 'acme' must be a lower-case domain with at least one dot, such as example.com"),
    ]],
    ['an API without kind and plural', (p) => { p.spec.api.spec.names = {}; }, [
      error('spec.api.spec.names.kind', 'the API has no kind: set spec.names.kind, e.g. Database'),
      error('spec.api.spec.names.plural', 'the API has no plural: set spec.names.plural, e.g. databases'),
    ]],
    ['an API without versions', (p) => { p.spec.api.spec.versions = []; }, [
      error('spec.api.spec.versions', 'the API has no versions: add at least one, with a name, served: true, storage: true and a schema.openAPIV3Schema'),
    ]],
    ['an API without a storage version', (p) => { p.spec.api.spec.versions[0].storage = false; }, [
      error('spec.api.spec.versions', 'exactly one version must have storage: true, but 0 do; Kubernetes rejects the CRD otherwise'),
    ]],
    ['an API version without schema', (p) => { delete p.spec.api.spec.versions[0].schema; }, [
      error('spec.api.spec.versions[0].schema.openAPIV3Schema', 'the version has no schema.openAPIV3Schema: Kubernetes requires one for apiextensions.k8s.io/v1; add one (type: object at least)'),
    ]],
    ['a dependency without kind', (p) => { delete p.spec.dependencies[0].kind; }, [
      error('spec.dependencies[0].kind', 'dependency has no kind: Kratix writes dependencies to destinations as Kubernetes objects; set kind and apiVersion'),
    ]],
    ['a destination selector value that is not a string', (p) => { p.spec.destinationSelectors[0].matchLabels.tier = 1; }, [
      error('spec.destinationSelectors[0].matchLabels.tier', "1 is a number, but the Promise CRD requires a string here; quote it: '1'"),
    ]],
    ['an unknown spec field', (p) => { p.spec.workflow = {}; }, [
      warning('spec.workflow', "unknown field 'workflow': Kratix's API server drops it; did you mean 'workflows'?"),
    ]],
    ['workflows that are not a list', (p) => { p.spec.workflows.resource.configure = pipeline('x'); }, [
      error('spec.workflows.resource.configure', 'a map is a map, but the Promise CRD requires a list here'),
    ]],
  ])('reports %s', (_, change, expected) => {
    expect(problemsAfter(change)).toEqual(expected);
  });

  test('treats an empty api as no api, which Kratix refuses for a Promise with resource workflows', () => {
    const noApi = [error('spec.api', NO_API_PROBLEM)];
    expect(problemsAfter((p) => { p.spec.api = {}; })).toEqual(noApi);
    expect(problemsAfter((p) => { p.spec.api = null; })).toEqual(noApi);
    expect(problemsAfter((p) => { p.spec.api = {}; delete p.spec.workflows.resource; })).toEqual([]);
  });
});

describe('validatePromiseDocument', () => {
  test('reports a document of another kind as one problem', () => {
    expect(validatePromiseDocument({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' } })).toEqual([
      error('kind', 'document is a Namespace, not a Promise: validate only Promise documents (kind: Promise, apiVersion: platform.kratix.io/v1alpha1)'),
    ]);
  });

  test('makes unknown pipeline fields warnings when lenient', () => {
    const promise = fullPromise();
    promise.spec.workflows.promise.configure[0].spec.containers[0].ports = [];
    expect(errorsOf(validatePromiseDocument(promise))).toHaveLength(1);
    expect(errorsOf(validatePromiseDocument(promise, { lenient: true }))).toEqual([]);
  });
});

describe('the real Promises in ../shared/fixtures/promises', () => {
  const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml')).sort();

  test('are all there', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  const DNS1035_REJECTED = "the API server rejects the CRD (a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character), and Kratix's webhook dry-run-creates it";

  test.each(files)('%s has no errors', (file) => {
    const docs = YAML.parseAllDocuments(fs.readFileSync(path.join(FIXTURES, file), 'utf8')) as YAML.Document.Parsed[];
    const errors = docs.flatMap((d) => errorsOf(validatePromiseDocument(d.toJS())));
    if (file === 'syntasso+kratix__config-samples-platform_v1alpha1_promise.yaml') {
      // Kratix's own sample uses a placeholder API (apiVersion 'something', kind Redis, plural Redii,
      // no versions): Kratix's webhook would reject it, as its dry-run create of the CRD fails.
      expect(errors).toEqual([
        error('spec.api.apiVersion', "spec.api must be an apiextensions.k8s.io/v1 CustomResourceDefinition, but its apiVersion is 'something'; set apiVersion: apiextensions.k8s.io/v1"),
        error('spec.api.kind', "spec.api must be a CustomResourceDefinition, but its kind is 'Redis'; set kind: CustomResourceDefinition"),
        error('spec.api.spec.versions', 'the API has no versions: add at least one, with a name, served: true, storage: true and a schema.openAPIV3Schema'),
        // apiextensions' ValidateCustomResourceDefinitionNames: plural and singular are DNS-1035 labels.
        error('spec.api.spec.names.plural', `API plural 'Redii' must be a DNS-1035 label (lower case letters, digits and '-', starting with a letter, at most 63 characters): ${DNS1035_REJECTED}; use lower case, e.g. 'redii'`),
        error('spec.api.spec.names.singular', `API singular 'Redis' must be a DNS-1035 label (lower case letters, digits and '-', starting with a letter, at most 63 characters): ${DNS1035_REJECTED}; use lower case, e.g. 'redis'`),
      ]);
    } else if (file === 'syntasso+kratix-docs__docs-workshop-writing-a-promise-_partials-writing-a-promise-05-resource-workflow.yaml') {
      // A docs excerpt that elides its API (`api: # ...`) but has a resource workflow.
      expect(errors).toEqual([error('spec.api', NO_API_PROBLEM)]);
    } else {
      expect(errors).toEqual([]);
    }
  });
});
