import { ApiObject, ApiObjectProps, App, Duration, ImplicitTokenResolver, JsonPatch, Lazy, LazyResolver, NumberStringUnionResolver } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { Kratix, KratixLabels } from './constants';
import { importPromise, importPromiseYaml } from './import/promise-import';
import { Pipeline, PipelineProps } from './pipeline';
import { isMarked, KRATIX_PROMISE, mark } from './private/identity';
import { cloneJson, compact, NOT_PLAIN, sanitizedCopy, setPath } from './private/json';
import { nextRevision } from './private/revision';
import { WORKFLOW_ACTIONS, WORKFLOW_TYPES } from './private/workflows';
import { PromiseApi } from './promise-api';
import { PromiseImportOptions } from './promise-import-options';
import { Requirement, requirementProblems } from './promise-requirements';
import { PromiseWorkflow } from './promise-workflow';
import { ResourceRequest, ResourceRequestOptions } from './resource-request';
import { formatGoDuration, pipelineProblems, Problem, promiseProblems } from './validate';
import { WorkflowAction, WorkflowType } from './workflow-types';

/**
 * Where a Promise's dependencies and outputs may be scheduled.
 */
export interface DestinationSelector {
  /** Labels a Destination must have. */
  readonly matchLabels: { [key: string]: string };
}

/**
 * A Promise that must be installed for this one to work.
 */
export interface RequiredPromise {
  /** The Promise name. */
  readonly name: string;
  /**
   * The required version (`kratix.io/promise-version`).
   *
   * @default - any version
   */
  readonly version?: string;
}

/**
 * Properties of a `KratixPromise`.
 */
export interface KratixPromiseProps {
  /**
   * The Promise name: a DNS-1123 label.
   *
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * The Promise version, written as the `kratix.io/promise-version` label.
   *
   * @default - no version label
   */
  readonly version?: string;
  /**
   * Labels.
   *
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * Annotations.
   *
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
  /**
   * The API that users request resources through.
   *
   * @default - no API: the Promise only installs dependencies and runs promise workflows
   */
  readonly api?: PromiseApi;
  /**
   * Dependencies as cdk8s objects; each is removed from its chart so that it appears only in the Promise.
   *
   * @default - none
   */
  readonly dependencies?: ApiObject[];
  /**
   * Dependencies as plain Kubernetes manifests, after `dependencies`.
   *
   * @default - none
   */
  readonly dependencyManifests?: any[];
  /**
   * Where the Promise's dependencies and resources are scheduled.
   *
   * @default - any Destination
   */
  readonly destinationSelectors?: DestinationSelector[];
  /**
   * Promises that must be installed first.
   *
   * @default - none
   */
  readonly requiredPromises?: RequiredPromise[];
  /**
   * The namespace that all workflows of the Promise run in (`workflows.config.pipelineNamespace`); it must exist.
   *
   * @default - promise workflows in `kratix-platform-system`, resource workflows in the request's namespace
   */
  readonly pipelineNamespace?: string;
  /**
   * How often Kratix re-runs the configure workflows; at least one minute.
   *
   * @default - the platform's `reconciliationInterval` (10 hours unless configured)
   */
  readonly reconciliationInterval?: Duration;
  /**
   * Whether warnings (what Kratix or Kubernetes would accept but drop, ignore or misread) fail the
   * synthesis as errors. Either way each warning is printed once on stderr at synthesis.
   *
   * @default - true when the environment variable `CDK8S_KRATIX_STRICT` is `1` or `true`, else false
   */
  readonly strict?: boolean;
}

/** The environment variable that turns on strict mode for every `KratixPromise` without a `strict` prop. */
const STRICT_ENV = 'CDK8S_KRATIX_STRICT';

/**
 * A Kratix Promise (`platform.kratix.io/v1alpha1`): an API, dependencies, destination selectors
 * and four workflows.
 *
 * @see https://docs.kratix.io/main/reference/promises/intro
 */
export class KratixPromise extends Construct {
  /**
   * Whether `x` is a `KratixPromise`, from this or any other installed copy of the library.
   *
   * @param x any value
   */
  public static isKratixPromise(x: any): x is KratixPromise {
    return isMarked(x, KRATIX_PROMISE);
  }

  /**
   * Imports the Promise in a YAML file's text as constructs: its workflows, pipelines,
   * containers and permissions, with the fields the typed API does not cover kept as overrides,
   * so that it synthesizes the same document again.
   *
   * The text may hold other documents besides the Promise; they are skipped with a warning.
   *
   * @param text YAML with exactly one Promise document
   * @throws when Kratix would reject a pipeline (a wrong kind or apiVersion, an unknown field)
   */
  public static fromYaml(scope: Construct, id: string, text: string, options: PromiseImportOptions = {}): KratixPromise {
    return importPromiseYaml(KratixPromise, scope, id, text, options);
  }

  /**
   * Imports a parsed Promise document as constructs; see `fromYaml`.
   *
   * @param doc the Promise, as plain JSON data
   */
  public static fromObject(scope: Construct, id: string, doc: any, options: PromiseImportOptions = {}): KratixPromise {
    return importPromise(KratixPromise, scope, id, doc, options);
  }

  /** The Promise name. */
  public readonly name: string;
  /** The Promise object. */
  public readonly apiObject: ApiObject;
  /** The API, if any. */
  public readonly api?: PromiseApi;
  /** The pipeline namespace, if set. */
  public readonly pipelineNamespace?: string;
  /** The reconciliation interval, if set. */
  public readonly reconciliationInterval?: Duration;
  /** Whether warnings fail the synthesis (see `KratixPromiseProps.strict`). */
  public readonly strict: boolean;

  private readonly dependencySources: Array<() => any> = [];
  private destinationSelectorList?: DestinationSelector[];
  private requiredPromiseList?: RequiredPromise[];
  /** The Promises required by reference, by their entry of `requiredPromiseList`. */
  private readonly requiredByReference = new Map<RequiredPromise, KratixPromise>();
  private readonly overrides: Array<[string, any]> = [];
  private readonly acceptedProblems = new Set<string>();
  /** The warnings printed so far, so that each is printed once however often cdk8s validates. */
  private readonly printedWarnings = new Set<string>();
  /** Bumped by every change made through the Promise itself; its pipelines have their own. */
  private revision = nextRevision();
  /** Reads cdk8s objects at each synthesis (its API or dependencies), which may change unseen. */
  private live = false;
  /** The problems of the last validation, kept while the spec and metadata it checked hold. */
  private checked?: { readonly specKey?: string; readonly metadata: string; readonly problems: string[] };
  /** The spec cdk8s resolves itself, during a synthesis that cannot copy it in one pass. */
  private specToResolve?: any;

  constructor(scope: Construct, id: string, props: KratixPromiseProps = {}) {
    super(scope, id);
    mark(this, KRATIX_PROMISE);
    this.name = props.name ?? id;
    this.api = props.api;
    this.live = props.api?._live ?? false;
    this.pipelineNamespace = props.pipelineNamespace;
    this.reconciliationInterval = props.reconciliationInterval;
    this.strict = props.strict ?? ['1', 'true'].includes(process.env[STRICT_ENV] ?? '');
    this.apiObject = new PromiseObject(this, {
      apiVersion: Kratix.API_VERSION,
      kind: 'Promise',
      metadata: {
        name: this.name,
        labels: { ...props.labels, ...(props.version !== undefined ? { [KratixLabels.PROMISE_VERSION]: props.version } : {}) },
        annotations: props.annotations && { ...props.annotations },
      },
      spec: Lazy.any({ produce: () => this.specToResolve }),
    });

    this.node.addValidation({ validate: () => this.validateDocument() });
    this.node.addValidation({
      validate: () => this.requiredPromiseList?.length
        ? requirementProblems(this, this.node.root.node.findAll().filter(KratixPromise.isKratixPromise))
        : [],
    });

    for (const dependency of props.dependencies ?? []) this.addDependency(dependency);
    for (const manifest of props.dependencyManifests ?? []) this.addDependencyManifest(manifest);
    if (props.destinationSelectors) this.destinationSelectorList = [];
    for (const selector of props.destinationSelectors ?? []) this.addDestinationSelector(selector.matchLabels);
    if (props.requiredPromises) this.requiredPromiseList = [];
    for (const required of props.requiredPromises ?? []) this.addRequiredPromise(required.name, required.version);
  }

  /**
   * The workflow of `workflowType` and `action`, created empty on first use.
   *
   * @param workflowType promise or resource
   * @param action configure or delete
   */
  public workflow(workflowType: WorkflowType, action: WorkflowAction): PromiseWorkflow {
    const group = (this.node.tryFindChild(workflowType) as Construct | undefined) ?? new Construct(this, workflowType);
    return (group.node.tryFindChild(action) as PromiseWorkflow | undefined)
      ?? new PromiseWorkflow(group, action, { workflowType, action });
  }

  /**
   * Adds a pipeline to the workflow of `workflowType` and `action`.
   *
   * @param workflowType promise or resource
   * @param action configure or delete
   * @param id the construct id, and the pipeline name unless `props.name` is given
   * @returns the pipeline
   */
  public addPipeline(workflowType: WorkflowType, action: WorkflowAction, id: string, props: PipelineProps = {}): Pipeline {
    return this.workflow(workflowType, action).addPipeline(id, props);
  }

  /**
   * The workflows created so far, in the order promise/configure, promise/delete, resource/configure, resource/delete.
   */
  public get workflows(): PromiseWorkflow[] {
    const found: PromiseWorkflow[] = [];
    for (const type of WORKFLOW_TYPES) {
      for (const action of WORKFLOW_ACTIONS) {
        const wf = this.node.tryFindChild(type)?.node.tryFindChild(action);
        if (PromiseWorkflow.isPromiseWorkflow(wf)) found.push(wf);
      }
    }
    return found;
  }

  /**
   * Adds a dependency given as a cdk8s object, removed from its chart so that it appears only in the Promise.
   *
   * @param dependency the object
   * @returns the object, still live: changes to it show in the Promise
   */
  public addDependency(dependency: ApiObject): ApiObject {
    dependency.node.scope?.node.tryRemoveChild(dependency.node.id);
    this.dependencySources.push(() => dependency.toJson());
    this.live = true;
    return dependency;
  }

  /**
   * Adds a dependency given as a plain Kubernetes manifest.
   *
   * @param manifest the object
   * @returns the dependency added (a copy)
   */
  public addDependencyManifest(manifest: any): any {
    const copy = cloneJson(manifest);
    this.dependencySources.push(() => copy);
    this.revision = nextRevision();
    return cloneJson(copy);
  }

  /**
   * Adds a destination selector.
   *
   * @param matchLabels labels a Destination must have
   * @returns the selector added (a copy)
   */
  public addDestinationSelector(matchLabels: { [key: string]: string }): DestinationSelector {
    (this.destinationSelectorList ??= []).push({ matchLabels: { ...matchLabels } });
    this.revision = nextRevision();
    return { matchLabels: { ...matchLabels } };
  }

  /**
   * Adds a required Promise.
   *
   * @param name the Promise name
   * @param version the version; any version when not given
   * @returns the required Promise added (a copy)
   */
  public addRequiredPromise(name: string, version?: string): RequiredPromise {
    (this.requiredPromiseList ??= []).push(compact({ name, version }));
    this.revision = nextRevision();
    return compact({ name, version });
  }

  /**
   * Requires another Promise of this app by reference: adds its name and version to `requiredPromises`.
   *
   * At synth it is an error when the required Promise has no version, when the requirements form a
   * cycle, or when a Promise required by name (`addRequiredPromise`) is defined in the app with
   * another version.
   *
   * @param promise the required Promise, a `KratixPromise`
   * @returns the entry added
   * @see https://docs.kratix.io/main/reference/promises/requirements
   */
  public requires(promise: IConstruct): RequiredPromise {
    if (!KratixPromise.isKratixPromise(promise)) {
      throw new Error(`KratixPromise '${this.node.path}': requires(): '${promise?.node?.path ?? String(promise)}' is not a KratixPromise; pass the Promise construct, or addRequiredPromise(name, version) for a Promise defined elsewhere`);
    }
    const entry = compact({ name: promise.name, version: promise.version });
    (this.requiredPromiseList ??= []).push(entry);
    this.requiredByReference.set(entry, promise);
    this.revision = nextRevision();
    return { ...entry };
  }

  /**
   * Requests a resource of this Promise's API: a `ResourceRequest` of its group, storage version and
   * kind, whose spec is validated against the API's schema at synth and synthesized with its defaults.
   *
   * @param scope where to add the request, e.g. a chart
   * @param id the construct id
   * @param options metadata and spec
   * @throws when the Promise has no API
   */
  public request(scope: Construct, id: string, options: ResourceRequestOptions = {}): ResourceRequest {
    if (!this.api) {
      throw new Error(`KratixPromise '${this.node.path}': request(): the Promise has no API to request resources of; give it one (KratixPromiseProps.api)`);
    }
    return new ResourceRequest(scope, id, { ...options, api: this.api });
  }

  /**
   * The Promise version: its `kratix.io/promise-version` label.
   */
  public get version(): string | undefined {
    return this.apiObject.metadata.getLabel(KratixLabels.PROMISE_VERSION);
  }

  /**
   * The required Promises, with the construct of each one required by reference.
   *
   * @internal
   */
  public _requirements(): Requirement[] {
    return (this.requiredPromiseList ?? []).map(r => ({ ...r, promise: this.requiredByReference.get(r) }));
  }

  /**
   * Sets a field of the Promise object that the typed API does not cover, by its path.
   *
   * @param path dot-separated keys from the top of the object, e.g. `spec.workflows.config.someNewField`
   * @param value the value, plain JSON; undefined removes the field
   */
  public addOverride(path: string, value: any): void {
    this.overrides.push([path, cloneJson(value)]);
    this.revision = nextRevision();
  }

  /** The Promise object, as it is synthesized. */
  public toJson(): any {
    return this.apiObject.toJson();
  }

  /**
   * The Promise object as its ApiObject synthesizes it: `cdk8sToJson` is cdk8s' own `toJson`. The
   * spec is the bulk of the object: when it is plain JSON and `copySpec`, one copy does what
   * cdk8s' resolve and sanitize passes would do to it, several times faster.
   *
   * @internal
   */
  public _synthesize(copySpec: boolean, cdk8sToJson: () => any): any {
    const spec = this.specJson();
    const copy = copySpec ? sanitizedCopy(spec, !process.env.CDK8S_DISABLE_SORT) : NOT_PLAIN;
    // What cdk8s' toJson makes of a plain spec: metadata.toJson() is resolved and sanitized
    // (sorted) already, and resolving it again under the default resolvers changes nothing.
    const json = copy !== NOT_PLAIN
      ? { apiVersion: Kratix.API_VERSION, kind: 'Promise', metadata: this.apiObject.metadata.toJson(), spec: copy }
      : this.resolvedByCdk8s(spec, cdk8sToJson);
    for (const [path, value] of this.overrides) setPath(json, path, value);
    return json;
  }

  private resolvedByCdk8s(spec: any, cdk8sToJson: () => any): any {
    this.specToResolve = spec;
    try {
      return cdk8sToJson();
    } finally {
      this.specToResolve = undefined;
    }
  }

  /**
   * Marks problems of an imported document, already reported as import warnings, so that they do
   * not fail synthesis; a problem introduced afterwards still does.
   *
   * @internal
   */
  public _acceptProblems(problems: ReadonlyArray<{ readonly path: string; readonly message: string }>): void {
    for (const p of problems) this.acceptedProblems.add(`${p.path}\n${p.message}`);
    this.revision = nextRevision();
  }

  /**
   * Kratix's rules and the library's, checked on the whole document so that each rule has one
   * implementation; a problem inside a pipeline is reported against that pipeline's construct.
   * The result is kept until the Promise changes: cdk8s validates every construct at least twice
   * per synthesis (once more per chart), and validating again cost 6-9% of synth (200 Promises).
   * The spec is built again for the synthesis: keeping it saved under 1%.
   */
  private validateDocument(): string[] {
    const specKey = this.specKey();
    const metadata = this.apiObject.metadata.toJson();
    const metadataKey = JSON.stringify(metadata);
    const checked = this.checked;
    if (specKey !== undefined && checked?.specKey === specKey && checked.metadata === metadataKey) return checked.problems;
    const owners = new Map<unknown, Pipeline>();
    const doc = this.validationDocument(metadata, owners);
    const all = promiseProblems(doc, {
      pipelineProblems: (pipeline, context) => owners.get(pipeline)?._problems(context) ?? pipelineProblems(pipeline, context),
    });
    const fresh = all.filter(p => !this.acceptedProblems.has(`${p.path}\n${p.message}`));
    const problems = fresh.filter(p => p.severity === 'error').map(p => this.located(p));
    const warnings = fresh.filter(p => p.severity === 'warning').map(p => this.located(p));
    for (const w of warnings) {
      if (this.printedWarnings.has(w)) continue;
      this.printedWarnings.add(w);
      process.stderr.write(`cdk8s-kratix: warning: ${w}\n`);
    }
    if (this.strict) problems.push(...warnings.map(w => `${w} (a warning, an error in strict mode: ${STRICT_ENV} or the strict prop)`));
    this.checked = { specKey, metadata: metadataKey, problems };
    return problems;
  }

  /** A problem of the document, with the construct path of the Promise or of the pipeline it is in. */
  private located(problem: Problem): string {
    const match = /^spec\.workflows\.(promise|resource)\.(configure|delete)\[(\d+)\]\.?(.*)$/.exec(problem.path);
    const pipeline = match && this.workflow(match[1] as WorkflowType, match[2] as WorkflowAction).pipelines[Number(match[3])];
    if (match && pipeline) return `Pipeline '${pipeline.node.path}': ${match[4] ? `${match[4]}: ` : ''}${problem.message}`;
    return `KratixPromise '${this.node.path}': ${problem.path ? `${problem.path}: ` : ''}${problem.message}`;
  }

  /**
   * What the spec is built from, as a string that changes whenever the spec may; undefined when
   * the Promise reads cdk8s objects, which can change without it knowing.
   */
  private specKey(): string | undefined {
    if (this.live) return undefined;
    let key = String(this.revision);
    for (const wf of this.workflows) {
      key += ` ${wf.workflowType}/${wf.action}:`;
      for (const p of wf.pipelines) key += `${p._revision},`;
    }
    return key;
  }

  /** The document as synthesized, built without cdk8s' token resolution. */
  private validationDocument(metadata: any, owners: Map<unknown, Pipeline>): any {
    const spec = this.specJson();
    // A pipeline list that an override replaces below is not in `owners` and is validated as it is.
    for (const wf of this.workflows) {
      const list = spec.workflows[wf.workflowType][wf.action];
      wf.pipelines.forEach((p, i) => owners.set(list[i], p));
    }
    const json = { apiVersion: Kratix.API_VERSION, kind: 'Promise', metadata, spec };
    for (const [path, value] of this.overrides) setPath(json, path, value);
    return json;
  }

  /**
   * The spec, sharing the lists and maps of the Promise, its API and its pipelines: validation only
   * reads it and synthesis copies it (overrides copy the maps on their path).
   */
  private specJson(): any {
    return compact({
      api: this.api?._toJson(),
      dependencies: this.dependencySources.length > 0 ? this.dependencySources.map(d => d()) : undefined,
      destinationSelectors: this.destinationSelectorList,
      requiredPromises: this.requiredPromiseList,
      workflows: this.workflowsJson(),
    });
  }

  private workflowsJson(): any {
    const config = compact({
      pipelineNamespace: this.pipelineNamespace,
      reconciliationInterval: this.reconciliationInterval && formatGoDuration(this.reconciliationInterval.toMilliseconds()),
    });
    const json: any = Object.keys(config).length > 0 ? { config } : {};
    for (const wf of this.workflows) {
      (json[wf.workflowType] ??= {})[wf.action] = wf._toJson();
    }
    return Object.keys(json).length > 0 ? json : undefined;
  }
}

/**
 * A Promise's ApiObject: it synthesizes through its Promise (`KratixPromise._synthesize`), which
 * copies the spec itself unless a JSON patch or an app's own resolvers need cdk8s' resolution.
 */
class PromiseObject extends ApiObject {
  private patched = false;

  constructor(private readonly promise: KratixPromise, props: ApiObjectProps) {
    super(promise, 'Resource', props);
  }

  public addJsonPatch(...ops: JsonPatch[]): void {
    this.patched = true;
    super.addJsonPatch(...ops);
  }

  public toJson(): any {
    return this.promise._synthesize(!this.patched && hasDefaultResolvers(this), () => super.toJson());
  }
}

/** Whether `scope`'s app resolves values with cdk8s' default resolvers only (no `AppProps.resolvers`). */
function hasDefaultResolvers(scope: Construct): boolean {
  const resolvers = (App.of(scope) as Partial<App>).resolvers;
  return resolvers?.length === 3 && resolvers[0] instanceof LazyResolver
    && resolvers[1] instanceof ImplicitTokenResolver && resolvers[2] instanceof NumberStringUnionResolver;
}
