import { Destination } from '../../src/run/destinations';
import { destinationMatches, groupSelector, scheduleWork } from '../../src/run/scheduling';

function dest(name: string, labels: Record<string, string>, extra: Partial<Destination> = {}): Destination {
  return { name, labels, path: name, strictMatchLabels: false, filepathMode: 'nestedByMetadata', filename: 'aggregated.yaml', deleting: false, ...extra };
}

function work(resourceName: string | undefined, groups: any[], labels: Record<string, string> = {}): any {
  return { apiVersion: 'platform.kratix.io/v1alpha1', kind: 'Work', metadata: { name: 'w-12345', namespace: 'ns', labels }, spec: { promiseName: 'p', resourceName, workloadGroups: groups } };
}

describe('runtime doc §5.1: one selector map per group', () => {
  test('sources are copied lowest rank first, so Promise selectors win a key conflict and all keys are AND-ed', () => {
    expect(groupSelector([
      { matchLabels: { environment: 'dev' }, source: 'promise' },
      { matchLabels: { environment: 'staging', tier: 'web' }, source: 'resource-workflow' },
    ], false)).toEqual({ environment: 'dev', tier: 'web' });
    expect(groupSelector([
      { matchLabels: { a: 'promise' }, source: 'promise' },
      { matchLabels: { a: 'pw', b: 'pw' }, source: 'promise-workflow' },
      { matchLabels: { a: 'rw', b: 'rw', c: 'rw' }, source: 'resource-workflow' },
    ], false)).toEqual({ a: 'promise', b: 'pw', c: 'rw' });
  });

  test('a dry-run Work\'s groups all get {kratix.io/dry-run: "true"}', () => {
    expect(groupSelector([{ matchLabels: { a: 'b' }, source: 'promise' }], true)).toEqual({ 'kratix.io/dry-run': 'true' });
  });
});

describe('runtime doc §5.2: which Destinations match', () => {
  test('a non-empty map needs every pair; extra labels do not matter', () => {
    expect(destinationMatches(dest('d', { a: '1', b: '2' }), { a: '1' })).toBe(true);
    expect(destinationMatches(dest('d', { a: '1' }), { a: '1', b: '2' })).toBe(false);
  });

  test('strictMatchLabels only refuses the empty map, and only with at least one label', () => {
    expect(destinationMatches(dest('d', { a: '1' }, { strictMatchLabels: true }), {})).toBe(false);
    expect(destinationMatches(dest('d', { a: '1' }, { strictMatchLabels: true }), { a: '1' })).toBe(true);
    expect(destinationMatches(dest('d', {}, { strictMatchLabels: true }), {})).toBe(true);
    expect(destinationMatches(dest('d', { a: '1' }), {})).toBe(true);
  });

  test('a dry-run Destination takes only dry-run work; a deleting Destination nothing', () => {
    expect(destinationMatches(dest('d', { 'kratix.io/dry-run': 'true' }), {})).toBe(false);
    expect(destinationMatches(dest('d', { 'kratix.io/dry-run': 'true' }), { 'kratix.io/dry-run': 'true' })).toBe(true);
    expect(destinationMatches(dest('d', {}, { deleting: true }), {})).toBe(false);
  });
});

describe('runtime doc §5.3/§5.4: placements', () => {
  const dests = [dest('worker-2', { env: 'dev' }), dest('worker-1', { env: 'dev' }), dest('prod', { env: 'prod' })];
  const group = { id: '5058f1af8388633f609cadb75a75dc9d', directory: '.', destinationSelectors: [{ matchLabels: { env: 'dev' }, source: 'promise' }] };

  test('a resource Work\'s group goes to ONE matching Destination: the first by name (Kratix picks at random)', () => {
    const s = scheduleWork(work('shop', [group]), dests);
    expect(s.placements.map(p => [p.name, p.destination.name])).toEqual([['w-12345.worker-1-5058f', 'worker-1']]);
    expect(s.unscheduled).toEqual([]);
  });

  test('promise and dependency Works go to every matching Destination', () => {
    const s = scheduleWork(work(undefined, [group]), dests);
    expect(s.placements.map(p => p.destination.name)).toEqual(['worker-1', 'worker-2']);
  });

  test('a group nothing matches is unscheduled; the others are still placed', () => {
    const lonely = { id: '34a6e5d64ade17ef4e51612c50dd72f5', directory: 'platform', destinationSelectors: [{ matchLabels: { environment: 'platform' }, source: 'resource-workflow' }] };
    const s = scheduleWork(work('shop', [lonely, group]), dests);
    expect(s.unscheduled).toEqual([lonely.id]);
    expect(s.placements.map(p => p.destination.name)).toEqual(['worker-1']);
  });
});
