import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { AuditSeverity, PromiseAudit } from '../../src/audit/promise-audit';
import { SHARED } from '../support/kratix-crd';

const DIR = path.join(SHARED, 'fixtures', 'promises');
const FILES = fs.readdirSync(DIR).filter(f => f.endsWith('.yaml')).sort();

function promisesIn(file: string): any[] {
  return parseAllDocuments(fs.readFileSync(path.join(DIR, file), 'utf8'))
    .map(d => d.toJS())
    .filter(doc => doc?.kind === 'Promise');
}

describe('every Promise fixture in ../shared/fixtures/promises', () => {
  test('there are fixtures', () => {
    expect(FILES.length).toBeGreaterThan(10);
  });

  test.each(FILES)('%s audits without throwing, with and without a kratix ConfigMap', file => {
    const docs = promisesIn(file);
    expect(docs.length).toBeGreaterThan(0);
    for (const doc of docs) {
      for (const kratixConfig of [undefined, {}]) {
        const audit = PromiseAudit.ofDocument(doc, { kratixConfig });
        expect(audit.promiseName).toBe(doc.metadata.name);
        expect(audit.toTable()).toContain(`Promise "${doc.metadata.name}"`);
        expect(JSON.parse(JSON.stringify(audit.toJson()))).toEqual(audit.toJson());
        for (const f of audit.findings) {
          expect(f.location).toMatch(/^spec\.workflows\.(promise|resource)\.(configure|delete)\[\d+\]/);
          expect(f.message).not.toMatch(/undefined|\[object Object\]/);
        }
      }
    }
  });

  test('the RBAC test Promise reports its three scopes and the cluster-wide Secrets as critical', () => {
    const [doc] = promisesIn('syntasso+kratix__test-system-assets-rbac-promise.yaml');
    const audit = PromiseAudit.ofDocument(doc);
    expect(audit.pipelines[0].permissions.map(p => `${p.source} ${p.scope} ${p.targetNamespace ?? ''}`)).toEqual([
      'kratix cluster-wide ',
      'pipeline own-namespace kratix-platform-system',
      'pipeline named-namespace default',
      'pipeline cluster-wide ',
    ]);
    expect(audit.findingsAtOrAbove(AuditSeverity.CRITICAL).map(f => `${f.pipeline} ${f.rule} ${f.location}`)).toEqual([
      'rbac-pro rbac-secrets-access spec.workflows.promise.configure[0].spec.rbac.permissions[2].resources',
    ]);
  });
});
