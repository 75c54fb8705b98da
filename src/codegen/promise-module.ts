import { printValue, quote } from './ts-value';
import { Code, CodeImport, PipelinePlan, PromisePlan, WorkflowPlan } from '../import/plan';

/** Options of {@link generatePromiseModule}. */
export interface PromiseModuleOptions {
  /** The file the Promises came from, named in each function's comment. */
  readonly source?: string;
  /** The module the library is imported from. */
  readonly libraryModule?: string;
  /** Code to append after the functions, with its imports (the request classes). */
  readonly extra?: { readonly imports: readonly CodeImport[]; readonly code: string };
}

const KRATIX = 'cdk8s-kratix';
const ENUM_KEYS: Record<string, string> = { promise: 'PROMISE', resource: 'RESOURCE', configure: 'CONFIGURE', delete: 'DELETE' };

/**
 * A TypeScript module with one exported function per Promise, e.g.
 * `export function envPromise(scope: Construct, id = 'env'): KratixPromise`, that builds the
 * Promise with the library's constructs as `plan` says.
 */
export function generatePromiseModule(plans: readonly PromisePlan[], options: PromiseModuleOptions = {}): string {
  const imports = new Imports();
  imports.add({ from: 'constructs', name: 'Construct' });
  imports.add({ from: KRATIX, name: 'KratixPromise' });
  const functionNames = new Set<string>();
  const functions = plans.map(plan => generateFunction(plan, imports, functionNames, options.source));
  options.extra?.imports.forEach(i => imports.add(i));
  return `${imports.print(options.libraryModule ?? KRATIX)}\n${functions.join('\n')}${options.extra ? `\n${options.extra.code}` : ''}`;
}

function generateFunction(plan: PromisePlan, imports: Imports, taken: Set<string>, source?: string): string {
  const name = plan.name ?? 'imported';
  const functionName = unique(withSuffix(camel(name), 'Promise'), taken);
  const vars = new Set(['scope', 'id', 'promise']);
  const body: string[] = [];
  const indent = '  ';
  imports.collect(plan.props);
  body.push(`const promise = new KratixPromise(scope, id${propsArgument(plan.props, indent)});`);
  for (const workflow of plan.workflows) body.push(...workflowStatements(workflow, imports, vars, indent));
  body.push(...callStatements('promise', plan.calls, imports, indent));
  body.push('', 'return promise;');
  const from = source ? `, imported from ${source.replace(/\*\//g, '*\\/')}` : '';
  return [
    '/**',
    ` * The \`${name.replace(/\*\//g, '*\\/')}\` Promise${from}.`,
    ' */',
    `export function ${functionName}(scope: Construct, id = ${quote(name)}): KratixPromise {`,
    ...body.map(s => (s === '' ? '' : `${indent}${s}`)),
    '}',
    '',
  ].join('\n');
}

function workflowStatements(workflow: WorkflowPlan, imports: Imports, vars: Set<string>, indent: string): string[] {
  imports.add({ from: KRATIX, name: 'WorkflowType' });
  imports.add({ from: KRATIX, name: 'WorkflowAction' });
  const args = `WorkflowType.${ENUM_KEYS[workflow.type]}, WorkflowAction.${ENUM_KEYS[workflow.action]}`;
  const out: string[] = [''];
  if (workflow.pipelines.length === 0) return [...out, `promise.workflow(${args});`];
  let add = (p: PipelinePlan) => `promise.addPipeline(${args}, ${quote(p.name)}${propsArgument(p.props, indent)})`;
  if (workflow.pipelines.length > 1) {
    const wf = unique(camel(`${workflow.type}-${workflow.action}`), vars);
    out.push(`const ${wf} = promise.workflow(${args});`);
    add = (p: PipelinePlan) => `${wf}.addPipeline(${quote(p.name)}${propsArgument(p.props, indent)})`;
    if (workflow.pipelines.some(x => x.extra)) imports.add({ from: KRATIX, name: 'Pipeline' });
    const create = add;
    add = (p: PipelinePlan) => (p.extra ? `new Pipeline(${wf}, ${quote(p.name)}${propsArgument(p.props, indent)})` : create(p));
  }
  for (const pipeline of workflow.pipelines) {
    imports.collect(pipeline.props);
    if (pipeline.extra) out.push('// Kratix runs only the first delete pipeline of a workflow; it ignores this one.');
    if (pipeline.calls.length === 0) {
      out.push(`${add(pipeline)};`);
    } else {
      const v = unique(withSuffix(camel(pipeline.name), 'Pipeline'), vars);
      out.push(`const ${v} = ${add(pipeline)};`);
      out.push(...callStatements(v, pipeline.calls, imports, indent));
    }
  }
  return out;
}

function callStatements(target: string, calls: PromisePlan['calls'], imports: Imports, indent: string): string[] {
  return calls.map(call => {
    imports.collect(call.args);
    return `${target}.${call.method}(${call.args.map(a => printValue(a, indent)).join(', ')});`;
  });
}

function propsArgument(props: Record<string, unknown>, indent: string): string {
  return Object.keys(props).length === 0 ? '' : `, ${printValue(props, indent)}`;
}

/** The names each module must export to the generated code. */
class Imports {
  private readonly byModule = new Map<string, Set<string>>();

  public add(i: CodeImport): void {
    if (!this.byModule.has(i.from)) this.byModule.set(i.from, new Set());
    this.byModule.get(i.from)!.add(i.name);
  }

  /** Adds the imports of every `Code` in `value`. */
  public collect(value: unknown): void {
    if (value instanceof Code) {
      value.imports.forEach(i => this.add(i));
      value.args?.forEach(a => this.collect(a));
    } else if (Array.isArray(value)) {
      value.forEach(v => this.collect(v));
    } else if (typeof value === 'object' && value !== null) {
      Object.values(value).forEach(v => this.collect(v));
    }
  }

  public print(libraryModule: string): string {
    return [...this.byModule.keys()].sort().map(from => {
      const names = [...this.byModule.get(from)!].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
      return `import { ${names.join(', ')} } from ${quote(from === KRATIX ? libraryModule : from)};\n`;
    }).join('');
  }
}

function camel(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(w => w !== '');
  const text = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  return /^[A-Za-z_]/.test(text) ? text : `p${text}`;
}

/** `name` ending in `suffix` once: `env` + `Promise` = `envPromise`, `rbacPromise` stays. */
function withSuffix(name: string, suffix: string): string {
  const ends = name.length > suffix.length && name.toLowerCase().endsWith(suffix.toLowerCase());
  return ends ? name.slice(0, -suffix.length) + suffix : name + suffix;
}

function unique(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}${n}`;
  taken.add(candidate);
  return candidate;
}
