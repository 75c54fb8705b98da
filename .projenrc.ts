import { cdk8s, javascript, JsonFile } from 'projen';
import { UpdateSnapshot } from 'projen/lib/javascript';

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-kratix',
  packageName: 'cdk8s-kratix',
  description: 'cdk8s constructs for Kratix Promises, their workflows and pipelines, and the Kubernetes objects Kratix creates for them',
  author: 'cdk8s-kratix developers',
  authorAddress: 'dev@cdk8s-kratix.dev',
  repositoryUrl: 'https://github.com/cdk8s-kratix/cdk8s-kratix.git',
  keywords: ['cdk8s', 'kratix', 'kubernetes', 'platform-engineering', 'promise'],
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  jsiiVersion: '~5.9.0',
  typescriptVersion: '~5.9.0',
  cdk8sVersion: '2.70.0',
  constructsVersion: '10.4.2',
  peerDeps: ['cdk8s-plus-28@^2.5.6'],
  bundledDeps: ['yaml@^2.8.0', 'ajv@^8.17.1', 'json2jsii@^0.5.19'],
  projenVersion: '0.103.25',
  devDeps: [
    '@types/node@^20',
    'kubernetes-models@~4.4.2',
    'fast-check@^4.0.0',
    'cdk8s-cli@^2',
  ],
  github: false,
  release: false,
  docgen: true,
  jestOptions: {
    jestVersion: '^29',
    updateSnapshot: UpdateSnapshot.NEVER,
    jestConfig: {
      testTimeout: 120_000,
      collectCoverage: false,
    },
  },
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'bench', 'scripts', 'projenrc', '.projenrc.ts'],
  },
  gitignore: ['/examples/dist/', '/bench/results.json.tmp'],
  bin: { 'cdk8s-kratix': 'bin/cdk8s-kratix' },
  // The oldest Node.js that .ci/run tests (scripts/with-node.sh runs the suite on 22 and 24 too).
  minNodeVersion: '20.0.0',
  publishToPypi: { distName: 'cdk8s-kratix', module: 'cdk8s_kratix' },
});

// Names reserved in a target language are renamed, not silenced: jsii fails on any warning.
project.compileTask.reset('jsii --fail-on-warnings');
project.tasks.tryFind('watch')!.reset('jsii -w --fail-on-warnings');

project.testTask.prependSpawn(project.compileTask);

// The example app, the benchmarks and the generator scripts are type-checked and linted like the tests.
for (const dir of ['examples', 'bench', 'scripts']) {
  new JsonFile(project, `${dir}/tsconfig.json`, {
    obj: {
      extends: '../tsconfig.json',
      compilerOptions: { noEmit: true, rootDir: '..' },
      include: ['**/*.ts'],
    },
  });
}

// The pipeline SDK (src/sdk, not part of the jsii API) is `cdk8s-kratix/pipeline`, the local workflow
// runner (src/run, asynchronous and taking functions, so not jsii either) `cdk8s-kratix/run`; the root entry is
// unchanged and deep lib/ paths keep working. typesVersions serves TypeScript's older `node`
// resolution, which does not read `exports`.
project.package.addField('exports', {
  '.': { types: './lib/index.d.ts', default: './lib/index.js' },
  './pipeline': { types: './lib/sdk/index.d.ts', default: './lib/sdk/index.js' },
  './run': { types: './lib/run/index.d.ts', default: './lib/run/index.js' },
  './package.json': './package.json',
  './.jsii': './.jsii',
  './lib/*.js': './lib/*.js',
  './lib/*': './lib/*.js',
});
project.package.addField('typesVersions', { '*': { pipeline: ['lib/sdk/index.d.ts'], run: ['lib/run/index.d.ts'] } });

project.addPackageIgnore('/examples/');
project.addPackageIgnore('/bench/');
// What the npm package ships, as an allowlist (npm adds package.json, README.md, LICENSE and the
// bundled dependencies): a new folder in the repository stays out unless it is named here.
project.package.addField('files', ['lib/**/*.js', 'lib/**/*.d.ts', 'bin/', 'API.md', '.jsii']);

project.addTask('synth', {
  description: 'Build the library and synthesize the example app in examples/ into dist/',
  steps: [
    { spawn: 'compile' },
    { exec: 'ts-node --project examples/tsconfig.json examples/main.ts' },
  ],
});

project.addTask('bench', {
  description: 'Benchmarks: synth, render, import, cold start and the pipeline SDK load time against their floors (writes bench/results.json)',
  exec: 'ts-node --project bench/tsconfig.json bench/run.ts',
});

project.synth();
