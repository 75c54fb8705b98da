import * as fs from 'fs';
import * as path from 'path';

/** The usage line of each command, printed by `cdk8s-kratix COMMAND --help` and after a usage error. */
export const COMMAND_USAGE: Readonly<Record<string, string>> = {
  render: 'usage: cdk8s-kratix render PROMISE.yaml --workflow promise/configure|promise/delete|resource/configure|resource/delete ' +
    '[--promise NAME] [--request REQUEST.yaml] [--kratix-config KRATIX-CONFIGMAP.yaml] [--adapter-image IMAGE] [--adapter-pull-secret NAME]',
  validate: 'usage: cdk8s-kratix validate FILE... [--lenient]',
  import: 'usage: cdk8s-kratix import PROMISE.yaml [-o FILE.ts] [--lenient]',
  audit: 'usage: cdk8s-kratix audit FILE... [--json] [--fail-on critical|high|medium|low|info] [--kratix-config KRATIX-CONFIGMAP.yaml]',
  api: 'usage: cdk8s-kratix api PROMISE.yaml [-o FILE.ts]',
  init: 'usage: cdk8s-kratix init promise NAME --group GROUP --kind KIND [--version VERSION] [--dir DIR]',
  run: 'usage: cdk8s-kratix run PROMISE.yaml --workflow TYPE/ACTION [--request REQUEST.yaml] [--exec CONTAINER=COMMAND ...] ' +
    '[--engine docker|podman] [--destinations DESTINATIONS.yaml] [--promise NAME] --out DIR [--expect DIR]',
};

/** The usage of the whole command line. */
export const USAGE = `usage: cdk8s-kratix <command> [options]

commands:
  render PROMISE.yaml --workflow TYPE/ACTION [--promise NAME] [--request REQUEST.yaml]
         [--kratix-config KRATIX-CONFIGMAP.yaml] [--adapter-image IMAGE] [--adapter-pull-secret NAME]
                                 print every object Kratix creates for a workflow
  validate FILE... [--lenient]   check Promise files against Kratix's schema and rules
  import PROMISE.yaml [-o FILE.ts] [--lenient]
                                 generate TypeScript that builds the Promise with cdk8s-kratix,
                                 and a typed request class per Promise API
  api PROMISE.yaml [-o FILE.ts]  generate only the typed request classes of the Promise APIs
  audit FILE... [--json] [--fail-on SEVERITY] [--kratix-config KRATIX-CONFIGMAP.yaml]
                                 report the permissions and security findings of every pipeline
  run PROMISE.yaml --workflow TYPE/ACTION [--request REQUEST.yaml] [--exec CONTAINER=COMMAND ...]
      [--engine docker|podman] [--destinations DESTINATIONS.yaml] [--promise NAME] --out DIR [--expect DIR]
                                 run a workflow locally as Kratix would: Works, state store, status
  init promise NAME --group GROUP --kind KIND [--version VERSION] [--dir DIR]
                                 scaffold a package that publishes the Promise as a construct library

cdk8s-kratix COMMAND --help prints the usage of one command.
global options: --debug (print stack traces), --version, --help
`;

/** The version of the installed package, from its package.json. */
export function packageVersion(): string {
  // lib/cli/usage.js and src/cli/usage.ts both sit two levels below the package root.
  const file = path.join(__dirname, '..', '..', 'package.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')).version;
}
