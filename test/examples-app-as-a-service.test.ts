import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { parse, parseAllDocuments } from 'yaml';
import { AppAsAServiceChart } from '../examples/app-as-a-service';
import { createResources, databaseConfigure, waitForDatabase } from '../examples/pipelines/app-as-a-service';
import { generateRequestModule } from '../src/codegen/request-module';
import { RunResult, runWorkflow } from '../src/run';
import { checkResource } from '../src/schema';
import { KratixSdk } from '../src/sdk';
import { promiseProblems } from '../src/validate';
import { promiseCrdErrors } from './support/kratix-crd';

// The marketplace's app-as-a-service compound Promise, in TypeScript (README "A compound Promise,
// end to end"): synthesized, then its resource configure workflow run locally as Kratix would
// against a platform Destination and a worker Destination.
const ROOT = path.resolve(__dirname, '..');
const RUN = path.join(ROOT, 'examples', 'run');
const destinations = parseAllDocuments(fs.readFileSync(path.join(RUN, 'destinations.yaml'), 'utf8')).map(d => d.toJS());
const request = parse(fs.readFileSync(path.join(RUN, 'app-request.yaml'), 'utf8'));
const T0 = new Date('2026-03-01T10:00:00Z');
const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);
const SUSPENDED = 'kratix.io/workflow-suspended';

const entries = (r: RunResult): any[] => r.object.status.kratix.workflows.pipelines;
const condition = (r: RunResult, type: string): any => r.object.status.conditions.find((c: any) => c.type === type);

describe('the app-as-a-service compound Promise (examples/app-as-a-service.ts)', () => {
  const chart = new AppAsAServiceChart(Testing.app(), 'aaas');
  const docs = Testing.synth(chart);
  const promises = Object.fromEntries(docs.filter((d: any) => d.kind === 'Promise').map((d: any) => [d.metadata.name, d]));

  test('synthesizes three Promises that pass the real Kratix CRD and every Kratix and library rule', () => {
    expect(Object.keys(promises).sort()).toEqual(['app', 'nginx-ingress', 'postgresql']);
    for (const p of Object.values(promises)) {
      expect(promiseCrdErrors(p)).toEqual([]);
      expect(promiseProblems(p)).toEqual([]);
    }
  });

  test('requires the PostgreSQL and NGINX ingress Promises by reference, with their versions', () => {
    expect(promises.app.spec.requiredPromises).toEqual([
      { name: 'postgresql', version: 'v1.0.0-beta.3' },
      { name: 'nginx-ingress', version: 'v1.0.0-beta.2' },
    ]);
  });

  test('the wait pipeline may get and list the PostgreSQL requests, on the group and plural of the postgresql API', () => {
    const wait = promises.app.spec.workflows.resource.configure[1];
    expect(wait.metadata.name).toBe('wait-for-database');
    expect(wait.spec.rbac.permissions[0]).toEqual({ apiGroups: ['marketplace.kratix.io'], resources: ['postgresqls'], verbs: ['get', 'list'] });
  });

  test.each(['postgresql', 'app'])('examples/imports/%s.ts is what `cdk8s-kratix api` generates for the Promise', name => {
    const expected = generateRequestModule([{ crd: promises[name].spec.api, promiseName: name }], '../../src');
    expect(fs.readFileSync(path.join(ROOT, 'examples', 'imports', `${name}.ts`), 'utf8')).toBe(expected);
  });
});

describe('the app-as-a-service resource configure workflow, run locally', () => {
  const chart = new AppAsAServiceChart(Testing.app(), 'aaas');
  let getPostgresql: (name: string, namespace: string) => any = () => undefined;
  const steps = {
    'create-resources': createResources,
    'database-configure': databaseConfigure,
    'wait-for-database': (sdk: KratixSdk) => waitForDatabase(sdk, (name, namespace) => getPostgresql(name, namespace)),
  };
  const run = (object: unknown, now: Date): Promise<RunResult> => runWorkflow(chart.app, { workflow: 'resource/configure', request: object, destinations, steps, now });

  let first: RunResult;
  beforeAll(async () => {
    first = await run(request, T0);
  });

  test('the PostgreSQL sub-request lands on the platform Destination, the app\'s workloads on the worker', () => {
    expect(first.ok).toBe(true);
    expect(first.stateStore.map(f => f.path)).toEqual([
      'platform/resources/default/app/todoer/resource-configure/34a6e/platform/postgresql.yaml',
      'worker-1/resources/default/app/todoer/resource-configure/5058f/deployment.yaml',
      'worker-1/resources/default/app/todoer/resource-configure/5058f/ingress.yaml',
      'worker-1/resources/default/app/todoer/resource-configure/5058f/service.yaml',
    ]);
    const deployment = parse(first.stateStore[1].content.toString());
    expect(deployment.spec.template.spec.containers[0].env.map((e: any) => e.name)).toEqual(['PGPASSWORD', 'PGUSER', 'PGHOST', 'DBNAME']);
  });

  test('the sub-request carries both component-label conventions and is a valid request of the postgresql API', () => {
    const sub = parse(first.stateStore[0].content.toString());
    expect(sub).toEqual({
      apiVersion: 'marketplace.kratix.io/v1alpha2',
      kind: 'postgresql',
      metadata: {
        name: 'todoerdb',
        namespace: 'default',
        labels: {
          'kratix.io/component-of-promise-name': 'app',
          'kratix.io/component-of-resource-name': 'todoer',
          'kratix.io/component-of-resource-namespace': 'default',
          'kratix.io/parent-promise-name': 'app',
          'kratix.io/parent-resource-name': 'todoer',
          'kratix.io/parent-resource-namespace': 'default',
        },
      },
      spec: { teamId: 'todoerteam', dbName: 'todoerdb' },
    });
    const checked = checkResource(chart.postgresql.api!._toJson(), sub);
    expect(checked.violations).toEqual([]);
    expect(checked.resource.spec.env).toBe('dev');
  });

  test('the wait asks for a retry in 30s: the pipeline is Suspended, the object labelled, no Work written, the workflow not completed', () => {
    expect(first.pipelines.map(p => p.name)).toEqual(['resource-configure', 'wait-for-database']);
    expect(first.pipelines[1].suspended).toEqual({ retry: true, message: 'postgresql default/todoerdb does not exist yet', nextRetryAt: '2026-03-01T10:00:30Z' });
    expect(first.works.map(w => w.metadata.labels?.['kratix.io/pipeline-name'])).toEqual(['resource-configure']);
    expect(first.object.metadata.labels?.[SUSPENDED]).toBe('true');
    expect(entries(first).map(e => [e.name, e.phase, e.attempts])).toEqual([['resource-configure', 'Succeeded', undefined], ['wait-for-database', 'Suspended', 1]]);
    expect(condition(first, 'ConfigureWorkflowCompleted').status).not.toBe('True');
    expect(condition(first, 'Reconciled')).toMatchObject({ status: 'Unknown', reason: 'WorkflowSuspended' });
    expect(first.object.status.database).toEqual({ teamId: 'todoerteam', dbName: 'todoerdb', requestName: 'todoerdb', ready: false });
  });

  test('before nextRetryAt nothing runs: the object stays suspended', async () => {
    const again = await run(first.object, at(29));
    expect(again.pipelines).toEqual([]);
    expect(again.waiting).toBe('pipeline "wait-for-database" retries at 2026-03-01T10:00:30Z; run again at or after that time');
    expect(again.object.metadata.labels?.[SUSPENDED]).toBe('true');
  });

  test('at nextRetryAt only the wait runs again; while the database is not ready it retries, counting attempts', async () => {
    // The sub-request exists on the platform now, its Works not yet applied.
    getPostgresql = () => ({ ...parse(first.stateStore[0].content.toString()), status: { conditions: [{ type: 'WorksSucceeded', status: 'Unknown' }] } });
    const second = await run(first.object, at(30));
    expect(second.resumedAt).toBe('wait-for-database');
    expect(second.pipelines.map(p => p.name)).toEqual(['wait-for-database']);
    expect(second.pipelines[0].suspended).toEqual({ retry: true, message: 'postgresql default/todoerdb is not ready', nextRetryAt: '2026-03-01T10:01:00Z' });
    expect(entries(second).map(e => [e.name, e.phase, e.attempts])).toEqual([['resource-configure', 'Succeeded', undefined], ['wait-for-database', 'Suspended', 2]]);
    expect(second.works).toEqual([]);
  });

  test('once the sub-request\'s Works succeeded the wait completes the workflow', async () => {
    const second = await run(first.object, at(30));
    // The postgresql Promise's own workflow runs for the sub-request on the platform, then its Works are applied.
    const sub = parse(first.stateStore[0].content.toString());
    const pg = await runWorkflow(chart.postgresql, {
      workflow: 'resource/configure',
      request: sub,
      destinations,
      now: at(40),
      steps: { 'postgresql-configure': sdk => sdk.writeStatus({ message: 'database ready' }) },
    });
    expect(pg.ok).toBe(true);
    getPostgresql = (name, namespace) => {
      expect([name, namespace]).toEqual(['todoerdb', 'default']);
      return { ...pg.object, status: { ...pg.object.status, conditions: [...pg.object.status.conditions, { type: 'WorksSucceeded', status: 'True' }] } };
    };
    const third = await run(second.object, at(60));
    expect(third.pipelines.map(p => p.name)).toEqual(['wait-for-database']);
    expect(third.pipelines[0].suspended).toBeUndefined();
    expect(third.object.metadata.labels?.[SUSPENDED]).toBeUndefined();
    expect(entries(third).map(e => [e.name, e.phase, e.attempts, e.nextRetryAt])).toEqual([
      ['resource-configure', 'Succeeded', undefined, undefined],
      ['wait-for-database', 'Succeeded', undefined, undefined],
    ]);
    expect(third.object.status).toMatchObject({ message: 'Database ready', workflowsSucceeded: 2, database: { requestName: 'todoerdb', ready: true } });
    expect(condition(third, 'ConfigureWorkflowCompleted').status).toBe('True');
  });

  test('with dbDriver none there is no sub-request and no wait', async () => {
    const result = await run({ ...request, spec: { ...request.spec, dbDriver: 'none' } }, T0);
    expect(result.stateStore.map(f => f.path.split('/')[0])).toEqual(['worker-1', 'worker-1', 'worker-1']);
    expect(result.pipelines.map(p => p.suspended)).toEqual([undefined, undefined]);
    expect(result.object.status.database).toBeNull();
    expect(condition(result, 'ConfigureWorkflowCompleted').status).toBe('True');
  });
});
