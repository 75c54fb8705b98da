import * as fs from 'fs';
import { generate, OUTPUT_FILE } from '../../scripts/gen-k8s-fields';

test('the committed k8s-fields.generated.ts is what scripts/gen-k8s-fields.ts generates', () => {
  expect(fs.readFileSync(OUTPUT_FILE, 'utf8')).toBe(generate());
});
