import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// Every complete TypeScript example of the README (a block that starts with its imports)
// type-checks against the library, so the README cannot drift from the API.
const ROOT = path.resolve(__dirname, '..');

test('the README examples type-check against the library', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map(m => m[1]).filter(code => code.startsWith('import'));
  expect(blocks.length).toBeGreaterThanOrEqual(4);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-'));
  const files = blocks.map((code, i) => {
    const file = path.join(dir, `example${i}.ts`);
    fs.writeFileSync(file, code
      .replace(/from 'cdk8s-kratix'/g, `from '${path.join(ROOT, 'src')}'`)
      .replace(/from 'cdk8s-kratix\/run'/g, `from '${path.join(ROOT, 'src', 'run')}'`)
      .replace(/from 'cdk8s-kratix\/pipeline'/g, `from '${path.join(ROOT, 'src', 'sdk')}'`)
      .replace(/from '\.\/examples\//g, `from '${path.join(ROOT, 'examples')}/`));
    return file;
  });
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'node16',
      strict: true,
      noEmit: true,
      esModuleInterop: true,
      skipLibCheck: true,
      types: ['node'],
      typeRoots: [path.join(ROOT, 'node_modules', '@types')],
      baseUrl: ROOT,
      paths: { '*': [path.join(ROOT, 'node_modules', '*')] },
    },
    files,
  }));
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', dir], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e: any) {
    throw new Error(`README examples do not compile:\n${e.stdout}${e.stderr}`);
  }
});

// A type-check does not see what synthesis rejects: each complete example that synthesizes an app
// (and reads no file of its own) runs, and must synthesize without a validation error.
test('the README examples that synthesize an app run', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map(m => m[1])
    .filter(code => code.startsWith('import') && code.includes('app.synth()') && !code.includes('readFileSync'));
  expect(blocks.length).toBeGreaterThanOrEqual(4);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-run-'));
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs', target: 'ES2022', esModuleInterop: true } }));
  blocks.forEach((code, i) => {
    const file = path.join(dir, `example${i}.ts`);
    fs.writeFileSync(file, code
      .replace(/from 'cdk8s-kratix'/g, `from '${path.join(ROOT, 'src')}'`)
      .replace(/from 'cdk8s-kratix\/run'/g, `from '${path.join(ROOT, 'src', 'run')}'`)
      .replace(/from 'cdk8s-kratix\/pipeline'/g, `from '${path.join(ROOT, 'src', 'sdk')}'`)
      .replace(/from '\.\/examples\//g, `from '${path.join(ROOT, 'examples')}/`));
    const r = spawnSync(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), file], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, TS_NODE_PROJECT: path.join(dir, 'tsconfig.json'), NODE_PATH: path.join(ROOT, 'node_modules') },
    });
    if (r.status !== 0) throw new Error(`README example ${i + 1} that synthesizes failed:\n${code}\n${r.stderr}`);
  });
});

test("the README's Python example is jsii-rosetta's translation of the TypeScript one, and compiles", () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const typescript = readme.match(/```ts\n(import[\s\S]*?)```/)![1];
  const python = readme.match(/```python\n([\s\S]*?)```/)![1];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-python-'));
  fs.writeFileSync(path.join(dir, 'quick-start.md'), `\`\`\`ts\n${typescript}\`\`\`\n`);
  const translated = execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'jsii-rosetta', 'bin', 'jsii-rosetta'), 'markdown', '--language', 'python', path.join(dir, 'quick-start.md')], { encoding: 'utf8', stdio: 'pipe' });
  expect(python).toBe(translated.match(/```\n([\s\S]*?)```/)![1]);
  expect(python).toContain('redis.add_pipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, "instance",');
  const file = path.join(dir, 'quick_start.py');
  fs.writeFileSync(file, python);
  if (spawnSync('python3', ['--version']).status !== 0) {
    process.stderr.write('readme: python3 is not on PATH: the Python example is not byte-compiled\n');
    return;
  }
  const r = spawnSync('python3', ['-m', 'py_compile', file], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});
