import { KratixObject, Status } from '../../src/sdk';

describe('Status', () => {
  test('get with a default, has, keys', () => {
    const s = new Status({ message: 'hi', db: { host: 'x' } });
    expect(s.get('db.host')).toBe('x');
    expect(s.get('db.port', 5432)).toBe(5432);
    expect(s.has('db')).toBe(true);
    expect(s.has('nope')).toBe(false);
    expect(s.keys()).toEqual(['message', 'db']);
  });

  test('is a copy: changing it does not change the data it came from', () => {
    const data = { a: { b: 1 } };
    const s = new Status(data);
    s.set('a.b', 2);
    expect(data.a.b).toBe(1);
    const out = s.toJSON();
    out.a = 'changed';
    expect(s.get('a.b')).toBe(2);
  });

  test('refuses a list', () => {
    expect(() => new Status([] as any)).toThrow('status: a status is a map of keys to values, got a list; pass an object');
  });

  describe('conditions', () => {
    test('setCondition appends, then replaces by type in place', () => {
      const s = new Status({ conditions: [{ type: 'A', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' }] });
      s.setCondition({ type: 'B', status: false, reason: 'Waiting' });
      s.setCondition({ type: 'A', status: 'True', message: 'still' });
      const [a, b] = s.conditions;
      expect(a).toEqual({ type: 'A', status: 'True', message: 'still', lastTransitionTime: '2026-01-01T00:00:00Z' });
      expect(b).toMatchObject({ type: 'B', status: 'False', reason: 'Waiting' });
      expect(b.lastTransitionTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    });

    test('a status change moves lastTransitionTime', () => {
      const s = new Status({ conditions: [{ type: 'A', status: 'False', lastTransitionTime: '2026-01-01T00:00:00Z' }] });
      expect(s.setCondition({ type: 'A', status: 'True' }).lastTransitionTime).not.toBe('2026-01-01T00:00:00Z');
    });

    test('getCondition and removeCondition', () => {
      const s = new Status();
      s.setCondition({ type: 'Ready', status: 'Unknown' });
      expect(s.getCondition('Ready')?.status).toBe('Unknown');
      expect(s.removeCondition('Ready')).toBe(true);
      expect(s.removeCondition('Ready')).toBe(false);
      expect(s.getCondition('Ready')).toBeUndefined();
    });

    test('bad conditions are refused with the field named', () => {
      const s = new Status();
      expect(() => s.setCondition({ type: '', status: 'True' })).toThrow('condition.type: a condition needs a type, got ""');
      expect(() => s.setCondition({ type: 'A', status: 'yes' as any })).toThrow('condition.status: condition A: status "yes"; use "True", "False" or "Unknown" (or a boolean)');
    });
  });
});

test('Status.isStatus and KratixObject.isKratixObject recognise instances without instanceof', () => {
  expect(Status.isStatus(new Status())).toBe(true);
  expect(Status.isStatus({ data: {} })).toBe(false);
  expect(KratixObject.isKratixObject(new KratixObject({}))).toBe(true);
  expect(KratixObject.isKratixObject(new Status())).toBe(false);
});
