import { Testing } from 'cdk8s';
import { parse } from 'yaml';
import { deepFlowSequence, deepObject, errorOf, guardTest } from './support';
import { KratixPromise } from '../../src';

// KratixPromise.fromYaml and fromObject with bad input: an Error naming the field, the bad value
// and the fix, never a TypeError or a stack overflow.

const PROMISE = `apiVersion: platform.kratix.io/v1alpha1
kind: Promise
metadata:
  name: env
spec:
  workflows:
    promise:
      configure:
        - apiVersion: platform.kratix.io/v1alpha1
          kind: Pipeline
          metadata: {name: setup}
          spec: {containers: [{name: c, image: 'i:v1'}]}
`;
const P0 = 'spec.workflows.promise.configure[0]';
const REJECTS = "cannot import Promise 'env': Kratix would reject its pipeline:\n  ";
const fromYaml = (text: string) => errorOf(() => KratixPromise.fromYaml(Testing.chart(), 'env', text));
const fromObject = (doc: unknown) => errorOf(() => KratixPromise.fromObject(Testing.chart(), 'env', doc));
/** The Promise document with `change` applied to its one pipeline. */
function withPipeline(change: (pipeline: any) => void): any {
  const doc = parse(PROMISE);
  change(doc.spec.workflows.promise.configure[0]);
  return doc;
}
const ONE = "split it and import each with KratixPromise.fromObject (or the 'cdk8s-kratix import' command, which handles several)";
const NOT_A_PROMISE = 'as a Promise: expected kind: Promise, apiVersion: platform.kratix.io/v1alpha1';

describe('KratixPromise.fromYaml', () => {
  test('malformed YAML', () => expect(fromYaml('kind: Promise\nmetadata: {name: env\n')).toEqual(
    'input: line 3, column 1: not valid YAML: Flow map in block collection must be sufficiently indented and end with a }'));
  test('an empty text', () => expect(fromYaml('')).toEqual(`KratixPromise.fromYaml: the text has 0 Promise documents, not one; ${ONE}`));
  test('a text without a Promise', () => expect(fromYaml('apiVersion: v1\nkind: ConfigMap\n')).toEqual(`KratixPromise.fromYaml: the text has 0 Promise documents, not one; ${ONE}`));
  test('two Promises', () => expect(fromYaml(`${PROMISE}---\n${PROMISE}`)).toEqual(`KratixPromise.fromYaml: the text has 2 Promise documents, not one; ${ONE}`));
  test('100,000 levels of nested flow sequences', () => expect(fromYaml(deepFlowSequence(100_000))).toEqual(
    'input: document 1: nested too deeply: the YAML parser follows at most a few hundred levels of [ ] and { }, and no Kubernetes object needs that many; flatten it'));
  test('a 10 MB image with an unknown field beside it', () => expect(fromYaml(PROMISE.replace("image: 'i:v1'", `image: '${'z'.repeat(10 * 1024 * 1024)}', name2: x`))).toEqual(
    `${REJECTS}${P0}.spec.containers[0].name2: unknown field 'name2' in a Kratix Container: Kratix decodes pipelines strictly and rejects it (json: unknown field "name2"); did you mean 'name'?\n` +
    '(to keep fields Kratix does not know, import with lenient: true, or --lenient on the command line)'));
});

describe('KratixPromise.fromObject', () => {
  test('null', () => expect(fromObject(null)).toEqual(`cannot import null ${NOT_A_PROMISE}`));
  test('a string', () => expect(fromObject('Promise')).toEqual(`cannot import a string ${NOT_A_PROMISE}`));
  test('a list of Promises', () => expect(fromObject([parse(PROMISE)])).toEqual(`cannot import a list ${NOT_A_PROMISE}`));
  test('a map without kind', () => expect(fromObject({ metadata: { name: 'env' } })).toEqual(`cannot import a document without kind ${NOT_A_PROMISE}`));
  test('a document that is not a Promise', () => expect(fromObject({ apiVersion: 'v1', kind: 'ConfigMap' })).toEqual(`cannot import a ConfigMap ${NOT_A_PROMISE}`));

  test('a Pipeline with a wrong kind', () => expect(fromObject(withPipeline(p => { p.kind = 'Job'; }))).toEqual(
    `${REJECTS}${P0}.kind: unsupported pipeline "setup" with APIVersion "Job/platform.kratix.io/v1alpha1": set kind: Pipeline and apiVersion: platform.kratix.io/v1alpha1`));
  test('a Pipeline with a wrong apiVersion', () => expect(fromObject(withPipeline(p => { p.apiVersion = 'v1'; }))).toEqual(
    `${REJECTS}${P0}.apiVersion: unsupported pipeline "setup" with APIVersion "Pipeline/v1": set kind: Pipeline and apiVersion: platform.kratix.io/v1alpha1`));
  test('a number where the image string belongs', () => expect(fromObject(withPipeline(p => { p.spec.containers[0].image = 7; }))).toEqual(
    `${REJECTS}${P0}.spec.containers[0].image: 7 is a whole number, not a string: Kratix cannot decode it (json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string); quote it: '7'`));
  test('a boolean as an env value', () => expect(fromObject(withPipeline(p => { p.spec.containers[0].env = [{ name: 'A', value: false }]; }))).toEqual(
    `${REJECTS}${P0}.spec.containers[0].env[0].value: false is a boolean, not a string: Kratix cannot decode it (json: cannot unmarshal bool into Go struct field EnvVar.spec.containers.env.value of type string); quote it: 'false'`));
  test('a container named reader', () => expect(fromObject(withPipeline(p => { p.spec.containers[0].name = 'reader'; }))).toEqual(
    `${REJECTS}${P0}.spec.containers[0].name: container name 'reader' is reserved for Kratix's own containers (reader, work-writer, status-writer); rename it`));
  test('two containers of one name', () => expect(fromObject(withPipeline(p => { p.spec.containers.push({ ...p.spec.containers[0] }); }))).toEqual(
    `${REJECTS}${P0}.spec.containers[1].name: container name 'c' is used by more than one container of the pipeline; container names must be unique`));
  test('a top-level key with a dot', () => expect(fromObject({ ...parse(PROMISE), 'a.b': 1 })).toEqual(
    "cannot import the Promise: the key 'a.b' has a dot in it, which no override can set; rename or remove it"));
  test('100,000 levels of nested maps', () => expect(fromObject({ ...parse(PROMISE), spec: { ...parse(PROMISE).spec, api: deepObject(100_000) } })).toEqual(
    'cannot import the Promise: spec.api.a.a.a.a.a.a.a.a.a.a...: nested more than 1000 levels deep; no Kubernetes object needs that many levels of maps and lists, flatten it'));
});

guardTest();
