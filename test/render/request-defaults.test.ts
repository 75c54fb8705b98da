import { Testing } from 'cdk8s';
import { stringify } from 'yaml';
import { PipelineJob, WorkflowAction, WorkflowType } from '../../src';
import { CliIo, processIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { hashSpec, md5Hex, promiseSpecForHash, renderWorkflow } from '../../src/render';
import { databasePromise } from '../support/database-promise';

/** The spec the API server stores for `{ name: 'orders' }`: schema defaults applied, nested ones included. */
const STORED_SPEC = '{"backup":{"enabled":true,"schedule":"0 2 * * *"},"name":"orders","port":5432,"replicas":1,"size":"small"}';

function setup() {
  const chart = Testing.chart();
  const db = databasePromise(chart);
  const pipeline = db.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'deploy', { containers: [{ name: 'main', image: 'ghcr.io/acme/db:v1' }] });
  const sparse = { apiVersion: 'marketplace.kratix.io/v1alpha1', kind: 'Database', metadata: { name: 'orders', namespace: 'team-a' }, spec: { name: 'orders' } };
  const full = { ...sparse, spec: JSON.parse(STORED_SPEC) };
  return { chart, db, pipeline, sparse, full };
}

const hashOf = (objects: any[]) => objects.find(o => o.kind === 'Job').metadata.labels['kratix.io/hash'];

describe('the kratix.io/hash of a request that leaves defaulted fields out is Kratix\'s (§5.3)', () => {
  test('render hashes the stored spec: nested defaults applied', () => {
    const { db, sparse } = setup();
    const promise = db.toJson();
    const expected = md5Hex(`${hashSpec(promiseSpecForHash(promise.spec))}-${md5Hex(STORED_SPEC)}`);
    expect(renderWorkflow(promise, 'resource/configure', sparse)[0].job.metadata.labels!['kratix.io/hash']).toBe(expected);
  });

  test('PipelineJob: requestManifest without defaults, with them, and a ResourceRequest all hash the same', () => {
    const { chart, db, pipeline, sparse, full } = setup();
    const request = db.request(chart, 'orders', { metadata: { name: 'orders', namespace: 'team-a' }, spec: { name: 'orders' } });
    const jobs = [
      new PipelineJob(chart, 'sparse', { pipeline, requestManifest: sparse }),
      new PipelineJob(chart, 'full', { pipeline, requestManifest: full }),
      new PipelineJob(chart, 'construct', { pipeline, request }),
    ];
    const hashes = jobs.map(j => hashOf(j.apiObjects.map(o => o.toJson())));
    expect(new Set(hashes).size).toBe(1);
    expect(hashes[0]).toBe(md5Hex(`${hashSpec(promiseSpecForHash(db.toJson().spec))}-${md5Hex(STORED_SPEC)}`));
  });

  test('cdk8s-kratix render --request hashes as PipelineJob does', () => {
    const { chart, db, pipeline, sparse } = setup();
    const job = new PipelineJob(chart, 'job', { pipeline, requestManifest: sparse });
    const files: Record<string, string> = { '/p.yaml': stringify(db.toJson()), '/r.yaml': stringify(sparse) };
    let stdout = '';
    const io: CliIo = { ...processIo, stdout: t => { stdout += t; }, stderr: () => undefined, readFile: p => files[p] } as CliIo;
    expect(main(['render', '/p.yaml', '--workflow', 'resource/configure', '--request', '/r.yaml'], io)).toBe(0);
    expect(stdout).toContain(`kratix.io/hash: "${hashOf(job.apiObjects.map(o => o.toJson()))}"`);
  });

  test('unknown fields are pruned before hashing, as the API server stores the request', () => {
    const { db, sparse, full } = setup();
    const promise = db.toJson();
    const withUnknown = { ...sparse, spec: { name: 'orders', sise: 'large' } };
    expect(renderWorkflow(promise, 'resource/configure', withUnknown)[0].job.metadata.labels)
      .toEqual(renderWorkflow(promise, 'resource/configure', full)[0].job.metadata.labels);
  });

  test('a root schema without properties or x-kubernetes-preserve-unknown-fields prunes the whole spec', () => {
    const { db, sparse } = setup();
    const promise = db.toJson();
    promise.spec.api.spec.versions[0].schema.openAPIV3Schema = { type: 'object' };
    const expected = md5Hex(`${hashSpec(promiseSpecForHash(promise.spec))}-${md5Hex('null')}`);
    expect(renderWorkflow(promise, 'resource/configure', sparse)[0].job.metadata.labels!['kratix.io/hash']).toBe(expected);
  });
});
