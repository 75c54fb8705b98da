import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { RESOURCE_ENV } from './env';
import { KratixObject, KratixSdk, Status } from '../../src/sdk';
import { resolveKubeConnection, statusPath } from '../../src/sdk/kube-client';

// A local HTTP server on 127.0.0.1 plays the Kubernetes API server; nothing leaves the loopback.
interface Seen { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }

async function apiServer(answer: (seen: Seen) => [number, unknown]): Promise<{ url: string; seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      const s = { method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      seen.push(s);
      const [code, body] = answer(s);
      res.writeHead(code, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen, close: () => new Promise(resolve => server.close(() => resolve())) };
}

function kubeconfig(server: string, user: Record<string, unknown> = { token: 'secret-token' }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeconfig-'));
  const file = path.join(dir, 'config');
  fs.writeFileSync(file, JSON.stringify({
    'apiVersion': 'v1',
    'kind': 'Config',
    'current-context': 'local',
    'contexts': [{ name: 'local', context: { cluster: 'c', user: 'u' } }],
    'clusters': [{ name: 'c', cluster: { server } }],
    'users': [{ name: 'u', user }],
  }));
  return file;
}

const ENV = RESOURCE_ENV;

describe('publishStatus', () => {
  test('sends a JSON merge patch of status to the status subresource, with the token', async () => {
    const api = await apiServer(s => [200, { kind: 'Redis', status: JSON.parse(s.body).status }]);
    try {
      const sdk = new KratixSdk({ env: { ...ENV, KUBECONFIG: kubeconfig(api.url) } });
      const status = new Status().set('message', 'provisioning').set('endpoint', 'redis://x');
      const answer = await sdk.publishStatus(status);
      expect(answer).toEqual({ kind: 'Redis', status: { message: 'provisioning', endpoint: 'redis://x' } });
      expect(api.seen).toHaveLength(1);
      const [req] = api.seen;
      expect(req.method).toBe('PATCH');
      expect(req.url).toBe('/apis/marketplace.kratix.io/v1alpha1/namespaces/team-a/redis/shop/status');
      expect(req.headers['content-type']).toBe('application/merge-patch+json');
      expect(req.headers.authorization).toBe('Bearer secret-token');
      expect(JSON.parse(req.body)).toEqual({ status: { message: 'provisioning', endpoint: 'redis://x' } });
    } finally {
      await api.close();
    }
  });

  test('a Promise (cluster scoped) is patched without a namespace; a plain object is accepted', async () => {
    const api = await apiServer(() => [200, {}]);
    try {
      const env = { ...ENV, KRATIX_WORKFLOW_TYPE: 'promise', KRATIX_OBJECT_GROUP: 'platform.kratix.io', KRATIX_OBJECT_NAME: 'redis', KRATIX_OBJECT_NAMESPACE: '', KRATIX_CRD_PLURAL: 'promises', KRATIX_CLUSTER_SCOPED: 'true' };
      await new KratixSdk({ env: { ...env, KUBECONFIG: kubeconfig(`${api.url}/prefix/`, { username: 'admin', password: 'pw' }) } }).publishStatus({ message: 'ok' });
      expect(api.seen[0].url).toBe('/prefix/apis/platform.kratix.io/v1alpha1/promises/redis/status');
      expect(api.seen[0].headers.authorization).toBe(`Basic ${Buffer.from('admin:pw').toString('base64')}`);
    } finally {
      await api.close();
    }
  });

  test('another object can be named', async () => {
    const api = await apiServer(() => [200, {}]);
    try {
      const sdk = new KratixSdk({ env: {}, kube: { kubeconfig: kubeconfig(api.url) } });
      await sdk.publishStatus({ ready: true }, { object: { group: '', version: 'v1', plural: 'configmaps', name: 'c', namespace: 'n' } });
      expect(api.seen[0].url).toBe('/api/v1/namespaces/n/configmaps/c/status');
    } finally {
      await api.close();
    }
  });

  test('an object read with readInput can be the target, as in the Go SDK', async () => {
    const api = await apiServer(() => [200, {}]);
    try {
      const sdk = new KratixSdk({ env: { KRATIX_CRD_PLURAL: 'apps', KUBECONFIG: kubeconfig(api.url) } });
      const target = new KratixObject({ apiVersion: 'example.com/v1', kind: 'App', metadata: { name: 'other', namespace: 'ns' } });
      await sdk.publishStatus(new Status({ message: 'x' }), { object: target });
      expect(api.seen[0].url).toBe('/apis/example.com/v1/namespaces/ns/apps/other/status');
    } finally {
      await api.close();
    }
  });

  test('a refusal names the URL, the status code, the server message and a fix', async () => {
    const api = await apiServer(() => [403, { kind: 'Status', message: 'redis.marketplace.kratix.io "shop" is forbidden' }]);
    try {
      const sdk = new KratixSdk({ env: { ...ENV, KUBECONFIG: kubeconfig(api.url) } });
      await expect(sdk.publishStatus({ message: 'x' })).rejects.toThrow(`PATCH ${api.url}/apis/marketplace.kratix.io/v1alpha1/namespaces/team-a/redis/shop/status failed with HTTP 403: redis.marketplace.kratix.io "shop" is forbidden; the pipeline's service account may not patch this status`);
    } finally {
      await api.close();
    }
  });

  test('a top-level kratix key is refused before any request', async () => {
    const sdk = new KratixSdk({ env: ENV });
    await expect(sdk.publishStatus({ kratix: {} })).rejects.toThrow("publishStatus(status): 'kratix' is a kratix managed status field");
  });

  test('a server that does not answer is named', async () => {
    const api = await apiServer(() => [200, {}]);
    await api.close();
    const sdk = new KratixSdk({ env: { ...ENV, KUBECONFIG: kubeconfig(api.url) } });
    await expect(sdk.publishStatus({ message: 'x' })).rejects.toThrow(`PATCH ${api.url}/apis/marketplace.kratix.io/v1alpha1/namespaces/team-a/redis/shop/status failed: connect ECONNREFUSED`);
  });
});

test('in a Pod: HTTPS to KUBERNETES_SERVICE_HOST, the server checked against the service-account CA', async () => {
  // A self-signed certificate for 127.0.0.1 plays the cluster CA and the API server's certificate.
  const sa = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(sa, 'key.pem'), '-out', path.join(sa, 'ca.crt')], { stdio: 'pipe' });
  fs.writeFileSync(path.join(sa, 'token'), 'pod-token');
  const seen: http.IncomingMessage[] = [];
  const server = https.createServer({ key: fs.readFileSync(path.join(sa, 'key.pem')), cert: fs.readFileSync(path.join(sa, 'ca.crt')) }, (req, res) => {
    seen.push(req);
    req.resume();
    req.on('end', () => res.end('{"ok":true}'));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  try {
    const env = { ...ENV, KUBERNETES_SERVICE_HOST: '127.0.0.1', KUBERNETES_SERVICE_PORT: String((server.address() as AddressInfo).port) };
    expect(await new KratixSdk({ env, kube: { serviceAccountDir: sa } }).publishStatus({ message: 'x' })).toEqual({ ok: true });
    expect(seen[0].headers.authorization).toBe('Bearer pod-token');
    expect(seen[0].url).toBe('/apis/marketplace.kratix.io/v1alpha1/namespaces/team-a/redis/shop/status');
    // Without the CA the server's certificate is not trusted.
    fs.rmSync(path.join(sa, 'ca.crt'));
    // Node.js 24 appends a hint about --use-system-ca to the TLS error; the rest is the same.
    const untrusted = new KratixSdk({ env, kube: { serviceAccountDir: sa } }).publishStatus({ message: 'x' });
    await expect(untrusted).rejects.toThrow(/failed: self-signed certificate(;[^(]*)? \(credentials from /);
    await expect(untrusted).rejects.toThrow(`(credentials from ${path.join(sa, 'token')})`);
  } finally {
    await new Promise(resolve => server.close(resolve));
  }
});

describe('resolveKubeConnection', () => {
  test('in a Pod: the service-account token and CA, and the KUBERNETES_SERVICE_* address', () => {
    const sa = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-'));
    fs.writeFileSync(path.join(sa, 'token'), 'pod-token\n');
    fs.writeFileSync(path.join(sa, 'ca.crt'), 'CA');
    const conn = resolveKubeConnection({ KUBERNETES_SERVICE_HOST: '10.0.0.1', KUBERNETES_SERVICE_PORT: '443' }, { serviceAccountDir: sa });
    expect(conn.server).toBe('https://10.0.0.1:443');
    expect(conn.headers).toEqual({ Authorization: 'Bearer pod-token' });
    expect(conn.ca?.toString()).toBe('CA');
    expect(resolveKubeConnection({ KUBERNETES_SERVICE_HOST: 'fd00::1', KUBERNETES_SERVICE_PORT: '443' }, { serviceAccountDir: sa }).server).toBe('https://[fd00::1]:443');
  });

  test('outside a Pod: the kubeconfig, with certificate data and token files', () => {
    const file = kubeconfig('https://k8s.example:6443', { 'client-certificate-data': Buffer.from('CERT').toString('base64'), 'client-key': 'key.pem', 'tokenFile': 'tok' });
    fs.writeFileSync(path.join(path.dirname(file), 'key.pem'), 'KEY');
    fs.writeFileSync(path.join(path.dirname(file), 'tok'), 'file-token\n');
    const conn = resolveKubeConnection({ KUBECONFIG: `/nonexistent${path.delimiter}${file}` }, { serviceAccountDir: '/nonexistent' });
    expect(conn.server).toBe('https://k8s.example:6443');
    expect(conn.cert?.toString()).toBe('CERT');
    expect(conn.key?.toString()).toBe('KEY');
    expect(conn.headers).toEqual({ Authorization: 'Bearer file-token' });
  });

  test('exec plugins are refused with a way out', () => {
    const file = kubeconfig('https://x', { exec: { command: 'aws' } });
    expect(() => resolveKubeConnection({}, { kubeconfig: file, serviceAccountDir: '/nonexistent' })).toThrow(`${file}: users[u]: uses an exec plugin or auth provider, which the pipeline SDK does not run; use a kubeconfig with a token`);
  });

  test('no credentials at all names where it looked', () => {
    expect(() => resolveKubeConnection({ HOME: '/nonexistent-home' }, { serviceAccountDir: '/nonexistent' })).toThrow('/nonexistent-home/.kube/config: no Kubernetes credentials: not in a Pod');
  });

  test('a kubeconfig without a current context says so', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-'));
    fs.writeFileSync(path.join(dir, 'config'), 'apiVersion: v1\nkind: Config\n');
    expect(() => resolveKubeConnection({}, { kubeconfig: path.join(dir, 'config'), serviceAccountDir: '/nonexistent' })).toThrow('current-context: not set; run `kubectl config use-context <name>`');
  });
});

test('statusPath', () => {
  expect(statusPath({ group: 'g.io', version: 'v1', plural: 'things', name: 'a b', namespace: '' })).toBe('/apis/g.io/v1/things/a%20b/status');
});
