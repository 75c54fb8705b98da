import { emitYamlDocument } from '../render/yaml-emitter';

/** A copy of plain data with every map's keys sorted, as Go's JSON (and so `sigs.k8s.io/yaml`) writes maps. */
export function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortedKeys((value as Record<string, unknown>)[key]);
  return out;
}

/**
 * An object as the reader writes `object.yaml` (runtime doc §2.3, `sigs.k8s.io/yaml.Marshal`):
 * the whole object, map keys sorted. Readers must parse it, never compare bytes.
 */
export function objectYaml(object: unknown): string {
  return emitYamlDocument(sortedKeys(object));
}
