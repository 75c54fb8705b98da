import { execFileSync } from 'child_process';
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
