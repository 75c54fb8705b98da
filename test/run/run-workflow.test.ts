import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { DESTINATIONS, REQUEST, tmpDir, webappPromise } from './fixtures';
import { runWorkflow } from '../../src/run';
import { KratixSdk } from '../../src/sdk';

const NOW = new Date('2026-08-21T10:00:00Z');
const write = (dir: string, file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
};
const cond = (obj: any, type: string) => obj.status.conditions.find((c: any) => c.type === type);

/** The §4.6 pipeline: deployment.yaml, platform/db.yaml and their selectors, plus a status. */
function deploy(sdk: KratixSdk): void {
  sdk.writeOutput('deployment.yaml', 'kind: Deployment\n');
  sdk.writeOutput('platform/db.yaml', 'kind: Postgresql\n');
  sdk.writeDestinationSelectors([{ matchLabels: { region: 'eu' } }, { directory: 'platform', matchLabels: { environment: 'platform' } }]);
  sdk.writeStatus({ message: 'user created', iam: { user: 'admin' } });
}

describe('runWorkflow: resource/configure, two pipelines (runtime doc §2, §4, §5.9, §6)', () => {
  let seen: any;
  let env: Record<string, unknown> = {};
  let fresh: string[] = [];
  const vault = (sdk: KratixSdk) => {
    fresh = [...fs.readdirSync(sdk.outputDir), ...fs.readdirSync(sdk.metadataDir)];
    seen = parse(fs.readFileSync(path.join(sdk.inputDir, 'object.yaml'), 'utf8'));
    write(sdk.metadataDir, 'status.yaml', 'iam: {password: vault-ref}\nconditions:\n- {type: VaultReady, status: "True", reason: Stored, message: secret stored}\n');
  };

  test('works, state store, object status and what the second pipeline reads', async () => {
    const result = await runWorkflow(webappPromise(), {
      workflow: 'resource/configure',
      request: REQUEST,
      destinations: DESTINATIONS,
      now: NOW,
      steps: { render: sdk => { env = { ...sdk.context.toJSON(), input: sdk.inputDir }; deploy(sdk); }, vault },
    });
    expect(result.ok).toBe(true);
    // §2.4: each pipeline starts with empty output and metadata directories.
    expect(fresh).toEqual([]);
    // §2.4: the second pipeline's object.yaml has message Pending, pipeline 1's keys and the starting conditions.
    expect(seen.status.message).toBe('Pending');
    expect(seen.status.iam).toEqual({ user: 'admin' });
    expect(seen.status.kratix.workflows.pipelines.map((p: any) => p.phase)).toEqual(['Succeeded', 'Running']);
    expect(seen.status.workflowsSucceeded).toBe(1);
    // §4.4: one Work per configure pipeline; the second wrote no files, so it has no groups.
    expect(result.works.map(w => w.metadata.name)).toEqual([expect.stringMatching(/^webapp-shop-deploy-[0-9a-f]{5}$/), expect.stringMatching(/^webapp-shop-populate-vault-[0-9a-f]{5}$/)]);
    expect(result.works[1].spec.workloadGroups).toBeUndefined();
    // §5.9: the worked example's paths.
    expect(result.stateStore.map(f => [f.destination, f.path, f.content.toString()])).toEqual([
      ['platform-cluster', 'platform-cluster/resources/team-a/webapp/shop/deploy/34a6e/platform/db.yaml', 'kind: Postgresql\n'],
      ['worker-1', 'worker-1/resources/team-a/webapp/shop/deploy/5058f/deployment.yaml', 'kind: Deployment\n'],
    ]);
    expect(result.unscheduled).toEqual([]);
    // §6.2, §6.4: top-level replace, conditions by type, completion.
    const status = result.object.status;
    expect(status.iam).toEqual({ password: 'vault-ref' });
    // The first pipeline's message was reset to Pending when the second started (runtime doc §10 row 4).
    expect(status.message).toBe('Resource requested');
    expect(cond(result.object, 'ConfigureWorkflowCompleted')).toMatchObject({ status: 'True', reason: 'PipelinesExecutedSuccessfully' });
    expect(cond(result.object, 'VaultReady')).toMatchObject({ status: 'True' });
    expect(status.kratix.workflows.pipelines.map((p: any) => p.phase)).toEqual(['Succeeded', 'Succeeded']);
    expect(status.workflows).toBe(2);
    expect(status.workflowsSucceeded).toBe(2);
    // §2.2: the SDK is bound to the renderer's env for the container and to the pipeline's directories.
    expect(env).toEqual({
      workflowAction: 'configure',
      workflowType: 'resource',
      promiseName: 'webapp',
      pipelineName: 'deploy',
      objectKind: 'WebApp',
      objectGroup: 'example.org',
      objectVersion: 'v1',
      objectName: 'shop',
      objectNamespace: 'team-a',
      crdPlural: 'webapps',
      clusterScoped: false,
      dryRun: false,
      input: expect.stringMatching(/cdk8s-kratix-run-.*\/input$/),
    });
  });

  test('a message left by the first pipeline is reset to Pending and, with none from the last, becomes "Resource requested"', async () => {
    const result = await runWorkflow(webappPromise(), {
      workflow: 'resource/configure',
      request: REQUEST,
      now: NOW,
      steps: { render: sdk => write(sdk.metadataDir, 'status.yaml', 'message: first\n'), vault: () => undefined },
    });
    expect(result.object.status.message).toBe('Resource requested');
  });

  test('runtime doc §2.1: the input directory is read-only for user containers', async () => {
    let error = '';
    await runWorkflow(webappPromise(), {
      workflow: 'resource/configure',
      request: REQUEST,
      now: NOW,
      steps: {
        render: sdk => {
          try {
            fs.writeFileSync(path.join(sdk.inputDir, 'object.yaml'), 'x');
          } catch (e: any) { error = e.code; }
        },
        vault: () => undefined,
      },
    });
    // root ignores file modes; everyone else gets EACCES.
    if (process.getuid?.() !== 0) expect(error).toBe('EACCES');
  });

  test('runtime doc §5.6: a group no Destination matches is unscheduled, the others are placed', async () => {
    const result = await runWorkflow(webappPromise(), {
      workflow: 'resource/configure',
      request: REQUEST,
      now: NOW,
      destinations: [DESTINATIONS[0]],
      steps: { render: deploy, vault: () => undefined },
    });
    expect(result.ok).toBe(true);
    expect(result.unscheduled).toEqual([{ work: result.works[0].metadata.name, id: '34a6e5d64ade17ef4e51612c50dd72f5', directory: 'platform' }]);
    expect(result.stateStore.map(f => f.destination)).toEqual(['worker-1']);
  });

  test('runtime doc §5.3: several matching Destinations: the first by name, and the choice is reported', async () => {
    const twin = { ...DESTINATIONS[0], metadata: { ...DESTINATIONS[0].metadata, name: 'a-worker' }, spec: { path: 'a-worker' } };
    const result = await runWorkflow(webappPromise(), {
      workflow: 'resource/configure',
      request: REQUEST,
      now: NOW,
      destinations: [DESTINATIONS[0], twin],
      steps: { render: sdk => write(sdk.outputDir, 'x.yaml', 'x'), vault: () => undefined },
    });
    expect(result.stateStore.map(f => f.destination)).toEqual(['a-worker']);
    expect(result.choices).toEqual([{ work: result.works[0].metadata.name, groupId: '5058f1af8388633f609cadb75a75dc9d', picked: 'a-worker', among: ['a-worker', 'worker-1'] }]);
  });
});

describe('runWorkflow: workflow control (runtime doc §4.1, §6.5, §7.4)', () => {
  test('suspend stops the workflow: no Work for the pipeline, later pipelines do not run, the label and the entry are set', async () => {
    let secondRan = false;
    let laterContainerRan = false;
    const promise = webappPromise();
    promise.spec.workflows.resource.configure[0].spec.containers.push({ name: 'after', image: 'x' });
    const result = await runWorkflow(promise, {
      workflow: 'resource/configure',
      request: REQUEST,
      now: NOW,
      destinations: DESTINATIONS,
      steps: {
        render: sdk => { deploy(sdk); write(sdk.metadataDir, 'workflow-control.yaml', 'suspend: true\nmessage: waiting for approval\n'); },
        after: () => { laterContainerRan = true; },
        vault: () => { secondRan = true; },
      },
    });
    expect(result.ok).toBe(true);
    expect(laterContainerRan).toBe(true);
    expect(secondRan).toBe(false);
    expect(result.works).toEqual([]);
    expect(result.stateStore).toEqual([]);
    expect(result.object.metadata.labels).toEqual({ 'kratix.io/workflow-suspended': 'true' });
    expect(result.object.status.kratix.workflows.pipelines).toEqual([
      { name: 'deploy', phase: 'Suspended', message: 'waiting for approval', lastTransitionTime: '2026-08-21T10:00:00Z' },
      { name: 'populate-vault', phase: 'Pending', lastTransitionTime: '2026-08-21T10:00:00Z' },
    ]);
    expect(result.object.status.kratix.workflows.suspendedGeneration).toBe(1);
    expect(result.object.status.message).toBe('user created');
    expect(cond(result.object, 'Reconciled')).toMatchObject({ status: 'Unknown', reason: 'WorkflowSuspended' });
    expect(result.pipelines[0].suspended).toEqual({ retry: false, message: 'waiting for approval', nextRetryAt: undefined });
  });

  test('a later container can remove the control file: the content at the end of the pipeline decides', async () => {
    const promise = webappPromise();
    promise.spec.workflows.resource.configure[0].spec.containers.push({ name: 'after', image: 'x' });
    const result = await runWorkflow(promise, {
      workflow: 'resource/configure',
      request: REQUEST,
      now: NOW,
      steps: {
        render: sdk => write(sdk.metadataDir, 'workflow-control.yaml', 'suspend: true\n'),
        after: sdk => fs.rmSync(path.join(sdk.metadataDir, 'workflow-control.yaml')),
        vault: () => undefined,
      },
    });
    expect(result.object.metadata.labels).toBeUndefined();
    expect(result.pipelines.map(p => p.name)).toEqual(['deploy', 'populate-vault']);
  });

  test('retry sets nextRetryAt and attempts; an invalid retryAfter (1d) fails the pipeline and writes no Work', async () => {
    const retry = await runWorkflow(webappPromise(), {
      workflow: 'resource/configure',
      request: REQUEST,
      now: NOW,
      steps: { render: sdk => write(sdk.metadataDir, 'workflow-control.yaml', 'retryAfter: 10m\nsuspend: false\n'), vault: () => undefined },
    });
    expect(retry.object.status.kratix.workflows.pipelines[0]).toMatchObject({ phase: 'Suspended', nextRetryAt: '2026-08-21T10:10:00Z', attempts: 1 });
    const bad = await runWorkflow(webappPromise(), {
      workflow: 'resource/configure',
      request: REQUEST,
      now: NOW,
      steps: { render: sdk => { deploy(sdk); write(sdk.metadataDir, 'workflow-control.yaml', 'retryAfter: 1d\n'); }, vault: () => undefined },
    });
    expect(bad.ok).toBe(false);
    expect(bad.failure!.message).toContain('failed to parse retry duration: "1d" with error: time: unknown unit "d" in duration "1d"');
    expect(bad.works).toEqual([]);
    expect(bad.object.metadata.labels).toBeUndefined();
    expect(bad.object.status.kratix.workflows.pipelines[0].phase).toBe('Failed');
  });

  test('workflow-control.yaml with suspend: "true" (quoted) fails the pipeline', async () => {
    const result = await runWorkflow(webappPromise(), {
      workflow: 'resource/configure',
      request: REQUEST,
      now: NOW,
      steps: { render: sdk => write(sdk.metadataDir, 'workflow-control.yaml', 'suspend: "true"\n'), vault: () => undefined },
    });
    expect(result.failure!.message).toContain('workflow-control.yaml');
    expect(result.failure!.message).toContain('cannot unmarshal string into Go struct field WorkflowControl.suspend of type bool');
  });
});

describe('runWorkflow: failures (runtime doc §2.1, §3, §6.1)', () => {
  test('a container that throws fails the pipeline: later containers and pipelines do not run; ConfigureWorkflowFailed', async () => {
    let ran = false;
    const result = await runWorkflow(webappPromise(), {
      workflow: 'resource/configure',
      request: REQUEST,
      now: NOW,
      steps: { render: () => { throw new Error('boom'); }, vault: () => { ran = true; } },
    });
    expect(ran).toBe(false);
    expect(result.ok).toBe(false);
    expect(result.failure).toEqual({ pipeline: 'deploy', container: 'render', message: 'container render exited with code 1' });
    expect(result.pipelines[0].containers[0].stderr).toContain('Error: boom');
    expect(cond(result.object, 'ConfigureWorkflowCompleted')).toMatchObject({ status: 'False', reason: 'ConfigureWorkflowFailed', message: 'A Configure Pipeline has failed: deploy' });
  });

  test('an invalid destination-selectors.yaml fails the pipeline with the work-writer\'s words, even when suspending', async () => {
    const result = await runWorkflow(webappPromise(), {
      workflow: 'resource/configure',
      request: REQUEST,
      now: NOW,
      steps: {
        render: sdk => {
          write(sdk.metadataDir, 'destination-selectors.yaml', '- directory: a/b\n  matchLabels: {x: y}\n');
          write(sdk.metadataDir, 'workflow-control.yaml', 'suspend: true\n');
        },
        vault: () => undefined,
      },
    });
    expect(result.failure!.message).toContain('invalid directory in destination-selectors.yaml: a/b, sub-directories are not allowed');
  });

  test('a top-level kratix key in status.yaml fails the pipeline', async () => {
    const result = await runWorkflow(webappPromise(), {
      workflow: 'resource/configure',
      request: REQUEST,
      now: NOW,
      steps: { render: sdk => write(sdk.metadataDir, 'status.yaml', 'kratix: {x: 1}\n'), vault: () => undefined },
    });
    expect(result.failure!.message).toContain("'kratix' is a kratix managed status field that cannot be updated via workflows");
  });

  test('a directory entry for a directory the pipeline did not write fails the work-writer', async () => {
    const result = await runWorkflow(webappPromise(), {
      workflow: 'resource/configure',
      request: REQUEST,
      now: NOW,
      steps: { render: sdk => write(sdk.metadataDir, 'destination-selectors.yaml', '- directory: platform\n  matchLabels: {a: b}\n'), vault: () => undefined },
    });
    expect(result.failure!.message).toContain('open /work-creator-files/input/platform: no such file or directory');
  });
});

describe('runWorkflow: bad input, before anything runs', () => {
  test('unmapped containers are listed', async () => {
    await expect(runWorkflow(webappPromise(), { workflow: 'resource/configure', request: REQUEST, steps: {} }))
      .rejects.toThrow('no way to run containers deploy/render, populate-vault/vault: map each with --exec NAME=COMMAND');
  });

  test('a step or exec name that is no container of the workflow', async () => {
    await expect(runWorkflow(webappPromise(), { workflow: 'resource/configure', request: REQUEST, steps: { render: () => 0, vault: () => 0 }, exec: { nope: 'true' } }))
      .rejects.toThrow("no container of the workflow is named 'nope'");
  });

  test('a resource workflow without a request, a request of another kind', async () => {
    await expect(runWorkflow(webappPromise(), { workflow: 'resource/configure' })).rejects.toThrow('resource/configure runs for one resource request');
    await expect(runWorkflow(webappPromise(), { workflow: 'resource/configure', request: { ...REQUEST, kind: 'Other' } }))
      .rejects.toThrow('the request: kind: "Other" is not the Promise API\'s kind "WebApp"');
  });

  test('destinations that are not Destinations', async () => {
    await expect(runWorkflow(webappPromise(), { workflow: 'promise/configure', destinations: [{ kind: 'ConfigMap' }] }))
      .rejects.toThrow('destinations: document 1: kind: "ConfigMap" (apiVersion nothing) is not a Destination');
  });
});

describe('runWorkflow: promise and delete workflows (runtime doc §4.7, §5.4, §6.3, §8)', () => {
  test('promise/configure: the static-dependencies Work and the pipeline\'s Work go to every matching Destination; the Promise keeps only its status fields', async () => {
    const dev2 = { ...DESTINATIONS[0], metadata: { name: 'worker-2', labels: { environment: 'dev' } }, spec: { path: 'worker-2' } };
    const result = await runWorkflow(webappPromise({ dependencies: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'webapp-system' } }] }), {
      workflow: 'promise/configure',
      now: NOW,
      destinations: [...DESTINATIONS, dev2],
      steps: { install: sdk => { write(sdk.outputDir, 'operator.yaml', 'kind: Deployment\n'); write(sdk.metadataDir, 'status.yaml', 'message: installed\nextra: 1\n'); } },
    });
    expect(result.ok).toBe(true);
    expect(result.works.map(w => w.metadata.labels!['kratix.io/work-type'])).toEqual(['static-dependency', 'promise']);
    expect(result.stateStore.map(f => f.path)).toEqual([
      'worker-1/dependencies/webapp/5058f/static/webapp-dependencies.yaml',
      'worker-2/dependencies/webapp/5058f/static/webapp-dependencies.yaml',
      'worker-1/dependencies/webapp/setup/5058f/operator.yaml',
      'worker-2/dependencies/webapp/setup/5058f/operator.yaml',
    ]);
    expect(result.object.status.message).toBe('installed');
    expect(result.object.status.extra).toBeUndefined();
    expect(result.pipelines[0].warnings[0]).toContain('promise workflow status has unsupported keys: extra');
  });

  test('resource/delete: output and selectors ignored, status processed, the single delete pipeline sets ConfigureWorkflowCompleted', async () => {
    const result = await runWorkflow(webappPromise(), {
      workflow: 'resource/delete',
      request: { ...REQUEST, status: { message: 'Resource requested' } },
      now: NOW,
      destinations: DESTINATIONS,
      steps: { teardown: sdk => { write(sdk.outputDir, 'x.yaml', 'x'); write(sdk.metadataDir, 'destination-selectors.yaml', 'not: a list'); write(sdk.metadataDir, 'status.yaml', 'cleaned: true\n'); } },
    });
    expect(result.ok).toBe(true);
    expect(result.works).toEqual([]);
    expect(result.object.status.cleaned).toBe(true);
    expect(result.object.status.message).toBe('Resource requested');
    expect(cond(result.object, 'ConfigureWorkflowCompleted')).toMatchObject({ status: 'True' });
  });

  test('only the first delete pipeline runs', async () => {
    const p = webappPromise();
    p.spec.workflows.resource.delete.push({ ...p.spec.workflows.resource.delete[0], metadata: { name: 'second' }, spec: { containers: [{ name: 'two', image: 'x' }] } });
    const result = await runWorkflow(p, { workflow: 'resource/delete', request: REQUEST, now: NOW, steps: { teardown: () => undefined } });
    expect(result.pipelines.map(x => x.name)).toEqual(['cleanup']);
    // Two declared: IS_LAST_PIPELINE is false, so no completion.
    expect(result.object.status.conditions ?? []).toEqual([]);
  });

  test('a suspended delete pipeline: DeleteWorkflowCompleted False DeleteWorkflowSuspended', async () => {
    const result = await runWorkflow(webappPromise(), {
      workflow: 'resource/delete',
      request: REQUEST,
      now: NOW,
      steps: { teardown: sdk => write(sdk.metadataDir, 'workflow-control.yaml', 'suspend: true\n') },
    });
    expect(cond(result.object, 'DeleteWorkflowCompleted')).toMatchObject({ status: 'False', reason: 'DeleteWorkflowSuspended' });
  });
});

describe('runWorkflow: a KratixPromise construct', () => {
  test('is accepted in place of a document', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Testing } = require('cdk8s');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { KratixPromise } = require('../../src');
    const chart = Testing.chart();
    const promise = KratixPromise.fromObject(chart, 'webapp', webappPromise());
    const result = await runWorkflow(promise, { workflow: 'promise/configure', now: NOW, steps: { install: () => undefined } });
    expect(result.ok).toBe(true);
    expect(result.object.metadata.name).toBe('webapp');
  });
});

test('tmpDir helper leaves directories to the OS', () => {
  expect(fs.existsSync(tmpDir())).toBe(true);
});
