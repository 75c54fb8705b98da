import { canonicalGoDuration, formatGoDuration, formatGoDurationNs, parseGoDuration } from '../../src/validate';

describe('parseGoDuration', () => {
  test.each([
    ['0', 0],
    ['1m', 60_000],
    ['1h30m', 5_400_000],
    ['1.5h', 5_400_000],
    ['90s', 90_000],
    ['500ms', 500],
    ['2h0m0s', 7_200_000],
    ['-1m', -60_000],
    ['+10s', 10_000],
    ['1us', 0.001],
    ['1\u00b5s', 0.001],
    ['100ns', 0.0001],
    ['.5s', 500],
    ['1.s', 1000],
  ])('parses %s as Go does', (text, ms) => {
    expect(parseGoDuration(text)).toBeCloseTo(ms, 6);
  });

  test.each([[''], ['1'], ['m'], ['1x'], ['1 m'], ['.s'], ['1d'], ['10000000000h'], [' 1m'], [42], [null], [{}]])(
    'rejects %p as Go does',
    (text) => {
      expect(parseGoDuration(text)).toBeUndefined();
    },
  );
});

describe('formatGoDuration', () => {
  test.each([
    [0, '0s'],
    [3_600_000, '1h0m0s'],
    [90_000, '1m30s'],
    [500, '500ms'],
    [1_500, '1.5s'],
    [60_000, '1m0s'],
    [7_200_500, '2h0m0.5s'],
    [0.0015, '1.5\u00b5s'],
    [0.0001, '100ns'],
    [-90_000, '-1m30s'],
    [36_000_000, '10h0m0s'],
  ])('formats %p ms as %s, like Duration.String()', (ms, text) => {
    expect(formatGoDuration(ms)).toBe(text);
  });

  test('round-trips through parseGoDuration', () => {
    for (const text of ['1h0m0s', '1m30s', '500ms', '2h45m10.25s']) {
      expect(formatGoDuration(parseGoDuration(text)!)).toBe(text);
    }
  });
});

describe('canonicalGoDuration (the metav1.Duration round trip in the Promise hash)', () => {
  test.each([
    ['2h', '2h0m0s'],
    ['90s', '1m30s'],
    ['10m', '10m0s'],
    ['1h30m', '1h30m0s'],
    ['1.5h', '1h30m0s'],
    ['0', '0s'],
    ['300ms', '300ms'],
    ['1.5s', '1.5s'],
    ['1500ms', '1.5s'],
    ['2us', '2µs'],
    ['2µs', '2µs'],
    ['7ns', '7ns'],
    ['-90s', '-1m30s'],
    ['100h', '100h0m0s'],
    ['1h0.5s', '1h0m0.5s'],
  ])('%s prints as %s', (input, expected) => {
    expect(canonicalGoDuration(input)).toBe(expected);
  });

  test.each(['', '1', '1x', 'h', '.s', '1 h', '1hh', '9999999999999999999h'])('%j is rejected', (input) => {
    expect(canonicalGoDuration(input)).toBeUndefined();
  });

  test('formats nanoseconds', () => {
    expect(formatGoDurationNs(3_723_000_000_000n)).toBe('1h2m3s');
  });
});
