import { Destination } from '../../src/run/destinations';
import { scheduleWork } from '../../src/run/scheduling';
import { stateStoreFiles } from '../../src/run/state-store';
import { pipelineWork, staticDependenciesWork, WorkOwner } from '../../src/run/work';
import { compress, WorkloadGroup } from '../../src/run/workload-groups';

const NOW = new Date('2026-08-21T10:00:00Z');
const owner: WorkOwner = { promiseName: 'webapp', pipelineName: 'deploy', type: 'resource', namespace: 'team-a', request: { name: 'shop', namespace: 'team-a' }, pipelineNamespaceSet: false, dryRun: false };
const w = (filepath: string, text: string) => ({ filepath, content: compress(Buffer.from(text)) });
const groups: WorkloadGroup[] = [
  { workloads: [w('platform/db.yaml', 'db')], directory: 'platform', id: '34a6e5d64ade17ef4e51612c50dd72f5', destinationSelectors: [{ matchLabels: { environment: 'platform' }, source: 'resource-workflow' }] },
  { workloads: [w('deployment.yaml', 'deploy')], directory: '.', id: '5058f1af8388633f609cadb75a75dc9d', destinationSelectors: [{ matchLabels: { region: 'eu' }, source: 'resource-workflow' }, { matchLabels: { environment: 'dev' }, source: 'promise' }] },
];
function dest(name: string, labels: Record<string, string>, extra: Partial<Destination> = {}): Destination {
  return { name, labels, path: name, strictMatchLabels: false, filepathMode: 'nestedByMetadata', filename: 'aggregated.yaml', deleting: false, ...extra };
}
const files = (placements: any[]) => stateStoreFiles(placements).map(f => [f.destination, f.path, f.content.toString()]);

describe('runtime doc §5.8/§5.9: state-store layout', () => {
  const worker = dest('worker-1', { environment: 'dev', region: 'eu' });
  const platform = dest('platform-cluster', { environment: 'platform' }, { strictMatchLabels: true });

  test('nestedByMetadata, resource Work: DEST/resources/<ns>/<P>/<RR>/<PL>/<id5>/<filepath> (the worked example)', () => {
    const work = pipelineWork(owner, groups, NOW);
    expect(files(scheduleWork(work, [worker, platform]).placements)).toEqual([
      ['platform-cluster', 'platform-cluster/resources/team-a/webapp/shop/deploy/34a6e/platform/db.yaml', 'db'],
      ['worker-1', 'worker-1/resources/team-a/webapp/shop/deploy/5058f/deployment.yaml', 'deploy'],
    ]);
  });

  test('nestedByMetadata, promise Work: DEST/dependencies/<P>/<PL>/<id5>/<filepath> on every matching Destination', () => {
    const work = pipelineWork({ ...owner, type: 'promise', request: undefined, pipelineName: 'setup' }, [{ ...groups[1], destinationSelectors: [] }], NOW);
    expect(files(scheduleWork(work, [worker, dest('worker-2', {})]).placements)).toEqual([
      ['worker-1', 'worker-1/dependencies/webapp/setup/5058f/deployment.yaml', 'deploy'],
      ['worker-2', 'worker-2/dependencies/webapp/setup/5058f/deployment.yaml', 'deploy'],
    ]);
  });

  test('nestedByMetadata, static dependencies: no pipeline segment', () => {
    const work = staticDependenciesWork('webapp', [{ kind: 'Namespace' }], [])!;
    expect(files(scheduleWork(work, [worker]).placements)).toEqual([
      ['worker-1', 'worker-1/dependencies/webapp/5058f/static/webapp-dependencies.yaml', 'kind: Namespace\n'],
    ]);
  });

  test('none: DEST/<filepath> flat, plus the state file DEST/.kratix/<ns>-<workplacement>.yaml listing the files', () => {
    const work = pipelineWork(owner, [groups[1]], NOW);
    const flat = dest('worker-1', { environment: 'dev', region: 'eu' }, { filepathMode: 'none' });
    expect(files(scheduleWork(work, [flat]).placements)).toEqual([
      ['worker-1', 'worker-1/deployment.yaml', 'deploy'],
      ['worker-1', `worker-1/.kratix/team-a-${work.metadata.name}.worker-1-5058f.yaml`, 'files:\n- worker-1/deployment.yaml\n'],
    ]);
  });

  test('aggregatedYAML: one file of every placement\'s workloads, sorted by WorkPlacement name, joined by "\\n---\\n"', () => {
    const work = pipelineWork(owner, groups.map(g => ({ ...g, destinationSelectors: [] })), NOW);
    const agg = dest('all', {}, { filepathMode: 'aggregatedYAML', filename: 'everything.yaml' });
    expect(files(scheduleWork(work, [agg]).placements)).toEqual([['all', 'all/everything.yaml', 'db\n---\ndeploy']]);
  });

  test('the pipeline namespace, not the request\'s, is the namespace segment', () => {
    const work = pipelineWork({ ...owner, namespace: 'ops', pipelineNamespaceSet: true }, [groups[1]], NOW);
    expect(files(scheduleWork(work, [worker]).placements)[0][1]).toBe('worker-1/resources/ops/webapp/shop/deploy/5058f/deployment.yaml');
  });
});
