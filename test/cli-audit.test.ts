import * as fs from 'fs';
import * as path from 'path';
import { SHARED } from './support/kratix-crd';
import { CliError, CliIo } from '../src/cli/io';
import { main } from '../src/cli/main';

const FIXTURES = path.join(SHARED, 'fixtures', 'promises');
const RBAC_FIXTURE = path.join(FIXTURES, 'syntasso+kratix__test-system-assets-rbac-promise.yaml');
const MULTI_FIXTURE = path.join(FIXTURES, 'syntasso+kratix__samples-easy-app-promise.yaml');

const CLEAN = `apiVersion: platform.kratix.io/v1alpha1
kind: Promise
metadata:
  name: clean
spec:
  workflows:
    promise:
      configure:
        - apiVersion: platform.kratix.io/v1alpha1
          kind: Pipeline
          metadata:
            name: setup
          spec:
            containers:
              - name: setup
                image: ghcr.io/acme/setup:v1
`;

const CONFIG_MAP = (config: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: kratix
  namespace: kratix-platform-system
data:
  config: |
${config.split('\n').map(l => `    ${l}`).join('\n')}
`;

/** Runs the CLI in-process: real files from ../shared, in-memory files by name. */
function run(args: string[], files: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: t => { stdout += t; },
    stderr: t => { stderr += t; },
    readFile: p => {
      if (p in files) return files[p];
      if (p.startsWith(SHARED)) return fs.readFileSync(p, 'utf8');
      throw new CliError(`${p}: cannot read file: ENOENT`);
    },
    writeFile: () => { throw new Error('audit writes no files'); },
  };
  const code = main(['audit', ...args], io);
  return { code, stdout, stderr };
}

describe('cdk8s-kratix audit', () => {
  test('sees a cluster-wide "*" permission and a privileged container written with keys in another capitalisation (audit evasion)', () => {
    const evasive = CLEAN.replace('                image: ghcr.io/acme/setup:v1\n', `                image: ghcr.io/acme/setup:v1
                SecurityContext: {privileged: true}
            RBAC:
              Permissions:
                - {verbs: ['*'], apiGroups: ['*'], resources: ['*'], resourceNamespace: '*'}
`);
    const r = run(['evasive.yaml', '--fail-on', 'critical'], { 'evasive.yaml': evasive });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('CRITICAL  container-privileged');
    expect(r.stdout).toContain('pipeline  cluster-wide  *');
    expect(r.stdout).not.toContain('container-no-security-context');
  });

  describe('exit codes', () => {
    test('0 with findings when --fail-on is not given', () => {
      const r = run([RBAC_FIXTURE]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout.split('\n')[0]).toBe('Promise "rbac-promise": 6 findings: 1 critical, 0 high, 3 medium, 2 low, 0 info');
    });

    test('2 when a finding is at or above --fail-on, saying how many', () => {
      const r = run([RBAC_FIXTURE, '--fail-on', 'critical']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('cdk8s-kratix audit: 1 finding at or above critical (--fail-on critical)\n');
      expect(run([RBAC_FIXTURE, '--fail-on=MEDIUM']).stderr).toBe('cdk8s-kratix audit: 4 findings at or above medium (--fail-on medium)\n');
    });

    test('0 when no finding reaches --fail-on', () => {
      expect(run(['clean.yaml', '--fail-on', 'high'], { 'clean.yaml': CLEAN }).code).toBe(0);
      expect(run(['clean.yaml', '--fail-on', 'medium'], { 'clean.yaml': CLEAN }).code).toBe(2);
    });

    test.each<[string, string[], Record<string, string>, string]>([
      ['no file', [], {}, 'cdk8s-kratix audit: no file given\nusage: cdk8s-kratix audit FILE... [--json] [--fail-on critical|high|medium|low|info] [--kratix-config KRATIX-CONFIGMAP.yaml]\n'],
      ['a bad --fail-on', ['p.yaml', '--fail-on', 'severe'], { 'p.yaml': CLEAN }, 'cdk8s-kratix audit: --fail-on "severe": expected one of critical, high, medium, low, info\n'],
      ['an unknown option', ['p.yaml', '--yaml'], { 'p.yaml': CLEAN }, "cdk8s-kratix audit: unknown option '--yaml'; known options: --json, --fail-on, --kratix-config\n"],
      ['a missing file', ['missing.yaml'], {}, 'cdk8s-kratix audit: missing.yaml: cannot read file: ENOENT\n'],
      ['an empty file', ['empty.yaml'], { 'empty.yaml': '' }, 'cdk8s-kratix audit: empty.yaml: no Promise found (0 documents); pass a file with kind: Promise documents\n'],
      ['malformed YAML', ['bad.yaml'], { 'bad.yaml': 'kind: Promise\n  name: [x\n' },
        'cdk8s-kratix audit: bad.yaml: line 1, column 7: not valid YAML: Nested mappings are not allowed in compact mappings\n'],
      ['no Promise', ['cm.yaml'], { 'cm.yaml': 'kind: ConfigMap\n---\n42\n' },
        'cdk8s-kratix audit: cm.yaml: no Promise found (2 documents, kinds "ConfigMap", null); pass a file with kind: Promise documents\n'],
      ['a number where a string belongs', ['p.yaml'], { 'p.yaml': `kind: ConfigMap\n---\n${CLEAN.replace('image: ghcr.io/acme/setup:v1', 'image: 12')}` },
        "cdk8s-kratix audit: p.yaml: document 2: spec.workflows.promise.configure[0].spec.containers[0].image: 12 is a whole number, not a string: Kratix cannot decode it (json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string); quote it: '12'\n"],
      ['a null pipeline', ['p.yaml'], { 'p.yaml': 'kind: Promise\nmetadata: {name: p}\nspec: {workflows: {resource: {delete: [null]}}}\n' },
        'cdk8s-kratix audit: p.yaml: document 1: spec.workflows.resource.delete[0]: null is not a Pipeline object\n'],
      ['a kratix config that is not a ConfigMap', ['p.yaml', '--kratix-config', 'c.yaml'], { 'p.yaml': CLEAN, 'c.yaml': 'kind: Secret\n' },
        'cdk8s-kratix audit: c.yaml: holds 0 ConfigMaps in 1 documents; pass the one kratix ConfigMap manifest (kratix-platform-system/kratix)\n'],
      ['a kratix ConfigMap without data.config', ['p.yaml', '--kratix-config', 'c.yaml'], { 'p.yaml': CLEAN, 'c.yaml': 'kind: ConfigMap\ndata: {}\n' },
        "cdk8s-kratix audit: c.yaml: data.config: missing; Kratix refuses to start when the kratix ConfigMap has no 'config' key\n"],
      ['a kratix config with a bad default', ['p.yaml', '--kratix-config', 'c.yaml'],
        { 'p.yaml': CLEAN, 'c.yaml': CONFIG_MAP('workflows:\n  defaultContainerSecurityContext: 7') },
        'cdk8s-kratix audit: c.yaml: data.config.workflows.defaultContainerSecurityContext: 7 is not a SecurityContext map\n'],
    ])('1 for %s, naming the file, field and value, without a stack trace', (_, args, files, message) => {
      const r = run(args, files);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.startsWith(message)).toBe(true);
      expect(r.stderr).not.toMatch(/TypeError|\n\s+at /);
    });
  });

  describe('--json', () => {
    test('prints the file, a summary and every Promise report', () => {
      const r = run([RBAC_FIXTURE, '--json']);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout);
      expect(Object.keys(json)).toEqual(['file', 'summary', 'promises']);
      expect(json.file).toBe(RBAC_FIXTURE);
      expect(json.summary).toEqual({ critical: 1, high: 0, medium: 3, low: 2, info: 0 });
      expect(json.promises.map((p: any) => p.promise)).toEqual(['rbac-promise']);
      expect(json.promises[0].pipelines.map((p: any) => [p.pipeline, p.serviceAccount, p.permissions.length, p.findings.length])).toEqual([
        ['rbac-pro', 'rbac-promise-promise-configure-rbac-pro', 4, 3],
        ['rbac-res', 'rbac-promise-resource-configure-rbac-res', 5, 3],
      ]);
    });

    test('still exits 2 with --fail-on', () => {
      const r = run([RBAC_FIXTURE, '--json', '--fail-on', 'low']);
      expect(r.code).toBe(2);
      expect(JSON.parse(r.stdout).summary.critical).toBe(1);
    });
  });

  test('audits every Promise document of a multi-document file, skipping other kinds', () => {
    const files = { 'all.yaml': `${CLEAN}---\nkind: Namespace\n---\n${CLEAN.replace('name: clean', 'name: second')}` };
    const json = JSON.parse(run(['all.yaml', '--json'], files).stdout);
    expect(json.promises.map((p: any) => p.promise)).toEqual(['clean', 'second']);
    expect(json.summary.medium).toBe(2);
    const table = run(['all.yaml'], files).stdout;
    expect(table.match(/^Promise "/gm)).toHaveLength(2);
    expect(table.endsWith('\nall.yaml: 2 Promises, 2 findings: 0 critical, 0 high, 2 medium, 0 low, 0 info\n')).toBe(true);
  });

  describe('when given several files, like validate', () => {
    const files = { 'a.yaml': CLEAN, 'b.yaml': CLEAN.replace('name: clean', 'name: second') };

    test('the table has every Promise of every file and a total', () => {
      const r = run(['a.yaml', 'b.yaml'], files);
      expect(r.code).toBe(0);
      expect(r.stdout.match(/^Promise "/gm)).toHaveLength(2);
      expect(r.stdout.endsWith('\n2 files: 2 Promises, 2 findings: 0 critical, 0 high, 2 medium, 0 low, 0 info\n')).toBe(true);
    });

    test('--json reports each file, and a summary of all', () => {
      const json = JSON.parse(run(['a.yaml', 'b.yaml', '--json'], files).stdout);
      expect(Object.keys(json)).toEqual(['files', 'summary']);
      expect(json.files.map((f: any) => [f.file, f.promises.map((p: any) => p.promise), f.summary.medium])).toEqual([['a.yaml', ['clean'], 1], ['b.yaml', ['second'], 1]]);
      expect(json.summary).toEqual({ critical: 0, high: 0, medium: 2, low: 0, info: 0 });
    });

    test('--fail-on counts the findings of all files', () => {
      const r = run(['a.yaml', 'b.yaml', '--fail-on', 'medium'], files);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('cdk8s-kratix audit: 2 findings at or above medium (--fail-on medium)\n');
    });

    test('a bad file names itself', () => {
      const r = run(['a.yaml', 'missing.yaml'], files);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('cdk8s-kratix audit: missing.yaml: cannot read file: ENOENT\n');
    });
  });

  test('audits a fixture whose Promise embeds other Promises as dependencies once', () => {
    expect(JSON.parse(run([MULTI_FIXTURE, '--json']).stdout).promises.map((p: any) => p.promise)).toEqual(['easyapp']);
  });

  describe('--kratix-config', () => {
    test('a ConfigMap without the default gives containers {}, and the message says so', () => {
      const r = run(['p.yaml', '--kratix-config', 'c.yaml'], { 'p.yaml': CLEAN, 'c.yaml': CONFIG_MAP('workflows: {}') });
      expect(r.stdout).toContain('container "setup" has no securityContext and the kratix ConfigMap sets no workflows.defaultContainerSecurityContext, so Kratix gives it securityContext: {}');
    });

    test('a restricted default leaves no finding', () => {
      const config = 'workflows:\n  defaultContainerSecurityContext:\n    allowPrivilegeEscalation: false\n    capabilities: {drop: [ALL]}\n    runAsNonRoot: true\n    seccompProfile: {type: RuntimeDefault}';
      const r = run(['p.yaml', '--kratix-config', 'c.yaml', '--fail-on', 'info'], { 'p.yaml': CLEAN, 'c.yaml': CONFIG_MAP(config) });
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n')[0]).toBe('Promise "clean": 0 findings: 0 critical, 0 high, 0 medium, 0 low, 0 info');
    });
  });

  test('reads YAML 1.2: "no" is a string, not false', () => {
    const yaml = CLEAN.replace('name: setup\n          spec', 'name: "no"\n          spec').replace('image: ghcr.io/acme/setup:v1', 'image: ghcr.io/acme/setup:v1\n                imagePullPolicy: Never');
    const r = run(['p.yaml', '--json'], { 'p.yaml': yaml.replace('name: "no"', 'name: no') });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).promises[0].pipelines[0].serviceAccount).toBe('clean-promise-configure-no');
  });
});
