import * as fc from 'fast-check';
import { PIPELINE_ID_LIMIT, promiseModel, PromiseModel, requestFor, RUNS, SEED, WORKFLOWS } from './arbitraries';

// The generators reach the limits the properties are about: a property over models that never
// have 4 pipelines or a 60-character pipeline ID would prove little.

describe('the generator of valid Promises', () => {
  const models: PromiseModel[] = fc.sample(promiseModel, { seed: SEED, numRuns: Math.max(RUNS, 1000) });
  const pipelines = models.flatMap(m => WORKFLOWS.flatMap(w => m.workflows[w].map(p => ({ m, w, p }))));
  const containers = pipelines.flatMap(({ p }) => p.containers);

  test('reaches 0 and 4 pipelines per configure workflow, 0 and 1 per delete workflow', () => {
    for (const w of WORKFLOWS) {
      const counts = new Set(models.map(m => m.workflows[w].length));
      expect([...counts].sort()).toEqual(w.endsWith('/delete') ? [0, 1] : [0, 1, 2, 3, 4]);
    }
  });

  test('reaches 1 to 5 containers per pipeline', () => {
    expect([...new Set(pipelines.map(({ p }) => p.containers.length))].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  test('reaches the 60-character pipeline ID budget exactly, and never exceeds it', () => {
    const lengths = pipelines.map(({ m, w, p }) => `${m.name}-${w.replace('/', '-')}-${p.name}`.length);
    expect(Math.max(...lengths)).toBe(PIPELINE_ID_LIMIT);
    expect(lengths.filter(l => l === PIPELINE_ID_LIMIT).length).toBeGreaterThan(10);
  });

  test('covers permissions in all three scopes, volumes, env from Secrets and ConfigMaps, and pipelineNamespace', () => {
    const scopes = pipelines.flatMap(({ p }) => p.permissions.map(x => x.scope === 'own' || x.scope === 'all' ? x.scope : 'named'));
    expect(new Set(scopes)).toEqual(new Set(['own', 'all', 'named']));
    expect(new Set(pipelines.flatMap(({ p }) => p.volumes.map(v => v.kind)))).toEqual(new Set(['emptyDir', 'configMap', 'secret']));
    expect(new Set(containers.flatMap(c => c.env.map(e => e.source)))).toEqual(new Set(['value', 'secret', 'configMap']));
    expect(new Set(containers.flatMap(c => c.envFrom.map(e => e.source)))).toEqual(new Set(['secret', 'configMap']));
    expect(containers.some(c => c.mounts.length > 0)).toBe(true);
    expect(new Set(models.map(m => m.pipelineNamespace === undefined))).toEqual(new Set([true, false]));
    expect(pipelines.some(({ p }) => p.serviceAccountName !== undefined)).toBe(true);
  });

  test('requests come in the default namespace and in others', () => {
    const namespaces = fc.sample(promiseModel.chain(requestFor), { seed: SEED, numRuns: 200 }).map(r => r.metadata.namespace);
    expect(namespaces).toContain('default');
    expect(namespaces.some(n => n !== 'default')).toBe(true);
  });
});
