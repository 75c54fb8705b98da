export { applyDefaults, pruneUnknownFields } from './structural-defaults';
export type { OpenApiSchema } from './structural-defaults';
export { schemaViolations } from './schema-validation';
export type { SchemaViolation } from './schema-validation';
export { checkResource, crdVersions, storageVersion, storedResource } from './crd-versions';
export type { CrdVersion } from './crd-versions';
