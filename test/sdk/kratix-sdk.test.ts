import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Duration } from 'cdk8s';
import { KratixObject, KratixSdk, PipelineFileError, Status } from '../../src/sdk';

function dirs() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kratix-sdk-'));
  const d = { input: path.join(root, 'input'), output: path.join(root, 'output'), metadata: path.join(root, 'metadata') };
  Object.values(d).forEach(p => fs.mkdirSync(p));
  return { root, ...d };
}

function sdkWith(env: Record<string, string> = {}, warnings: string[] = []) {
  const d = dirs();
  const sdk = new KratixSdk({ inputDir: d.input, outputDir: d.output, metadataDir: d.metadata, env, warn: w => warnings.push(w) });
  return { sdk, ...d };
}

const REQUEST = [
  'apiVersion: marketplace.kratix.io/v1alpha1',
  'kind: Redis',
  'metadata:',
  '  name: shop',
  '  namespace: team-a',
  '  labels: {kratix.io/promise-name: redis}',
  '  annotations: {note: "yes"}',
  'spec:',
  '  replicas: 2',
  '  users: [{name: admin}]',
  'status:',
  '  message: Pending',
  '',
].join('\n');

describe('directories', () => {
  test('default to /kratix/input, /kratix/output, /kratix/metadata', () => {
    const sdk = new KratixSdk({ env: {} });
    expect([sdk.inputDir, sdk.outputDir, sdk.metadataDir]).toEqual(['/kratix/input', '/kratix/output', '/kratix/metadata']);
  });

  test('KRATIX_INPUT_DIR, KRATIX_OUTPUT_DIR and KRATIX_METADATA_DIR override them', () => {
    const sdk = new KratixSdk({ env: { KRATIX_INPUT_DIR: '/tmp/i', KRATIX_OUTPUT_DIR: '/tmp/o', KRATIX_METADATA_DIR: '/tmp/m' } });
    expect([sdk.inputDir, sdk.outputDir, sdk.metadataDir]).toEqual(['/tmp/i', '/tmp/o', '/tmp/m']);
  });

  test('options override the environment', () => {
    const sdk = new KratixSdk({ inputDir: '/a', outputDir: '/b', metadataDir: '/c', env: { KRATIX_INPUT_DIR: '/tmp/i' } });
    expect([sdk.inputDir, sdk.outputDir, sdk.metadataDir]).toEqual(['/a', '/b', '/c']);
  });
});

describe('input', () => {
  test('reads object.yaml, typed', () => {
    const { sdk, input } = sdkWith();
    fs.writeFileSync(path.join(input, 'object.yaml'), REQUEST);
    interface Redis { apiVersion: string; kind: string; metadata: { name: string }; spec: { replicas: number } }
    const obj = sdk.readInput<Redis>();
    expect(obj.object.spec.replicas).toBe(2);
    expect(obj.getValue('spec.replicas')).toBe(2);
    expect(obj.getValue('spec.users[0].name')).toBe('admin');
    expect(obj.getValue('metadata.labels["kratix.io/promise-name"]')).toBe('redis');
    expect(obj.getValue('spec.size', 'small')).toBe('small');
    expect(obj.hasValue('spec.size')).toBe(false);
    expect([obj.name, obj.namespace, obj.kind, obj.apiVersion]).toEqual(['shop', 'team-a', 'Redis', 'marketplace.kratix.io/v1alpha1']);
    expect(obj.groupVersionKind).toEqual({ group: 'marketplace.kratix.io', version: 'v1alpha1', kind: 'Redis' });
    expect(obj.labels).toEqual({ 'kratix.io/promise-name': 'redis' });
    expect(obj.annotations).toEqual({ note: 'yes' });
    expect(obj.spec).toEqual({ replicas: 2, users: [{ name: 'admin' }] });
    expect(obj.status.get('message')).toBe('Pending');
    expect(sdk.readResourceInput().name).toBe('shop');
    expect(sdk.readPromiseInput().name).toBe('shop');
  });

  test('the input file name can be changed (the Go SDK WithInputObject)', () => {
    const d = dirs();
    fs.writeFileSync(path.join(d.input, 'request.yaml'), REQUEST);
    const sdk = new KratixSdk({ inputDir: d.input, inputFile: 'request.yaml', env: {} });
    expect(sdk.inputFile).toBe(path.join(d.input, 'request.yaml'));
    expect(sdk.readInput().name).toBe('shop');
  });

  test('a missing value without a default names the file and the path', () => {
    const { sdk, input } = sdkWith();
    fs.writeFileSync(path.join(input, 'object.yaml'), REQUEST);
    expect(() => sdk.readInput().getValue('spec.size')).toThrow(`${path.join(input, 'object.yaml')}: no value at spec.size; check the path against the object, or pass a default`);
  });

  test('a Promise has no namespace and the core group has no slash', () => {
    const { sdk, input } = sdkWith();
    fs.writeFileSync(path.join(input, 'object.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n');
    const obj = sdk.readInput();
    expect(obj.namespace).toBe('');
    expect(obj.groupVersionKind).toEqual({ group: '', version: 'v1', kind: 'ConfigMap' });
    expect(obj.status.toJSON()).toEqual({});
    expect(obj.labels).toEqual({});
  });

  test('a missing object.yaml says how to provide one', () => {
    const { sdk, input } = sdkWith();
    expect(() => sdk.readInput()).toThrow(`${path.join(input, 'object.yaml')}: the input object is missing; Kratix's reader writes it before the pipeline's containers run; outside Kratix set KRATIX_INPUT_DIR`);
  });

  test('malformed object.yaml names the file', () => {
    const { sdk, input } = sdkWith();
    fs.writeFileSync(path.join(input, 'object.yaml'), 'kind: [\n');
    expect(() => sdk.readInput()).toThrow(PipelineFileError);
    expect(() => sdk.readInput()).toThrow(path.join(input, 'object.yaml'));
    fs.writeFileSync(path.join(input, 'object.yaml'), '- a\n');
    expect(() => sdk.readInput()).toThrow('the input object is a list, not a Kubernetes object');
  });
});

describe('output', () => {
  test('writeOutput creates folders; readOutput, listOutput, removeOutput', () => {
    const { sdk, output } = sdkWith();
    expect(sdk.writeOutput('app/deploy/a.yaml', 'a: 1\n')).toBe(path.join(output, 'app/deploy/a.yaml'));
    sdk.writeOutput('b.txt', Buffer.from('bytes'));
    expect(fs.readFileSync(path.join(output, 'b.txt'), 'utf8')).toBe('bytes');
    expect(sdk.readOutput('app/deploy/a.yaml')).toBe('a: 1\n');
    expect(sdk.readOutput('nope')).toBeUndefined();
    expect(sdk.listOutput()).toEqual(['app/deploy/a.yaml', 'b.txt']);
    expect(sdk.listOutput('app')).toEqual(['app/deploy/a.yaml']);
    expect(sdk.removeOutput('app')).toBe(true);
    expect(sdk.removeOutput('app')).toBe(false);
    expect(sdk.listOutput()).toEqual(['b.txt']);
  });

  test('an output directory that does not exist yet lists no files; reading a folder names it', () => {
    const { sdk, output } = sdkWith();
    expect(new KratixSdk({ outputDir: path.join(output, 'none'), env: {} }).listOutput()).toEqual([]);
    sdk.writeOutput('dir/a.yaml', 'a');
    expect(() => sdk.readOutput('dir')).toThrow(`${path.join(output, 'dir')}: cannot read the file: EISDIR`);
  });

  test('leaves no temporary file behind', () => {
    const { sdk, output } = sdkWith();
    sdk.writeOutput('x.yaml', 'x');
    sdk.writeOutput('x.yaml', 'y');
    expect(fs.readdirSync(output)).toEqual(['x.yaml']);
  });

  test('writeYaml quotes what YAML 1.1 would misread', () => {
    const { sdk, output } = sdkWith();
    sdk.writeYaml('cm.yaml', { data: { enabled: 'yes', version: '1.10' } });
    expect(fs.readFileSync(path.join(output, 'cm.yaml'), 'utf8')).toBe('data:\n  enabled: "yes"\n  version: "1.10"\n');
  });

  test('writeObjects writes one document each; writeChart takes anything with toJson()', () => {
    const { sdk, output } = sdkWith();
    const a = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } };
    const b = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' } };
    sdk.writeObjects('two.yaml', [a, b]);
    expect(fs.readFileSync(path.join(output, 'two.yaml'), 'utf8')).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n');
    sdk.writeChart('chart.yaml', { toJson: () => [a, b] });
    expect(fs.readFileSync(path.join(output, 'chart.yaml'), 'utf8')).toBe(fs.readFileSync(path.join(output, 'two.yaml'), 'utf8'));
    sdk.writeChart('one.yaml', { toJson: () => a });
    expect(sdk.readOutput('one.yaml')).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n');
    expect(() => sdk.writeChart('x.yaml', {} as any)).toThrow('chart for x.yaml: has no toJson(); pass a cdk8s Chart or ApiObject');
    expect(() => sdk.writeObjects('x.yaml', [a, 'text'])).toThrow('objects[1] for x.yaml: not a Kubernetes object: "text"');
  });

  test('writes a real cdk8s Chart', () => {
    // cdk8s is a dev dependency here; the SDK itself never loads it.
    const chart = new Chart(new App(), 'c');
    new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'from-cdk8s' }, data: { on: 'yes' } });
    const { sdk } = sdkWith();
    sdk.writeChart('chart.yaml', chart);
    expect(sdk.readOutput('chart.yaml')).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-cdk8s\ndata:\n  "on": "yes"\n');
  });

  test('paths that leave the output directory are refused, and nothing is written', () => {
    const { sdk, output, root } = sdkWith();
    expect(() => sdk.writeOutput('../escape.yaml', 'x')).toThrow(`path "../escape.yaml": leaves the output directory (${output}); write inside the output directory: remove the ".." segments`);
    expect(() => sdk.writeOutput('a/../../escape.yaml', 'x')).toThrow('leaves the output directory');
    expect(() => sdk.writeOutput('/etc/passwd', 'x')).toThrow(`path "/etc/passwd": is absolute; paths are relative to the output directory (${output}); drop the leading "/"`);
    expect(() => sdk.writeOutput('', 'x')).toThrow('path "": not a file path in the output directory');
    expect(() => sdk.removeOutput('..')).toThrow('leaves the output directory');
    expect(() => sdk.listOutput('../metadata')).toThrow('leaves the output directory');
    expect(fs.existsSync(path.join(root, 'escape.yaml'))).toBe(false);
  });

  test('a symbolic link out of the output directory is refused', () => {
    const { sdk, output, root } = sdkWith();
    fs.symlinkSync(root, path.join(output, 'link'));
    expect(() => sdk.writeOutput('link/escape.yaml', 'x')).toThrow('through a symbolic link');
    expect(fs.existsSync(path.join(root, 'escape.yaml'))).toBe(false);
  });

  test('a write that fails names the file and leaves nothing half-written', () => {
    const { sdk, output } = sdkWith();
    sdk.writeOutput('file', 'x');
    expect(() => sdk.writeOutput('file/child.yaml', 'x')).toThrow(`${path.join(output, 'file/child.yaml')}: cannot write the file`);
    expect(fs.readdirSync(output)).toEqual(['file']);
    sdk.writeOutput('dir/keep.yaml', 'kept');
    expect(() => sdk.writeOutput('dir', 'x')).toThrow(`${path.join(output, 'dir')}: cannot write the file`);
    expect(fs.readdirSync(output).sort()).toEqual(['dir', 'file']);
    expect(fs.readdirSync(path.join(output, 'dir'))).toEqual(['keep.yaml']);
  });
});

describe('metadata for later containers', () => {
  test('writeMetadata and readMetadata', () => {
    const { sdk, metadata } = sdkWith();
    sdk.writeMetadata('handoff/db.json', '{"host":"x"}');
    expect(sdk.readMetadata('handoff/db.json')).toBe('{"host":"x"}');
    expect(fs.existsSync(path.join(metadata, 'handoff/db.json'))).toBe(true);
    expect(sdk.readMetadata('none')).toBeUndefined();
  });

  test("Kratix's own files are refused, pointing at their methods", () => {
    const { sdk, metadata } = sdkWith();
    expect(() => sdk.writeMetadata('status.yaml', 'x')).toThrow(`${path.join(metadata, 'status.yaml')}: is read by Kratix; use writeStatus or updateStatus`);
    expect(() => sdk.writeMetadata('destination-selectors.yaml', 'x')).toThrow('use writeDestinationSelectors');
    expect(() => sdk.writeMetadata('workflow-control.yaml', 'x')).toThrow('use suspend or retryAfter');
    expect(() => sdk.writeMetadata('../x', 'x')).toThrow('leaves the metadata directory');
  });
});

describe('destination selectors', () => {
  test('a missing file is no entries', () => {
    expect(sdkWith().sdk.readDestinationSelectors()).toEqual([]);
  });

  test('writes destination-selectors.yaml (hyphenated) and reads it back', () => {
    const { sdk, metadata } = sdkWith();
    const written = sdk.writeDestinationSelectors([{ matchLabels: { region: 'eu' } }, { directory: './platform/', matchLabels: { environment: 'platform' } }]);
    expect(written).toEqual([{ matchLabels: { region: 'eu' } }, { directory: 'platform', matchLabels: { environment: 'platform' } }]);
    expect(fs.readFileSync(path.join(metadata, 'destination-selectors.yaml'), 'utf8')).toBe('- matchLabels:\n    region: eu\n- directory: platform\n  matchLabels:\n    environment: platform\n');
    expect(sdk.readDestinationSelectors()).toEqual(written);
  });

  test("the work-writer's rules are enforced on write, and nothing is written", () => {
    const { sdk, metadata } = sdkWith();
    const file = path.join(metadata, 'destination-selectors.yaml');
    expect(() => sdk.writeDestinationSelectors([{ matchLabels: {} }])).toThrow(`${file}: invalid destination-selectors.yaml: entry with index 0 has no selectors`);
    expect(() => sdk.writeDestinationSelectors([{ directory: 'a', matchLabels: { x: 'y' } }, { directory: 'a/', matchLabels: { x: 'z' } }])).toThrow('duplicate entries in destination-selectors.yaml');
    expect(() => sdk.writeDestinationSelectors([{ directory: 'a/b', matchLabels: { x: 'y' } }])).toThrow('invalid directory in destination-selectors.yaml: a/b, sub-directories are not allowed');
    expect(fs.existsSync(file)).toBe(false);
  });

  test('addDestinationSelector keeps the other entries; same labels twice is fine, other labels are an error', () => {
    const { sdk } = sdkWith();
    sdk.addDestinationSelector({ matchLabels: { region: 'eu' } });
    sdk.addDestinationSelector({ directory: 'platform', matchLabels: { environment: 'platform' } });
    expect(sdk.addDestinationSelector({ directory: 'platform', matchLabels: { environment: 'platform' } })).toHaveLength(2);
    expect(() => sdk.addDestinationSelector({ directory: 'platform', matchLabels: { environment: 'dev' } })).toThrow('directory "platform" is already scheduled with matchLabels {"environment":"platform"}, not {"environment":"dev"}');
    expect(sdk.readDestinationSelectors()).toEqual([{ matchLabels: { region: 'eu' } }, { directory: 'platform', matchLabels: { environment: 'platform' } }]);
  });

  test('a malformed file is reported with the work-writer words', () => {
    const { sdk, metadata } = sdkWith();
    fs.writeFileSync(path.join(metadata, 'destination-selectors.yaml'), 'matchLabels: {a: b}\n');
    expect(() => sdk.readDestinationSelectors()).toThrow('cannot unmarshal object into Go value of type []v1alpha1.WorkflowDestinationSelectors');
  });
});

describe('status', () => {
  test('a missing status.yaml is an empty status', () => {
    expect(sdkWith().sdk.readStatus().toJSON()).toEqual({});
  });

  test('writeStatus writes YAML 1.1 that reads back the same', () => {
    const { sdk, metadata } = sdkWith();
    sdk.writeStatus({ message: 'ready', flag: 'on' });
    expect(fs.readFileSync(path.join(metadata, 'status.yaml'), 'utf8')).toBe('message: ready\nflag: "on"\n');
    expect(sdk.readStatus().toJSON()).toEqual({ message: 'ready', flag: 'on' });
  });

  test('updateStatus lets each container add its keys without erasing the others', () => {
    const { sdk } = sdkWith();
    sdk.updateStatus(s => { s.set('db.host', 'x'); });
    sdk.updateStatus(s => { s.set('message', 'done').setCondition({ type: 'Ready', status: true }); });
    const s = sdk.readStatus();
    expect(s.get('db.host')).toBe('x');
    expect(s.get('message')).toBe('done');
    expect(s.getCondition('Ready')?.status).toBe('True');
    expect(sdk.updateStatus(() => new Status({ only: 1 })).toJSON()).toEqual({ only: 1 });
  });

  test('a top-level kratix key is refused and nothing is written', () => {
    const { sdk, metadata } = sdkWith();
    expect(() => sdk.writeStatus({ kratix: { x: 1 } })).toThrow("'kratix' is a kratix managed status field that cannot be updated via workflows");
    expect(fs.existsSync(path.join(metadata, 'status.yaml'))).toBe(false);
    expect(() => sdk.writeStatus({ app: { kratix: 1 } })).not.toThrow();
  });

  test('a promise workflow writing keys other than message gets the status-writer warning', () => {
    const warnings: string[] = [];
    const { sdk } = sdkWith({ KRATIX_WORKFLOW_TYPE: 'promise' }, warnings);
    expect(sdk.writeStatus({ message: 'ok' })).toEqual([]);
    expect(sdk.writeStatus({ message: 'ok', version: 2 })).toEqual(["Warning: promise workflow status has unsupported keys: version in status.yaml; only 'message' can be updated in Promise status."]);
    expect(warnings).toEqual([`${sdk.statusFile}: Warning: promise workflow status has unsupported keys: version in status.yaml; only 'message' can be updated in Promise status.`]);
    expect(sdk.readStatus().get('version')).toBe(2);
  });

  test('a malformed status.yaml names the file', () => {
    const { sdk, metadata } = sdkWith();
    fs.writeFileSync(path.join(metadata, 'status.yaml'), '- x\n');
    expect(() => sdk.readStatus()).toThrow(`${path.join(metadata, 'status.yaml')}: failed to load incoming status`);
  });
});

describe('workflow control', () => {
  test('suspend with a message', () => {
    const { sdk, metadata } = sdkWith();
    sdk.suspend('waiting for approval');
    expect(fs.readFileSync(path.join(metadata, 'workflow-control.yaml'), 'utf8')).toBe('suspend: true\nmessage: waiting for approval\n');
    expect(sdk.readWorkflowControl()).toEqual({ action: 'suspend', suspend: true, retryAfter: '', message: 'waiting for approval' });
  });

  test('retry after a Go duration, milliseconds or a cdk8s Duration; never maxAttempts', () => {
    const { sdk, metadata } = sdkWith();
    expect(sdk.retryAfter('10m', 'db not ready')).toBe('10m');
    expect(fs.readFileSync(path.join(metadata, 'workflow-control.yaml'), 'utf8')).toBe('retryAfter: 10m\nmessage: db not ready\n');
    expect(sdk.readWorkflowControl()).toEqual({ action: 'retry', suspend: false, retryAfter: '10m', message: 'db not ready' });
    expect(sdk.retryAfter(90_000)).toBe('1m30s');
    expect(sdk.retryAfter(Duration.hours(2))).toBe('2h0m0s');
    expect(fs.readFileSync(path.join(metadata, 'workflow-control.yaml'), 'utf8')).toBe('retryAfter: 2h0m0s\n');
  });

  test('a duration Go would refuse is refused, and the file is left as it was', () => {
    const { sdk } = sdkWith();
    sdk.suspend();
    expect(() => sdk.retryAfter('1d')).toThrow('retryAfter(duration): failed to parse retry duration: "1d" with error: time: unknown unit "d" in duration "1d"; use a Go duration');
    expect(() => sdk.retryAfter({} as any)).toThrow('retryAfter(duration): not a duration: {}');
    expect(sdk.readWorkflowControl().action).toBe('suspend');
  });

  test('clearWorkflowControl removes an earlier container\'s request', () => {
    const { sdk } = sdkWith();
    expect(sdk.clearWorkflowControl()).toBe(false);
    sdk.suspend();
    expect(sdk.clearWorkflowControl()).toBe(true);
    expect(sdk.readWorkflowControl().action).toBe('none');
  });
});

describe('compound Promises: writeComponentRequest', () => {
  const ENV = { KRATIX_PROMISE_NAME: 'webapp' };

  test('writes the request into platform/, stamped with both label conventions, and schedules the directory', () => {
    const { sdk, input } = sdkWith(ENV);
    fs.writeFileSync(path.join(input, 'object.yaml'), 'apiVersion: example.org/v1\nkind: WebApp\nmetadata: {name: shop, namespace: team-a}\n');
    const rel = sdk.writeComponentRequest({ apiVersion: 'marketplace.kratix.io/v1alpha2', kind: 'postgresql', metadata: { name: 'shop-db', labels: { team: 'a' } }, spec: { size: 1 } });
    expect(rel).toBe('platform/postgresql-shop-db.yaml');
    expect(sdk.readOutput(rel)).toBe([
      'apiVersion: marketplace.kratix.io/v1alpha2',
      'kind: postgresql',
      'metadata:',
      '  name: shop-db',
      '  labels:',
      '    team: a',
      '    kratix.io/component-of-promise-name: webapp',
      '    kratix.io/component-of-resource-name: shop',
      '    kratix.io/component-of-resource-namespace: team-a',
      '    kratix.io/parent-promise-name: webapp',
      '    kratix.io/parent-resource-name: shop',
      '    kratix.io/parent-resource-namespace: team-a',
      '  namespace: team-a',
      'spec:',
      '  size: 1',
      '',
    ].join('\n'));
    expect(sdk.readDestinationSelectors()).toEqual([{ directory: 'platform', matchLabels: { environment: 'platform' } }]);
    sdk.writeComponentRequest({ apiVersion: 'v1', kind: 'Bucket', metadata: { name: 'shop-b', namespace: 'other' } });
    expect(sdk.readDestinationSelectors()).toHaveLength(1);
    expect(sdk.listOutput()).toEqual(['platform/bucket-shop-b.yaml', 'platform/postgresql-shop-db.yaml']);
  });

  test('directory, labels, file and parent can be chosen', () => {
    const { sdk } = sdkWith({});
    const parent = new KratixObject({ apiVersion: 'x/v1', kind: 'X', metadata: { name: 'p', namespace: 'n', labels: { 'kratix.io/promise-name': 'xp' } } });
    const rel = sdk.writeComponentRequest({ apiVersion: 'v1', kind: 'Db', metadata: { name: 'p-db' } }, { directory: 'infra', matchLabels: { cluster: 'infra' }, file: 'db.yaml', parent });
    expect(rel).toBe('infra/db.yaml');
    expect(sdk.readOutput(rel)).toContain('kratix.io/parent-promise-name: xp');
    expect(sdk.readDestinationSelectors()).toEqual([{ directory: 'infra', matchLabels: { cluster: 'infra' } }]);
  });

  test('a request without a name is refused', () => {
    const { sdk } = sdkWith(ENV);
    expect(() => sdk.writeComponentRequest({ apiVersion: 'v1', kind: 'Db' })).toThrow('writeComponentRequest(request): the request needs apiVersion, kind and metadata.name');
  });
});
