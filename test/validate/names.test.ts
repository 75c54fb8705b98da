import {
  dns1123LabelMessage,
  dns1123SubdomainMessage,
  labelValueMessage,
  pipelineId,
  pipelineIdMessage,
  qualifiedNameMessage,
  RESERVED_CONTAINER_NAMES,
  RESERVED_VOLUME_NAMES,
} from '../../src/validate';

describe('dns1123LabelMessage', () => {
  test.each(['a', 'notify', 'a-1', '0', 'x'.repeat(63)])('accepts %s', (name) => {
    expect(dns1123LabelMessage(name, 'container name')).toBeUndefined();
  });

  test.each(['Notify', '-a', 'a-', 'a.b', 'a_b', '', 'x'.repeat(64)])('rejects %p', (name) => {
    expect(dns1123LabelMessage(name, 'container name')).toMatch(/^container name '.*' must be a DNS-1123 label/);
  });

  test('says what is wrong and how to fix it', () => {
    expect(dns1123LabelMessage('Notify', 'container name')).toBe(
      "container name 'Notify' must be a DNS-1123 label (lower case letters, digits and '-', at most 63 characters)",
    );
  });

  test('rejects values that are not strings', () => {
    expect(dns1123LabelMessage(42, 'container name')).toBe('container name must be a string, not 42');
  });
});

describe('dns1123SubdomainMessage', () => {
  test('accepts dotted names and rejects upper case', () => {
    expect(dns1123SubdomainMessage('my.service-account', 'service account name')).toBeUndefined();
    expect(dns1123SubdomainMessage('My', 'service account name')).toBe(
      "service account name 'My' must be a DNS-1123 subdomain (lower case letters, digits, '-' and '.', at most 253 characters)",
    );
  });
});

describe('label keys and values', () => {
  test.each(['team', 'app.kubernetes.io/name', 'kratix.io/promise-version', 'A_b.c'])('accepts the key %s', (key) => {
    expect(qualifiedNameMessage(key, 'label key')).toBeUndefined();
  });

  test.each(['a b', '/x', 'Example.com/x', 'x/', '-a', 'a/b/c', 'x'.repeat(64)])('rejects the key %p', (key) => {
    expect(qualifiedNameMessage(key, 'label key')).toMatch(/must be a qualified name/);
  });

  test.each(['', 'v1.0.0', 'A_b-c', 'x'.repeat(63)])('accepts the value %p', (value) => {
    expect(labelValueMessage(value, 'label value')).toBeUndefined();
  });

  test.each(['v1.0.0+build', '-a', 'a b', 'x'.repeat(64)])('rejects the value %p', (value) => {
    expect(labelValueMessage(value, "label 'k' value")).toBe(
      `label 'k' value '${value}' must be a valid label value (at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit)`,
    );
  });
});

describe('pipelineId', () => {
  test('is <promise>-<type>-<action>-<pipeline>', () => {
    expect(pipelineId('env', 'resource', 'delete', 'slack-notify')).toBe('env-resource-delete-slack-notify');
  });

  test('fits at 60 characters and says the budget above', () => {
    const promise = 'p'.repeat(20); // 20 + '-resource-configure-' (20) leaves 20
    expect(pipelineIdMessage(promise, 'resource', 'configure', 'x'.repeat(20))).toBeUndefined();
    expect(pipelineIdMessage(promise, 'resource', 'configure', 'x'.repeat(21))).toBe(
      `pipeline ID '${promise}-resource-configure-${'x'.repeat(21)}' (<promise>-<type>-<action>-<pipeline>) is 61 characters, `
      + "over Kratix's limit of 60: shorten the pipeline name to at most 20 characters (or the Promise name)",
    );
  });

  test('asks for a shorter Promise name when nothing is left for the pipeline', () => {
    expect(pipelineIdMessage('p'.repeat(50), 'promise', 'configure', 'x')).toMatch(/shorten the Promise name/);
  });
});

test('reserved names are those of Kratix\'s own containers and volumes', () => {
  expect(RESERVED_CONTAINER_NAMES).toEqual(['reader', 'work-writer', 'status-writer']);
  expect(RESERVED_VOLUME_NAMES).toEqual(['shared-input', 'shared-output', 'shared-metadata', 'promise-scheduling']);
});
