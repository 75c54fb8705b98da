import { App, Chart } from 'cdk8s';
import { EnvValue, ImagePullPolicy, k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import * as fc from 'fast-check';
import { KratixPromise, PermissionScope, PipelineContainerProps, PromiseApi, WorkflowAction, WorkflowType } from '../../src';

// fast-check generators of valid Promises, described as plain models that `buildPromise` turns
// into constructs, so that a failing case prints as readable data.

/** How many runs a property makes: FC_RUNS, else 1000. */
export const RUNS = Number(process.env.FC_RUNS ?? 1000);
/** The seed: FC_SEED, else 42, so that every run of the suite checks the same cases. */
export const SEED = Number(process.env.FC_SEED ?? 42);
/** The options of `fc.assert` for `numRuns` runs (default RUNS). */
export const params = (numRuns = RUNS): fc.Parameters<unknown> => ({ seed: SEED, numRuns });

/** Kratix's limit on `<promise>-<type>-<action>-<pipeline>`. */
export const PIPELINE_ID_LIMIT = 60;

export const RESERVED_CONTAINER_NAMES = ['reader', 'work-writer', 'status-writer'];
export const RESERVED_VOLUME_NAMES = ['shared-input', 'shared-output', 'shared-metadata', 'promise-scheduling'];

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('');
const INNER = [...ALNUM, '-'];

/** A DNS-1123 label of `min` to `max` characters. */
export function dnsLabel(min: number, max: number): fc.Arbitrary<string> {
  return fc.integer({ min: Math.max(1, min), max }).chain(length => length === 1
    ? fc.constantFrom(...ALNUM)
    : fc.tuple(
      fc.constantFrom(...ALNUM),
      fc.array(fc.constantFrom(...INNER), { minLength: length - 2, maxLength: length - 2 }),
      fc.constantFrom(...ALNUM),
    ).map(([a, mid, b]) => a + mid.join('') + b));
}

/** One of the values, each as often as its weight: `weighted([0, 3], [1, 1])` is 0 three times in four. */
function weighted(...choices: Array<[number, number]>): fc.Arbitrary<number> {
  return fc.oneof(...choices.map(([value, weight]) => ({ weight, arbitrary: fc.constant(value) })));
}

/** A label of at most `max` characters, often exactly `max` (the limits are where bugs live). */
function labelUpTo(max: number): fc.Arbitrary<string> {
  return fc.oneof({ weight: 1, arbitrary: dnsLabel(max, max) }, { weight: 2, arbitrary: dnsLabel(1, Math.min(max, 12)) });
}

export interface EnvModel {
  readonly name: string;
  readonly source: 'value' | 'secret' | 'configMap';
  readonly value: string;
}

export interface ContainerModel {
  readonly name: string;
  readonly image: string;
  readonly env: EnvModel[];
  readonly envFrom: Array<{ readonly source: 'secret' | 'configMap'; readonly name: string }>;
  /** Names of the pipeline's volumes to mount at /mnt/<name>. */
  readonly mounts: string[];
  readonly command?: string[];
  readonly imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
}

export interface PermissionModel {
  readonly verbs: string[];
  readonly apiGroup: string;
  readonly resource: string;
  /** `own`: the pipeline's namespace; `all`: every namespace; else that namespace. */
  readonly scope: string;
}

export interface VolumeModel {
  readonly name: string;
  readonly kind: 'emptyDir' | 'configMap' | 'secret';
}

export interface PipelineModel {
  readonly name: string;
  readonly containers: ContainerModel[];
  readonly volumes: VolumeModel[];
  readonly permissions: PermissionModel[];
  readonly serviceAccountName?: string;
  readonly backoffLimit?: number;
}

export interface PromiseModel {
  readonly name: string;
  readonly pipelineNamespace?: string;
  readonly api: { readonly group: string; readonly kind: string };
  /** Keyed by `type/action`. */
  readonly workflows: Record<string, PipelineModel[]>;
}

export const WORKFLOWS = ['promise/configure', 'promise/delete', 'resource/configure', 'resource/delete'] as const;
export type Workflow = typeof WORKFLOWS[number];

const envName = fc.tuple(fc.constantFrom('A', 'B', 'PORT', 'MODE', 'V'), fc.integer({ min: 0, max: 99 })).map(([a, n]) => `${a}_${n}`);

const envModel: fc.Arbitrary<EnvModel> = fc.record({
  name: envName,
  source: fc.constantFrom<EnvModel['source']>('value', 'secret', 'configMap'),
  value: fc.oneof(fc.constantFrom('', 'true', '8080', 'a b', 'key'), dnsLabel(1, 10)),
});

const volumeModel: fc.Arbitrary<VolumeModel> = fc.record({
  name: dnsLabel(1, 63).filter(n => !RESERVED_VOLUME_NAMES.includes(n)),
  kind: fc.constantFrom<VolumeModel['kind']>('emptyDir', 'configMap', 'secret'),
});

function containerModel(volumes: string[]): fc.Arbitrary<Omit<ContainerModel, 'name'>> {
  return fc.record({
    image: fc.tuple(fc.constantFrom('ghcr.io/acme/', 'docker.io/library/', ''), dnsLabel(1, 20), fc.constantFrom(':v1', ':1.2.3', '@sha256:' + 'a'.repeat(64), ':latest'))
      .map(([registry, name, tag]) => registry + name + tag),
    env: fc.uniqueArray(envModel, { maxLength: 3, selector: e => e.name, size: 'xsmall' }),
    envFrom: fc.array(fc.record({ source: fc.constantFrom<'secret' | 'configMap'>('secret', 'configMap'), name: dnsLabel(1, 20) }), { maxLength: 2, size: 'xsmall' }),
    mounts: fc.subarray(volumes),
    command: fc.option(fc.array(fc.constantFrom('/bin/sh', '-c', 'run'), { minLength: 1, maxLength: 3 }), { nil: undefined }),
    imagePullPolicy: fc.option(fc.constantFrom<'Always' | 'IfNotPresent' | 'Never'>('Always', 'IfNotPresent', 'Never'), { nil: undefined }),
  }, { requiredKeys: ['image', 'env', 'envFrom', 'mounts'] });
}

const permissionModel: fc.Arbitrary<PermissionModel> = fc.record({
  verbs: fc.subarray(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'], { minLength: 1 }),
  apiGroup: fc.constantFrom('', 'apps', 'platform.kratix.io'),
  resource: fc.constantFrom('configmaps', 'secrets', 'deployments', 'promises/status'),
  scope: fc.oneof(fc.constantFrom('own', 'all'), dnsLabel(1, 63)),
});

/** A pipeline whose name makes its ID at most `maxName` characters over the rest. */
function pipelineModel(name: string): fc.Arbitrary<PipelineModel> {
  return fc.uniqueArray(volumeModel, { maxLength: 3, selector: v => v.name, size: 'xsmall' }).chain(volumes => fc.record({
    name: fc.constant(name),
    containers: weighted([1, 6], [2, 3], [3, 1], [4, 1], [5, 1])
      .chain(n => fc.uniqueArray(dnsLabel(1, 63).filter(x => !RESERVED_CONTAINER_NAMES.includes(x)), { minLength: n, maxLength: n }))
      .chain(names => fc.tuple(...names.map(n => containerModel(volumes.map(v => v.name)).map(c => ({ ...c, name: n })))))
      .map(cs => cs as ContainerModel[]),
    volumes: fc.constant(volumes),
    permissions: fc.array(permissionModel, { maxLength: 3, size: 'xsmall' }),
    serviceAccountName: fc.option(dnsLabel(1, 30), { nil: undefined, freq: 4 }),
    backoffLimit: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
  }, { requiredKeys: ['name', 'containers', 'volumes', 'permissions'] }));
}

/** 0 to `max` pipelines of a workflow whose IDs fit Kratix's 60 characters, some exactly. */
function workflowModel(promiseName: string, workflow: Workflow, max: number): fc.Arbitrary<PipelineModel[]> {
  const [type, action] = workflow.split('/');
  const budget = PIPELINE_ID_LIMIT - `${promiseName}-${type}-${action}-`.length;
  const count = max === 1 ? weighted([0, 1], [1, 1]) : weighted([0, 4], [1, 5], [2, 2], [3, 1], [4, 1]);
  return count.chain(n => fc.uniqueArray(labelUpTo(budget), { minLength: n, maxLength: n }))
    .chain(names => names.length === 0 ? fc.constant([]) : fc.tuple(...names.map(pipelineModel)));
}

/** A valid Promise: names near the length limits, 0-4 configure and 0-1 delete pipelines per type. */
export const promiseModel: fc.Arbitrary<PromiseModel> = labelUpTo(35).chain(name => fc.record({
  name: fc.constant(name),
  pipelineNamespace: fc.option(dnsLabel(1, 63), { nil: undefined }),
  api: fc.record({
    group: fc.tuple(dnsLabel(1, 20), fc.constantFrom('.example.com', '.io', '.acme.dev')).map(([a, b]) => a + b),
    kind: fc.tuple(fc.constantFrom('App', 'Database', 'Env', 'Queue', 'X'), fc.integer({ min: 0, max: 9 })).map(([k, n]) => `${k}${n}`),
  }),
  workflows: fc.record({
    'promise/configure': workflowModel(name, 'promise/configure', 4),
    'promise/delete': workflowModel(name, 'promise/delete', 1),
    'resource/configure': workflowModel(name, 'resource/configure', 4),
    'resource/delete': workflowModel(name, 'resource/delete', 1),
  }),
}));

/** A resource request for the model's API, in a random namespace. */
export function requestFor(model: PromiseModel): fc.Arbitrary<Record<string, any>> {
  return fc.record({
    name: dnsLabel(1, 63),
    namespace: fc.oneof(fc.constant('default'), dnsLabel(1, 63)),
    uid: fc.uuid(),
    spec: fc.dictionary(dnsLabel(1, 8), fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean()), { maxKeys: 3 }),
  }).map(r => ({
    apiVersion: `${model.api.group}/v1alpha1`,
    kind: model.api.kind,
    metadata: { name: r.name, namespace: r.namespace, uid: r.uid },
    spec: r.spec,
  }));
}

/** `value` as the key of a ConfigMap or Secret if Kubernetes' IsConfigMapKey allows it ('a b' it does not), else 'key'. */
function configKey(value: string): string {
  return /^[-._a-zA-Z0-9]+$/.test(value) && !value.startsWith('..') && value !== '.' ? value : 'key';
}

function containerProps(c: ContainerModel): PipelineContainerProps {
  const literal = c.env.filter(e => e.source === 'value');
  const refs = c.env.filter(e => e.source !== 'value');
  return {
    name: c.name,
    image: c.image,
    command: c.command,
    imagePullPolicy: c.imagePullPolicy as ImagePullPolicy | undefined,
    env: literal.length > 0 ? Object.fromEntries(literal.map(e => [e.name, EnvValue.fromValue(e.value)])) : undefined,
    envVariables: refs.length > 0 ? refs.map((e): k8s.EnvVar => ({
      name: e.name,
      valueFrom: e.source === 'secret' ? { secretKeyRef: { name: 'creds', key: configKey(e.value) } } : { configMapKeyRef: { name: 'settings', key: configKey(e.value) } },
    })) : undefined,
    envFromSources: c.envFrom.length > 0 ? c.envFrom.map(s => s.source === 'secret' ? { secretRef: { name: s.name } } : { configMapRef: { name: s.name } }) : undefined,
    volumeMountSpecs: c.mounts.length > 0 ? c.mounts.map(v => ({ name: v, mountPath: `/mnt/${v}` })) : undefined,
  };
}

function volumeSpec(v: VolumeModel): k8s.Volume {
  if (v.kind === 'emptyDir') return { name: v.name, emptyDir: {} };
  if (v.kind === 'configMap') return { name: v.name, configMap: { name: 'settings' } };
  return { name: v.name, secret: { secretName: 'creds' } };
}

function scopeOf(scope: string): PermissionScope {
  if (scope === 'own') return PermissionScope.pipelineNamespace();
  if (scope === 'all') return PermissionScope.allNamespaces();
  return PermissionScope.namedNamespace(scope);
}

/** Builds the model with the constructs. */
export function buildPromise(scope: Construct, model: PromiseModel, id = 'promise'): KratixPromise {
  const promise = new KratixPromise(scope, id, {
    name: model.name,
    pipelineNamespace: model.pipelineNamespace,
    api: PromiseApi.of({ group: model.api.group, kind: model.api.kind }),
  });
  for (const workflow of WORKFLOWS) {
    const [type, action] = workflow.split('/') as [WorkflowType, WorkflowAction];
    for (const p of model.workflows[workflow]) {
      promise.addPipeline(type, action, p.name, {
        containers: p.containers.map(containerProps),
        volumeSpecs: p.volumes.length > 0 ? p.volumes.map(volumeSpec) : undefined,
        backoffLimit: p.backoffLimit,
        rbac: {
          serviceAccountName: p.serviceAccountName,
          permissions: p.permissions.map(perm => ({
            verbs: perm.verbs, apiGroups: [perm.apiGroup], resources: [perm.resource], scope: scopeOf(perm.scope),
          })),
        },
      });
    }
  }
  return promise;
}

/** A fresh app with the model's Promise in a chart. */
export function appWith(model: PromiseModel): { app: App; chart: Chart; promise: KratixPromise } {
  const app = new App();
  const chart = new Chart(app, 'chart');
  const promise = buildPromise(chart, model);
  return { app, chart, promise };
}

/** The synthesized YAML of the model's app (validation runs) and its Promise document. */
export function synth(model: PromiseModel): { yaml: string; doc: Record<string, any> } {
  const { app, promise } = appWith(model);
  const yaml = app.synthYaml();
  return { yaml, doc: promise.toJson() };
}

const synthesized = new Map<string, { yaml: string; doc: Record<string, any> }>();

/**
 * `synth(model)`, computed once per model in a test file: the properties run on the same seeded
 * models, so later properties reuse the first synth (each copy is fresh).
 */
export function synthOnce(model: PromiseModel): { yaml: string; doc: Record<string, any> } {
  const key = JSON.stringify(model);
  let result = synthesized.get(key);
  if (!result) {
    result = synth(model);
    synthesized.set(key, result);
  }
  return { yaml: result.yaml, doc: JSON.parse(JSON.stringify(result.doc)) };
}

/** The workflows of the model that have pipelines. */
export function workflowsOf(model: PromiseModel): Workflow[] {
  return WORKFLOWS.filter(w => model.workflows[w].length > 0);
}
