import { cloneJson } from '../_json';
import { SchemaViolation, schemaViolations } from './schema-validation';
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

/**
 * The ways a resource breaks its CRD, as the API server checks it on create with strict field
 * validation: its apiVersion must be a served version of the CRD's group and its kind the CRD's;
 * then its defaults are applied (on a copy) and it is validated against that version's schema.
 *
 * @param crd the CustomResourceDefinition manifest
 * @param resource the resource as written
 */
export function resourceViolations(crd: any, resource: any): SchemaViolation[] {
  const group = crd?.spec?.group;
  const kind = crd?.spec?.names?.kind;
  const apiVersion = resource?.apiVersion;
  const served = crdVersions(crd).filter(v => v.served);
  const version = served.find(v => apiVersion === `${group}/${v.name}`);
  if (!version) {
    return [{
      path: 'apiVersion',
      rule: 'served',
      message: `${JSON.stringify(apiVersion)} is not a served version of the API; use one of ${served.map(v => JSON.stringify(`${group}/${v.name}`)).join(', ') || '(none: the CRD serves no version)'}`,
    }];
  }
  if (resource.kind !== kind) {
    return [{ path: 'kind', rule: 'kind', message: `${JSON.stringify(resource.kind)} is not the API's kind; use ${JSON.stringify(kind)}` }];
  }
  if (!version.schema) return [];
  return schemaViolations(version.schema, applyDefaults(cloneJson(resource), version.schema));
}
