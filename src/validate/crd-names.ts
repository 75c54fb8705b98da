import { crdRejection, ErrorSink } from './api-server';
import { dns1035LabelMessage } from './names';
import { field, isMap, joinPath, listField } from '../model/problem';
import { quote } from '../private/quote';

const DNS1035_RULE = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";

/**
 * The rules apiextensions' `ValidateCustomResourceDefinitionNames` and the spec's version checks
 * apply to a CRD's names: plural, singular, short names and categories are DNS-1035 labels, kind
 * and listKind are too apart from their case, listKind differs from kind; version names are
 * DNS-1035 labels and unique. (That plural, kind and group are set is checked beside, with the
 * Promise's own rules.)
 *
 * @param spec the CRD's spec
 * @param error takes paths relative to the CRD (`spec.names.singular`)
 */
export function checkCrdNames(spec: Record<string, unknown>, error: ErrorSink): void {
  const names = field(spec, 'names');
  if (isMap(names)) {
    for (const key of ['plural', 'singular']) {
      const value = names[key];
      if (typeof value === 'string' && value !== '') label(value, `API ${key}`, `spec.names.${key}`, `use lower case, e.g. ${quote(value.toLowerCase().replace(/[^-a-z0-9]/g, ''))}`, error);
    }
    for (const key of ['kind', 'listKind']) {
      const value = names[key];
      if (typeof value !== 'string' || value === '' || !dns1035LabelMessage(value.toLowerCase(), '')) continue;
      error(`spec.names.${key}`, crdRejection(`API ${key} ${quote(value)} is not a DNS-1035 label apart from its case`, `may have mixed case, but should otherwise match: ${DNS1035_RULE}`,
        'use letters and digits only, starting with a letter, e.g. Database'));
    }
    if (typeof names.kind === 'string' && names.kind !== '' && names.kind === names.listKind) {
      error('spec.names.listKind', crdRejection(`API listKind ${quote(names.listKind)} is the kind`, 'kind and listKind may not be the same', `use ${quote(`${names.kind}List`)} or leave it out`));
    }
    for (const key of ['shortNames', 'categories']) {
      listField(names, key).forEach((value, i) => {
        if (typeof value === 'string') label(value, `API ${key === 'shortNames' ? 'short name' : 'category'}`, joinPath(`spec.names.${key}`, i), 'use lower case letters and digits, starting with a letter', error);
      });
    }
  }
  const seen = new Set<string>();
  listField(spec, 'versions').forEach((version, i) => {
    const name = field(version, 'name');
    if (typeof name !== 'string' || name === '') return;
    const at = joinPath(joinPath('spec.versions', i), 'name');
    label(name, 'version name', at, 'use a name such as v1, v1alpha1 or v2beta1', error);
    if (seen.has(name)) error(at, crdRejection(`version name ${quote(name)} is used by two versions`, 'must contain unique version names', 'rename or remove one of them'));
    seen.add(name);
  });
}

function label(value: string, what: string, path: string, fix: string, error: ErrorSink): void {
  const m = dns1035LabelMessage(value, what);
  if (m) error(path, crdRejection(m, DNS1035_RULE, fix));
}
