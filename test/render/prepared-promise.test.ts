import { ADAPTER_IMAGE, appApi, pipeline } from './fixtures';
import { PreparedPromise, renderWorkflow, toYaml, workflowObjects } from '../../src/render';

const promise = {
  apiVersion: 'platform.kratix.io/v1alpha1',
  kind: 'Promise',
  metadata: { name: 'app', uid: 'p-1' },
  spec: {
    api: appApi(),
    workflows: { resource: { configure: [pipeline('a'), pipeline('b', { rbac: { permissions: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'], resourceNamespace: '*' }] } })] } },
  },
};
const request = (i: number) => ({ apiVersion: 'example.com/v1', kind: 'App', metadata: { name: `r${i}`, namespace: `ns${i % 3}`, uid: `u${i}` }, spec: { size: i } });

describe('PreparedPromise', () => {
  test('renders every request exactly as the document itself does', () => {
    const prepared = new PreparedPromise(promise);
    for (let i = 0; i < 5; i++) {
      const settings = { adapterImage: ADAPTER_IMAGE };
      expect(toYaml(workflowObjects(renderWorkflow(prepared, 'resource/configure', request(i), settings))))
        .toBe(toYaml(workflowObjects(renderWorkflow(promise, 'resource/configure', request(i), settings))));
    }
  });

  test('checks the Promise once, when prepared', () => {
    expect(() => new PreparedPromise({ ...promise, spec: 'x' })).toThrow("promise spec: 'x' is not an object");
  });
});
