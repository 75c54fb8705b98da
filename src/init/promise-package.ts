import { generateRequestModule } from '../codegen/request-module';
import { pluralOf } from '../private/plural';

/** What `cdk8s-kratix init promise` scaffolds. */
export interface PromisePackageOptions {
  /** The Promise's name (`metadata.name`), also the npm package name. */
  readonly name: string;
  /** The API group. */
  readonly group: string;
  /** The API kind. */
  readonly kind: string;
  /** The API version. */
  readonly version: string;
  /** The cdk8s-kratix version range the package peers on. */
  readonly libraryRange: string;
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/**
 * The problems of the options, as the API server and Kratix would see them (empty when valid):
 * the name a DNS-1123 label, the group a DNS-1123 subdomain with a dot, the kind and version
 * DNS-1035 labels (the kind lower-cased, and a TypeScript identifier for the generated classes).
 */
export function promisePackageProblems(o: Pick<PromisePackageOptions, 'name' | 'group' | 'kind' | 'version'>): string[] {
  const problems: string[] = [];
  if (!DNS1123_LABEL.test(o.name) || o.name.length > 63) problems.push(`NAME ${JSON.stringify(o.name)} must be a DNS-1123 label (lower case letters, digits and '-', at most 63 characters), e.g. redis`);
  if (!DNS1123_SUBDOMAIN.test(o.group) || !o.group.includes('.') || o.group.length > 253) problems.push(`--group ${JSON.stringify(o.group)} must be a DNS subdomain with at least one dot (lower case letters, digits, '-' and '.'), e.g. example.kratix.io`);
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(o.kind) || o.kind.length > 63) problems.push(`--kind ${JSON.stringify(o.kind)} must start with a letter and hold only letters and digits (at most 63), e.g. Redis`);
  if (!DNS1035_LABEL.test(o.version) || o.version.length > 63) problems.push(`--version ${JSON.stringify(o.version)} must be a DNS-1035 label such as v1alpha1`);
  return problems;
}

function pascal(name: string): string {
  return name.split('-').map(p => p.charAt(0).toUpperCase() + p.slice(1)).join('');
}

/** The API of the scaffolded Promise: one optional `spec.size` with a default, to replace. */
function apiCrd(o: PromisePackageOptions): any {
  const plural = pluralOf(o.kind);
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${o.group}` },
    spec: {
      group: o.group,
      names: { kind: o.kind, plural, singular: o.kind.toLowerCase() },
      scope: 'Namespaced',
      versions: [{
        name: o.version,
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                properties: { size: { type: 'string', enum: ['small', 'large'], default: 'small', description: 'How big the instance is' } },
              },
            },
          },
        },
      }],
    },
  };
}

/**
 * The files of a package that publishes one Promise as a construct library, by path: a projen
 * `cdk8s.ConstructLibraryCdk8s` project peering on cdk8s-kratix, the Promise construct, its typed
 * request class, a resource configure pipeline written with the SDK and its Dockerfile, tests
 * and a README.
 */
export function promisePackageFiles(o: PromisePackageOptions): Record<string, string> {
  const cls = `${pascal(o.name)}Promise`;
  const image = `ghcr.io/example/${o.name}-configure-pipeline:v0.1.0`;
  const crd = apiCrd(o);
  const requestModule = generateRequestModule([{ crd, promiseName: o.name }]);
  const requestClass = /export class (\w+) extends ResourceRequest/.exec(requestModule)![1];
  return {
    '.projenrc.ts': `import { cdk8s, javascript } from 'projen';

const project = new cdk8s.ConstructLibraryCdk8s({
  name: '${o.name}',
  description: 'The ${o.name} Kratix Promise (${o.group}/${o.version} ${o.kind}) as a cdk8s construct',
  author: 'Platform team',
  authorAddress: 'platform@example.com',
  repositoryUrl: 'https://github.com/example/${o.name}.git',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  cdk8sVersion: '2.70.0',
  constructsVersion: '10.4.2',
  peerDeps: ['cdk8s-kratix@${o.libraryRange}', 'cdk8s-plus-28@^2.5.6'],
  devDeps: ['yaml@^2.8.0'],
  // The pipeline runs from the image built by pipeline/Dockerfile, not from the published package.
  tsconfigDev: { include: ['pipeline/**/*.ts'], compilerOptions: {} },
  github: false,
  release: false,
});
project.addPackageIgnore('/pipeline/');
project.synth();
`,
    'src/index.ts': `import { DestinationSelector, KratixPromise, WorkflowAction, WorkflowType } from 'cdk8s-kratix';
import { Construct } from 'constructs';
import { ${requestClass} } from './request';

export * from './request';

/** Properties of a \`${cls}\`. */
export interface ${cls}Props {
  /**
   * The Promise version (\`kratix.io/promise-version\`).
   *
   * @default v0.1.0
   */
  readonly version?: string;
  /**
   * Where the requests' workloads go.
   *
   * @default - Kratix's default: every Destination that takes work without labels
   */
  readonly destinationSelectors?: DestinationSelector[];
  /**
   * The image of the resource configure pipeline (pipeline/Dockerfile).
   *
   * @default ${image}
   */
  readonly pipelineImage?: string;
  /**
   * The namespace the pipelines run in.
   *
   * @default - Kratix's default: the request's namespace
   */
  readonly pipelineNamespace?: string;
}

/**
 * The \`${o.name}\` Promise: the \`${o.group}/${o.version}\` \`${o.kind}\` API and a resource configure
 * pipeline that writes each request's workloads.
 */
export class ${cls} extends KratixPromise {
  constructor(scope: Construct, id: string, props: ${cls}Props = {}) {
    super(scope, id, {
      name: '${o.name}',
      version: props.version ?? 'v0.1.0',
      api: ${requestClass}.API,
      destinationSelectors: props.destinationSelectors,
      pipelineNamespace: props.pipelineNamespace,
    });
    this.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'instance', {
      containers: [{ name: 'configure', image: props.pipelineImage ?? '${image}' }],
    });
  }
}
`,
    'src/request.ts': requestModule,
    'pipeline/configure.ts': `import { KratixSdk } from 'cdk8s-kratix/pipeline';

/** The \`configure\` container: a ConfigMap per ${o.kind} for its Destination, and its status. */
export function configure(sdk: KratixSdk): void {
  const request = sdk.readInput();
  const size: string = request.getValue('spec.size', 'small');
  sdk.writeYaml('configmap.yaml', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: \`${o.name}-\${request.name}\`, namespace: request.namespace },
    data: { size },
  });
  sdk.writeStatus({ message: \`${o.name} \${request.name} (\${size}) configured\`, size });
}

if (require.main === module) configure(new KratixSdk());
`,
    'pipeline/Dockerfile': `# Build from the package root: docker build -f pipeline/Dockerfile -t ${image} .
FROM node:22-alpine
WORKDIR /pipeline
RUN npm install --omit=dev cdk8s-kratix@${o.libraryRange} typescript@5 && npm cache clean --force
COPY pipeline/configure.ts .
RUN npx tsc --module commonjs --target es2022 --esModuleInterop --skipLibCheck configure.ts && rm configure.ts
ENTRYPOINT ["node", "/pipeline/configure.js"]
`,
    [`test/${o.name}.test.ts`]: `import { Chart, Testing } from 'cdk8s';
import { runWorkflow } from 'cdk8s-kratix/run';
import { configure } from '../pipeline/configure';
import { ${cls}, ${requestClass} } from '../src';

describe('${cls}', () => {
  test('synthesizes a Promise with its API, version and pipeline', () => {
    const chart = Testing.chart();
    new ${cls}(chart, '${o.name}', { destinationSelectors: [{ matchLabels: { environment: 'dev' } }] });
    const [promise] = Testing.synth(chart);
    expect(promise.metadata).toMatchObject({ name: '${o.name}', labels: { 'kratix.io/promise-version': 'v0.1.0' } });
    expect(promise.spec.api.spec.group).toBe('${o.group}');
    expect(promise.spec.destinationSelectors).toEqual([{ matchLabels: { environment: 'dev' } }]);
    expect(promise.spec.workflows.resource.configure[0].spec.containers[0].image).toBe('${image}');
  });

  test('a typed request is synthesized with the API\\'s defaults', () => {
    const chart = new Chart(Testing.app(), 'requests');
    new ${requestClass}(chart, 'example', { metadata: { name: 'example', namespace: 'default' }, spec: {} });
    expect(Testing.synth(chart)[0]).toMatchObject({ apiVersion: '${o.group}/${o.version}', kind: '${o.kind}', spec: { size: 'small' } });
  });

  test('the resource configure pipeline, run locally as Kratix would', async () => {
    const promise = new ${cls}(Testing.chart(), '${o.name}');
    const request = { apiVersion: '${o.group}/${o.version}', kind: '${o.kind}', metadata: { name: 'example', namespace: 'default' }, spec: { size: 'large' } };
    const destinations = [{ apiVersion: 'platform.kratix.io/v1alpha1', kind: 'Destination', metadata: { name: 'worker-1' }, spec: { path: 'worker-1' } }];
    const result = await runWorkflow(promise, { workflow: 'resource/configure', request, destinations, steps: { configure } });
    expect(result.ok).toBe(true);
    expect(result.stateStore.map(f => f.path)).toEqual(['worker-1/resources/default/${o.name}/example/instance/5058f/configmap.yaml']);
    expect(result.object.status.message).toBe('${o.name} example (large) configured');
  });
});
`,
    'README.md': `# ${o.name}

The \`${o.name}\` [Kratix](https://kratix.io) Promise as a [cdk8s](https://cdk8s.io) construct, built
with [cdk8s-kratix](https://www.npmjs.com/package/cdk8s-kratix): the \`${o.group}/${o.version}\`
\`${o.kind}\` API, a typed request class, and a resource configure pipeline written in TypeScript.

## Use

\`\`\`ts
import { App, Chart } from 'cdk8s';
import { ${cls}, ${requestClass} } from '${o.name}';

const app = new App();
const chart = new Chart(app, 'platform');
const promise = new ${cls}(chart, '${o.name}', { destinationSelectors: [{ matchLabels: { environment: 'dev' } }] });
new ${requestClass}(chart, 'example', { metadata: { name: 'example', namespace: 'default' }, spec: { size: 'large' } });
// A compound Promise of your own: myCompound.requires(promise);
app.synth();
\`\`\`

Props: \`version\`, \`destinationSelectors\`, \`pipelineImage\`, \`pipelineNamespace\`.

## Develop

\`\`\`sh
npm install
npm run projen      # generates package.json, tsconfig, eslint and jest settings from .projenrc.ts
npx projen build    # compiles with jsii, runs the tests (synth, and the pipeline run locally)
docker build -f pipeline/Dockerfile -t ${image} .
npm pack            # or publish with projen's release workflow
\`\`\`

The API lives in \`src/request.ts\` (\`${requestClass}.API\`), generated by \`cdk8s-kratix api\`;
change the schema there and the pipeline in \`pipeline/configure.ts\`.
`,
    'package.json': `${JSON.stringify({
      name: o.name,
      private: true,
      // The first synthesis, before projen has written its tasks; then \`npx projen\`.
      scripts: { projen: 'ts-node --skip-project --transpile-only -O \'{"module":"commonjs","moduleResolution":"node"}\' .projenrc.ts' },
      devDependencies: {
        'projen': '0.103.25',
        'ts-node': '^10.9.2',
        'typescript': '^5.9.0',
        'cdk8s': '^2.70.0',
        'cdk8s-plus-28': '^2.5.6',
        'constructs': '^10.4.2',
        'cdk8s-kratix': o.libraryRange,
      },
    }, null, 2)}\n`,
  };
}
