import { destinationSelectorsConfigMap, destinationSelectorsYaml, yamlV2KeyLess, yamlV2String } from '../../src/render/destination-selectors';

describe('§7.2 / §11.18 destination-selectors ConfigMap (yaml.v2)', () => {
  test('matches the Go test literal', () => {
    expect(destinationSelectorsYaml([{ label: 'value' }, { 'another-label': 'another-value' }]))
      .toBe('- matchlabels:\n    label: value\n  source: promise\n- matchlabels:\n    another-label: another-value\n  source: promise\n');
  });

  test('writes [] for no selectors and {} for an empty one', () => {
    expect(destinationSelectorsYaml([])).toBe('[]\n');
    expect(destinationSelectorsYaml([undefined, {}])).toBe('- matchlabels: {}\n  source: promise\n- matchlabels: {}\n  source: promise\n');
  });

  test('orders keys as yaml.v2 does', () => {
    const sorted = (keys: string[]) => [...keys].sort((a, b) => (yamlV2KeyLess(a, b) ? -1 : yamlV2KeyLess(b, a) ? 1 : 0));
    expect(sorted(['zone10', 'zone9', 'environment', 'gpu'])).toEqual(['environment', 'gpu', 'zone9', 'zone10']);
    expect(sorted(['ab', 'aB', 'a_b', 'a-b'])).toEqual(['a-b', 'a_b', 'aB', 'ab']);
    expect(sorted(['a1', 'a01', 'a001'])).toEqual(['a1', 'a01', 'a001']);
    expect(sorted(['b', 'a', '1', 'kratix.io/x', 'app.kubernetes.io/name'])).toEqual(['1', 'a', 'app.kubernetes.io/name', 'b', 'kratix.io/x']);
  });

  test.each([
    ['true', '"true"'], ['yes', '"yes"'], ['On', '"On"'], ['n', '"n"'], ['~', '"~"'], ['null', '"null"'], ['', '""'],
    ['1234', '"1234"'], ['1_000', '"1_000"'], ['0x1F', '"0x1F"'], ['017', '"017"'], ['08', '"08"'], ['1.5', '"1.5"'], ['.5', '".5"'],
    ['1e3', '"1e3"'], ['-1', '"-1"'], ['+1', '"+1"'], ['2024-01-02', '"2024-01-02"'], ['1:30', '"1:30"'], ['.inf', '".inf"'],
    ['prod', 'prod'], ['us-east-1', 'us-east-1'], ['1a', '1a'], ['v1.2', 'v1.2'], ['.', '.'], ['0b12', '0b12'], ['a b', 'a b'],
    ['-', "'-'"], ['a: b', "'a: b'"], ['#x', "'#x'"], ["it's", "it's"], ['*x', "'*x'"],
  ])('%j is written as %s', (value, expected) => {
    expect(yamlV2String(value)).toBe(expected);
  });

  test('the ConfigMap is named destination-selectors-<promise>, in NS, labelled with the promise name', () => {
    expect(destinationSelectorsConfigMap('mysql', 'team-a', [{ gpu: 'true', zone10: 'a', zone9: 'b' }])).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'destination-selectors-mysql', namespace: 'team-a', labels: { 'kratix.io/promise-name': 'mysql' } },
      data: { destinationSelectors: '- matchlabels:\n    gpu: "true"\n    zone9: b\n    zone10: a\n  source: promise\n' },
    });
  });
});
