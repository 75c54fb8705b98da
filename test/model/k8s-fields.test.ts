import * as fs from 'fs';
import * as path from 'path';
import { generate, OUTPUT_FILE } from '../../scripts/gen-k8s-fields';
import { K8S_ENUMS, K8S_FIELDS } from '../../src/model/k8s-fields.generated';

test('the committed k8s-fields.generated.ts is what scripts/gen-k8s-fields.ts generates', () => {
  expect(fs.readFileSync(OUTPUT_FILE, 'utf8')).toBe(generate());
});

test('every enum in the 1.28 schemas of the types a pipeline reaches is in K8S_ENUMS, list items included', () => {
  // A list item's enum (e.g. a []string of fixed values) sits in the same ajv module as its type's
  // other fields: every `"A"===data||"B"===data` set of a module must be one of its type's enums.
  const dirs = [path.join(__dirname, '../../node_modules/kubernetes-models/_schemas'), path.join(__dirname, '../../node_modules/@kubernetes-models/apimachinery/_schemas')];
  let modules = 0;
  let enums = 0;
  for (const type of Object.keys(K8S_FIELDS)) {
    const file = dirs.flatMap(d => fs.readdirSync(d).filter(f => new RegExp(`^IoK8s\\w+V1${type}\\.js$`).test(f)).map(f => path.join(d, f)))[0];
    if (file === undefined) continue;
    modules++;
    const known = Object.values(K8S_ENUMS[type] ?? {}).map(values => [...values].filter(v => v !== '').sort().join('|'));
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/\(((?:"[^"]*"===data\|\|)*"[^"]*"===data)\)/g)) {
      enums++;
      const values = [...m[1].matchAll(/"([^"]*)"===data/g)].map(v => v[1]).filter(v => v !== '').sort().join('|');
      expect({ type, values, known: known.includes(values) }).toEqual({ type, values, known: true });
    }
  }
  expect(modules).toBeGreaterThan(50);
  expect(enums).toBe(Object.values(K8S_ENUMS).flatMap(Object.keys).length);
});
