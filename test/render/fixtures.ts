import { RenderedPipeline, RenderSettings, renderWorkflow, WorkflowRef } from '../../src/render';

/** The adapter image used by the tests. */
export const ADAPTER_IMAGE = 'ghcr.io/syntasso/kratix-platform-pipeline-adapter:v1.2.3';

/** A pipeline document with one container unless `spec.containers` is given. */
export function pipeline(name: string, spec: Record<string, any> = {}, metadata: Record<string, any> = {}): Record<string, any> {
  return {
    apiVersion: 'platform.kratix.io/v1alpha1',
    kind: 'Pipeline',
    metadata: { name, ...metadata },
    spec: { containers: [{ name: 'main', image: 'ghcr.io/acme/main:v1' }], ...spec },
  };
}

/** The CRD of the `App` API used by the tests. */
export function appApi(scope: 'Namespaced' | 'Cluster' = 'Namespaced'): Record<string, any> {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'apps.example.com' },
    spec: {
      group: 'example.com',
      names: { kind: 'App', plural: 'apps', singular: 'app' },
      scope,
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
    },
  };
}

/** A Promise document named `app` with an API and the given spec fields. */
export function promise(spec: Record<string, any> = {}, metadata: Record<string, any> = {}): Record<string, any> {
  return {
    apiVersion: 'platform.kratix.io/v1alpha1',
    kind: 'Promise',
    metadata: { name: 'app', uid: '11111111-2222-3333-4444-555555555555', ...metadata },
    spec: { api: appApi(), ...spec },
  };
}

/** A Promise with the given pipelines in one workflow. */
export function promiseWith(workflow: WorkflowRef, pipelines: Array<Record<string, any>>, spec: Record<string, any> = {}): Record<string, any> {
  const [type, action] = workflow.split('/');
  const workflows = { ...(spec.workflows ?? {}), [type]: { ...(spec.workflows?.[type] ?? {}), [action]: pipelines } };
  return promise({ ...spec, workflows });
}

/** A resource request for the `App` API. */
export function request(metadata: Record<string, any> = {}, spec: Record<string, any> = { size: 'small' }): Record<string, any> {
  return {
    apiVersion: 'example.com/v1',
    kind: 'App',
    metadata: { name: 'my-app', namespace: 'team-a', uid: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', ...metadata },
    spec,
  };
}

/** Renders a workflow with the test adapter image unless settings say otherwise. */
export function render(p: any, workflow: WorkflowRef, req?: any, settings: RenderSettings = {}): RenderedPipeline[] {
  return renderWorkflow(p, workflow, req, { adapterImage: ADAPTER_IMAGE, ...settings });
}

/** The first rendered pipeline. */
export function renderFirst(p: any, workflow: WorkflowRef, req?: any, settings: RenderSettings = {}): RenderedPipeline {
  const rendered = render(p, workflow, req, settings);
  if (rendered.length === 0) throw new Error('nothing rendered');
  return rendered[0];
}

/** A container of the Job's pod by name (init containers first). */
export function containerOf(rendered: RenderedPipeline, name: string): Record<string, any> {
  const spec = rendered.job.spec.template.spec;
  const found = [...spec.initContainers, ...spec.containers].find((c: any) => c.name === name);
  if (!found) throw new Error(`no container ${name}`);
  return found;
}

/** The names of the pod's init containers and containers. */
export function containerNames(rendered: RenderedPipeline): { init: string[]; main: string[] } {
  const spec = rendered.job.spec.template.spec;
  return { init: spec.initContainers.map((c: any) => c.name), main: spec.containers.map((c: any) => c.name) };
}

/** A container's env as name → value (or the valueFrom object). */
export function envOf(container: Record<string, any>): Array<[string, unknown]> {
  return (container.env ?? []).map((e: any) => [e.name, 'value' in e ? e.value : e.valueFrom]);
}
