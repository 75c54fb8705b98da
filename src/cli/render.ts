import { isMap, nameOf, readPromise, readRequest } from './input-documents';
import { CliError, Command, parseArgs } from './io';
import { COMMAND_USAGE } from './usage';
import { readKratixConfig } from './yaml-files';
import { WORKFLOW_REFS } from '../private/workflows';
import { RenderError, renderWorkflow, toYaml, WorkflowRef, workflowObjects } from '../render';

const WORKFLOWS = WORKFLOW_REFS;

const USAGE = COMMAND_USAGE.render;

/** The images Kratix's own installs give PIPELINE_ADAPTER_IMG (docs/kratix-rendering.md §PIPELINE_ADAPTER_IMG). */
const ADAPTER_IMAGE_HINT = 'docker.io/syntasso/kratix-platform-pipeline-adapter:<kratix version> with the Helm chart, ' +
  'docker.io/syntasso/kratix-platform:<kratix version> with the kustomize manifests';

/**
 * `cdk8s-kratix render PROMISE.yaml --workflow TYPE/ACTION [...]`: prints every object Kratix
 * creates for every pipeline of the workflow (delete: only the first) as multi-document YAML, in
 * Kratix's apply order. Without `--kratix-config` the kratix ConfigMap counts as absent.
 *
 * Warnings go to stderr and do not change the exit code: no `--adapter-image` (Kratix's own
 * containers get `image: ""`), an owner without `metadata.uid`, and a workflow without pipelines,
 * for which Kratix creates nothing: an empty rendering is then the right answer (exit 0), so that
 * `render ... | kubectl apply -f -` of a Promise without, say, delete pipelines does not fail.
 */
export const render: Command = (args, io) => {
  const { positionals, options } = parseArgs(args, [],
    ['--workflow', '--promise', '--request', '--kratix-config', '--adapter-image', '--adapter-pull-secret']);
  if (positionals.length !== 1) throw new CliError(`expected one PROMISE.yaml, got ${positionals.length} files\n${USAGE}`);
  const promiseFile = positionals[0];
  const workflow = options.workflow as string | undefined;
  if (workflow === undefined) throw new CliError(`--workflow is required\n${USAGE}`);
  if (!WORKFLOWS.includes(workflow)) throw new CliError(`--workflow ${JSON.stringify(workflow)}: expected one of ${WORKFLOWS.join(', ')}`);
  const requestFile = options.request as string | undefined;
  const isResource = workflow.startsWith('resource/');
  if (isResource && requestFile === undefined) {
    throw new CliError(`--request REQUEST.yaml is required for ${workflow}: resource workflows render for one resource request`);
  }

  const promise = readPromise(io, promiseFile, options.promise as string | undefined);
  const request = requestFile !== undefined && isResource ? readRequest(io, requestFile) : undefined;
  const configFile = options['kratix-config'] as string | undefined;
  const kratixConfig = configFile !== undefined ? readKratixConfig(io, configFile) : undefined;
  const adapterImage = (options['adapter-image'] as string | undefined) ?? '';

  let rendered;
  try {
    rendered = renderWorkflow(promise, workflow as WorkflowRef, request, {
      adapterImage,
      adapterPullSecret: (options['adapter-pull-secret'] as string | undefined) ?? '',
      kratixConfig,
    });
  } catch (e) {
    if (e instanceof RenderError) {
      if (e.input === 'settings') {
        throw new CliError(`${configFile ?? '--kratix-config'}: ${e.path.replace(/^kratixConfig/, 'data.config')}: ${e.problem}`);
      }
      throw new CliError(`${e.input === 'promise' ? promiseFile : requestFile}: ${e.path}: ${e.problem}`);
    }
    throw e;
  }
  const warn = (text: string) => io.stderr(`cdk8s-kratix render: warning: ${text}\n`);
  if (rendered.length === 0) {
    warn(`${promiseFile}: spec.workflows.${workflow.replace('/', '.')}: Promise '${nameOf(promise)}' has no ${workflow} pipeline, so Kratix creates nothing for this workflow; nothing to print`);
    return 0;
  }
  if (adapterImage === '') {
    warn("no --adapter-image: Kratix's own containers (reader, work-writer, status-writer) have no image, as when Kratix's " +
      `PIPELINE_ADAPTER_IMG is unset, and the API server rejects such a Job; pass the image your Kratix runs, e.g. ${ADAPTER_IMAGE_HINT}`);
  }
  const [owner, ownerFile] = isResource ? [request, requestFile] : [promise, promiseFile];
  const uid = isMap(owner?.metadata) ? owner.metadata.uid : undefined;
  if (uid === undefined || uid === null || uid === '') {
    warn(`${ownerFile}: metadata.uid: the ${isResource ? 'resource request' : 'Promise'} has no uid, so the Job's ownerReferences[0].uid is ""; ` +
      'the API server gives every stored object one: render the object as read back from the cluster (kubectl get -o yaml), or set metadata.uid');
  }
  io.stdout(toYaml(workflowObjects(rendered)));
  return 0;
};
