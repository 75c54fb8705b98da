import * as fs from 'fs';
import * as path from 'path';
import { Environment, WorkflowContext } from './context';
import { listFiles, readTextIfExists, resolveInside, writeFileAtomic } from './files';
import { KratixObject, KubeObject, KubeObjectFields } from './kratix-object';
import type { KubeClientOptions, ObjectRef } from './kube-client';
import { Status } from './status';
import { KratixEnv, KratixLabels, KratixPaths } from '../constants';
import type { DestinationSelectorEntry } from '../pipeline-files/destination-selectors';
import { PipelineFileError } from '../pipeline-files/errors';
import type { WorkflowControl } from '../pipeline-files/workflow-control';

/*
 * A pipeline container starts once per run, so only what every pipeline needs is loaded with the
 * SDK; Kratix's file rules (and the `yaml` package behind them), the duration grammar and the HTTP
 * client are loaded by the first method that needs them.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const rules = (): typeof import('../pipeline-files') => require('../pipeline-files');
const durations = (): typeof import('../validate/go-duration') => require('../validate/go-duration');
const kubeClient = (): typeof import('./kube-client') => require('./kube-client');
/* eslint-enable @typescript-eslint/no-require-imports */

const DESTINATION_SELECTORS_FILE = path.basename(KratixPaths.DESTINATION_SELECTORS);
const STATUS_FILE = path.basename(KratixPaths.STATUS);
const WORKFLOW_CONTROL_FILE = path.basename(KratixPaths.WORKFLOW_CONTROL);

/** Options of {@link KratixSdk}. */
export interface KratixSdkOptions {
  /**
   * The input directory, holding `object.yaml`.
   *
   * @default - $KRATIX_INPUT_DIR, else /kratix/input
   */
  readonly inputDir?: string;
  /**
   * The input object's file name in the input directory.
   *
   * @default object.yaml
   */
  readonly inputFile?: string;
  /**
   * The output directory, whose files Kratix writes to the State Store.
   *
   * @default - $KRATIX_OUTPUT_DIR, else /kratix/output
   */
  readonly outputDir?: string;
  /**
   * The metadata directory (destination selectors, status, workflow control, data for later containers).
   *
   * @default - $KRATIX_METADATA_DIR, else /kratix/metadata
   */
  readonly metadataDir?: string;
  /**
   * The environment to read the KRATIX_* variables from.
   *
   * @default process.env
   */
  readonly env?: Environment;
  /**
   * Where warnings go (a promise workflow's status keys that Kratix drops).
   *
   * @default - written to stderr
   */
  readonly warn?: (message: string) => void;
  /**
   * Where `publishStatus` finds Kubernetes credentials.
   *
   * @default - in-cluster service-account credentials, else the kubeconfig
   */
  readonly kube?: KubeClientOptions;
}

/** Something that turns into Kubernetes objects: a cdk8s `Chart` (`toJson()` lists its objects) or `ApiObject`. */
export interface ToJson {
  /** The object(s) as plain JSON. */
  toJson(): unknown;
}

/** Options of {@link KratixSdk.writeComponentRequest}. */
export interface ComponentRequestOptions {
  /**
   * The top-level output directory scheduled to the platform cluster.
   *
   * @default platform
   */
  readonly directory?: string;
  /**
   * The labels of the platform Destination.
   *
   * @default { environment: 'platform' }
   */
  readonly matchLabels?: Readonly<Record<string, string>>;
  /**
   * The file name inside `directory`.
   *
   * @default - `<kind in lower case>-<name>.yaml`
   */
  readonly file?: string;
  /**
   * The parent resource request.
   *
   * @default - the input object
   */
  readonly parent?: KratixObject;
}

/** Options of {@link KratixSdk.publishStatus}. */
export interface PublishStatusOptions {
  /**
   * The object whose status to patch: where it lives in the API, or an object read with
   * `readInput` (its group, version, name and namespace, with the plural from `KRATIX_CRD_PLURAL`,
   * as the Go SDK's `PublishStatus(resource, status)`).
   *
   * @default - the pipeline's object, from the KRATIX_OBJECT_* and KRATIX_CRD_PLURAL variables
   */
  readonly object?: ObjectRef | KratixObject;
}

/** Anything a duration can be given as: Go duration text, milliseconds, or a cdk8s `Duration`. */
export type DurationLike = string | number | { toMilliseconds(): number };

const RESERVED_METADATA = new Map([
  [DESTINATION_SELECTORS_FILE, 'writeDestinationSelectors'],
  [STATUS_FILE, 'writeStatus or updateStatus'],
  [WORKFLOW_CONTROL_FILE, 'suspend or retryAfter'],
]);

/**
 * Everything a Kratix pipeline container reads and writes: its context, the input object, the
 * output files, destination selectors, status, workflow control, direct status updates and
 * compound-Promise requests. A superset of Kratix's Go (kratix-go) and Python (kratix-python) SDKs.
 *
 * Every file is written whole or not at all (a temporary file renamed into place), and paths that
 * leave the output directory are refused.
 *
 * @see https://docs.kratix.io/main/reference/workflows
 */
export class KratixSdk {
  /** The input directory. */
  public readonly inputDir: string;
  /** The input object's file. */
  public readonly inputFile: string;
  /** The output directory. */
  public readonly outputDir: string;
  /** The metadata directory. */
  public readonly metadataDir: string;
  /** The workflow, Promise, pipeline and object, from the environment. */
  public readonly context: WorkflowContext;
  private readonly env: Environment;
  private readonly warn: (message: string) => void;
  private readonly kube: KubeClientOptions;

  /** @param options directories, environment, warning sink and Kubernetes credentials */
  constructor(options: KratixSdkOptions = {}) {
    this.env = options.env ?? process.env;
    this.inputDir = path.resolve(options.inputDir ?? (this.env[KratixEnv.INPUT_DIR] || KratixPaths.INPUT));
    this.inputFile = path.join(this.inputDir, options.inputFile ?? path.basename(KratixPaths.INPUT_OBJECT));
    this.outputDir = path.resolve(options.outputDir ?? (this.env[KratixEnv.OUTPUT_DIR] || KratixPaths.OUTPUT));
    this.metadataDir = path.resolve(options.metadataDir ?? (this.env[KratixEnv.METADATA_DIR] || KratixPaths.METADATA));
    this.context = new WorkflowContext(this.env);
    this.warn = options.warn ?? (message => process.stderr.write(`${message}\n`));
    this.kube = options.kube ?? {};
  }

  // ---- input ----------------------------------------------------------------------------------

  /**
   * The object the pipeline runs for, from `object.yaml`: the resource request, or in promise
   * workflows the Promise.
   *
   * @throws PipelineFileError naming the file when it is missing or not a Kubernetes object
   */
  public readInput<T extends KubeObjectFields = KubeObject>(): KratixObject<T> {
    const file = this.inputFile;
    const text = readTextIfExists(file);
    if (text === undefined) {
      throw new PipelineFileError(file, 'the input object is missing',
        `Kratix's reader writes it before the pipeline's containers run; outside Kratix set ${KratixEnv.INPUT_DIR} to a directory holding object.yaml`);
    }
    const doc = rules().parseYaml11(text, file, { fix: 'object.yaml must hold one Kubernetes object in YAML' });
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
      throw new PipelineFileError(file, `the input object is ${Array.isArray(doc) ? 'a list' : doc === null ? 'empty' : `a ${typeof doc}`}, not a Kubernetes object`, 'object.yaml must hold one object with apiVersion, kind and metadata');
    }
    return new KratixObject<T>(doc as T, file);
  }

  /** The resource request (`readInput`, named as in the Go and Python SDKs). */
  public readResourceInput<T extends KubeObjectFields = KubeObject>(): KratixObject<T> {
    return this.readInput<T>();
  }

  /** The Promise, in promise workflows (`readInput`, named as in the Go and Python SDKs). */
  public readPromiseInput<T extends KubeObjectFields = KubeObject>(): KratixObject<T> {
    return this.readInput<T>();
  }

  // ---- output ---------------------------------------------------------------------------------

  /**
   * The absolute path of a file in the output directory.
   *
   * @throws PipelineFileError when the path is absolute or leaves the output directory
   */
  public outputPath(relativePath: string): string {
    return resolveInside(this.outputDir, relativePath, 'output directory');
  }

  /**
   * Writes a file to the output directory, creating folders.
   *
   * @param relativePath the path inside the output directory (`app/deployment.yaml`)
   * @param content the content
   * @returns the absolute path written
   */
  public writeOutput(relativePath: string, content: string | Uint8Array): string {
    const file = this.outputPath(relativePath);
    writeFileAtomic(file, content);
    return file;
  }

  /**
   * Writes one value as a YAML document (YAML 1.1 quoting, so that `"yes"` stays a string).
   *
   * @returns the absolute path written
   */
  public writeYaml(relativePath: string, value: unknown): string {
    return this.writeOutput(relativePath, rules().stringifyYaml11(value));
  }

  /**
   * Writes Kubernetes objects as a multi-document YAML file, one document each.
   *
   * @returns the absolute path written
   */
  public writeObjects(relativePath: string, objects: readonly unknown[]): string {
    if (!Array.isArray(objects)) {
      throw new PipelineFileError(`objects for ${relativePath}`, 'not a list', 'pass an array of objects (use writeYaml for one document)');
    }
    objects.forEach((o, i) => {
      if (typeof o !== 'object' || o === null || Array.isArray(o)) {
        throw new PipelineFileError(`objects[${i}] for ${relativePath}`, `not a Kubernetes object: ${JSON.stringify(o)?.slice(0, 80)}`, 'pass objects with apiVersion, kind and metadata');
      }
    });
    return this.writeOutput(relativePath, objects.map(o => rules().stringifyYaml11(o)).join('---\n'));
  }

  /**
   * Writes the objects of a cdk8s `Chart` (or one `ApiObject`), as `cdk8s synth` would, without
   * needing cdk8s here: anything with `toJson()` will do.
   *
   * @returns the absolute path written
   */
  public writeChart(relativePath: string, chart: ToJson): string {
    if (typeof chart?.toJson !== 'function') {
      throw new PipelineFileError(`chart for ${relativePath}`, 'has no toJson()', 'pass a cdk8s Chart or ApiObject (or use writeObjects with plain objects)');
    }
    const json = chart.toJson();
    return this.writeObjects(relativePath, Array.isArray(json) ? json : [json]);
  }

  /** The content of an output file; `undefined` when it does not exist. */
  public readOutput(relativePath: string): string | undefined {
    return readTextIfExists(this.outputPath(relativePath));
  }

  /**
   * Removes a file or folder (with its content) from the output directory.
   *
   * @returns false when there was nothing there
   */
  public removeOutput(relativePath: string): boolean {
    const file = this.outputPath(relativePath);
    if (!fs.existsSync(file)) return false;
    fs.rmSync(file, { recursive: true, force: true });
    return true;
  }

  /**
   * Every file in the output directory (or in one of its folders), as paths relative to the output
   * directory, sorted.
   */
  public listOutput(relativeDir?: string): string[] {
    if (relativeDir === undefined || relativeDir === '' || relativeDir === '.') return listFiles(this.outputDir);
    const dir = this.outputPath(relativeDir);
    const prefix = path.relative(this.outputDir, dir).split(path.sep).join('/');
    return listFiles(dir).map(f => `${prefix}/${f}`);
  }

  // ---- metadata: data for later containers ----------------------------------------------------

  /**
   * Writes a file to the metadata directory, to pass data to the pipeline's later containers
   * (Kratix ignores every file there except its own three, which have their own methods).
   *
   * @returns the absolute path written
   */
  public writeMetadata(relativePath: string, content: string | Uint8Array): string {
    const file = resolveInside(this.metadataDir, relativePath, 'metadata directory');
    const special = RESERVED_METADATA.get(path.relative(this.metadataDir, file));
    if (special) throw new PipelineFileError(file, 'is read by Kratix', `use ${special}, which checks Kratix's rules`);
    writeFileAtomic(file, content);
    return file;
  }

  /** The content of a metadata file; `undefined` when it does not exist. */
  public readMetadata(relativePath: string): string | undefined {
    return readTextIfExists(resolveInside(this.metadataDir, relativePath, 'metadata directory'));
  }

  // ---- destination selectors ------------------------------------------------------------------

  /** The path of `destination-selectors.yaml`. */
  public get destinationSelectorsFile(): string {
    return path.join(this.metadataDir, DESTINATION_SELECTORS_FILE);
  }

  /**
   * The entries of `destination-selectors.yaml` (none when the file is missing), read as the
   * work-writer reads them.
   *
   * @throws PipelineFileError with the work-writer's words when Kratix would fail the pipeline
   */
  public readDestinationSelectors(): DestinationSelectorEntry[] {
    const text = readTextIfExists(this.destinationSelectorsFile);
    return text === undefined ? [] : rules().parseDestinationSelectors(text, this.destinationSelectorsFile);
  }

  /**
   * Writes `destination-selectors.yaml`, replacing it, after checking the work-writer's rules:
   * non-empty `matchLabels`, no two entries for one directory, a directory is one segment.
   *
   * @returns the entries as written (directories cleaned)
   */
  public writeDestinationSelectors(entries: readonly DestinationSelectorEntry[]): DestinationSelectorEntry[] {
    const checked = rules().checkDestinationSelectors(entries, this.destinationSelectorsFile);
    writeFileAtomic(this.destinationSelectorsFile, rules().destinationSelectorsText(checked));
    return checked;
  }

  /**
   * Adds an entry to `destination-selectors.yaml`, keeping the others. An entry for the same
   * directory with the same labels is already there; with other labels, it is an error.
   *
   * @returns all entries as written
   */
  public addDestinationSelector(entry: DestinationSelectorEntry): DestinationSelectorEntry[] {
    const [added] = rules().checkDestinationSelectors([entry], 'entry');
    const entries = this.readDestinationSelectors();
    const same = entries.find(e => e.directory === added.directory);
    if (same) {
      if (sameLabels(same.matchLabels, added.matchLabels)) return entries;
      throw new PipelineFileError(this.destinationSelectorsFile,
        `${added.directory === undefined ? 'the root entry' : `directory ${JSON.stringify(added.directory)}`} is already scheduled with matchLabels ${JSON.stringify(same.matchLabels)}, not ${JSON.stringify(added.matchLabels)}`,
        'use one set of labels per directory, or replace the entries with writeDestinationSelectors');
    }
    return this.writeDestinationSelectors([...entries, added]);
  }

  // ---- status ---------------------------------------------------------------------------------

  /** The path of `status.yaml`. */
  public get statusFile(): string {
    return path.join(this.metadataDir, STATUS_FILE);
  }

  /** The status in `status.yaml`; empty when the file is missing, as Kratix treats it. */
  public readStatus(): Status {
    return new Status(rules().readStatusFile(this.statusFile));
  }

  /**
   * Writes `status.yaml`, replacing it. Refuses a top-level `kratix` key (Kratix fails the pipeline
   * for it); in a promise workflow, warns about keys other than `message` (the Promise keeps only it).
   *
   * @returns the warnings given
   */
  public writeStatus(status: Status | Record<string, unknown>): string[] {
    const data = Status.isStatus(status) ? status.toJSON() : new Status(status).toJSON();
    rules().checkStatus(data, this.statusFile);
    const warnings: string[] = [];
    if (this.env[KratixEnv.WORKFLOW_TYPE] === 'promise') {
      const warning = rules().promiseStatusWarning(data);
      if (warning) warnings.push(warning);
    }
    warnings.forEach(w => this.warn(`${this.statusFile}: ${w}`));
    writeFileAtomic(this.statusFile, rules().stringifyYaml11(data));
    return warnings;
  }

  /**
   * Reads `status.yaml`, lets `change` modify it, and writes it back, so that each container of a
   * pipeline adds its keys without erasing the others'.
   *
   * @param change changes the status in place (or returns a new one)
   * @returns the status written
   */
  public updateStatus(change: (status: Status) => Status | void): Status {
    const current = this.readStatus();
    const result = change(current) ?? current;
    this.writeStatus(result);
    return result;
  }

  // ---- workflow control -----------------------------------------------------------------------

  /** The path of `workflow-control.yaml`. */
  public get workflowControlFile(): string {
    return path.join(this.metadataDir, WORKFLOW_CONTROL_FILE);
  }

  /** What `workflow-control.yaml` asks for, as Kratix reads it (`none` when the file is missing). */
  public readWorkflowControl(): WorkflowControl {
    const text = readTextIfExists(this.workflowControlFile);
    return rules().parseWorkflowControl(text ?? '', this.workflowControlFile);
  }

  /**
   * Suspends the workflow after this pipeline: Kratix writes no Work for it, marks the pipeline
   * `Suspended` with `message`, and runs no later pipeline until the object is unlabelled
   * (`kratix.io/workflow-suspended`). Later containers of this pipeline still run.
   */
  public suspend(message?: string): void {
    writeFileAtomic(this.workflowControlFile, rules().stringifyYaml11(message ? { suspend: true, message } : { suspend: true }));
  }

  /**
   * Asks Kratix to run this pipeline again after `duration`: no Work is written this time, and
   * the pipeline is marked `Suspended` with `message` until then.
   *
   * @param duration Go duration text (`30s`, `10m`, `1h30m`; Go has no day unit), milliseconds, or a cdk8s `Duration`
   * @returns the duration as written
   * @throws PipelineFileError when Go's `time.ParseDuration` would refuse it (Kratix fails the pipeline)
   */
  public retryAfter(duration: DurationLike, message?: string): string {
    const text = typeof duration === 'string' ? duration
      : typeof duration === 'number' ? durations().formatGoDuration(duration)
        : typeof duration?.toMilliseconds === 'function' ? durations().formatGoDuration(duration.toMilliseconds())
          : undefined;
    if (text === undefined) throw new PipelineFileError('retryAfter(duration)', `not a duration: ${JSON.stringify(duration)}`, 'pass Go duration text such as "10m", milliseconds, or a cdk8s Duration');
    rules().retryAfterMs(text, 'retryAfter(duration)');
    writeFileAtomic(this.workflowControlFile, rules().stringifyYaml11(message ? { retryAfter: text, message } : { retryAfter: text }));
    return text;
  }

  /** Removes `workflow-control.yaml` (an earlier container's suspend or retry); false when there was none. */
  public clearWorkflowControl(): boolean {
    if (!fs.existsSync(this.workflowControlFile)) return false;
    fs.rmSync(this.workflowControlFile);
    return true;
  }

  // ---- publish status now ---------------------------------------------------------------------

  /**
   * Patches the object's status through the Kubernetes API now (a JSON merge patch on the `status`
   * subresource), as the Go and Python SDKs do; `status.yaml` is not changed. Later keys in
   * `status.yaml` with the same top-level name win when the pipeline ends.
   *
   * @returns the object as the API server returned it
   */
  public async publishStatus(status: Status | Record<string, unknown>, options: PublishStatusOptions = {}): Promise<unknown> {
    const data = Status.isStatus(status) ? status.toJSON() : new Status(status).toJSON();
    rules().checkStatus(data, 'publishStatus(status)');
    const target = options.object;
    const ref: ObjectRef = KratixObject.isKratixObject(target) ? {
      group: target.groupVersionKind.group,
      version: target.groupVersionKind.version,
      plural: this.context.crdPlural,
      name: target.name,
      namespace: target.namespace,
    } : target ?? {
      group: this.context.objectGroup,
      version: this.context.objectVersion,
      plural: this.context.crdPlural,
      name: this.context.objectName,
      namespace: this.context.objectNamespace,
    };
    const client = kubeClient();
    const conn = client.resolveKubeConnection(this.env, this.kube);
    return client.mergePatch(conn, client.statusPath(ref), { status: data }, this.kube.timeoutMs);
  }

  // ---- compound Promises ----------------------------------------------------------------------

  /**
   * Writes a resource request for another Promise (a compound Promise's component) into a
   * directory scheduled to the platform cluster: the request file, stamped with both label
   * conventions Kratix uses for components (`kratix.io/component-of-*` and `kratix.io/parent-*`),
   * and its `destination-selectors.yaml` entry.
   *
   * @param request the sub-request; its namespace defaults to the parent's
   * @returns the path of the request file, relative to the output directory
   */
  public writeComponentRequest(request: KubeObject, options: ComponentRequestOptions = {}): string {
    const what = 'writeComponentRequest(request)';
    if (typeof request !== 'object' || request === null || typeof request.apiVersion !== 'string' || typeof request.kind !== 'string' || typeof request.metadata?.name !== 'string') {
      throw new PipelineFileError(what, 'the request needs apiVersion, kind and metadata.name', 'derive the name from the parent\'s, e.g. `${parent.name}-db`');
    }
    const parent = options.parent ?? this.readInput();
    const promiseName = this.env[KratixEnv.PROMISE_NAME] || parent.labels[KratixLabels.PROMISE_NAME];
    if (!promiseName) {
      throw new PipelineFileError(what, `cannot tell the parent Promise: ${KratixEnv.PROMISE_NAME} is not set and the parent has no ${KratixLabels.PROMISE_NAME} label`, `set ${KratixEnv.PROMISE_NAME}`);
    }
    const namespace = request.metadata.namespace ?? (parent.namespace || undefined);
    const labels = {
      ...request.metadata.labels,
      [KratixLabels.COMPONENT_OF_PROMISE_NAME]: promiseName,
      [KratixLabels.COMPONENT_OF_RESOURCE_NAME]: parent.name,
      [KratixLabels.COMPONENT_OF_RESOURCE_NAMESPACE]: parent.namespace,
      [KratixLabels.PARENT_PROMISE_NAME]: promiseName,
      [KratixLabels.PARENT_RESOURCE_NAME]: parent.name,
      [KratixLabels.PARENT_RESOURCE_NAMESPACE]: parent.namespace,
    };
    const stamped = { ...request, metadata: { ...request.metadata, ...(namespace === undefined ? {} : { namespace }), labels } };
    const directory = options.directory ?? 'platform';
    this.addDestinationSelector({ directory, matchLabels: options.matchLabels ?? { environment: 'platform' } });
    const rel = `${directory}/${options.file ?? `${request.kind.toLowerCase()}-${request.metadata.name}.yaml`}`;
    this.writeYaml(rel, stamped);
    return rel;
  }
}

function sameLabels(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every(k => b[k] === a[k]);
}
