import { DEFAULT_CONTAINER_RESOURCES, dropNulls, resolveSettings } from '../../src/render/settings';

describe('§2.3 controller settings and kratix ConfigMap defaults', () => {
  test('ConfigMap absent: no user security context, no pull policy, built-in resources, no backoff limit', () => {
    expect(resolveSettings({})).toEqual({
      adapterImage: '',
      adapterPullSecret: '',
      imagePullPolicy: '',
      resources: DEFAULT_CONTAINER_RESOURCES,
    });
  });

  test('ConfigMap present without keys: user security context {}', () => {
    expect(resolveSettings({ kratixConfig: {} })).toEqual({
      adapterImage: '',
      adapterPullSecret: '',
      userSecurityContext: {},
      defaultSecurityContextSet: false,
      imagePullPolicy: '',
      resources: DEFAULT_CONTAINER_RESOURCES,
      backoffLimit: undefined,
    });
    expect(resolveSettings({ kratixConfig: { workflows: { defaultContainerSecurityContext: null } } }).userSecurityContext).toEqual({});
  });

  test('every workflows key is used', () => {
    const s = resolveSettings({
      adapterImage: 'img',
      adapterPullSecret: 'secret',
      kratixConfig: {
        workflows: {
          defaultContainerSecurityContext: { runAsUser: 1000, seLinuxOptions: null },
          defaultImagePullPolicy: 'Always',
          defaultContainerResources: { requests: { cpu: 0.5 }, limits: { memory: '1024Mi' } },
          jobOptions: { defaultBackoffLimit: 4, podTTLSecondsAfterFinished: 60 },
        },
      },
    });
    expect(s).toEqual({
      adapterImage: 'img',
      adapterPullSecret: 'secret',
      userSecurityContext: { runAsUser: 1000 },
      defaultSecurityContextSet: true,
      imagePullPolicy: 'Always',
      resources: { requests: { cpu: '500m' }, limits: { memory: '1Gi' } },
      backoffLimit: 4,
    });
  });

  test('bad settings name the field', () => {
    expect(() => resolveSettings({ kratixConfig: { workflows: { defaultContainerResources: { limits: { cpu: 'lots' } } } } }))
      .toThrow('settings kratixConfig.workflows.defaultContainerResources.limits.cpu: \'lots\' is not a Kubernetes quantity');
    expect(() => resolveSettings({ kratixConfig: { workflows: { jobOptions: { defaultBackoffLimit: 'three' } } } }))
      .toThrow('settings kratixConfig.workflows.jobOptions.defaultBackoffLimit: \'three\' is not a 32-bit integer');
    expect(() => resolveSettings({ kratixConfig: { workflows: { defaultContainerSecurityContext: 'strict' } } }))
      .toThrow('settings kratixConfig.workflows.defaultContainerSecurityContext: \'strict\' is not a SecurityContext map');
  });

  test('dropNulls removes null members at any depth and keeps unchanged objects', () => {
    const unchanged = { a: [{ b: 1 }] };
    expect(dropNulls(unchanged)).toBe(unchanged);
    expect(dropNulls({ a: null, b: [{ c: null, d: 1 }], e: {} })).toEqual({ b: [{ d: 1 }], e: {} });
  });
});
