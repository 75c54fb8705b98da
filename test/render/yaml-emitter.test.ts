import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { RenderSettings, renderWorkflow, toYaml, WorkflowRef, workflowObjects } from '../../src/render';
import { emitYamlDocument } from '../../src/render/yaml-emitter';

const CASES_DIR = path.join(__dirname, '..', '..', '..', 'shared', 'conformance', 'render');

/** Parses `text` as YAML 1.2 and as YAML 1.1 and expects both to give `expected`. */
function expectReadsBack(text: string, expected: unknown): void {
  for (const version of ['1.2', '1.1'] as const) {
    const docs = parseAllDocuments(text, { version });
    for (const doc of docs) expect(doc.errors).toEqual([]);
    expect(docs.map(d => d.toJS())).toEqual(expected);
  }
}

const TRICKY_STRINGS = [
  '', ' ', '  ', 'yes', 'Yes', 'YES', 'no', 'No', 'on', 'On', 'ON', 'off', 'OFF', 'y', 'Y', 'n', 'N', 'true', 'True',
  'false', 'FALSE', 'null', 'Null', 'NULL', '~', '<<', '=', '1e3', '1E3', '1e+3', '-1e-3', '1.0', '.5', '-.5', '+1', '-1',
  '0', '00', '0644', '0o17', '0x1F', '0b101', '1_000', '1:20', '-1:20:30', '190:20:30.15', '.inf', '-.Inf', '+.INF', '.nan',
  '.NaN', '.', '-.', '._', 'E0', 'e5', '.e5', '_', '2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5', '1.2.3', 'v1.2.3', '100m', '128Mi',
  '2h0m0s', ' leading', 'trailing ', ' both ', 'a: b', 'a:b', 'a:', ':a', 'a #b', 'a#b', '#a', '- a', '-a', '-', '--', '---',
  '--- a', '...', '... a', '?', '? a', '?a', '[a]', '{a}', 'a,b', ',a', '*a', '&a', '!a', '!!str', '|', '|a', '>', '>a',
  "'a'", '"a"', '%a', '@a', '`a', 'a\tb', '\ta', 'a\t', 'a\nb', 'a\n', 'a\n\n', '\na', 'a\n\nb', ' a\nb', 'a\n b', 'a\r\nb',
  'a\rb', 'line1\nline2\n', 'x\n  \ny\n', 'a\u0085b', 'a\u2028b', '\ufeffa', 'a\u007fb', 'a\u0000b', 'a\u001bb', 'héllo',
  '日本語', 'emoji 😀', 'a\\b', 'a"b', "a'b", 'a b c', 'http://example.com/a?b=c#d', 'metadata.annotations[\'a\']',
  'kratix.io/promise-name', '*', '"', '\\', '{}', '[]', '- [a]', 'key: value\nother: x\n', '# comment\n',
];

describe('emitYamlDocument', () => {
  test.each(TRICKY_STRINGS.map(s => [JSON.stringify(s), s]))('the string %s reads back as itself as a value, key and list item', (_, s) => {
    const doc = { [s]: s, list: [s, [s], { [s]: [s] }], nested: { a: s } };
    expectReadsBack(emitYamlDocument(doc), [doc]);
    expectReadsBack(emitYamlDocument(s), [s]);
    expectReadsBack(emitYamlDocument([s]), [[s]]);
  });

  test('numbers, booleans, null, empty collections and JSON semantics', () => {
    const doc: any = {
      int: 1,
      neg: -3,
      float: 1.5,
      big: 1e21,
      small: 1e-7,
      zero: 0,
      t: true,
      f: false,
      nil: null,
      undef: undefined,
      fn: () => 1,
      emptyMap: {},
      emptyList: [],
      listOfEmpty: [{}, [], null, undefined],
      mapOfUndefined: { a: undefined },
      date: new Date(0),
      nestedLists: [[1, [2, []]], [{ a: [{}] }]],
      numericKeys: { 1: 'a', 10: 'b' },
    };
    expectReadsBack(emitYamlDocument(doc), [JSON.parse(JSON.stringify(doc))]);
    expect(emitYamlDocument({})).toBe('{}\n');
    expect(emitYamlDocument([])).toBe('[]\n');
    expectReadsBack(emitYamlDocument(null), [null]);
  });

  test('writes the same layout as the yaml package for Kubernetes objects', () => {
    const obj = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'a', labels: { 'kratix.io/x': '' } },
      data: { text: 'a: 1\nb: 2\n', list: 'x' },
      rules: [{ verbs: ['get', '*'], resources: [''] }],
      empty: {},
    };
    expect(emitYamlDocument(obj)).toBe(stringify(obj, { version: '1.1', lineWidth: 0 }));
  });

  test('any JSON value reads back as itself (property)', () => {
    fc.assert(fc.property(fc.jsonValue(), value => {
      const expected = JSON.parse(JSON.stringify(value));
      const text = emitYamlDocument(value);
      expect(parse(text, { version: '1.2' })).toEqual(expected);
      expect(parse(text, { version: '1.1' })).toEqual(expected);
    }), { numRuns: 500 });
    fc.assert(fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })), value => {
      const text = emitYamlDocument({ a: [value] });
      expect(parse(text, { version: '1.2' })).toEqual({ a: [value] });
      expect(parse(text, { version: '1.1' })).toEqual({ a: [value] });
    }), { numRuns: 500 });
  });
});

describe('toYaml on every rendered conformance case', () => {
  const cases = fs.readdirSync(CASES_DIR).filter(name => fs.statSync(path.join(CASES_DIR, name)).isDirectory()).sort();
  test.each(cases)('%s reads back as the rendered objects (YAML 1.2 and 1.1)', name => {
    const dir = path.join(CASES_DIR, name);
    const read = (file: string) => parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    const s = read('settings.yaml');
    const settings: RenderSettings = {
      adapterImage: s.pipelineAdapterImage,
      adapterPullSecret: s.pipelineAdapterPullSecret,
      kratixConfig: s.kratixConfigMapPresent ? s.kratixConfig ?? {} : undefined,
    };
    const request = fs.existsSync(path.join(dir, 'request.yaml')) ? read('request.yaml') : undefined;
    const objects = workflowObjects(renderWorkflow(read('promise.yaml'), s.workflow as WorkflowRef, request, settings));
    expect(objects.length).toBeGreaterThan(0);
    expectReadsBack(toYaml(objects), JSON.parse(JSON.stringify(objects)));
  });
});
