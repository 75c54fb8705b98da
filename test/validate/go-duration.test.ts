import { formatGoDuration, parseGoDuration } from '../../src/validate';

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
