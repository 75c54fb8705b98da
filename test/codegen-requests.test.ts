import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdk8s';
import * as ts from 'typescript';
import { parseAllDocuments } from 'yaml';
import * as lib from '../src';
import { databasePromise } from './support/database-promise';
import { asStruct, minimalValue, NoMinimalValue } from './support/minimal-request';
import { CliIo, processIo } from '../src/cli/io';
import { main } from '../src/cli/main';
import { generateRequestModule } from '../src/codegen/request-module';
import { checkResource, storageVersion, storedResource } from '../src/schema';
import * as sdk from '../src/sdk';

const FIXTURES = path.join(__dirname, '..', '..', 'shared', 'fixtures', 'promises');
const ROOT = path.join(__dirname, '..');

/** The fixtures with a Promise whose API has a schema, with those Promises. */
const withSchema = fs.readdirSync(FIXTURES).filter(f => f.endsWith('.yaml')).sort().map(file => {
  const docs = parseAllDocuments(fs.readFileSync(path.join(FIXTURES, file), 'utf8')).map(d => d.toJS());
  const promises = docs.filter((d: any) => d?.kind === 'Promise' && lib.PromiseApi.fromManifest(d.spec?.api ?? {}) &&
    (d.spec?.api?.spec?.versions ?? []).some((v: any) => v?.schema?.openAPIV3Schema));
  return { file, promises };
}).filter(f => f.promises.length > 0);

/** Transpiles a generated module and runs it with `cdk8s-kratix` bound to the project's src. */
function load(module: string): Record<string, any> {
  const js = ts.transpileModule(module, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const exports: any = {};
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const requireFn = (m: string) => (m === 'cdk8s-kratix' ? lib : require(m));
  new Function('require', 'exports', 'module', js)(requireFn, exports, { exports });
  return exports;
}

/** The type errors of TypeScript files compiled together in one strict program against the library's src. */
function typeErrors(files: Record<string, string>): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-kratix-requests-'));
  try {
    const names = Object.entries(files).map(([name, text]) => {
      fs.writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    });
    const program = ts.createProgram(names, {
      noEmit: true,
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      skipLibCheck: true,
      types: ['node'],
      typeRoots: [path.join(ROOT, 'node_modules', '@types')],
      baseUrl: ROOT,
      paths: { 'cdk8s-kratix': ['src'], 'cdk8s-kratix/pipeline': ['src/sdk'], '*': ['node_modules/*'] },
    });
    return ts.getPreEmitDiagnostics(program).map(d => `${d.file ? path.basename(d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('generated request classes', () => {
  const crd = databasePromise(Testing.chart()).api!.toJson();
  const module = generateRequestModule([{ crd, promiseName: 'database' }]);

  test('a class per API with json2jsii structs and the CRD embedded', () => {
    expect(module).toContain('export class DatabaseRequest extends ResourceRequest {');
    expect(module).toContain('export interface DatabaseSpec {');
    expect(module).toContain('export enum DatabaseSpecSize {');
    expect(module).toContain('export class DatabaseSpecPort {');
    expect(module).toContain('readonly spec?: DatabaseSpec;');
  });

  // What projen's eslint rules (which `projen test` applies with --fix) would change otherwise.
  test('the embedded CRD is indented as the class member it is (@stylistic/indent)', () => {
    const manifest = /PromiseApi\.fromManifest\(\{\n([\s\S]*?)\n {2}\}\);\n/.exec(module);
    expect(manifest).not.toBeNull();
    expect(manifest![1].split('\n').filter(line => !line.startsWith('    '))).toEqual([]);
  });

  test('enum members are single-quoted strings (@stylistic/quotes)', () => {
    expect(module).toContain("  LARGE = 'large',\n");
    expect(module).not.toMatch(/^ +\w+ = "/m);
  });

  test('the object type\'s literal unions are single-quoted too (@stylistic/quotes), and jsii leaves the type out (@jsii ignore)', () => {
    expect(module).toContain("readonly size: 'small' | 'large';");
    expect(module).not.toMatch(/: "[^"]*" \|/);
    expect(module).toMatch(/ \* @jsii ignore\n \*\/\nexport interface DatabaseObject \{/);
  });

  test('its requests synthesize with the defaults, and bad ones fail validation', () => {
    const { DatabaseRequest, DatabaseSpecPort, DatabaseSpecSize } = load(module);
    const chart = Testing.chart();
    new DatabaseRequest(chart, 'orders', { metadata: { name: 'orders' }, spec: { name: 'orders', size: DatabaseSpecSize.LARGE, port: DatabaseSpecPort.fromString('pg') } });
    expect(Testing.synth(chart)[0]).toEqual({
      apiVersion: 'marketplace.kratix.io/v1alpha1',
      kind: 'Database',
      metadata: { name: 'orders' },
      spec: { name: 'orders', size: 'large', port: 'pg', replicas: 1, backup: { enabled: true, schedule: '0 2 * * *' } },
    });
    const bad = Testing.chart();
    new DatabaseRequest(bad, 'r', { spec: { name: 'R', replicas: 9 } });
    expect(() => Testing.synth(bad)).toThrow("ResourceRequest 'test/r': spec.replicas: must be <= 5; got 9 (rule: maximum)");
  });

  test('the Promise\'s own api can stand in for the embedded one', () => {
    const { DatabaseRequest } = load(module);
    const chart = Testing.chart();
    const db = databasePromise(chart);
    expect(new DatabaseRequest(chart, 'r', { api: db.api, spec: { name: 'r' } }).api).toBe(db.api);
  });

  test('two APIs of the same kind get distinct class names', () => {
    const twice = generateRequestModule([{ crd }, { crd }]);
    expect(twice).toContain('class DatabaseRequest ');
    expect(twice).toContain('class Database2Request ');
  });

  test('a CRD without kind is an error naming the Promise', () => {
    expect(() => generateRequestModule([{ crd: { spec: { group: 'g' } }, promiseName: 'p' }]))
      .toThrow("the API of Promise 'p' lacks spec.group, spec.names.kind or a named version; it is not a CustomResourceDefinition");
  });

  test(`every fixture with a schema (${withSchema.length}) generates code that passes tsc --strict, in one program with an imported module`, () => {
    expect(withSchema.length).toBeGreaterThan(20);
    const redis = fs.readFileSync(path.join(FIXTURES, 'syntasso+kratix__config-samples-redis-redis-promise.yaml'), 'utf8');
    const files: Record<string, string> = { 'redis.ts': runCli(['import', '/redis.yaml'], { '/redis.yaml': redis }).stdout };
    withSchema.forEach(({ promises }, i) => {
      files[`api${i}.ts`] = generateRequestModule(promises.map((p: any) => ({ crd: p.spec.api, promiseName: p.metadata?.name })));
    });
    expect(typeErrors(files)).toEqual([]);
  });
});

/**
 * The fixture APIs whose schema asks for a value `minimalValue` cannot derive, with the reason; the
 * test below fails when this list is out of date either way.
 */
const NO_MINIMAL_SPEC: Record<string, string> = {
};

describe('objects of the generated request classes', () => {
  const apis = withSchema.flatMap(({ file, promises }) => promises.map((p: any) => ({ file, name: p.metadata?.name as string, crd: p.spec.api })));

  /** A minimal spec of the API's storage version, or why there is none. */
  function minimalSpec(crd: any): { spec: unknown } | { reason: string } {
    try {
      return { spec: minimalValue(storageVersion(crd)?.schema?.properties?.spec, 'spec') };
    } catch (e) {
      if (e instanceof NoMinimalValue) return { reason: e.message };
      throw e;
    }
  }

  test('the APIs without a derivable minimal spec are exactly those listed, with the reason', () => {
    const none = Object.fromEntries(apis.map(a => [`${a.file}#${a.name}`, minimalSpec(a.crd)]).filter(([, m]: any) => 'reason' in m).map(([k, m]: any) => [k, m.reason]));
    expect(none).toEqual(NO_MINIMAL_SPEC);
  });

  test.each(apis.filter(a => !(`${a.file}#${a.name}` in NO_MINIMAL_SPEC)).map(a => [`${a.file}#${a.name}`, a] as const))(
    '%s: a request built with a minimal spec synthesizes in the storage version and passes checkResource', (_, { name, crd }) => {
      const { spec } = minimalSpec(crd) as { spec: unknown };
      const schema = storageVersion(crd)!.schema!;
      const module = load(generateRequestModule([{ crd, promiseName: name }]));
      const Request = Object.values(module).find((e: any) => typeof e === 'function' && e.API instanceof lib.PromiseApi);
      const chart = Testing.chart();
      new Request(chart, 'minimal', { metadata: { name: 'minimal', namespace: 'default' }, spec: asStruct(spec, schema.properties?.spec) });
      const [object] = Testing.synth(chart);
      expect({ apiVersion: object.apiVersion, kind: object.kind }).toEqual({ apiVersion: `${crd.spec.group}/${storageVersion(crd)!.name}`, kind: crd.spec.names.kind });
      expect(object.spec ?? {}).toMatchObject(spec as object);
      expect(checkResource(crd, object).violations).toEqual([]);
    });
});

describe('a pipeline typed with the generated object type', () => {
  const file = path.join(FIXTURES, 'syntasso+kratix__config-samples-redis-redis-promise.yaml');
  const crd = parseAllDocuments(fs.readFileSync(file, 'utf8')).map(d => d.toJS()).find((d: any) => d?.kind === 'Promise').spec.api;
  const redisModule = generateRequestModule([{ crd, promiseName: 'redis' }]);
  const pipeline = `import { KratixSdk } from 'cdk8s-kratix/pipeline';
import type { RedisObject } from './redis';

export function configure(sdk: KratixSdk): void {
  const redis = sdk.readInput<RedisObject>();
  const spec = redis.object.spec;
  if (!spec) throw new Error('no spec');
  // @ts-expect-error mode is a string in the schema
  const wrong: number = spec.mode;
  void wrong;
  sdk.writeYaml('summary.yaml', { name: redis.object.metadata.name, mode: spec.mode, image: spec.global.image, port: spec.service.type });
}

/** The container's entry point. */
export function main(): void {
  configure(new KratixSdk());
}
`;

  test('it passes tsc --strict against the module generated from the Redis fixture', () => {
    expect(redisModule).toContain('export interface RedisObject {');
    expect(typeErrors({ 'redis.ts': redisModule, 'pipeline.ts': pipeline })).toEqual([]);
  });

  test('a type error in it is reported (the types are not any)', () => {
    expect(typeErrors({ 'redis.ts': redisModule, 'pipeline.ts': pipeline.replace('spec.global.image', 'spec.global.imagee') }).join('\n'))
      .toContain("Property 'imagee' does not exist");
  });

  test('it runs with the SDK alone: import type loads neither the generated module nor cdk8s', () => {
    const js = ts.transpileModule(pipeline, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
    const loaded: string[] = [];
    const exports: any = {};
    const requireFn = (m: string) => {
      loaded.push(m);
      if (m !== 'cdk8s-kratix/pipeline') throw new Error(`the pipeline loaded ${m}`);
      return sdk;
    };
    new Function('require', 'exports', 'module', js)(requireFn, exports, { exports });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-kratix-typed-pipeline-'));
    try {
      for (const d of ['input', 'output', 'metadata']) fs.mkdirSync(path.join(dir, d));
      const request = { apiVersion: 'redis.redis.opstreelabs.in/v1beta1', kind: 'Redis', metadata: { name: 'cache', namespace: 'team-a' }, spec: { global: { image: 'redis:7' }, mode: 'standalone', redisConfig: {}, service: { type: 'ClusterIP' } } };
      fs.writeFileSync(path.join(dir, 'input', 'object.yaml'), JSON.stringify(storedResource(crd, request).resource));
      exports.configure(new sdk.KratixSdk({ inputDir: path.join(dir, 'input'), outputDir: path.join(dir, 'output'), metadataDir: path.join(dir, 'metadata'), env: {} }));
      expect(loaded).toEqual(['cdk8s-kratix/pipeline']);
      expect(parseAllDocuments(fs.readFileSync(path.join(dir, 'output', 'summary.yaml'), 'utf8'))[0].toJS())
        .toEqual({ name: 'cache', mode: 'standalone', image: 'redis:7', port: 'ClusterIP' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

function runCli(args: string[], files: Record<string, string>): { code: number; stdout: string; stderr: string; written: Record<string, string> } {
  let stdout = '';
  let stderr = '';
  const written: Record<string, string> = {};
  const io: CliIo = {
    ...processIo,
    stdout: t => { stdout += t; },
    stderr: t => { stderr += t; },
    readFile: p => files[p] ?? processIo.readFile(p),
    writeFile: (p, t) => { written[p] = t; },
  };
  return { code: main(args, io), stdout, stderr, written };
}

describe('cdk8s-kratix api and import', () => {
  const run = runCli;
  const redis = path.join(FIXTURES, 'syntasso+kratix__config-samples-redis-redis-promise.yaml');

  test('api writes only the request classes, to stdout or -o', () => {
    const out = run(['api', redis], {});
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('export class RedisRequest extends ResourceRequest');
    expect(out.stdout).not.toContain('KratixPromise');
    expect(run(['api', redis, '-o', '/out.ts'], {}).written['/out.ts']).toBe(out.stdout);
  });

  test('api takes a bare CustomResourceDefinition too', () => {
    const crd = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nspec: {group: g.io, names: {kind: Thing, plural: things}, versions: [{name: v1, served: true, storage: true}]}\n';
    expect(run(['api', '/crd.yaml'], { '/crd.yaml': crd }).stdout).toContain('export class ThingRequest extends ResourceRequest');
  });

  test('api of a file without API fails naming the file', () => {
    const out = run(['api', '/p.yaml'], { '/p.yaml': 'kind: Promise\nmetadata: {name: p}\nspec: {}\n' });
    expect(out.code).not.toBe(0);
    expect(out.stderr).toBe('cdk8s-kratix api: /p.yaml: no Promise with an API (spec.api) and no CustomResourceDefinition in the file\n');
  });

  test('import emits the Promise function and the request class in one module (type-checked above)', () => {
    const out = run(['import', redis], {});
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('export function redisPromise(');
    expect(out.stdout).toContain('export class RedisRequest extends ResourceRequest');
    expect(out.stdout.match(/^import .* from 'constructs';$/mg)).toEqual(["import { Construct } from 'constructs';"]);
  });
});
