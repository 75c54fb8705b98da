/**
 * Benchmark 5, requests: validating and defaulting R resource requests of the largest fixture's
 * API (the CloudNativePG Cluster API of the kratix-cli test Promise, 187 kB), as a
 * `ResourceRequest` does at synth (`checkResource`: a copy, the defaults, ajv), against the floor
 * of ajv's compiled validator alone on the same requests.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { timeInterleaved } from './common';
import { checkResource, storageVersion } from '../src/schema';
import { compile } from '../src/schema/schema-validation';

const FIXTURES = path.join(__dirname, '..', '..', 'shared', 'fixtures', 'promises');

/** The API (CRD) of the fixture Promise whose API is the largest. */
export function largestApi(): { file: string; crd: any } {
  const apis = fs.readdirSync(FIXTURES).filter(f => f.endsWith('.yaml')).flatMap(file =>
    parseAllDocuments(fs.readFileSync(path.join(FIXTURES, file), 'utf8')).map(d => d.toJS())
      .filter((d: any) => d?.kind === 'Promise' && d.spec?.api)
      .map((d: any) => ({ file, crd: d.spec.api, size: JSON.stringify(d.spec.api).length })));
  apis.sort((a, b) => b.size - a.size);
  return apis[0];
}

/** R valid requests of the API, leaving out most fields that have defaults. */
export function requests(crd: any, r: number): any[] {
  const apiVersion = `${crd.spec.group}/${storageVersion(crd)!.name}`;
  return Array.from({ length: r }, (_, i) => ({
    apiVersion,
    kind: crd.spec.names.kind,
    metadata: { name: `db-${i}`, namespace: `team-${i % 20}` },
    spec: {
      instances: 1 + (i % 3),
      description: `database ${i}`,
      logLevel: ['info', 'debug'][i % 2],
      storage: { size: `${1 + (i % 10)}Gi` },
      postgresql: { parameters: { max_connections: String(100 + i % 50) } },
      bootstrap: { initdb: { database: 'app', owner: 'app' } },
      resources: { requests: { cpu: '100m', memory: '256Mi' } },
      monitoring: { enablePodMonitor: i % 2 === 0 },
    },
  }));
}

/** Validating and defaulting each request: the defaulted copy and its violations (`checkResource`). */
export function validateAndDefault(crd: any, list: readonly any[]): number {
  let fields = 0;
  for (const request of list) {
    const checked = checkResource(crd, request);
    if (checked.violations.length > 0) throw new Error(`invalid bench request: ${JSON.stringify(checked.violations[0])}`);
    fields += Object.keys(checked.resource.spec).length;
  }
  return fields;
}

/** The floor: ajv's compiled validator of the same schema, alone. */
export function ajvAlone(crd: any, list: readonly any[]): number {
  const validate = compile(storageVersion(crd)!.schema!);
  let valid = 0;
  for (const request of list) if (validate(request)) valid++;
  if (valid !== list.length) throw new Error('invalid bench request for the ajv floor');
  return valid;
}

export interface RequestsResult {
  readonly fixture: string;
  readonly r: number;
  readonly ms: { ours: number; ajvFloor: number; ajvOnDefaulted: number };
  readonly runs: { ours: number[]; ajvFloor: number[]; ajvOnDefaulted: number[] };
}

/**
 * Times ours against the ajv floor, interleaved; the schema is compiled before timing. A third case,
 * ajv alone on the requests already defaulted, shows what validating the larger defaulted object
 * costs by itself (the API server validates after defaulting, and so does `checkResource`).
 */
export function benchRequests(r: number, repeats: number): RequestsResult {
  const { file, crd } = largestApi();
  const list = requests(crd, r);
  validateAndDefault(crd, list.slice(0, 1));
  const defaulted = list.map(request => checkResource(crd, request).resource);
  const t = timeInterleaved({
    ours: () => validateAndDefault(crd, list),
    ajvFloor: () => ajvAlone(crd, list),
    ajvOnDefaulted: () => ajvAlone(crd, defaulted),
  }, repeats);
  return {
    fixture: file,
    r,
    ms: { ours: t.ours.ms, ajvFloor: t.ajvFloor.ms, ajvOnDefaulted: t.ajvOnDefaulted.ms },
    runs: { ours: t.ours.runs, ajvFloor: t.ajvFloor.runs, ajvOnDefaulted: t.ajvOnDefaulted.runs },
  };
}
