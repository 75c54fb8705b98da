import * as fs from 'fs';
import * as path from 'path';
import { Chart, Testing, Yaml } from 'cdk8s';
import { KratixPromise } from '../src';
import { parseYaml11, parseYaml12, semanticDifference } from './support/semantic-equal';
import { PromiseImportWarning } from '../src/promise-import-options';

const FIXTURES = path.join(__dirname, '..', '..', 'shared', 'fixtures', 'promises');
const fixtures = fs.readdirSync(FIXTURES).filter(f => f.endsWith('.yaml')).sort();


function importAndSynth(text: string): { input: unknown; output: any[]; yaml: string; warnings: PromiseImportWarning[] } {
  const input = parseYaml12(text).find((d: any) => d?.kind === 'Promise');
  const chart = new Chart(Testing.app(), 'test');
  const warnings: PromiseImportWarning[] = [];
  const promise = KratixPromise.fromYaml(chart, 'promise', text, { warningHandler: { onWarning: w => warnings.push(w) } });
  // A Promise Kratix's webhook would reject imports with warnings, and synthesizes as it was.
  const output = Testing.synth(chart);
  expect(output).toEqual([promise.toJson()]);
  return { input, output, yaml: Yaml.stringify(...output), warnings };
}

describe('semanticDifference', () => {
  test('ignores map key order and null map entries', () => {
    expect(semanticDifference({ a: 1, b: { c: 'x', d: null } }, { b: { c: 'x' }, a: 1 })).toBeUndefined();
  });

  test('finds a changed scalar, with its path', () => {
    expect(semanticDifference({ a: { b: [1, 2] } }, { a: { b: [1, 3] } })).toBe('.a.b[1]: 2 != 3');
  });

  test('tells a number from a string', () => {
    expect(semanticDifference({ a: 1 }, { a: '1' })).toBe('.a: 1 != "1"');
  });

  test('keeps list order', () => {
    expect(semanticDifference(['a', 'b'], ['b', 'a'])).toBe('[0]: "a" != "b"');
  });

  test('tells absent from empty', () => {
    expect(semanticDifference({ a: {} }, {})).toBe('.a: {} != absent');
    expect(semanticDifference({ a: [] }, { a: {} })).toBe('.a: [] != {}');
  });

  test('reads a key yes as a string in YAML 1.2, and as true in YAML 1.1', () => {
    expect(parseYaml12('yes: on')).toEqual([{ yes: 'on' }]);
    expect(parseYaml11('a: on')).toEqual([{ a: true }]);
  });
});

describe('round trip of every fixture Promise', () => {
  test('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
  });

  test.each(fixtures)('%s', (file) => {
    const { input, output, yaml, warnings } = importAndSynth(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));

    expect(output).toHaveLength(1);
    expect(semanticDifference(output[0], input)).toBeUndefined();
    // The plan, not the safety net, must have expressed every field.
    expect(warnings.filter(w => w.message.includes('did not reproduce'))).toEqual([]);
    // Go reads the YAML as 1.1: no string may turn into a boolean or a number there.
    expect(semanticDifference(parseYaml11(yaml), parseYaml12(yaml))).toBeUndefined();
    expect(semanticDifference(parseYaml12(yaml)[0], input)).toBeUndefined();
  });
});
