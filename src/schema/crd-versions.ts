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

const versionsOf = new WeakMap<object, { readonly list: unknown; readonly versions: CrdVersion[] }>();

/**
 * The versions of a CRD manifest (`spec.versions`), those without a name left out; read once per
 * manifest and versions list.
 */
export function crdVersions(crd: any): CrdVersion[] {
  const list = crd?.spec?.versions;
  const known = typeof crd === 'object' && crd !== null ? versionsOf.get(crd) : undefined;
  if (known && known.list === list) return known.versions;
  const versions = readVersions(Array.isArray(list) ? list : []);
  if (typeof crd === 'object' && crd !== null) versionsOf.set(crd, { list, versions });
  return versions;
}

function readVersions(versions: any[]): CrdVersion[] {
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
  const apiVersion = typeof resource?.apiVersion === 'string' ? resource.apiVersion : '';
  const written = crdVersions(crd).find(v => apiVersion.endsWith(`/${v.name}`));
  const stored = storageVersion(crd);
  // Defaults are known fields and themselves pruned (Kubernetes checks that of a CRD), so pruning
  // after defaulting removes what pruning before it would.
  let copy = applyDefaults(resource, (written ?? stored)?.schema);
  const pruned = pruneUnknownFields(copy, (written ?? stored)?.schema);
  if (stored && written && stored.name !== written.name) {
    copy = applyDefaults(copy, stored.schema);
    pruned.push(...pruneUnknownFields(copy, stored.schema));
  }
  return { resource: copy, pruned };
}

/**
 * A resource checked as the API server checks it on create with strict field validation: its
 * apiVersion must be a served version of the CRD's group and its kind the CRD's; then its defaults
 * are applied (on a copy) and it is validated against that version's schema.
 *
 * @param crd the CustomResourceDefinition manifest
 * @param resource the resource as written
 * @returns the defaulted copy (as stored when valid: strict validation leaves nothing to prune),
 * and the ways it breaks the CRD
 */
export function checkResource(crd: any, resource: any): { readonly resource: any; readonly violations: SchemaViolation[] } {
  const group = crd?.spec?.group;
  const kind = crd?.spec?.names?.kind;
  const apiVersion = resource?.apiVersion;
  const versions = crdVersions(crd);
  const version = versions.find(v => v.served && apiVersion === `${group}/${v.name}`);
  if (!version) {
    const served = versions.filter(v => v.served).map(v => JSON.stringify(`${group}/${v.name}`)).join(', ');
    return {
      resource,
      violations: [{ path: 'apiVersion', rule: 'served', message: `${JSON.stringify(apiVersion)} is not a served version of the API; use one of ${served || '(none: the CRD serves no version)'}` }],
    };
  }
  if (resource.kind !== kind) {
    return { resource, violations: [{ path: 'kind', rule: 'kind', message: `${JSON.stringify(resource.kind)} is not the API's kind; use ${JSON.stringify(kind)}` }] };
  }
  if (!version.schema) return { resource: cloneJson(resource), violations: [] };
  const defaulted = applyDefaults(resource, version.schema);
  return { resource: defaulted, violations: schemaViolations(version.schema, defaulted) };
}
