import { stringify } from 'yaml';
import { KubeObject } from './types';

/**
 * Multi-document YAML, documents separated by `---`, keys in the objects' own order.
 *
 * Written with YAML 1.1 quoting so that strings such as `yes`, `on` or `0644` stay strings for
 * Kubernetes tools, which read YAML 1.1; the output reads the same as YAML 1.2.
 */
export function toYaml(objects: readonly KubeObject[]): string {
  return objects.map(o => stringify(o, { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false })).join('---\n');
}
