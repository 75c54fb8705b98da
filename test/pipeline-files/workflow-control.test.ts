import { parseWorkflowControl, retryAfterMs } from '../../src/pipeline-files';
import { goDurationError } from '../../src/validate/go-duration';

const FILE = '/kratix/metadata/workflow-control.yaml';
const parse = (text: string) => parseWorkflowControl(text, FILE);

describe('parseWorkflowControl (runtime doc §7)', () => {
  test('empty text is no control', () => {
    expect(parse('')).toEqual({ action: 'none', suspend: false, retryAfter: '', message: '' });
  });

  test('retryAfter wins over suspend', () => {
    expect(parse('suspend: true\nretryAfter: 10m\nmessage: wait\n')).toEqual({ action: 'retry', suspend: true, retryAfter: '10m', message: 'wait' });
  });

  test('suspend alone suspends; YAML 1.1 yes is true', () => {
    expect(parse('suspend: yes\n').action).toBe('suspend');
    expect(parse('suspend: false\n').action).toBe('none');
  });

  test('keys match case-insensitively; maxAttempts is ignored', () => {
    expect(parse('RetryAfter: 30s\nmaxAttempts: 3\n')).toEqual({ action: 'retry', suspend: false, retryAfter: '30s', message: '' });
  });

  test('a quoted suspend is a decode error', () => {
    expect(() => parse('suspend: "true"\n')).toThrow(`${FILE}: failed to unmarshal the workflow control file: "${FILE}" with error: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field WorkflowControl.suspend of type bool`);
  });

  test('retryAfter takes any scalar as a string', () => {
    expect(parse('retryAfter: 10\n').retryAfter).toBe('10');
    expect(() => parse('retryAfter: [1]\n')).toThrow('cannot unmarshal array into Go struct field WorkflowControl.retryAfter of type string');
  });

  test('a list is not a control file', () => {
    expect(() => parse('- suspend\n')).toThrow('cannot unmarshal array into Go value of type lib.WorkflowControl');
  });
});

describe('retryAfterMs (Go time.ParseDuration)', () => {
  test('valid durations', () => {
    expect(retryAfterMs('1h30m', FILE)).toBe(5_400_000);
    expect(retryAfterMs('1.5h', FILE)).toBe(5_400_000);
    expect(retryAfterMs('-5m', FILE)).toBe(-300_000);
    expect(retryAfterMs('0', FILE)).toBe(0);
  });

  test('1d is refused with the status-writer and Go words', () => {
    expect(() => retryAfterMs('1d', FILE)).toThrow(`${FILE}: failed to parse retry duration: "1d" with error: time: unknown unit "d" in duration "1d"; use a Go duration`);
  });

  test("Go's errors, word for word", () => {
    expect(goDurationError('10')).toBe('time: missing unit in duration "10"');
    expect(goDurationError('1h 30m')).toBe('time: unknown unit "h " in duration "1h 30m"');
    expect(goDurationError('10 minutes')).toBe('time: unknown unit " minutes" in duration "10 minutes"');
    expect(goDurationError('5M')).toBe('time: unknown unit "M" in duration "5M"');
    expect(goDurationError('')).toBe('time: invalid duration ""');
    expect(goDurationError('.s')).toBe('time: invalid duration ".s"');
    expect(goDurationError('3000000h')).toBe('time: invalid duration "3000000h"');
    expect(goDurationError('30s')).toBeUndefined();
  });
});
