import { readCrd, RenderError } from './render';
import { storageVersion } from './schema';

/** What a Promise's API is named by: group, kind, plural and the version requests are stored in. */
export interface ApiNames {
  readonly group: string;
  readonly kind: string;
  readonly plural: string;
  readonly storageVersion: string;
}

/**
 * The names of a Promise's API (a CRD manifest), read by the renderer's rules.
 *
 * @throws Error naming the CRD field when one is missing
 */
export function apiNames(crd: any): ApiNames {
  try {
    const { group, kind, plural } = readCrd(typeof crd === 'object' && crd !== null ? crd : {});
    const version = storageVersion(crd);
    if (!version) throw new Error('PromiseApi: spec.versions: no version has a name; name each version, e.g. v1alpha1');
    return { group, kind, plural, storageVersion: version.name };
  } catch (e) {
    if (e instanceof RenderError) throw new Error(`PromiseApi: ${e.path.replace(/^spec\.api\./, '')}: ${e.problem}`);
    throw e;
  }
}
