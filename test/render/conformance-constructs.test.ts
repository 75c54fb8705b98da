import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { parse, parseAllDocuments } from 'yaml';
import { compareRendering } from './conformance-compare';
import { KratixConfig, KratixPromise, PipelineJob, WorkflowAction, WorkflowType } from '../../src';

// The conformance cases again, through the constructs: the Promise imported with
// KratixPromise.fromYaml, each pipeline Kratix runs added with a PipelineJob, the chart synthesized.
const CASES_DIR = path.join(__dirname, '..', '..', '..', 'shared', 'conformance', 'render');
const cases = fs.readdirSync(CASES_DIR).filter(name => fs.statSync(path.join(CASES_DIR, name)).isDirectory()).sort();

test.each(cases)('conformance case %s through KratixPromise.fromYaml and PipelineJob', (name) => {
  const dir = path.join(CASES_DIR, name);
  const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
  const settings = parse(read('settings.yaml'));
  const request = fs.existsSync(path.join(dir, 'request.yaml')) ? parse(read('request.yaml')) : undefined;
  const [type, action] = settings.workflow.split('/') as [WorkflowType, WorkflowAction];

  const promise = KratixPromise.fromYaml(Testing.chart(), 'promise', read('promise.yaml'));
  const kratixConfig = settings.kratixConfigMapPresent ? new KratixConfig(Testing.chart(), 'kratix', { extraConfig: settings.kratixConfig ?? {} }) : undefined;
  const out = Testing.chart();
  const pipelines = promise.workflow(type, action).pipelines;
  for (const pipeline of action === WorkflowAction.DELETE ? pipelines.slice(0, 1) : pipelines) {
    new PipelineJob(out, pipeline.name, {
      pipeline,
      requestManifest: request,
      adapterImage: settings.pipelineAdapterImage ?? '',
      adapterPullSecret: settings.pipelineAdapterPullSecret || undefined,
      kratixConfig,
    });
  }
  // Kratix applies the shared destination-selectors ConfigMap once per pipeline; it is one object.
  const docs = Testing.synth(out).filter((doc: any, i: number, all: any[]) => all.findIndex(d => JSON.stringify(d) === JSON.stringify(doc)) === i);
  const expected = parseAllDocuments(read('expected.yaml')).map(d => d.toJS());
  expect(compareRendering(expected, docs)).toEqual([]);
});
