import { md5Hex } from './go-json';

/** `63 - 1 - 5`: room for `-` and a 5-character suffix within a 63-character name. */
export const MAX_NAME_LENGTH = 57;

/** The longest pipeline ID Kratix's webhook accepts. */
export const MAX_PIPELINE_ID_LENGTH = 60;

function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * Kratix's `processName`: a name longer than 57 bytes is cut to **56** bytes, then trailing
 * characters that are not `[a-zA-Z0-9]` are dropped.
 *
 * @throws Error when nothing alphanumeric is left (Kratix would panic)
 * @see https://github.com/syntasso/kratix/blob/main/lib/objectutil/name.go
 */
export function processName(name: string): string {
  // An ASCII name (every valid Kubernetes name) is its own bytes: only other names are encoded.
  if (ASCII.test(name)) return name.slice(0, keptBytes(name, name.length, i => name.charCodeAt(i)));
  const bytes = Buffer.from(name, 'utf8');
  return bytes.subarray(0, keptBytes(name, bytes.length, i => bytes[i])).toString('utf8');
}

const ASCII = /^[\x00-\x7f]*$/;

/** How many of the `length` bytes of `name` `processName` keeps. */
function keptBytes(name: string, length: number, byteAt: (index: number) => number): number {
  let end = length > MAX_NAME_LENGTH ? MAX_NAME_LENGTH - 1 : length;
  while (end > 0 && !isAlphanumeric(byteAt(end - 1))) end--;
  if (end === 0) throw new Error(`cannot derive an object name from ${JSON.stringify(name)}: it has no letter or digit`);
  return end;
}

/**
 * Kratix's `GenerateDeterministicObjectName` (`det()`): `processName(name)` + `-` + the first five
 * hex characters of md5 of the FULL, untruncated name.
 */
export function deterministicName(name: string): string {
  return `${processName(name)}-${md5Hex(name).slice(0, 5)}`;
}

/**
 * The pipeline ID: `<promise>-<type>-<action>-<pipeline>`, the default ServiceAccount name and the
 * base of every RBAC name.
 */
export function pipelineId(promiseName: string, type: string, action: string, pipelineName: string): string {
  return `${promiseName}-${type}-${action}-${pipelineName}`;
}

/**
 * The Job base name: `kratix-<promise>` + (resource workflows: `-<request name>` + (with
 * `pipelineNamespace` set: `-<request namespace>`)) + `-<pipeline>`.
 */
export function jobBaseName(promiseName: string, pipelineName: string, request?: { name: string; namespace?: string }): string {
  let name = `kratix-${promiseName}`;
  if (request) {
    name += `-${request.name}`;
    if (request.namespace !== undefined) name += `-${request.namespace}`;
  }
  return `${name}-${pipelineName}`;
}

/**
 * The Job name: `processName(base)` + `-` + five characters.
 *
 * Kratix (`GenerateObjectName`) takes the five characters from a random UUID, so every run gets a
 * new name. To render deterministically this takes the first five hex characters of
 * md5(`<base>-<kratix.io/hash label value>`) instead: the name is stable for the same input and
 * changes when Kratix would start a new Job because the hash changed.
 */
export function jobName(base: string, hash: string): string {
  return `${processName(base)}-${md5Hex(`${base}-${hash}`).slice(0, 5)}`;
}
