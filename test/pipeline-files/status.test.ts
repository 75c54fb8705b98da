import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkStatus, KRATIX_STATUS_KEY_ERROR, parseStatus, promiseStatusWarning, readStatusFile } from '../../src/pipeline-files';

const FILE = '/kratix/metadata/status.yaml';

describe('parseStatus (the status-writer, runtime doc §6.1)', () => {
  test('empty text and null are an empty status', () => {
    expect(parseStatus('', FILE)).toEqual({});
    expect(parseStatus('~\n', FILE)).toEqual({});
  });

  test('reads YAML 1.1: yes is a boolean, numbers are numbers', () => {
    expect(parseStatus('ready: yes\nreplicas: 3\nmessage: done\n', FILE)).toEqual({ ready: true, replicas: 3, message: 'done' });
  });

  test('a status that is not a map fails with the status-writer words', () => {
    expect(() => parseStatus('- a\n', FILE)).toThrow(`${FILE}: failed to load incoming status: failed to unmarshal incoming status: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}`);
    expect(() => parseStatus('a: [\n', FILE)).toThrow(/^\/kratix\/metadata\/status.yaml: failed to load incoming status: failed to unmarshal incoming status: error converting YAML to JSON: /);
  });
});

describe('readStatusFile', () => {
  test('a missing file is an empty status', () => {
    expect(readStatusFile(path.join(os.tmpdir(), 'no-such-dir-kratix', 'status.yaml'))).toEqual({});
  });

  test('reads the file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'status-'));
    fs.writeFileSync(path.join(dir, 'status.yaml'), 'message: hi\n');
    expect(readStatusFile(path.join(dir, 'status.yaml'))).toEqual({ message: 'hi' });
  });
});

describe('checkStatus', () => {
  test('a top-level kratix key fails the pipeline, in Kratix words', () => {
    expect(() => checkStatus({ kratix: {} }, FILE)).toThrow(`${FILE}: ${KRATIX_STATUS_KEY_ERROR}; Kratix owns status.kratix`);
  });

  test('nested kratix keys are fine', () => {
    expect(() => checkStatus({ app: { kratix: 1 } }, FILE)).not.toThrow();
  });
});

describe('promiseStatusWarning', () => {
  test('names the keys other than message', () => {
    expect(promiseStatusWarning({ message: 'x' })).toBeUndefined();
    expect(promiseStatusWarning({ message: 'x', a: 1, b: 2 })).toBe("Warning: promise workflow status has unsupported keys: a, b in status.yaml; only 'message' can be updated in Promise status.");
  });
});
