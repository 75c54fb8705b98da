import { createHash } from 'crypto';
import { deterministicName, jobBaseName, jobName, pipelineId, processName } from '../../src/render/names';

describe('§6 names', () => {
  test.each([
    ['redis-promise-configure-promise-setup', 'redis-promise-configure-promise-setup-0bd72'],
    ['postgres-promise-configure-configure-db-kratix-platform-system', 'postgres-promise-configure-configure-db-kratix-platform-439a3'],
    ['enterprise-postgresql-ha-resource-configure-configure-ha-db1', 'enterprise-postgresql-ha-resource-configure-configure-ha-f6431'],
    ['destination-selectors-promiseName-new-type', 'destination-selectors-promiseName-new-type-773b6'],
  ])('det(%s) = %s', (input, expected) => {
    expect(deterministicName(input)).toBe(expected);
  });

  describe('§11.1 truncation cuts to 56 when longer than 57, strips trailing non-alphanumerics, hashes the full input', () => {
    test('a 57-character name is kept whole', () => {
      const name = 'a'.repeat(57);
      expect(processName(name)).toBe(name);
    });

    test('a 58-character name loses 2 characters', () => {
      expect(processName('a'.repeat(58))).toBe('a'.repeat(56));
    });

    test('trailing non-alphanumerics are stripped after the cut', () => {
      expect(processName(`${'a'.repeat(54)}--xyz`)).toBe('a'.repeat(54));
      expect(processName('abc-.')).toBe('abc');
    });

    test('different long inputs share the prefix but not the hash', () => {
      const a = deterministicName(`${'x'.repeat(60)}-one`);
      const b = deterministicName(`${'x'.repeat(60)}-two`);
      expect(a.slice(0, 56)).toBe(b.slice(0, 56));
      expect(a).not.toBe(b);
      expect(a).toHaveLength(62);
    });

    test('lengths are counted in UTF-8 bytes, as Go counts them, for a name that is not ASCII', () => {
      // 'é' is two bytes: 28 of them are 56 bytes, so the name is kept whole at 57 bytes with 'a'.
      expect(processName(`${'é'.repeat(28)}a`)).toBe(`${'é'.repeat(28)}a`);
      // 29 are 58 bytes: cut to 56 bytes, which ends on a whole 'é', not alphanumeric, so stripped back to nothing.
      expect(() => processName('é'.repeat(29))).toThrow('it has no letter or digit');
      // 'ab' and 28 of them are 58 bytes: cut to 56, then every trailing 'é' byte is stripped.
      expect(processName(`ab${'é'.repeat(28)}`)).toBe('ab');
    });

    test('det() hashes the UTF-8 bytes of a name that is not ASCII', () => {
      // Kratix hashes Go's string bytes, which are UTF-8 ('é' is c3 a9, not Latin-1's e9).
      expect(deterministicName('aé').slice(-5)).toBe(createHash('md5').update(Buffer.from('aé', 'utf8')).digest('hex').slice(0, 5));
    });

    test('a name with no letter or digit is an error, not a crash', () => {
      expect(() => processName('--')).toThrow('cannot derive an object name from "--": it has no letter or digit');
    });
  });

  test('pipeline ID is <promise>-<type>-<action>-<pipeline>', () => {
    expect(pipelineId('mysql', 'resource', 'delete', 'cleanup')).toBe('mysql-resource-delete-cleanup');
  });

  test('Job base names', () => {
    expect(jobBaseName('redis', 'promise-setup')).toBe('kratix-redis-promise-setup');
    expect(jobBaseName('bucket', 'provision', { name: 'assets' })).toBe('kratix-bucket-assets-provision');
    expect(jobBaseName('bucket', 'provision', { name: 'assets', namespace: 'team-b' })).toBe('kratix-bucket-assets-team-b-provision');
    expect(jobBaseName('tenant', 'onboard', { name: 'acme', namespace: '' })).toBe('kratix-tenant-acme--onboard');
  });

  describe('the Job name suffix is deterministic: md5(<base>-<hash>)[0:5]', () => {
    test('same input, same name; another hash, another name', () => {
      expect(jobName('kratix-redis-promise-setup', 'h1')).toBe(jobName('kratix-redis-promise-setup', 'h1'));
      expect(jobName('kratix-redis-promise-setup', 'h1')).not.toBe(jobName('kratix-redis-promise-setup', 'h2'));
      expect(jobName('kratix-redis-promise-setup', 'h1')).toMatch(/^kratix-redis-promise-setup-[0-9a-f]{5}$/);
    });

    test('a long base is truncated like Kratix (case 12)', () => {
      const base = 'kratix-enterprise-postgresql-ha-orders-primary-cluster-eu-west-1-production-commerce-prod-configure-ha-db1';
      expect(jobName(base, 'h')).toMatch(/^kratix-enterprise-postgresql-ha-orders-primary-cluster-e-[0-9a-f]{5}$/);
    });
  });
});
