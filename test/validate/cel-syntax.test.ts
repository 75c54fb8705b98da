import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { celSyntaxError } from '../../src/validate/cel-syntax';

// apiextensions ValidateCustomResourceDefinitionOpenAPISchema compiles every x-kubernetes-validations
// rule and messageExpression and rejects the CRD with "compilation failed" when one does not parse.
// Only the syntax is checked here: a valid rule must never be reported.
const ROOT = path.resolve(__dirname, '../..');
const SHARED = path.resolve(ROOT, '../shared');

/** Rules from the Kubernetes documentation (CRD validation rules, the CEL libraries) and its CEL extensions. */
const KUBERNETES_RULES = [
  'self.minReplicas <= self.replicas && self.replicas <= self.maxReplicas',
  "'Available' in self.stateCounts",
  '(size(self.list1) == 0) != (size(self.list2) == 0)',
  "!('MY_KEY' in self.map1) || self['MY_KEY'].matches('^[a-zA-Z]*$')",
  "self.envars.filter(e, e.name == 'MY_ENV').all(e, e.value.matches('^[a-zA-Z]*$'))",
  'has(self.expired) && self.created + self.ttl < self.expired',
  "self.health.startsWith('ok')",
  "self.widgets.exists(w, w.key == 'x' && w.foo < 10)",
  "type(self) == string ? self == '99%' : self == 42",
  'self.metadata.name.startsWith(self.prefix)',
  'self.set1.all(e, !(e in self.set2))',
  'size(self.names) == size(self.details) && self.names.all(n, n in self.details)',
  'size(self.clusters.filter(c, c.name == self.primary)) == 1',
  "self.all(x, x.matches('^a'))",
  'has(self.x)',
  'self.size() <= 10',
  'self == oldSelf',
  'self.replicas >= oldSelf.replicas',
  '!has(oldSelf.x) || has(self.x)',
  "quantity(self.q).isLessThan(quantity('1Gi'))",
  "isQuantity(self) && quantity(self).compareTo(quantity('100m')) >= 0",
  'self.map(k, self[k]).exists(v, v > 1)',
  'self.exists_one(x, x == 1)',
  'self.?x.orValue(1)',
  'self.?spec.?replicas.orValue(0) <= 10',
  "self[?'x'].hasValue()",
  '!oldSelf.hasValue() || self >= oldSelf.value()',
  "url(self.url).getScheme() == 'https' && url(self.url).getHostname() == 'example.com'",
  "isURL(self) && isIP('10.0.0.1') && ip(self.ip).family() == 4",
  "cidr('10.0.0.0/8').containsIP(ip('10.1.1.1'))",
  "semver('1.0.0').isLessThan(semver('2.0.0'))",
  '[1, 2, 3].isSorted() && [1, 2].sum() == 3 && [3, 1].min() == 1 && self.indexOf(1) >= 0',
  "self.find('[0-9]+') != '' && self.findAll('x').size() < 3",
  "self.split(',').size() > 0 && self.lowerAscii() == self && self.replace('a', 'b').trim() != ''",
  "duration(self.timeout) < duration('1h') && timestamp(self.at) > timestamp('2020-01-01T00:00:00Z')",
  "self.x.__namespace__ > 0 && self.__dash__prop == 'a' && self.a__dot__b == 1",
  'self.all(i, v, v > i) && self.transformMap(k, v, v > 0, v).size() >= 0',
  "sets.contains([1, 2], [1]) && math.greatest(1, 2) == 2 && base64.decode('YQ==') == b'a'",
  "'%s'.format([self.name]) != '' && int(self.n) > 0 && 1u == uint(1) && 3.0 > 2.5e1 && 0x1F == 31",
  "self.name.matches(r'^\\d+$') // a comment\n  && self.name.size() < 64",
  "'''multi\nline''' != '' && self == null || dyn(self) == 1",
];

/** The message of every rule the parser rejects, [rule, message]. */
const REJECTED: Array<[string, string]> = [
  ['self.replicas >=', 'Unexpected token: EOF at character 17'],
  ['self. == 1', 'Expected IDENTIFIER, got EQ at character 7'],
  ['self.size( <= 10', 'Unexpected token: LE at character 12'],
  ["self.name == 'abc", 'Unterminated string at character 14'],
  ['self.all(1, x)', 'all(var, predicate) invalid predicate iteration variable at character 10'],
  ['self.in == 1', 'Expected IDENTIFIER, got IN at character 6'],
];

/** Every rule and messageExpression in the CRD schemas of a YAML file. */
function rulesIn(file: string): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    const rules = record['x-kubernetes-validations'];
    if (Array.isArray(rules)) {
      for (const r of rules) for (const key of ['rule', 'messageExpression']) if (typeof r?.[key] === 'string') found.push(r[key]);
    }
    Object.values(record).forEach(walk);
  };
  for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf8'))) walk(doc.toJS());
  return found;
}

describe('celSyntaxError', () => {
  test.each(KUBERNETES_RULES)('a rule Kubernetes accepts parses: %s', rule => {
    expect(celSyntaxError(rule)).toBeUndefined();
  });

  test('every rule and messageExpression of the Promise fixtures and Kratix CRDs parses', () => {
    const files = [
      ...fs.readdirSync(path.join(SHARED, 'fixtures/promises')).map(f => path.join(SHARED, 'fixtures/promises', f)),
      ...fs.readdirSync(path.join(SHARED, 'kratix/crds')).map(f => path.join(SHARED, 'kratix/crds', f)),
    ].filter(f => /\.ya?ml$/.test(f));
    const rules = files.flatMap(rulesIn);
    expect(rules.length).toBeGreaterThanOrEqual(10);
    expect(rules.filter(r => celSyntaxError(r) !== undefined)).toEqual([]);
  });

  test.each(REJECTED)('a syntax error is the parser\'s message and where it stopped: %s', (rule, message) => {
    expect(celSyntaxError(rule)).toBe(message);
  });

  describe('when a rule uses syntax the parser does not read', () => {
    test.each(['[?self.?x].size() == 1', "{?'a': self.?x}.size() == 1", 'self.`foo-bar` == 1'])('%s is not reported', rule => {
      expect(celSyntaxError(rule)).toBeUndefined();
    });
  });
});

describe('the parser, an ES module, in the compiled library on the Node.js the suite runs on', () => {
  const script = "const { celSyntaxError } = require('./lib/validate/cel-syntax'); console.log(JSON.stringify([celSyntaxError('self. =='), celSyntaxError('self.?x.orValue(1)'), celSyntaxError('self. ==')]))";

  test('is loaded with require()', () => {
    const out = execFileSync('node', ['-e', script], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(JSON.parse(out)).toEqual(['Expected IDENTIFIER, got EQ at character 7', null, 'Expected IDENTIFIER, got EQ at character 7']);
  });

  test('where require() of ES modules is off, nothing is checked and one warning says so', () => {
    const r = spawnSync('node', ['--no-experimental-require-module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([null, null, null]);
    const warnings = r.stderr.split('\n').filter(l => l.includes('cdk8s-kratix:'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`cdk8s-kratix: the syntax of CEL rules (x-kubernetes-validations) is not checked: this Node.js ${process.version} cannot require() the ES module @marcbachmann/cel-js (Node.js 20.19, 22.12 or newer can): `);
  });
});
