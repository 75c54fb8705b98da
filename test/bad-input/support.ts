import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CliIo, processIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';

/** What a user sees from one in-process run of the command line. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Every message the suite has seen, for the guard test at the end of each file. */
export const seenMessages: string[] = [];

/** Records a message (an error's, or the CLI's stderr) for the guard test, and returns it. */
export function seen(message: string): string {
  seenMessages.push(message);
  return message;
}

/** Runs `cdk8s-kratix ...args` in-process on the real file system, capturing stdout and stderr. */
export function cli(...args: string[]): CliRun {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { ...processIo, stdout: t => { stdout += t; }, stderr: t => { stderr += t; } };
  const code = main(args, io);
  // With --debug the stack trace is wanted; the guard checks every other run.
  if (!args.includes('--debug')) seen(stderr);
  // validate prints its problems on stdout.
  if (code !== 0) seen(stdout);
  return { code, stdout, stderr };
}

/** The message of the error `run` throws (failing the test when it throws none). */
export function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (e: any) {
    return seen(e instanceof Error ? e.message : String(e));
  }
  throw new Error('expected an error, but none was thrown');
}

/** A temporary directory for the test file's inputs, removed after the file's tests. */
export function tempFiles(): { file(name: string, text: string): string; path(name: string): string } {
  let dir = '';
  beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-kratix-bad-input-')); });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return {
    file: (name, text) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, text);
      return f;
    },
    path: name => path.join(dir, name),
  };
}

/** A stack trace line, as Node prints it. */
export const STACK_LINE = /^ {4}at /m;

/** The guard: no message of the file mentions a TypeError, prints `undefined` or an object as `[object Object]`, or shows a stack. */
export function guardTest(): void {
  test('no message shows a TypeError, undefined, [object Object] or a stack trace', () => {
    expect(seenMessages.length).toBeGreaterThan(0);
    for (const message of seenMessages) {
      expect(message).not.toMatch(/TypeError|RangeError|undefined|\[object Object\]|Maximum call stack/);
      expect(message).not.toMatch(STACK_LINE);
    }
  });
}

export const PIPELINE_YAML = (name: string, container: string) => `        - apiVersion: platform.kratix.io/v1alpha1
          kind: Pipeline
          metadata:
            name: ${name}
          spec:
            containers:
${container}`;

/** A valid Promise with an API and a resource configure pipeline, as YAML. */
export const PROMISE_YAML = `apiVersion: platform.kratix.io/v1alpha1
kind: Promise
metadata:
  name: env
spec:
  api:
    apiVersion: apiextensions.k8s.io/v1
    kind: CustomResourceDefinition
    metadata:
      name: envs.example.com
    spec:
      group: example.com
      names:
        kind: Env
        plural: envs
      scope: Namespaced
      versions:
        - name: v1
          served: true
          storage: true
          schema:
            openAPIV3Schema:
              type: object
  workflows:
    resource:
      configure:
        - apiVersion: platform.kratix.io/v1alpha1
          kind: Pipeline
          metadata:
            name: deploy
          spec:
            containers:
              - name: main
                image: ghcr.io/acme/main:v1
`;

/** PROMISE_YAML with its one container replaced by `container` (YAML lines at the container list's indentation). */
export function promiseWithContainer(container: string): string {
  return PROMISE_YAML.replace('              - name: main\n                image: ghcr.io/acme/main:v1\n', container);
}

/** `n` levels of YAML flow sequences: `[[[...]]]`. */
export const deepFlowSequence = (n: number) => '['.repeat(n) + ']'.repeat(n);
/** `n` levels of JSON objects: `{"a":{"a":...1}}`. */
export const deepJsonObject = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
/** A plain object nested `n` levels deep. */
export function deepObject(n: number): any {
  let value: any = 'leaf';
  for (let i = 0; i < n; i++) value = { a: value };
  return value;
}
/** PROMISE_YAML padded to over 10 MB with a long annotation. */
export const HUGE_PROMISE_YAML = PROMISE_YAML.replace('  name: env\n', `  name: env\n  annotations:\n    notes: '${'x'.repeat(10 * 1024 * 1024)}'\n`);
