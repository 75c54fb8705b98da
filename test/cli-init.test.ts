import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CliIo, processIo } from '../src/cli/io';
import { mainAsync } from '../src/cli/main';

// `cdk8s-kratix init promise`: the scaffolded package type-checks (strict) and its own jest tests
// pass, against this tree (cdk8s-kratix mapped to src/), in seconds. The whole chain (installed
// against the packed library, built, tested and packed with projen, composed by another app) is
// test/scaffold/promise-package.test.ts, run by `npm run test:scaffold`.
const ROOT = path.resolve(__dirname, '..');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { ...processIo, stdout: t => { stdout += t; }, stderr: t => { stderr += t; } };
  const code = await mainAsync(args, io);
  return { code, stdout, stderr };
}

const MAPPED_PATHS = {
  'cdk8s-kratix': [path.join(ROOT, 'src')],
  'cdk8s-kratix/pipeline': [path.join(ROOT, 'src', 'sdk')],
  'cdk8s-kratix/run': [path.join(ROOT, 'src', 'run')],
  '*': [path.join(ROOT, 'node_modules', '*')],
};

describe('cdk8s-kratix init promise', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'init-promise-'));
  const dir = path.join(tmp, 'redis');

  beforeAll(async () => {
    const r = await cli(['init', 'promise', 'redis', '--group', 'example.kratix.io', '--kind', 'Redis', '--version', 'v1beta1', '--dir', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  test('writes a projen construct library with the Promise, its request class, a pipeline with a Dockerfile, tests and a README', () => {
    const files: string[] = [];
    const walk = (d: string): void => fs.readdirSync(d, { withFileTypes: true })
      .forEach(e => (e.isDirectory() ? walk(path.join(d, e.name)) : files.push(path.relative(dir, path.join(d, e.name)))));
    walk(dir);
    expect(files.sort()).toEqual(['.projenrc.ts', 'README.md', 'package.json', 'pipeline/Dockerfile', 'pipeline/configure.ts', 'src/index.ts', 'src/request.ts', 'test/redis.test.ts']);
    const projenrc = fs.readFileSync(path.join(dir, '.projenrc.ts'), 'utf8');
    expect(projenrc).toContain('new cdk8s.ConstructLibraryCdk8s({');
    expect(projenrc).toMatch(/peerDeps: \['cdk8s-kratix@[^']+', 'cdk8s-plus-28@\^2\.5\.6'\]/);
    expect(fs.readFileSync(path.join(dir, 'src', 'request.ts'), 'utf8')).toContain('export class RedisRequest extends ResourceRequest');
    expect(fs.readdirSync(tmp)).toEqual(['redis']); // no staging folder left
  });

  test('the package type-checks with tsc --strict, .projenrc.ts included', () => {
    fs.writeFileSync(path.join(dir, 'tsconfig.check.json'), JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'commonjs',
        strict: true,
        noEmit: true,
        esModuleInterop: true,
        skipLibCheck: true,
        types: ['node', 'jest'],
        typeRoots: [path.join(ROOT, 'node_modules', '@types')],
        baseUrl: dir,
        paths: MAPPED_PATHS,
      },
      include: ['src/**/*.ts', 'pipeline/**/*.ts', 'test/**/*.ts', '.projenrc.ts'],
    }));
    try {
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(dir, 'tsconfig.check.json')], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e: any) {
      throw new Error(`the scaffolded package does not compile:\n${e.stdout}${e.stderr}`);
    } finally {
      fs.rmSync(path.join(dir, 'tsconfig.check.json'));
    }
  });

  test('its own tests pass: synth, a typed request with defaults, the pipeline run locally', () => {
    const config = {
      rootDir: dir,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      transform: { '^.+\\.ts$': [require.resolve('ts-jest'), { tsconfig: { esModuleInterop: true, target: 'ES2022', isolatedModules: true } }] },
      moduleNameMapper: { '^cdk8s-kratix$': path.join(ROOT, 'src'), '^cdk8s-kratix/(pipeline)$': path.join(ROOT, 'src', 'sdk'), '^cdk8s-kratix/(run)$': path.join(ROOT, 'src', 'run') },
      modulePaths: [path.join(ROOT, 'node_modules')],
    };
    try {
      execFileSync(process.execPath, [require.resolve('jest/bin/jest'), '--ci', '--config', JSON.stringify(config)], { encoding: 'utf8', stdio: 'pipe', cwd: dir });
    } catch (e: any) {
      throw new Error(`the scaffolded package's tests fail:\n${e.stdout}${e.stderr}`);
    }
  });

  describe('bad input: a clear error, nothing written', () => {
    test.each([
      [['--group', 'example', '--kind', 'Redis'], '--group "example" must be a DNS subdomain with at least one dot'],
      [['--group', 'Example.io', '--kind', 'Redis'], '--group "Example.io" must be a DNS subdomain'],
      [['--group', 'example.kratix.io', '--kind', 'my-kind'], '--kind "my-kind" must start with a letter and hold only letters and digits'],
      [['--group', 'example.kratix.io', '--kind', 'Redis', '--version', '1'], '--version "1" must be a DNS-1035 label such as v1alpha1'],
    ])('%j', async (flags, message) => {
      const target = path.join(tmp, 'bad');
      const r = await cli(['init', 'promise', 'bad', ...flags, '--dir', target]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain('nothing was written');
      expect(fs.existsSync(target)).toBe(false);
    });

    test('an invalid NAME', async () => {
      const r = await cli(['init', 'promise', 'My_Promise', '--group', 'example.kratix.io', '--kind', 'Redis', '--dir', path.join(tmp, 'x')]);
      expect(r.stderr).toContain('NAME "My_Promise" must be a DNS-1123 label');
      expect(fs.existsSync(path.join(tmp, 'x'))).toBe(false);
    });

    test('a folder that is not empty', async () => {
      const target = fs.mkdtempSync(path.join(os.tmpdir(), 'init-full-'));
      fs.writeFileSync(path.join(target, 'notes.txt'), 'mine');
      const r = await cli(['init', 'promise', 'redis', '--group', 'example.kratix.io', '--kind', 'Redis', '--dir', target]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`--dir ${target}: the folder is not empty (notes.txt); choose an empty or new folder; nothing was written`);
      expect(fs.readdirSync(target)).toEqual(['notes.txt']);
    });

    test('missing --group or --kind', async () => {
      const r = await cli(['init', 'promise', 'redis', '--kind', 'Redis', '--dir', path.join(tmp, 'y')]);
      expect(r.stderr).toContain('--group and --kind are required');
    });
  });
});
