import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// The Python binding, checked offline: jsii-pacmak generates the package's source from the jsii
// assembly (.jsii, written by `npm test`'s compile step); Python 3 byte-compiles every file and
// reads the module's API with `ast`. Importing it is not checked: that needs the jsii runtime,
// cdk8s and constructs from PyPI, which the machines here cannot reach.
const ROOT = path.resolve(__dirname, '..');
const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const hasPython = python.status === 0;
if (!hasPython) {
  process.stderr.write('python-binding: python3 is not on PATH: SKIPPING the py_compile and API checks of the Python binding\n');
}
const withPython = hasPython ? describe : describe.skip;

interface PyClass { methods: Record<string, string[]>; staticmethods: Record<string, string[]>; properties: string[]; members: string[] }

describe('the Python binding (jsii-pacmak --target python --code-only)', () => {
  let out: string;
  let pkg: string;

  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-kratix-python-'));
    execFileSync(process.execPath, [require.resolve('jsii-pacmak/bin/jsii-pacmak'), '--target', 'python', '--code-only', '--outdir', out], { cwd: ROOT, stdio: 'pipe' });
    pkg = path.join(out, 'python');
  }, 120_000);

  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  test("is the distribution cdk8s-kratix, module cdk8s_kratix, as .projenrc.ts's publishToPypi declares", () => {
    const setup = fs.readFileSync(path.join(pkg, 'setup.py'), 'utf8');
    expect(setup).toContain('"name": "cdk8s-kratix"');
    expect(setup).toMatch(/"packages": \[\s*"cdk8s_kratix",\s*"cdk8s_kratix._jsii"\s*\]/);
    const deps = JSON.parse(setup.match(/"install_requires": (\[[^\]]*\])/)![1]);
    expect(deps.map((d: string) => d.split(/[<>=]/)[0]).sort()).toEqual(['cdk8s', 'cdk8s-plus-28', 'constructs', 'jsii', 'publication']);
    expect(fs.existsSync(path.join(pkg, 'src', 'cdk8s_kratix', '__init__.py'))).toBe(true);
  });

  withPython('with python3', () => {
    let api: Record<string, PyClass>;

    beforeAll(() => {
      api = JSON.parse(execFileSync('python3', [path.join(__dirname, 'support', 'python-api.py'), path.join(pkg, 'src', 'cdk8s_kratix', '__init__.py')], { encoding: 'utf8' }));
    });

    test('every generated .py file compiles (python3 -m py_compile)', () => {
      const files = (fs.readdirSync(pkg, { recursive: true }) as string[]).filter(f => f.endsWith('.py')).map(f => path.join(pkg, f));
      expect(files.length).toBeGreaterThanOrEqual(3); // setup.py, cdk8s_kratix/__init__.py, cdk8s_kratix/_jsii/__init__.py
      const r = spawnSync('python3', ['-m', 'py_compile', ...files], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    });

    test('the constructs are there under their Python names', () => {
      expect(Object.keys(api)).toEqual(expect.arrayContaining([
        'KratixPromise', 'PromiseWorkflow', 'Pipeline', 'PipelineRbac', 'PipelineJob', 'KratixConfig',
        'PromiseApi', 'PermissionScope', 'PromiseAudit', 'WorkflowType', 'WorkflowAction',
      ]));
      expect(api.KratixPromise.methods.workflow).toEqual(['workflow_type', 'action']);
      expect(api.KratixPromise.methods.add_pipeline.slice(0, 4)).toEqual(['workflow_type', 'action', 'id', 'annotations']);
      expect(api.KratixPromise.staticmethods).toEqual(expect.objectContaining({ from_yaml: expect.any(Array), from_object: expect.any(Array) }));
      expect(api.PromiseWorkflow.properties).toEqual(expect.arrayContaining(['workflow_type', 'action', 'pipelines']));
      expect(Object.keys(api.PipelineRbac.methods)).toEqual(expect.arrayContaining(['allow', 'allow_read', 'allow_read_write', 'add_permission']));
      expect(api.PermissionScope.staticmethods).toEqual({ pipeline_namespace: [], named_namespace: ['name'], all_namespaces: [] });
      expect(api.PipelineJob.properties).toEqual(expect.arrayContaining(['job_namespace', 'pipeline_id', 'service_account_name', 'api_objects']));
      expect(api.AuditPermission.properties).toContain('target_namespace');
      expect(api.WorkflowType.members).toEqual(['PROMISE', 'RESOURCE']);
      expect(api.WorkflowAction.members).toEqual(['CONFIGURE', 'DELETE']);
    });

    test('no Python name is a Python keyword or shadows a Python builtin', () => {
      const names = Object.values(api).flatMap(c => [
        ...c.properties, ...Object.keys(c.methods), ...Object.keys(c.staticmethods),
        ...Object.values(c.methods).flat(), ...Object.values(c.staticmethods).flat(),
      ]);
      const reserved = execFileSync('python3', ['-c', 'import keyword, builtins, json; print(json.dumps(keyword.kwlist + dir(builtins)))'], { encoding: 'utf8' });
      // `id` and `type`-like builtins as parameters are the cdk8s convention (scope, id); jsii keeps them.
      const clashes = names.filter(n => JSON.parse(reserved).includes(n) && n !== 'id');
      expect([...new Set(clashes)]).toEqual([]);
    });

    test('the source distribution builds offline with the machine\'s setuptools and carries the module and the jsii assembly', () => {
      const hasSetuptools = spawnSync('python3', ['-c', 'import setuptools'], { encoding: 'utf8' }).status === 0;
      if (!hasSetuptools) {
        process.stderr.write('python-binding: python3 has no setuptools: the sdist check is not run\n');
        return;
      }
      const dist = path.join(out, 'sdist');
      execFileSync('python3', ['setup.py', '-q', 'sdist', '-d', dist], { cwd: pkg, stdio: 'pipe' });
      const [tarball] = fs.readdirSync(dist);
      const files = execFileSync('tar', ['tzf', path.join(dist, tarball)], { encoding: 'utf8' }).split('\n');
      expect(files).toEqual(expect.arrayContaining([
        expect.stringMatching(/^cdk8s-kratix-[^/]+\/src\/cdk8s_kratix\/__init__\.py$/),
        expect.stringMatching(/^cdk8s-kratix-[^/]+\/src\/cdk8s_kratix\/_jsii\/cdk8s-kratix@[^/]+\.jsii\.tgz$/),
        expect.stringMatching(/^cdk8s-kratix-[^/]+\/src\/cdk8s_kratix\/py\.typed$/),
      ]));
    });
  });
});

describe("jsii's warnings about names other languages reserve", () => {
  const tasks = JSON.parse(fs.readFileSync(path.join(ROOT, '.projen', 'tasks.json'), 'utf8')).tasks;

  test.each(['compile', 'watch'])('the %s task runs jsii with every warning an error, none silenced', (name) => {
    const execs: string[] = tasks[name].steps.map((s: any) => s.exec);
    expect(execs).toEqual([expect.stringMatching(/^jsii( -w)? --fail-on-warnings$/)]);
    expect(execs.join(' ')).not.toContain('--silence-warnings');
  });
});
