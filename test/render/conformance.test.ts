import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { compareRendering } from './conformance-compare';
import { CliIo, processIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { RenderSettings, renderWorkflow, toYaml, WorkflowRef, workflowObjects } from '../../src/render';

const CASES_DIR = path.join(__dirname, '..', '..', '..', 'shared', 'conformance', 'render');
const cases = fs.readdirSync(CASES_DIR).filter(name => fs.statSync(path.join(CASES_DIR, name)).isDirectory()).sort();

interface Case {
  readonly dir: string;
  readonly settings: any;
  readonly promise: any;
  readonly request?: any;
  readonly expected: unknown[];
}

function loadCase(name: string): Case {
  const dir = path.join(CASES_DIR, name);
  const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
  return {
    dir,
    settings: parse(read('settings.yaml')),
    promise: parse(read('promise.yaml')),
    request: fs.existsSync(path.join(dir, 'request.yaml')) ? parse(read('request.yaml')) : undefined,
    expected: parseAllDocuments(read('expected.yaml')).map(d => d.toJS()),
  };
}

function renderSettings(settings: any): RenderSettings {
  return {
    adapterImage: settings.pipelineAdapterImage ?? '',
    adapterPullSecret: settings.pipelineAdapterPullSecret ?? '',
    kratixConfig: settings.kratixConfigMapPresent ? (settings.kratixConfig ?? {}) : undefined,
  };
}

function runCli(args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { ...processIo, stdout: t => { stdout += t; }, stderr: t => { stderr += t; } };
  const code = main(args, io);
  return { code, stdout, stderr };
}

test('the conformance cases are found in ../shared', () => {
  expect(cases.length).toBeGreaterThan(0);
});

describe.each(cases)('conformance case %s', (name) => {
  const c = loadCase(name);
  const render = () => workflowObjects(renderWorkflow(c.promise, c.settings.workflow as WorkflowRef, c.request, renderSettings(c.settings)));

  test('renderWorkflow matches expected.yaml', () => {
    expect(compareRendering(c.expected, render())).toEqual([]);
  });

  test('toYaml output parses back to the same objects', () => {
    const rendered = render();
    const reparsed = parseAllDocuments(toYaml(rendered)).map(d => d.toJS());
    expect(reparsed).toEqual(JSON.parse(JSON.stringify(rendered)));
  });

  test('the render command prints objects matching expected.yaml', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-kratix-render-'));
    try {
      const args = ['render', path.join(c.dir, 'promise.yaml'), '--workflow', c.settings.workflow];
      if (c.request) args.push('--request', path.join(c.dir, 'request.yaml'));
      if (c.settings.pipelineAdapterImage) args.push('--adapter-image', c.settings.pipelineAdapterImage);
      if (c.settings.pipelineAdapterPullSecret) args.push('--adapter-pull-secret', c.settings.pipelineAdapterPullSecret);
      if (c.settings.kratixConfigMapPresent) {
        const file = path.join(tmp, 'kratix-config.yaml');
        fs.writeFileSync(file, stringify({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'kratix', namespace: 'kratix-platform-system' },
          data: { config: stringify(c.settings.kratixConfig ?? {}) },
        }));
        args.push('--kratix-config', file);
      }
      const result = runCli(args);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const docs = parseAllDocuments(result.stdout).map(d => d.toJS());
      expect(compareRendering(c.expected, docs)).toEqual([]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
