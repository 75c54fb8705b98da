import { CliError, CliIo, Command, parseArgs } from './io';
import { readKratixConfig, readYamlDocuments } from './yaml-files';
import { WORKFLOW_REFS } from '../private/workflows';
import { RenderError, renderWorkflow, toYaml, WorkflowRef, workflowObjects } from '../render';

const WORKFLOWS = WORKFLOW_REFS;

const USAGE = 'usage: cdk8s-kratix render PROMISE.yaml --workflow promise/configure|promise/delete|resource/configure|resource/delete ' +
  '[--request REQUEST.yaml] [--kratix-config KRATIX-CONFIGMAP.yaml] [--adapter-image IMAGE] [--adapter-pull-secret NAME]';

/**
 * Reads the one document of `kind` in a YAML file. A file with several documents must hold
 * exactly one of that kind.
 */
function readDocument(io: CliIo, file: string, kind: string | undefined, what: string): Record<string, any> {
  const values = readYamlDocuments(io, file).map(d => d.value);
  if (values.length === 0) throw new CliError(`${file}: no document found; expected a ${what}`);
  const candidates = values.length === 1 || kind === undefined ? values : values.filter(v => v?.kind === kind);
  if (candidates.length !== 1) {
    throw new CliError(`${file}: holds ${values.length} documents; expected exactly one ${what}`);
  }
  const value = candidates[0];
  if (typeof value !== 'object' || Array.isArray(value)) throw new CliError(`${file}: the document is not a ${what} object`);
  return value;
}

/**
 * `cdk8s-kratix render PROMISE.yaml --workflow TYPE/ACTION [...]`: prints every object Kratix
 * creates for every pipeline of the workflow (delete: only the first) as multi-document YAML, in
 * Kratix's apply order. Without `--kratix-config` the kratix ConfigMap counts as absent.
 */
export const render: Command = (args, io) => {
  const { positionals, options } = parseArgs(args, [],
    ['--workflow', '--request', '--kratix-config', '--adapter-image', '--adapter-pull-secret']);
  if (positionals.length !== 1) throw new CliError(`expected one PROMISE.yaml, got ${positionals.length} files\n${USAGE}`);
  const promiseFile = positionals[0];
  const workflow = options.workflow as string | undefined;
  if (workflow === undefined) throw new CliError(`--workflow is required\n${USAGE}`);
  if (!WORKFLOWS.includes(workflow)) throw new CliError(`--workflow ${JSON.stringify(workflow)}: expected one of ${WORKFLOWS.join(', ')}`);
  const requestFile = options.request as string | undefined;
  if (workflow.startsWith('resource/') && requestFile === undefined) {
    throw new CliError(`--request REQUEST.yaml is required for ${workflow}: resource workflows render for one resource request`);
  }

  const promise = readDocument(io, promiseFile, 'Promise', 'Promise');
  const request = requestFile !== undefined && workflow.startsWith('resource/') ? readDocument(io, requestFile, undefined, 'resource request') : undefined;
  const configFile = options['kratix-config'] as string | undefined;
  const kratixConfig = configFile !== undefined ? readKratixConfig(io, configFile) : undefined;

  let rendered;
  try {
    rendered = renderWorkflow(promise, workflow as WorkflowRef, request, {
      adapterImage: (options['adapter-image'] as string | undefined) ?? '',
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
  io.stdout(toYaml(workflowObjects(rendered)));
  return 0;
};
