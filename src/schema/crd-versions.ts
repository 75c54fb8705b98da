import { cloneJson } from '../_json';
import { applyDefaults, OpenApiSchema, pruneUnknownFields } from './structural-defaults';

/** One version of a CustomResourceDefinition, as read from its manifest. */
export interface CrdVersion {
  /** The version name, e.g. `v1alpha1`. */
  readonly name: string;
  /** Whether the API server serves it. */
  readonly served: boolean;
  /** Whether objects are stored in it. */
  readonly storage: boolean;
  /** Its `schema.openAPIV3Schema`, if any. */
  readonly schema?: OpenApiSchema;
}

/** The versions of a CRD manifest (`spec.versions`), those without a name left out. */
export function crdVersions(crd: any): CrdVersion[] {
  const versions = Array.isArray(crd?.spec?.versions) ? crd.spec.versions : [];
  return versions.filter((v: any) => typeof v?.name === 'string' && v.name !== '').map((v: any) => ({
    name: v.name,
    served: v.served === true,
    storage: v.storage === true,
    schema: typeof v.schema?.openAPIV3Schema === 'object' && v.schema.openAPIV3Schema !== null ? v.schema.openAPIV3Schema : undefined,
  }));
}

/**
 * The version Kratix reads resource requests in (its `Promise.GetAPI`): the first with
 * `storage: true`, else the first.
 */
export function storageVersion(crd: any): CrdVersion | undefined {
  const versions = crdVersions(crd);
  return versions.find(v => v.storage) ?? versions[0];
}

/**
 * A resource as the API server stores and returns it in the storage version: a copy with the
 * unknown fields pruned and the defaults applied, first those of the version it was written in
 * (its `apiVersion`), then those of the storage version, which the API server applies when it reads
 * the object back.
 *
 * @param crd the CustomResourceDefinition manifest
 * @param resource the resource as written
 * @returns the copy, and the paths of the fields pruned
 */
export function storedResource(crd: any, resource: any): { readonly resource: any; readonly pruned: string[] } {
  const copy = cloneJson(resource);
  const apiVersion = typeof resource?.apiVersion === 'string' ? resource.apiVersion : '';
  const written = crdVersions(crd).find(v => apiVersion.endsWith(`/${v.name}`));
  const stored = storageVersion(crd);
  const pruned = pruneUnknownFields(copy, (written ?? stored)?.schema);
  applyDefaults(copy, (written ?? stored)?.schema);
  if (stored && written && stored.name !== written.name) {
    pruned.push(...pruneUnknownFields(copy, stored.schema));
    applyDefaults(copy, stored.schema);
  }
  return { resource: copy, pruned };
}
