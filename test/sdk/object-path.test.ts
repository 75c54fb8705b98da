import { formatPath, parsePath, PipelineFileError, Status } from '../../src/sdk';

describe('parsePath', () => {
  test('dots, indexes, quoted keys and a leading dot', () => {
    expect(parsePath('a.b[0].c')).toEqual(['a', 'b', 0, 'c']);
    expect(parsePath('.spec.replicas')).toEqual(['spec', 'replicas']);
    expect(parsePath('metadata.labels["kratix.io/promise-name"]')).toEqual(['metadata', 'labels', 'kratix.io/promise-name']);
    expect(parsePath("a['it''s']")).toEqual(['a', "it's"]);
    expect(parsePath('[1][2]')).toEqual([1, 2]);
  });

  test('bad paths name the path and the place', () => {
    expect(() => parsePath('')).toThrow(PipelineFileError);
    expect(() => parsePath('a..b')).toThrow('path "a..b": empty key at character 3; separate keys with dots');
    expect(() => parsePath('a[x]')).toThrow('path "a[x]": [x] is neither a list index nor a quoted key');
    expect(() => parsePath('a[0')).toThrow('unclosed [');
    expect(() => parsePath('a.')).toThrow('empty key');
    expect(() => parsePath('a[0]b')).toThrow('a key must follow a dot');
  });

  test('formatPath prints what parsePath reads', () => {
    for (const p of ['a.b[0].c', 'metadata.labels["kratix.io/x"]', '[0].a']) expect(formatPath(parsePath(p))).toBe(p);
  });
});

describe('set and remove by path (through Status)', () => {
  test('creates maps and list entries on the way', () => {
    const s = new Status();
    s.set('a.b[0].c', 1).set('a.b[1]', 'x');
    expect(s.toJSON()).toEqual({ a: { b: [{ c: 1 }, 'x'] } });
  });

  test('refuses to walk through a value', () => {
    const s = new Status({ a: 'text', l: [] });
    expect(() => s.set('a.b', 1)).toThrow('path "a.b": a is a string, not a map; remove a first, or use a list index');
    expect(() => s.set('l[3]', 1)).toThrow('path "l[3]": index 3 is past the end of l (length 0); use an index up to 0');
    expect(() => s.set('a[0]', 1)).toThrow('path "a[0]": a is a string, not a list');
  });

  test('a __proto__ key is a key, not the prototype', () => {
    const s = new Status();
    s.set('["__proto__"].polluted', true);
    expect(({} as any).polluted).toBeUndefined();
    expect(s.get('["__proto__"].polluted')).toBe(true);
  });

  test('remove splices list entries and reports what it removed', () => {
    const s = new Status({ l: [1, 2, 3], m: { k: 1 } });
    expect(s.remove('l[1]')).toBe(true);
    expect(s.remove('m.k')).toBe(true);
    expect(s.remove('m.k')).toBe(false);
    expect(s.remove('x.y')).toBe(false);
    expect(s.toJSON()).toEqual({ l: [1, 3], m: {} });
  });
});
