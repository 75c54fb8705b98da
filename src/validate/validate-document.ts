import { promiseProblems } from './promise-problems';
import { Problem, field, isMap } from '../model/problem';
import { quote } from '../private/quote';

/** Options of {@link validatePromiseDocument}. */
export interface ValidateDocumentOptions {
  /** Report pipeline fields Kratix does not know as warnings instead of errors. */
  readonly lenient?: boolean;
}

/**
 * Validates one parsed document that should be a Promise: a document of another kind is one
 * problem; a Promise gets every problem of `promiseProblems`.
 */
export function validatePromiseDocument(doc: unknown, options: ValidateDocumentOptions = {}): Problem[] {
  if (!isMap(doc)) {
    return [{ path: '', severity: 'error', message: `a Promise must be a map with apiVersion, kind, metadata and spec, not ${quote(doc)}` }];
  }
  const kind = field(doc, 'kind');
  if (kind !== 'Promise') {
    const what = typeof kind === 'string' && kind !== '' ? `a ${kind}` : 'an object without kind';
    return [{ path: 'kind', severity: 'error', message: `document is ${what}, not a Promise: validate only Promise documents (kind: Promise, apiVersion: platform.kratix.io/v1alpha1)` }];
  }
  return promiseProblems(doc, { unknownPipelineFields: options.lenient ? 'warning' : 'error' });
}
