import { Testing } from 'cdk8s';
import { KratixConfig, KratixPromise, WorkflowAction, WorkflowType } from '../src';
import { testApi } from './support/promise-api';
import { PromiseAudit } from '../src/audit/promise-audit';
import { PipelineSecurity } from '../src/pipeline-security';
import { KRATIX_SECURITY_CONTEXT } from '../src/render/settings';

const RESTRICTED_JSON = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  privileged: false,
  runAsNonRoot: true,
  seccompProfile: { type: 'RuntimeDefault' },
};

describe('PipelineSecurity.restricted()', () => {
  test("is the security context of Kratix's own containers", () => {
    expect(PipelineSecurity.restricted()).toEqual(RESTRICTED_JSON);
    expect(PipelineSecurity.restricted()).toEqual(KRATIX_SECURITY_CONTEXT);
  });

  test('is a fresh object on every call', () => {
    const first = PipelineSecurity.restricted();
    (first.capabilities!.drop as string[]).push('NET_RAW');
    (first as any).privileged = true;
    expect(PipelineSecurity.restricted()).toEqual(RESTRICTED_JSON);
    expect(PipelineSecurity.restricted()).not.toBe(PipelineSecurity.restricted());
  });

  describe('when a pipeline container uses it', () => {
    test('the container synthesizes exactly that context, and the audit reports no container-security finding', () => {
      const chart = Testing.chart();
      const promise = new KratixPromise(chart, 'env', { api: testApi() });
      promise.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'deploy', {
        containers: [{ name: 'deploy', image: 'ghcr.io/acme/deploy:v1.0.0', securityContext: PipelineSecurity.restricted() }],
      });
      const synthesized = Testing.synth(chart)[0];
      expect(synthesized.spec.workflows.resource.configure[0].spec.containers[0].securityContext).toEqual(RESTRICTED_JSON);

      for (const audit of [PromiseAudit.ofDocument(synthesized), PromiseAudit.ofDocument(synthesized, { kratixConfig: {} })]) {
        expect(audit.findings.filter(f => f.rule.startsWith('container-'))).toEqual([]);
        expect(audit.findings).toEqual([]);
      }
    });
  });

  describe('when the kratix ConfigMap uses it as the default', () => {
    test('KratixConfig writes it under workflows.defaultContainerSecurityContext, and containers without one inherit it cleanly', () => {
      const chart = Testing.chart();
      const config = new KratixConfig(chart, 'Config', { workflows: { defaultContainerSecurityContext: PipelineSecurity.restricted() } });
      expect(config.config.workflows.defaultContainerSecurityContext).toEqual(RESTRICTED_JSON);

      const promise = new KratixPromise(chart, 'env');
      promise.addPipeline(WorkflowType.PROMISE, WorkflowAction.CONFIGURE, 'setup', {
        containers: [{ name: 'setup', image: 'ghcr.io/acme/setup:v1' }],
      });
      expect(PromiseAudit.ofPromise(promise, { kratixConfig: config.config }).findings).toEqual([]);
      expect(PromiseAudit.ofPromise(promise).findings.map(f => f.rule)).toEqual(['container-no-security-context']);
    });
  });
});
