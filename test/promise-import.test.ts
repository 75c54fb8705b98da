import { Chart, Testing } from 'cdk8s';
import { RestartPolicy } from 'cdk8s-plus-28';
import * as YAML from 'yaml';
import { KratixPromise, Pipeline, WorkflowAction, WorkflowType } from '../src';
import { semanticDifference } from './support/semantic-equal';
import { IMPORT_WARNING_METADATA } from '../src/import/promise-import';
import { PromiseImportOptions, PromiseImportWarning } from '../src/promise-import-options';

function pipeline(name: string, spec: any = { containers: [{ name: 'main', image: 'ghcr.io/example/main:v1' }] }, extra: any = {}): any {
  return { apiVersion: 'platform.kratix.io/v1alpha1', kind: 'Pipeline', metadata: { name }, spec, ...extra };
}

const MINIMAL_API = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'envs.example.com' },
  spec: { group: 'example.com', names: { kind: 'Env', plural: 'envs' }, scope: 'Namespaced', versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object' } } }] },
};

/** A Promise document; one with resource workflows and no `api` gets a minimal API, which Kratix requires for them. */
function promiseDoc(spec: any = {}, extra: any = {}): any {
  const complete = spec.workflows?.resource !== undefined && !('api' in spec) ? { api: MINIMAL_API, ...spec } : spec;
  return { apiVersion: 'platform.kratix.io/v1alpha1', kind: 'Promise', metadata: { name: 'env' }, spec: complete, ...extra };
}

function importDoc(doc: any, options: PromiseImportOptions = {}): { promise: KratixPromise; chart: Chart; warnings: PromiseImportWarning[] } {
  const chart = Testing.chart();
  const warnings: PromiseImportWarning[] = [];
  const promise = KratixPromise.fromObject(chart, 'env', doc, { ...options, warningHandler: { onWarning: w => warnings.push(w) } });
  return { promise, chart, warnings };
}

function roundTrip(doc: any, options: PromiseImportOptions = {}): { out: any; warnings: PromiseImportWarning[] } {
  const { chart, warnings } = importDoc(doc, options);
  const out = Testing.synth(chart)[0];
  expect(semanticDifference(out, doc)).toBeUndefined();
  return { out, warnings };
}

describe('KratixPromise.fromObject', () => {
  describe('when the Promise uses the typed model', () => {
    const doc = promiseDoc({
      api: {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'envs.example.kratix.io' },
        spec: {
          group: 'example.kratix.io',
          names: { kind: 'Env', plural: 'envs', singular: 'env' },
          scope: 'Namespaced',
          versions: [{ name: 'v1alpha1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object' } } }],
        },
      },
      destinationSelectors: [{ matchLabels: { env: 'dev' } }],
      requiredPromises: [{ name: 'database', version: 'v1' }],
      workflows: {
        config: { pipelineNamespace: 'pipelines', reconciliationInterval: '1h30m' },
        resource: {
          configure: [pipeline('slack-notify', {
            containers: [{ name: 'notify', image: 'ghcr.io/example/notify:v1', env: [{ name: 'CHANNEL', value: 'team' }] }],
            rbac: {
              serviceAccount: 'notifier',
              permissions: [
                { apiGroups: [''], resources: ['secrets'], verbs: ['get'] },
                { apiGroups: ['batch'], resources: ['jobs'], verbs: ['list'], resourceNamespace: '*' },
                { apiGroups: [''], resources: ['configmaps'], verbs: ['get'], resourceNamespace: 'shared' },
              ],
            },
            jobOptions: { backoffLimit: 2 },
            restartPolicy: 'Never',
            nodeSelector: { disk: 'ssd' },
            tolerations: [{ key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }],
          }, { metadata: { name: 'slack-notify', labels: { team: 'net' }, annotations: { owner: 'net' } } })],
        },
      },
    });
    doc.metadata.labels = { 'kratix.io/promise-version': 'v1.2.3', 'team': 'platform' };

    test('builds real constructs: workflows, pipelines, containers, permissions', () => {
      const { promise } = importDoc(doc);
      expect(promise.name).toBe('env');
      expect(promise.pipelineNamespace).toBe('pipelines');
      expect(promise.reconciliationInterval?.toMinutes()).toBe(90);
      expect(promise.api?.toJson().metadata.name).toBe('envs.example.kratix.io');
      expect(promise.workflows.map(w => `${w.workflowType}/${w.action}`)).toEqual(['resource/configure']);
      const [notify] = promise.workflow(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE).pipelines;
      expect(notify).toBeInstanceOf(Pipeline);
      expect(notify.name).toBe('slack-notify');
      expect(notify.containerNames).toEqual(['notify']);
      expect(notify.backoffLimit).toBe(2);
      expect(notify.restartPolicy).toBe(RestartPolicy.NEVER);
      expect(notify.rbac.serviceAccountName).toBe('notifier');
      expect(notify.rbac.permissions.map(p => p.scope.resourceNamespace)).toEqual([undefined, '*', 'shared']);
    });

    test('synthesizes the same document, keeping the interval as written', () => {
      const { out } = roundTrip(doc);
      expect(out.spec.workflows.config.reconciliationInterval).toBe('1h30m');
    });

    test('reports no warnings', () => {
      expect(importDoc(doc).warnings).toEqual([]);
    });

    test('can be changed after import, then synthesized', () => {
      const { promise, chart } = importDoc(doc);
      promise.addPipeline(WorkflowType.PROMISE, WorkflowAction.CONFIGURE, 'setup', { containers: [{ name: 'setup', image: 'setup:v1' }] });
      const out = Testing.synth(chart)[0];
      expect(out.spec.workflows.promise.configure.map((p: any) => p.metadata.name)).toEqual(['setup']);
      expect(out.spec.workflows.resource.configure[0].metadata.name).toBe('slack-notify');
    });
  });

  describe('when fields are absent, null or empty', () => {
    test.each([
      ['no spec', { apiVersion: 'platform.kratix.io/v1alpha1', kind: 'Promise', metadata: { name: 'env' } }],
      ['an empty spec', promiseDoc({})],
      ['empty labels and annotations', { ...promiseDoc(), metadata: { name: 'env', labels: {}, annotations: {} } }],
      ['empty lists', promiseDoc({ dependencies: [], destinationSelectors: [], requiredPromises: [] })],
      ['empty workflows', promiseDoc({ workflows: {} })],
      ['empty workflow maps', promiseDoc({ workflows: { config: {}, promise: {}, resource: { configure: [] } } })],
      ['a null api and null entries', promiseDoc({ api: null, workflows: { config: { pipelineNamespace: null } } })],
      ['empty pipeline parts', promiseDoc({
        workflows: {
          resource: {
            configure: [pipeline('p', { containers: [], volumes: [], imagePullSecrets: [], rbac: {}, jobOptions: {}, nodeSelector: {}, tolerations: [] })],
            delete: [pipeline('d', { rbac: { permissions: [] } }, { metadata: { name: 'd', labels: {} } })],
          },
        },
      })],
      ['a pipeline without spec', promiseDoc({ workflows: { promise: { configure: [{ apiVersion: 'platform.kratix.io/v1alpha1', kind: 'Pipeline', metadata: { name: 'p' } }] } } })],
      ['a container with empty resources and security context', promiseDoc({
        workflows: { resource: { configure: [pipeline('p', { containers: [{ name: 'c', image: 'i', resources: {}, securityContext: {}, env: [], args: [] }] })] } },
      })],
    ])('keeps %s', (_, doc) => {
      roundTrip(doc);
    });
  });

  describe('when the Promise has fields the typed model does not know', () => {
    test('keeps an unusual volume type, extra metadata and a top-level status', () => {
      const doc = promiseDoc({
        workflows: {
          resource: {
            configure: [pipeline('p', {
              containers: [{ name: 'c', image: 'i', volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
              volumes: [{ name: 'data', nfs: { server: 'nfs.example.com', path: '/exports' } }, { name: 'scratch', emptyDir: { sizeLimit: '1Gi' } }],
            })],
          },
        },
      }, { status: { conditions: [{ type: 'Available', status: 'True' }] } });
      doc.metadata = { name: 'env', uid: '1234', creationTimestamp: null, generation: 3, namespace: 'default' };
      roundTrip(doc);
    });

    test('keeps a pipeline metadata.namespace, with a warning that Kratix ignores it', () => {
      const doc = promiseDoc({ workflows: { resource: { configure: [pipeline('p', undefined, { metadata: { name: 'p', namespace: 'default' } })] } } });
      const { warnings } = roundTrip(doc);
      expect(warnings).toEqual([expect.objectContaining({
        path: 'spec.workflows.resource.configure[0].metadata.namespace',
        message: expect.stringContaining("Kratix ignores a pipeline's namespace 'default'"),
      })]);
    });

    test('keeps a misspelled Promise key', () => {
      roundTrip(promiseDoc({ workflow: { resource: {} }, dependecies: [{ kind: 'Namespace' }] }));
    });

    test('keeps a reconciliation interval Go would not accept, with a warning', () => {
      const { promise, warnings } = importDoc(promiseDoc({ workflows: { config: { reconciliationInterval: 'soon' } } }));
      expect(promise.reconciliationInterval).toBeUndefined();
      expect(promise.toJson().spec.workflows.config.reconciliationInterval).toBe('soon');
      expect(warnings.map(w => w.path)).toEqual(['spec.workflows.config.reconciliationInterval']);
    });

    test.each(['90s', '1h0m0s', '2h', '1.5h', '1m0.5s'])('keeps the reconciliation interval %s as written', (interval) => {
      roundTrip(promiseDoc({ workflows: { config: { reconciliationInterval: interval } } }));
    });
  });

  describe('when Kratix would ignore part of it', () => {
    const doc = promiseDoc({ workflows: { resource: { delete: [pipeline('first'), pipeline('second')] } } });

    test('imports a second delete pipeline, with a warning, and synthesizes it as it was', () => {
      const { promise, warnings, chart } = importDoc(doc);
      expect(Testing.synth(chart)[0].spec.workflows.resource.delete.map((p: any) => p.metadata.name)).toEqual(['first', 'second']);
      expect(promise.workflow(WorkflowType.RESOURCE, WorkflowAction.DELETE).pipelines.map(p => p.name)).toEqual(['first', 'second']);
      expect(warnings).toEqual([{
        path: 'spec.workflows.resource.delete[1]',
        message: expect.stringContaining('Kratix runs only the first delete pipeline'),
      }]);
    });

    test('records warnings on the construct', () => {
      const chart = Testing.chart();
      const promise = KratixPromise.fromObject(chart, 'env', doc);
      expect(promise.node.metadata.filter(m => m.type === IMPORT_WARNING_METADATA).map(m => m.data.path)).toEqual(['spec.workflows.resource.delete[1]']);
      expect(promise.toJson().spec.workflows.resource.delete).toHaveLength(2);
    });
  });

  describe('when Kratix would reject a pipeline', () => {
    test('throws on a wrong kind, naming the path, the value and the fix', () => {
      const doc = promiseDoc({ workflows: { resource: { configure: [{ ...pipeline('p'), kind: 'Pod' }] } } });
      expect(() => importDoc(doc)).toThrow(
        'cannot import Promise \'env\': Kratix would reject its pipeline:\n'
        + '  spec.workflows.resource.configure[0].kind: unsupported pipeline "p" with APIVersion "Pod/platform.kratix.io/v1alpha1": '
        + 'set kind: Pipeline and apiVersion: platform.kratix.io/v1alpha1');
    });

    test('throws on a wrong apiVersion', () => {
      const doc = promiseDoc({ workflows: { promise: { configure: [{ ...pipeline('p'), apiVersion: 'v1' }] } } });
      expect(() => importDoc(doc)).toThrow(/spec\.workflows\.promise\.configure\[0\]\.apiVersion: unsupported pipeline "p" with APIVersion "Pipeline\/v1"/);
    });

    test('throws on an unknown field, suggesting lenient', () => {
      const doc = promiseDoc({ workflows: { resource: { configure: [pipeline('p', { containers: [{ name: 'c', image: 'i', workingDir: '/w' }] })] } } });
      expect(() => importDoc(doc)).toThrow(/spec\.workflows\.resource\.configure\[0\]\.spec\.containers\[0\]\.workingDir: unknown field 'workingDir'[\s\S]*lenient: true/);
    });

    test('with lenient, keeps the unknown field with a warning', () => {
      const doc = promiseDoc({ workflows: { resource: { configure: [pipeline('p', { containers: [{ name: 'c', image: 'i', workingDir: '/w' }], priority: 1 }, { status: {} })] } } });
      const { promise, chart, warnings } = importDoc(doc, { lenient: true });
      expect(semanticDifference(promise.toJson(), doc)).toBeUndefined();
      // Reported once at import; synth keeps it, and fails only on problems added afterwards.
      expect(Testing.synth(chart)).toEqual([promise.toJson()]);
      promise.workflow(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE).pipelines[0].addContainer({ name: 'Bad', image: 'i:1' });
      expect(() => Testing.synth(chart)).toThrow(/container name 'Bad' must be a DNS-1123 label/);
      expect(warnings.map(w => w.path).sort()).toEqual([
        'spec.workflows.resource.configure[0].spec.containers[0].workingDir',
        'spec.workflows.resource.configure[0].spec.priority',
        'spec.workflows.resource.configure[0].status',
      ]);
    });
  });

  test('refuses a document that is not a Promise', () => {
    expect(() => importDoc({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' } }))
      .toThrow('cannot import a Namespace as a Promise: expected kind: Promise, apiVersion: platform.kratix.io/v1alpha1');
  });
});

describe('KratixPromise.fromYaml', () => {
  const promiseYaml = YAML.stringify(promiseDoc({ workflows: { resource: { configure: [pipeline('p')] } } }));

  test('reads YAML 1.2: a key yes and a value on stay strings', () => {
    const chart = Testing.chart();
    KratixPromise.fromYaml(chart, 'env', promiseYaml + 'status:\n  yes: on\n');
    expect(Testing.synth(chart)[0].status).toEqual({ yes: 'on' });
  });

  test('skips other documents, with a warning', () => {
    const warnings: PromiseImportWarning[] = [];
    const chart = Testing.chart();
    KratixPromise.fromYaml(chart, 'env', `apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n---\n${promiseYaml}`, { warningHandler: { onWarning: w => warnings.push(w) } });
    expect(warnings).toEqual([{ path: '[document 1]', message: 'document 1 is a Namespace, not a Promise: not imported' }]);
    expect(Testing.synth(chart)).toHaveLength(1);
  });

  test('refuses text with two Promises', () => {
    expect(() => KratixPromise.fromYaml(Testing.chart(), 'env', `${promiseYaml}---\n${promiseYaml}`))
      .toThrow('KratixPromise.fromYaml: the text has 2 Promise documents, not one');
  });

  test('refuses invalid YAML, naming the line', () => {
    expect(() => KratixPromise.fromYaml(Testing.chart(), 'env', 'kind: Promise\nmetadata: [\n')).toThrow(/^input: line \d+, column \d+: not valid YAML/);
  });
});
