import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { parse } from 'yaml';

/** ../shared, beside the project root. */
export const SHARED = path.resolve(__dirname, '..', '..', '..', 'shared');

let validator: ((doc: unknown) => string[]) | undefined;

/**
 * Errors of `doc` against the openAPIV3Schema of the real Kratix Promise CRD in ../shared
 * (an empty list when it is valid).
 */
export function promiseCrdErrors(doc: unknown): string[] {
  if (!validator) {
    const crd = parse(fs.readFileSync(path.join(SHARED, 'kratix', 'crds', 'platform.kratix.io_promises.yaml'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(crd.spec.versions[0].schema.openAPIV3Schema);
    validator = (d) => validate(d) ? [] : (validate.errors ?? []).map(e => `${e.instancePath} ${e.message}`);
  }
  return validator(doc);
}
