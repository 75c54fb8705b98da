/**
 * Generates src/model/k8s-fields.generated.ts: the fields, and their types, of the Kubernetes
 * types a Kratix Pipeline embeds, so that the validator can decode pipelines as strictly as Kratix
 * does (encoding/json with DisallowUnknownFields) without hundreds of hand-written field names.
 *
 * The source is the JSON-schema validators that the devDependency `kubernetes-models` ships
 * (`_schemas/*.js`, Kubernetes 1.28), compiled by ajv: each property is checked by a small
 * function whose body says which type it is. Kratix itself is built against a newer Kubernetes,
 * so the few fields added since 1.28 are listed below in NEWER_FIELDS.
 *
 * Run: npx ts-node scripts/gen-k8s-fields.ts
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'src', 'model', 'k8s-fields.generated.ts');
const SCHEMA_DIRS: Record<string, string> = {
  IoK8sApi: path.join(ROOT, 'node_modules', 'kubernetes-models', '_schemas'),
  IoK8sApimachinery: path.join(ROOT, 'node_modules', '@kubernetes-models', 'apimachinery', '_schemas'),
};

/** The Kubernetes types a Pipeline embeds (api/v1alpha1/pipeline_types.go). */
const ROOTS = [
  'IoK8sApimachineryPkgApisMetaV1ObjectMeta',
  'IoK8sApiCoreV1EnvVar',
  'IoK8sApiCoreV1EnvFromSource',
  'IoK8sApiCoreV1VolumeMount',
  'IoK8sApiCoreV1SecurityContext',
  'IoK8sApiCoreV1ResourceRequirements',
  'IoK8sApiCoreV1Volume',
  'IoK8sApiCoreV1Toleration',
  'IoK8sApiCoreV1LocalObjectReference',
  'IoK8sApiRbacV1PolicyRule',
];

/** Types whose Go JSON decoding is custom: mapped to a primitive of the decoder. */
const PRIMITIVES: Record<string, string> = {
  IoK8sApimachineryPkgApiResourceQuantity: 'quantity',
  IoK8sApimachineryPkgUtilIntstrIntOrString: 'intstr',
  IoK8sApimachineryPkgApisMetaV1Time: 'time',
  IoK8sApimachineryPkgApisMetaV1MicroTime: 'time',
  IoK8sApimachineryPkgApisMetaV1FieldsV1: 'any',
  IoK8sApimachineryPkgRuntimeRawExtension: 'any',
};

/**
 * Fields that Go accepts but kubernetes-models lacks: those added between Kubernetes 1.28 and 1.36
 * (k8s.io/api v0.36, which Kratix is built with), and `EphemeralVolumeSource.readOnly`, which the
 * OpenAPI leaves out but the Go struct still has. Checked against k8s.io/api v0.36.3 core/v1 and
 * rbac/v1 types.go: with these, every type here has exactly the Go struct's JSON fields.
 */
const NEWER_FIELDS: Record<string, Record<string, string>> = {
  EphemeralVolumeSource: { readOnly: 'bool' },
  SecurityContext: { appArmorProfile: 'AppArmorProfile' },
  AppArmorProfile: { type: 'string', localhostProfile: 'string' },
  VolumeMount: { recursiveReadOnly: 'string' },
  Volume: { image: 'ImageVolumeSource' },
  ImageVolumeSource: { reference: 'string', pullPolicy: 'string' },
  VolumeProjection: { clusterTrustBundle: 'ClusterTrustBundleProjection', podCertificate: 'PodCertificateProjection' },
  ClusterTrustBundleProjection: { name: 'string', signerName: 'string', labelSelector: 'LabelSelector', optional: 'bool', path: 'string' },
  PodCertificateProjection: {
    signerName: 'string',
    keyType: 'string',
    maxExpirationSeconds: 'int32',
    credentialBundlePath: 'string',
    keyPath: 'string',
    certificateChainPath: 'string',
    userAnnotations: 'map[string]string',
  },
  EnvVarSource: { fileKeyRef: 'FileKeySelector' },
  FileKeySelector: { volumeName: 'string', path: 'string', key: 'string', optional: 'bool' },
  ResourceClaim: { request: 'string' },
  PersistentVolumeClaimSpec: { volumeAttributesClassName: 'string' },
};

interface Chunk { readonly name: string; readonly body: string }

function shortName(module: string): string {
  const m = /^IoK8s(?:Api[A-Z][a-z]+|ApimachineryPkgApis[A-Z][a-z]+|ApimachineryPkgApi[A-Z][a-z]+|ApimachineryPkgUtil[A-Z][a-z]+|ApimachineryPkgRuntime)(?:V\d+(?:(?:alpha|beta)\d+)?)?([A-Z]\w*)$/.exec(module);
  if (!m) throw new Error(`cannot shorten ${module}`);
  return m[1];
}

function readModule(module: string): string {
  for (const [prefix, dir] of Object.entries(SCHEMA_DIRS)) {
    const file = path.join(dir, `${module}.js`);
    if (module.startsWith(prefix) && fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  }
  throw new Error(`no schema for ${module}`);
}

/** Splits an ajv standalone module into its validate functions (they are all top level). */
function chunks(source: string): { root: string; fns: Map<string, Chunk> } {
  const fns = new Map<string, Chunk>();
  const re = /function (validate\d+)\(/g;
  const starts: Array<{ name: string; index: number }> = [];
  for (let m = re.exec(source); m; m = re.exec(source)) starts.push({ name: m[1], index: m.index });
  starts.forEach((s, i) => fns.set(s.name, { name: s.name, body: source.slice(s.index, starts[i + 1]?.index ?? source.length) }));
  const root = /validate=function (validate\d+)\(/.exec(source);
  if (!root) throw new Error('no root validate function');
  return { root: root[1], fns };
}

function scalar(body: string, subject: string): string | undefined {
  const s = subject.replace(/[[\]]/g, (c) => `\\${c}`);
  if (new RegExp(`"string"[!=]=typeof ${s}\\b`).test(body)) return 'string';
  if (new RegExp(`"boolean"[!=]=typeof ${s}\\b`).test(body)) return 'bool';
  if (/type:"integer"/.test(body)) return /format:"int32"|formats\.int32/.test(body) ? 'int32' : 'int64';
  if (/type:"number"/.test(body)) return 'float64';
  return undefined;
}

/** The values of a string field's `enum`, from its validator's `if(!("A"===data||"B"===data))`. */
function enumOf(body: string): string[] | undefined {
  const m = /if\(!\(((?:"[^"]*"===data\|\|)*"[^"]*"===data)\)\)/.exec(body);
  return m ? [...m[1].matchAll(/"([^"]*)"===data/g)].map(v => v[1]) : undefined;
}

class Generator {
  public readonly types = new Map<string, Record<string, string>>();
  /** The fields the OpenAPI schema requires, per type (the validator's `missingProperty` checks). */
  public readonly required = new Map<string, string[]>();
  /** The values the OpenAPI schema allows for a string field, per type and field (its `enum`). */
  public readonly enums = new Map<string, Record<string, string[]>>();
  private readonly queue: string[] = [];

  public typeOf(module: string): string {
    if (PRIMITIVES[module]) return PRIMITIVES[module];
    const name = shortName(module);
    if (!this.types.has(name) && !this.queue.includes(module)) this.queue.push(module);
    return name;
  }

  public run(): void {
    ROOTS.forEach((r) => this.typeOf(r));
    while (this.queue.length > 0) {
      const module = this.queue.shift()!;
      const name = shortName(module);
      if (this.types.has(name)) continue;
      this.types.set(name, {});
      this.types.set(name, this.fields(module));
    }
    for (const [type, extra] of Object.entries(NEWER_FIELDS)) {
      this.types.set(type, { ...(this.types.get(type) ?? {}), ...extra });
    }
    for (const fields of this.types.values()) {
      for (const t of Object.values(fields)) {
        const base = t.replace(/^(\[\]|map\[string\])*/, '');
        if (!['string', 'bool', 'int32', 'int64', 'float64', 'quantity', 'intstr', 'time', 'any'].includes(base) && !this.types.has(base)) {
          throw new Error(`type ${base} is referenced but not generated`);
        }
      }
    }
  }

  private fields(module: string): Record<string, string> {
    const source = readModule(module);
    const { root, fns } = chunks(source);
    const rootBody = fns.get(root)!.body;
    const required = [...rootBody.matchAll(/missingProperty:"([^"]+)"/g)].map(m => m[1]);
    if (required.length > 0) this.required.set(shortName(module), [...new Set(required)].sort());
    const out: Record<string, string> = {};
    const re = /void 0===data(?:\.([A-Za-z_$][\w$]*)|\["([^"]+)"\])\|\|(validate\d+)\(/g;
    for (let m = re.exec(rootBody); m; m = re.exec(rootBody)) {
      const field = m[1] ?? m[2];
      out[field] = this.classify(fns, m[3], `${module}.${field}`);
      const allowed = out[field] === 'string' ? enumOf(fns.get(m[3])!.body) : undefined;
      if (allowed) this.enums.set(shortName(module), { ...this.enums.get(shortName(module)), [field]: allowed });
    }
    const declared = this.declaredFields(module);
    const missing = declared.filter((f) => !(f in out));
    if (missing.length > 0) throw new Error(`${module}: could not read the type of ${missing.join(', ')}`);
    return out;
  }

  /** The property names of the .d.ts, to check that the parse of the validator found them all. */
  private declaredFields(module: string): string[] {
    for (const [prefix, dir] of Object.entries(SCHEMA_DIRS)) {
      const file = path.join(dir, `${module}.d.ts`);
      if (!module.startsWith(prefix) || !fs.existsSync(file)) continue;
      const text = fs.readFileSync(file, 'utf8');
      const iface = /export (?:interface|type) \w+ (?:=\s*)?\{([\s\S]*?)\n\}/.exec(text);
      if (!iface) return [];
      return [...iface[1].matchAll(/^ {4}"([^"]+)"\??:/gm)].map((m) => m[1]);
    }
    return [];
  }

  private classify(fns: Map<string, Chunk>, fn: string, where: string): string {
    const body = fns.get(fn)?.body;
    if (!body) throw new Error(`${where}: no function ${fn}`);
    const ref = /\(0,_(\w+)\.validate\)\(data,/.exec(body);
    if (ref) return this.typeOf(ref[1]);
    if (/for\(let key0 in data\)/.test(body)) {
      const item = /(validate\d+)\(data\[key0\]/.exec(body);
      return `map[string]${item ? this.classify(fns, item[1], where) : scalar(body, 'data[key0]') ?? 'any'}`;
    }
    if (/Array\.isArray\(data\)\)\{let len0/.test(body)) {
      const item = /(validate\d+)\(data\[i0\]/.exec(body);
      return `[]${item ? this.classify(fns, item[1], where) : scalar(body, 'data[i0]') ?? 'any'}`;
    }
    const type = scalar(body, 'data');
    if (type) return type;
    if (/type:"object"/.test(body)) return 'any';
    throw new Error(`${where}: cannot classify ${body.slice(0, 200)}`);
  }
}

/** The text of src/model/k8s-fields.generated.ts, from the installed kubernetes-models. */
export function generate(): string {
  const gen = new Generator();
  gen.run();
  const names = [...gen.types.keys()].sort();
  const lines = names.map((n) => {
    const fields = gen.types.get(n)!;
    const body = Object.keys(fields).sort().map((f) => `${/^[A-Za-z_$][\w$]*$/.test(f) ? f : `'${f}'`}: '${fields[f]}'`).join(', ');
    return `  ${n}: { ${body} },`;
  });
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'kubernetes-models', 'package.json'), 'utf8')).version;
  return `// Generated by scripts/gen-k8s-fields.ts from kubernetes-models ${version} (Kubernetes 1.28)
// plus the fields added up to Kubernetes 1.36. Do not edit; run \`npx ts-node scripts/gen-k8s-fields.ts\`.
/* eslint-disable */

/**
 * The JSON fields of the Kubernetes types a Kratix Pipeline embeds, each with its type: \`string\`,
 * \`bool\`, \`int32\`, \`int64\`, \`float64\`, \`quantity\`, \`intstr\`, \`time\`, \`any\`, another type of
 * this table, or \`[]T\` / \`map[string]T\` of those.
 */
export const K8S_FIELDS: { readonly [type: string]: { readonly [field: string]: string } } = {
${lines.join('\n')}
};

/**
 * The fields the Kubernetes OpenAPI schema requires in those types: the API server rejects an
 * object without them (a \`secretKeyRef\` without \`key\`), and cdk8s-plus' \`k8s\` types make them
 * required properties.
 */
export const K8S_REQUIRED: { readonly [type: string]: readonly string[] } = {
${[...gen.required.keys()].sort().map(n => `  ${n}: [${gen.required.get(n)!.map(f => `'${f}'`).join(', ')}],`).join('\n')}
};

/**
 * The values the Kubernetes 1.28 OpenAPI schema allows for string fields of those types (its
 * \`enum\`s, which mirror the API server's validation of those fields): the API server rejects
 * any other value.
 */
export const K8S_ENUMS: { readonly [type: string]: { readonly [field: string]: readonly string[] } } = {
${[...gen.enums.keys()].sort().map(n => {
  const fields = gen.enums.get(n)!;
  return `  ${n}: { ${Object.keys(fields).sort().map(f => `${f}: [${fields[f].map(v => `'${v}'`).join(', ')}]`).join(', ')} },`;
}).join('\n')}
};
`;
}

/** Where the generated module is written. */
export const OUTPUT_FILE = OUT;

if (require.main === module) {
  fs.writeFileSync(OUT, generate());
  process.stdout.write(`wrote ${path.relative(ROOT, OUT)}\n`);
}
