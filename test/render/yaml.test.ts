import { parseAllDocuments } from 'yaml';
import { toYaml } from '../../src/render';

describe('toYaml', () => {
  const objects = [
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { yes: 'yes', on: 'on', octal: '0644', multi: 'a\nb\n', empty: '' } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'b' } },
  ];

  test('writes documents separated by ---, keeping key order', () => {
    expect(toYaml(objects)).toBe([
      'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: a', 'data:', '  "yes": "yes"', '  "on": "on"', '  octal: "0644"',
      '  multi: |', '    a', '    b', '  empty: ""', '---', 'apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: b', '',
    ].join('\n'));
  });

  test('quotes YAML 1.1 booleans and octals so Kubernetes tools read strings, and reads back identically', () => {
    expect(parseAllDocuments(toYaml(objects)).map(d => d.toJS())).toEqual(objects);
    expect(parseAllDocuments(toYaml(objects), { version: '1.1' }).map(d => d.toJS())).toEqual(objects);
  });

  test('no objects, no output', () => {
    expect(toYaml([])).toBe('');
  });
});
