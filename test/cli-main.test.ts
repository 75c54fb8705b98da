import * as fs from 'fs';
import * as path from 'path';
import { CliIo, processIo } from '../src/cli/io';
import { main } from '../src/cli/main';
import { COMMAND_USAGE, USAGE } from '../src/cli/usage';

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { ...processIo, stdout: t => { stdout += t; }, stderr: t => { stderr += t; } };
  return { code: main(args, io), stdout, stderr };
}

describe('cdk8s-kratix', () => {
  describe('when a command is given --help', () => {
    test.each(['render', 'validate', 'import', 'audit'])('%s --help prints its usage and exits 0', (command) => {
      for (const flag of ['--help', '-h']) {
        const r = run([command, flag]);
        expect(r).toEqual({ code: 0, stdout: `${COMMAND_USAGE[command]}\n`, stderr: '' });
      }
    });

    test('--help wins over other arguments, even bad ones', () => {
      expect(run(['render', 'p.yaml', '--workflow', 'nope', '--help'])).toEqual({ code: 0, stdout: `${COMMAND_USAGE.render}\n`, stderr: '' });
    });

    test('the usage lines', () => {
      expect(COMMAND_USAGE.audit).toBe('usage: cdk8s-kratix audit FILE... [--json] [--fail-on critical|high|medium|low|info] [--kratix-config KRATIX-CONFIGMAP.yaml]');
      expect(COMMAND_USAGE.render).toBe('usage: cdk8s-kratix render PROMISE.yaml --workflow promise/configure|promise/delete|resource/configure|resource/delete ' +
        '[--promise NAME] [--request REQUEST.yaml] [--kratix-config KRATIX-CONFIGMAP.yaml] [--adapter-image IMAGE] [--adapter-pull-secret NAME]');
    });
  });

  describe('--version', () => {
    test('prints the version of package.json and exits 0', () => {
      const version = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).version;
      expect(run(['--version'])).toEqual({ code: 0, stdout: `cdk8s-kratix ${version}\n`, stderr: '' });
      expect(run(['-V']).stdout).toBe(`cdk8s-kratix ${version}\n`);
    });
  });

  describe('without a command', () => {
    test('prints the usage on stderr and exits 1; --help prints it on stdout and exits 0', () => {
      expect(run([])).toEqual({ code: 1, stdout: '', stderr: USAGE });
      expect(run(['--help'])).toEqual({ code: 0, stdout: USAGE, stderr: '' });
    });

    test('the usage names every command and the global options', () => {
      expect(USAGE).toContain('  audit FILE... [--json]');
      expect(USAGE).toContain('[--promise NAME]');
      expect(USAGE).toContain('global options: --debug (print stack traces), --version, --help');
    });
  });
});
