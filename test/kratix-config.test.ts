import { Duration, Testing } from 'cdk8s';
import { ImagePullPolicy, k8s } from 'cdk8s-plus-28';
import { parse } from 'yaml';
import { KratixConfig } from '../src';

describe('KratixConfig', () => {
  test('minimal definition: the kratix ConfigMap in kratix-platform-system with an empty config', () => {
    const chart = Testing.chart();
    const config = new KratixConfig(chart, 'kratix');
    expect(config.config).toEqual({});
    expect(Testing.synth(chart)).toEqual([{
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'kratix', namespace: 'kratix-platform-system' },
      data: { config: '{}\n' },
    }]);
  });

  test('every typed option lands under its documented key', () => {
    const chart = Testing.chart();
    const config = new KratixConfig(chart, 'kratix', {
      workflows: {
        defaultContainerSecurityContext: { runAsNonRoot: false },
        defaultImagePullPolicy: ImagePullPolicy.IF_NOT_PRESENT,
        defaultContainerResources: { requests: { cpu: k8s.Quantity.fromString('50m') } },
        jobOptions: { defaultBackoffLimit: 3, podTtlSecondsAfterFinished: 600 },
        reconcileAfterFailure: false,
      },
      numberOfJobsToKeep: 2,
      reconciliationInterval: Duration.hours(1),
      stateStoreReconciliationInterval: Duration.minutes(5),
      selectiveCache: true,
      dryRun: true,
      extraConfig: { logging: { level: 'debug' } },
    });
    const expected = {
      workflows: {
        defaultContainerSecurityContext: { runAsNonRoot: false },
        defaultImagePullPolicy: 'IfNotPresent',
        defaultContainerResources: { requests: { cpu: '50m' } },
        jobOptions: { defaultBackoffLimit: 3, podTTLSecondsAfterFinished: 600 },
        reconcileAfterFailure: false,
      },
      numberOfJobsToKeep: 2,
      reconciliationInterval: '1h0m0s',
      stateStoreReconciliationInterval: '5m0s',
      selectiveCache: true,
      featureFlags: { dryRun: true },
      logging: { level: 'debug' },
    };
    expect(config.config).toEqual(expected);
    expect(parse(Testing.synth(chart)[0].data.config)).toEqual(expected);
  });

  test.each([
    [{ numberOfJobsToKeep: 1.5 }, 'numberOfJobsToKeep must be a whole number of at least 0, got 1.5'],
    [{ workflows: { jobOptions: { defaultBackoffLimit: -1 } } }, 'workflows.jobOptions.defaultBackoffLimit must be a whole number of at least 0, got -1'],
  ])('bad number %j is an error', (props, message) => {
    expect(() => new KratixConfig(Testing.chart(), 'kratix', props)).toThrow(`KratixConfig 'test/kratix': ${message}`);
  });
});
