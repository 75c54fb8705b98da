import { pipelineWork, staticDependenciesWork, workIdentifier, workName, WorkOwner } from '../../src/run/work';
import { decompress } from '../../src/run/workload-groups';

const NOW = new Date('2026-08-21T10:00:00.123Z');
const owner: WorkOwner = {
  promiseName: 'webapp',
  pipelineName: 'deploy',
  type: 'resource',
  namespace: 'team-a',
  request: { name: 'shop', namespace: 'team-a' },
  pipelineNamespaceSet: false,
  dryRun: false,
};

describe('runtime doc §4.4: the Work object', () => {
  test('identifier: <P>-<RR>-<PL> for resource workflows, <P>-<PL> for promise workflows, <P>-<RR>-<RRns>-<PL> with pipelineNamespace', () => {
    expect(workIdentifier(owner)).toBe('webapp-shop-deploy');
    expect(workIdentifier({ ...owner, type: 'promise', request: undefined })).toBe('webapp-deploy');
    expect(workIdentifier({ ...owner, pipelineNamespaceSet: true })).toBe('webapp-shop-team-a-deploy');
  });

  test('name: GenerateObjectName with a deterministic five-character suffix, cut to 56 bytes when longer than 57', () => {
    expect(workName(owner)).toMatch(/^webapp-shop-deploy-[0-9a-f]{5}$/);
    expect(workName(owner)).toBe(workName({ ...owner }));
    const long = { ...owner, promiseName: 'very-long-promise-name-with-many-words', request: { name: 'my-resource-request-name', namespace: 'team-namespace' }, pipelineNamespaceSet: true, pipelineName: 'configure' };
    expect(workName(long)).toMatch(/^very-long-promise-name-with-many-words-my-resource-reque-[0-9a-f]{5}$/);
  });

  test('resource Work: labels, namespace, spec fields', () => {
    const work = pipelineWork(owner, [], NOW);
    expect(work.metadata).toEqual({
      name: workName(owner),
      namespace: 'team-a',
      labels: { 'kratix.io/pipeline-name': 'deploy', 'kratix.io/promise-name': 'webapp', 'kratix.io/resource-name': 'shop', 'kratix.io/work-type': 'resource' },
    });
    expect(work.spec).toEqual({ lastExecutionTimestamp: '2026-08-21T10:00:00Z', promiseName: 'webapp', resourceName: 'shop' });
  });

  test('with pipelineNamespace the Work gets the resource-namespace label; dry runs the dry-run label', () => {
    const work = pipelineWork({ ...owner, pipelineNamespaceSet: true, namespace: 'ops', dryRun: true }, [], NOW);
    expect(work.metadata.namespace).toBe('ops');
    expect(work.metadata.labels).toMatchObject({ 'kratix.io/resource-namespace': 'team-a', 'kratix.io/dry-run': 'true' });
  });

  test('promise Work: no resourceName, no resource-name label, namespace "" becomes kratix-platform-system', () => {
    const work = pipelineWork({ ...owner, type: 'promise', request: undefined, namespace: '' }, [], NOW);
    expect(work.metadata.namespace).toBe('kratix-platform-system');
    expect(work.metadata.labels).toEqual({ 'kratix.io/pipeline-name': 'deploy', 'kratix.io/promise-name': 'webapp', 'kratix.io/work-type': 'promise' });
    expect(work.spec.resourceName).toBeUndefined();
  });

  test('workload groups keep the work-writer order and leave out empty lists (omitempty)', () => {
    const work = pipelineWork(owner, [
      { workloads: [], directory: 'empty', id: 'e', destinationSelectors: [{ matchLabels: { a: 'b' }, source: 'resource-workflow' }] },
      { workloads: [{ filepath: 'x.yaml', content: 'c' }], directory: '.', id: 'r', destinationSelectors: [] },
    ], NOW);
    expect(work.spec.workloadGroups).toEqual([
      { directory: 'empty', id: 'e', destinationSelectors: [{ matchLabels: { a: 'b' }, source: 'resource-workflow' }] },
      { workloads: [{ filepath: 'x.yaml', content: 'c' }], directory: '.', id: 'r' },
    ]);
  });
});

describe('runtime doc §4.7: the static-dependencies Work', () => {
  test('none without dependencies', () => {
    expect(staticDependenciesWork('webapp', [], [])).toBeUndefined();
  });

  test('one root group with static/<P>-dependencies.yaml, keys sorted, documents separated by ---; the Promise selectors squashed', () => {
    const work = staticDependenciesWork('webapp', [
      { kind: 'Namespace', apiVersion: 'v1', metadata: { name: 'a' } },
      { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'b' } },
    ], [{ env: 'dev' }, { env: 'prod', zone: 'z' }])!;
    expect(work.metadata).toEqual({
      name: expect.stringMatching(/^webapp-static-deps-[0-9a-f]{5}$/),
      namespace: 'kratix-platform-system',
      labels: { 'kratix.io/promise-name': 'webapp', 'kratix.io/work-type': 'static-dependency' },
    });
    expect(work.spec.promiseName).toBe('webapp');
    expect(work.spec.resourceName).toBeUndefined();
    const [group] = work.spec.workloadGroups;
    expect(group.directory).toBe('.');
    expect(group.id).toBe('5058f1af8388633f609cadb75a75dc9d');
    expect(group.destinationSelectors).toEqual([{ matchLabels: { env: 'dev', zone: 'z' }, source: 'promise' }]);
    expect(group.workloads[0].filepath).toBe('static/webapp-dependencies.yaml');
    expect(decompress(group.workloads[0].content).toString()).toBe(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n');
  });
});
