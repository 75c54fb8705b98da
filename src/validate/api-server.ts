import { Problem } from '../model/problem';

/**
 * The message of a rule of the Kubernetes API server that a pipeline's Job breaks: Kratix's
 * webhook dry-run-creates every pipeline's Job, so the Promise is rejected with it.
 *
 * @param what what is wrong, with the bad value
 * @param rule the API server's own words, so that the user recognises its error
 * @param fix how to fix it
 */
export function jobRejection(what: string, rule: string, fix: string): string {
  return `${what}: the API server rejects the pipeline's Job (${rule}), and Kratix's webhook dry-runs that Job; ${fix}`;
}

/**
 * The message of a rule of the Kubernetes API server that the Promise's CRD breaks: Kratix's
 * webhook dry-run-creates the CRD, so the Promise is rejected with it.
 *
 * @param what what is wrong, with the bad value
 * @param rule the API server's own words
 * @param fix how to fix it
 */
export function crdRejection(what: string, rule: string, fix: string): string {
  return `${what}: the API server rejects the CRD (${rule}), and Kratix's webhook dry-run-creates it; ${fix}`;
}

/** Collects errors at paths relative to a base path. */
export type ErrorSink = (path: string, message: string) => void;

/** An `ErrorSink` that appends to `problems`. */
export function errorSink(problems: Problem[]): ErrorSink {
  return (path, message) => { problems.push({ path, message, severity: 'error' }); };
}
