import { checkDestinationSelectors, cleanPath, DestinationSelectorEntry, destinationSelectorsText, parseDestinationSelectors, PipelineFileError } from '../../src/pipeline-files';

const FILE = '/kratix/metadata/destination-selectors.yaml';
const parse = (text: string) => parseDestinationSelectors(text, FILE);

describe('parseDestinationSelectors (the work-writer rules, runtime doc §3)', () => {
  test('a missing-content file, or null, is no entries', () => {
    expect(parse('')).toEqual([]);
    expect(parse('null\n')).toEqual([]);
    expect(parse('# nothing\n')).toEqual([]);
  });

  test('reads the root entry and directory entries, directories cleaned as filepath.Clean', () => {
    expect(parse('- matchLabels: {region: eu}\n- directory: ./platform/\n  matchLabels: {environment: platform}\n')).toEqual([
      { matchLabels: { region: 'eu' } },
      { directory: 'platform', matchLabels: { environment: 'platform' } },
    ]);
    for (const root of ['""', '.', './', 'platform/..']) {
      expect(parse(`- directory: ${root}\n  matchLabels: {a: b}\n`)).toEqual([{ matchLabels: { a: 'b' } }]);
    }
  });

  test('matches keys case-insensitively and ignores unknown keys', () => {
    expect(parse('- MatchLabels: {a: b}\n  DIRECTORY: x\n  extra: 1\n')).toEqual([{ directory: 'x', matchLabels: { a: 'b' } }]);
  });

  test('turns YAML 1.1 scalars into strings as sigs.k8s.io/yaml does', () => {
    expect(parse('- matchLabels: {a: yes, b: 1, c: 1.10, on: x, d: 1.5e7, e: null, f: 2001-12-14}\n')).toEqual([
      { matchLabels: { a: 'true', b: '1', c: '1.1', true: 'x', d: '1.5e+07', e: '', f: '2001-12-14' } },
    ]);
  });

  test('a bare map is refused: the top level must be a list', () => {
    expect(() => parse('matchLabels: {a: b}\n')).toThrow(`${FILE}: invalid destination-selectors.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []v1alpha1.WorkflowDestinationSelectors`);
  });

  test('a list where a label value is expected is refused', () => {
    expect(() => parse('- matchLabels: {a: [b]}\n')).toThrow('cannot unmarshal array into Go struct field WorkflowDestinationSelectors.matchLabels of type string');
    expect(() => parse('- matchLabels: [a]\n')).toThrow('cannot unmarshal array into Go struct field WorkflowDestinationSelectors.matchLabels of type map[string]string');
    expect(() => parse('- directory: {a: b}\n  matchLabels: {a: b}\n')).toThrow('cannot unmarshal object into Go struct field WorkflowDestinationSelectors.directory of type string');
  });

  test('an entry without selectors fails, with its 0-based index', () => {
    expect(() => parse('- matchLabels: {a: b}\n- directory: x\n')).toThrow('invalid destination-selectors.yaml: entry with index 1 has no selectors; give every entry at least one matchLabels pair');
    expect(() => parse('- matchLabels: {}\n')).toThrow('entry with index 0 has no selectors');
  });

  test('two entries for the same cleaned directory are duplicates, two root entries too', () => {
    expect(() => parse('- matchLabels: {a: b}\n- matchLabels: {c: d}\n')).toThrow('duplicate entries in destination-selectors.yaml: \n[{map[a:b] .} {map[c:d] .}]');
    expect(() => parse('- {directory: x, matchLabels: {a: b}}\n- {directory: x/, matchLabels: {c: d}}\n')).toThrow('directory "x" appears twice');
  });

  test('a directory of more than one segment is refused', () => {
    expect(() => parse('- {directory: a/b, matchLabels: {a: b}}\n')).toThrow('invalid directory in destination-selectors.yaml: a/b, sub-directories are not allowed');
    expect(() => parse('- {directory: /platform, matchLabels: {a: b}}\n')).toThrow('invalid directory in destination-selectors.yaml: /platform, sub-directories are not allowed');
  });

  test('.. and / are refused, though Kratix lets them through', () => {
    expect(() => parse('- {directory: .., matchLabels: {a: b}}\n')).toThrow('.. is outside the output directory');
    expect(() => parse('- {directory: /, matchLabels: {a: b}}\n')).toThrow('/ is outside the output directory');
  });

  test('a syntax error names the file and is a PipelineFileError', () => {
    expect(() => parse('- matchLabels: {a: b\n')).toThrow(PipelineFileError);
    expect(() => parse('- matchLabels: {a: b\n')).toThrow(/^\/kratix\/metadata\/destination-selectors.yaml: invalid destination-selectors.yaml: error converting YAML to JSON: /);
  });
});

describe('checkDestinationSelectors', () => {
  test('refuses values that are not strings, naming the entry', () => {
    expect(() => checkDestinationSelectors([{ matchLabels: { a: 1 as any } }], 'selectors')).toThrow('selectors: entry with index 0: matchLabels "a" must be a string, got number; quote the label value');
    expect(() => checkDestinationSelectors({} as any, 'selectors')).toThrow('destination selectors must be a list of entries, got object');
  });
});

describe('destinationSelectorsText', () => {
  test('quotes what YAML 1.1 would misread, and reads back the same entries', () => {
    const entries: DestinationSelectorEntry[] = [{ matchLabels: { on: 'yes', version: '1.10' } }, { directory: 'platform', matchLabels: { environment: 'platform' } }];
    const text = destinationSelectorsText(entries);
    expect(text).toContain('"on": "yes"');
    expect(text).toContain('version: "1.10"');
    expect(parse(text)).toEqual(entries);
    expect(destinationSelectorsText([])).toBe('[]\n');
  });
});

test('cleanPath is Go filepath.Clean', () => {
  expect(['', '.', './', 'a//b/', 'x/../platform', '/..', '../a', 'a/../..', '/'].map(cleanPath)).toEqual(['.', '.', '.', 'a/b', 'platform', '/', '../a', '..', '/']);
});
