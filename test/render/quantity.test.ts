import { canonicalQuantity } from '../../src/render/quantity';

describe('Kubernetes quantity canonicalisation', () => {
  test.each<[string | number, string]>([
    ['100m', '100m'],
    ['128Mi', '128Mi'],
    ['0.5', '500m'],
    [0.5, '500m'],
    [1, '1'],
    ['1', '1'],
    ['1000', '1k'],
    ['1500m', '1500m'],
    ['1.5', '1500m'],
    ['1024Mi', '1Gi'],
    ['1.5Gi', '1536Mi'],
    ['0.5Ki', '512'],
    ['1Ki', '1Ki'],
    ['2000Ki', '2000Ki'],
    ['1e3', '1e3'],
    ['1E3', '1e3'],
    ['0', '0'],
    ['0Mi', '0'],
    ['0.1m', '100u'],
    ['1n', '1n'],
    ['0.0000000001', '1n'],
    ['12M', '12M'],
    ['129e6', '129e6'],
    ['  250m ', '250m'],
  ])('%j becomes %j', (input, expected) => {
    expect(canonicalQuantity(input)).toBe(expected);
  });

  test.each(['', 'abc', '1X', '1 Gi', 'Mi', '1.2.3'])('%j is not a quantity', (input) => {
    expect(canonicalQuantity(input)).toBeUndefined();
  });
});
