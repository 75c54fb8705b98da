import { Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { KratixPromise, PromiseApi } from '../src';

function synthErrors(chart: Construct): string {
  try {
    Testing.synth(chart as any);
  } catch (e: any) {
    return e.message;
  }
  return '';
}

describe('KratixPromise requirements by reference', () => {
  test('version is the kratix.io/promise-version label, undefined without one', () => {
    const chart = Testing.chart();
    expect(new KratixPromise(chart, 'postgres', { version: 'v1.2.0' }).version).toBe('v1.2.0');
    expect(new KratixPromise(chart, 'nginx').version).toBeUndefined();
  });

  test('version follows a label set after construction', () => {
    const chart = Testing.chart();
    const p = new KratixPromise(chart, 'postgres');
    p.apiObject.metadata.addLabel('kratix.io/promise-version', 'v2');
    expect(p.version).toBe('v2');
  });

  test('requires() writes name and version of the other Promise and returns the entry', () => {
    const chart = Testing.chart();
    const postgres = new KratixPromise(chart, 'pg', { name: 'postgresql', version: 'v1.0.0' });
    const app = new KratixPromise(chart, 'app');
    expect(app.requires(postgres)).toEqual({ name: 'postgresql', version: 'v1.0.0' });
    const docs = Testing.synth(chart);
    expect(docs.find(d => d.metadata.name === 'app').spec.requiredPromises).toEqual([{ name: 'postgresql', version: 'v1.0.0' }]);
  });

  test('requires() after addRequiredPromise() keeps the order of the calls', () => {
    const chart = Testing.chart();
    const nginx = new KratixPromise(chart, 'nginx', { version: 'v2' });
    const app = new KratixPromise(chart, 'app', { requiredPromises: [{ name: 'external', version: 'v9' }] });
    app.requires(nginx);
    expect(app.toJson().spec.requiredPromises).toEqual([{ name: 'external', version: 'v9' }, { name: 'nginx', version: 'v2' }]);
  });

  test('isKratixPromise() recognises Promises by marker, not by class', () => {
    const chart = Testing.chart();
    expect(KratixPromise.isKratixPromise(new KratixPromise(chart, 'p'))).toBe(true);
    expect(KratixPromise.isKratixPromise(new Construct(chart, 'c'))).toBe(false);
    expect(KratixPromise.isKratixPromise(undefined)).toBe(false);
    // What a second installed copy of the library creates: same marker, another class.
    const other = new Construct(chart, 'copy');
    (other as any)[Symbol.for('cdk8s-kratix.KratixPromise')] = true;
    expect(KratixPromise.isKratixPromise(other)).toBe(true);
  });

  describe('when the input is bad', () => {
    test('requires() of a construct that is not a Promise throws, naming both paths', () => {
      const chart = Testing.chart();
      const app = new KratixPromise(chart, 'app');
      const api = new Construct(chart, 'not-a-promise');
      expect(() => app.requires(api)).toThrow(
        "KratixPromise 'test/app': requires(): 'test/not-a-promise' is not a KratixPromise; pass the Promise construct, or addRequiredPromise(name, version) for a Promise defined elsewhere");
      expect(() => app.requires(PromiseApi.of({ group: 'g.io', kind: 'K' }) as any)).toThrow(/requires\(\): '.*' is not a KratixPromise/);
    });

    test('a required Promise without version fails synth', () => {
      const chart = Testing.chart();
      const nginx = new KratixPromise(chart, 'nginx');
      const app = new KratixPromise(chart, 'app');
      expect(app.requires(nginx)).toEqual({ name: 'nginx' });
      expect(synthErrors(chart)).toContain(
        "KratixPromise 'test/app': requires Promise 'test/nginx' ('nginx'), which has no version; give it one (KratixPromiseProps.version, the 'kratix.io/promise-version' label)");
    });

    test('a required Promise whose version changed after requires() fails synth', () => {
      const chart = Testing.chart();
      const nginx = new KratixPromise(chart, 'nginx', { version: 'v1' });
      new KratixPromise(chart, 'app').requires(nginx);
      nginx.apiObject.metadata.addLabel('kratix.io/promise-version', 'v2');
      expect(synthErrors(chart)).toContain(
        "KratixPromise 'test/app': requires Promise 'test/nginx' at version 'v1', but its version is now 'v2'; call requires() after the version is set");
    });

    test('a Promise required by name with another version than the one in the app fails synth', () => {
      const chart = Testing.chart();
      new KratixPromise(chart, 'pg', { name: 'postgresql', version: 'v2' });
      new KratixPromise(chart, 'nginx');
      const app = new KratixPromise(chart, 'app');
      app.addRequiredPromise('postgresql', 'v1');
      app.addRequiredPromise('nginx', 'v1');
      const errors = synthErrors(chart);
      expect(errors).toContain(
        "KratixPromise 'test/app': requiredPromises: 'postgresql' version 'v1' differs from Promise 'test/pg' in this app, whose version is 'v2'; require it by reference with requires(), or correct the version");
      expect(errors).toContain("'nginx' version 'v1' differs from Promise 'test/nginx' in this app, whose version is not set");
    });

    test('a Promise required by name without version, or with the same version, is fine', () => {
      const chart = Testing.chart();
      new KratixPromise(chart, 'pg', { name: 'postgresql', version: 'v2' });
      const app = new KratixPromise(chart, 'app');
      app.addRequiredPromise('postgresql');
      app.addRequiredPromise('postgresql', 'v2');
      app.addRequiredPromise('not-in-this-app', 'v7');
      expect(synthErrors(chart)).toBe('');
    });

    test('a Promise that requires itself fails synth', () => {
      const chart = Testing.chart();
      const p = new KratixPromise(chart, 'p', { version: 'v1' });
      p.requires(p);
      expect(synthErrors(chart)).toContain("KratixPromise 'test/p': requires itself ('p'); remove that requirement");
    });

    test('a Promise that requires itself by name fails synth', () => {
      const chart = Testing.chart();
      new KratixPromise(chart, 'p', { requiredPromises: [{ name: 'p' }] });
      expect(synthErrors(chart)).toContain("KratixPromise 'test/p': requires itself ('p')");
    });

    test('a cycle of requirements fails synth once, naming the cycle', () => {
      const chart = Testing.chart();
      const a = new KratixPromise(chart, 'a', { version: 'v1' });
      const b = new KratixPromise(chart, 'b', { version: 'v1' });
      const c = new KratixPromise(chart, 'c', { version: 'v1' });
      a.requires(b);
      b.requires(c);
      c.addRequiredPromise('a');
      const errors = synthErrors(chart);
      expect(errors).toContain(
        "KratixPromise 'test/a': requirements form a cycle: a -> b -> c -> a (test/a -> test/b -> test/c -> test/a); Kratix never installs a Promise of the cycle: remove one requirement");
      expect(errors.match(/form a cycle/g)).toHaveLength(1);
    });

    test('requirements without a cycle (a diamond) synthesize', () => {
      const chart = Testing.chart();
      const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(id => new KratixPromise(chart, id, { version: 'v1' }));
      a.requires(b);
      a.requires(c);
      b.requires(d);
      c.requires(d);
      expect(synthErrors(chart)).toBe('');
    });
  });
});
