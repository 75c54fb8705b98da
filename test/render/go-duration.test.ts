import { canonicalGoDuration, formatGoDuration, parseGoDuration } from '../../src/render/go-duration';

describe('Go durations', () => {
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
    expect(parseGoDuration(input)).toBeUndefined();
  });

  test('formats nanoseconds', () => {
    expect(formatGoDuration(3_723_000_000_000n)).toBe('1h2m3s');
  });
});
