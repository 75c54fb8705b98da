import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Environment } from './context';
import { PipelineFileError } from '../pipeline-files/errors';
import { yaml } from '../pipeline-files/yaml-1-1';

/*
 * A small Kubernetes API client for the one call the SDK makes (a JSON merge patch of an object's
 * status), on Node's own http/https, loaded only when that call is made. The official
 * @kubernetes/client-node would add megabytes and dozens of packages to every pipeline image for
 * it. Credentials are found as client-go finds them: in-cluster service-account credentials, else
 * the kubeconfig (KUBECONFIG, else ~/.kube/config) with a token, a client certificate or a user
 * name and password. Exec plugins and auth providers are not supported.
 */

/** Where to find credentials for the Kubernetes API. */
export interface KubeClientOptions {
  /**
   * The service-account directory (token, ca.crt) used in a Pod.
   *
   * @default /var/run/secrets/kubernetes.io/serviceaccount
   */
  readonly serviceAccountDir?: string;
  /**
   * The kubeconfig file used outside a Pod.
   *
   * @default - the first file of $KUBECONFIG, else ~/.kube/config
   */
  readonly kubeconfig?: string;
  /**
   * The request timeout in milliseconds.
   *
   * @default 30000
   */
  readonly timeoutMs?: number;
}

/** A server and the credentials to call it. */
export interface KubeConnection {
  /** The API server URL, possibly with a path prefix. */
  readonly server: string;
  /** Headers sent with every request (the `Authorization` header). */
  readonly headers: Readonly<Record<string, string>>;
  /** The CA bundle that signs the server's certificate. */
  readonly ca?: Buffer;
  /** A client certificate. */
  readonly cert?: Buffer;
  /** The client certificate's key. */
  readonly key?: Buffer;
  /** Skip verifying the server's certificate. */
  readonly insecureSkipTlsVerify?: boolean;
  /** Where the credentials came from, for errors. */
  readonly source: string;
}

const SA_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * The connection client-go would use: in-cluster when `KUBERNETES_SERVICE_HOST` and
 * `KUBERNETES_SERVICE_PORT` are set and the service-account token exists, else the kubeconfig's
 * current context.
 *
 * @throws PipelineFileError naming the file and field when no usable credentials are found
 */
export function resolveKubeConnection(env: Environment, options: KubeClientOptions = {}): KubeConnection {
  const saDir = options.serviceAccountDir ?? SA_DIR;
  const host = env.KUBERNETES_SERVICE_HOST;
  const port = env.KUBERNETES_SERVICE_PORT;
  const tokenFile = path.join(saDir, 'token');
  if (host && port && fs.existsSync(tokenFile)) {
    const caFile = path.join(saDir, 'ca.crt');
    return {
      server: `https://${host.includes(':') ? `[${host}]` : host}:${port}`,
      headers: { Authorization: `Bearer ${fs.readFileSync(tokenFile, 'utf8').trim()}` },
      ca: fs.existsSync(caFile) ? fs.readFileSync(caFile) : undefined,
      source: tokenFile,
    };
  }
  const file = options.kubeconfig ?? kubeconfigPath(env);
  if (!fs.existsSync(file)) {
    throw new PipelineFileError(file, 'no Kubernetes credentials: not in a Pod (KUBERNETES_SERVICE_HOST or the service-account token is missing) and no kubeconfig',
      'run inside Kratix, or point KUBECONFIG at a kubeconfig file');
  }
  return fromKubeconfig(file);
}

function kubeconfigPath(env: Environment): string {
  const list = (env.KUBECONFIG ?? '').split(path.delimiter).filter(p => p !== '');
  return list.find(p => fs.existsSync(p)) ?? list[0] ?? path.join(env.HOME ?? os.homedir(), '.kube', 'config');
}

function fromKubeconfig(file: string): KubeConnection {
  const fail = (field: string, problem: string, fix: string) => new PipelineFileError(file, `${field}: ${problem}`, fix);
  let config: any;
  try {
    config = yaml().parse(fs.readFileSync(file, 'utf8'));
  } catch (e: any) {
    throw fail('kubeconfig', `not YAML: ${String(e.message).split('\n')[0]}`, 'repair the file, or point KUBECONFIG at another');
  }
  const named = (list: string, name: string) => (Array.isArray(config?.[list]) ? config[list] : []).find((e: any) => e?.name === name);
  const contextName = config?.['current-context'];
  if (typeof contextName !== 'string' || contextName === '') throw fail('current-context', 'not set', 'run `kubectl config use-context <name>`');
  const context = named('contexts', contextName)?.context;
  if (!context) throw fail('contexts', `no context named ${JSON.stringify(contextName)}`, 'fix current-context or add the context');
  const cluster = named('clusters', context.cluster)?.cluster;
  if (typeof cluster?.server !== 'string') throw fail('clusters', `no cluster named ${JSON.stringify(context.cluster)} with a server`, 'fix the context\'s cluster');
  const user = named('users', context.user)?.user ?? {};
  const dir = path.dirname(file);
  const data = (inline: unknown, ref: unknown, field: string): Buffer | undefined => {
    if (typeof inline === 'string' && inline !== '') return Buffer.from(inline, 'base64');
    if (typeof ref === 'string' && ref !== '') {
      const p = path.resolve(dir, ref);
      if (!fs.existsSync(p)) throw fail(field, `file ${p} does not exist`, 'fix the path');
      return fs.readFileSync(p);
    }
    return undefined;
  };
  const headers: Record<string, string> = {};
  if (user.exec || user['auth-provider']) {
    throw fail(`users[${context.user}]`, 'uses an exec plugin or auth provider, which the pipeline SDK does not run',
      'use a kubeconfig with a token (`kubectl create token <service-account>`) or a client certificate');
  }
  const tokenFromFile = typeof user.tokenFile === 'string' ? fs.readFileSync(path.resolve(dir, user.tokenFile), 'utf8').trim() : undefined;
  const token = typeof user.token === 'string' && user.token !== '' ? user.token : tokenFromFile;
  if (token) headers.Authorization = `Bearer ${token}`;
  else if (typeof user.username === 'string') headers.Authorization = `Basic ${Buffer.from(`${user.username}:${user.password ?? ''}`).toString('base64')}`;
  return {
    server: cluster.server,
    headers,
    ca: data(cluster['certificate-authority-data'], cluster['certificate-authority'], 'certificate-authority'),
    cert: data(user['client-certificate-data'], user['client-certificate'], 'client-certificate'),
    key: data(user['client-key-data'], user['client-key'], 'client-key'),
    insecureSkipTlsVerify: cluster['insecure-skip-tls-verify'] === true,
    source: file,
  };
}

/** Where an object lives in the API. */
export interface ObjectRef {
  /** The API group (`""` for the core group). */
  readonly group: string;
  /** The API version. */
  readonly version: string;
  /** The resource's plural. */
  readonly plural: string;
  /** The object's name. */
  readonly name: string;
  /** The object's namespace (`""` when cluster scoped). */
  readonly namespace: string;
}

/** The API path of an object's status subresource. */
export function statusPath(ref: ObjectRef): string {
  const base = ref.group === '' ? `/api/${ref.version}` : `/apis/${ref.group}/${ref.version}`;
  const ns = ref.namespace === '' ? '' : `/namespaces/${encodeURIComponent(ref.namespace)}`;
  return `${base}${ns}/${ref.plural}/${encodeURIComponent(ref.name)}/status`;
}

/**
 * Sends a JSON merge patch (`application/merge-patch+json`) to `apiPath` and returns the object
 * the server answers with.
 *
 * @throws Error naming the URL, the HTTP status and the server's message, with a hint for 401/403/404
 */
export async function mergePatch(conn: KubeConnection, apiPath: string, body: unknown, timeoutMs = 30_000): Promise<unknown> {
  const url = new URL(conn.server.replace(/\/+$/, '') + apiPath);
  const payload = JSON.stringify(body);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const transport: typeof import('https') = url.protocol === 'http:' ? require('http') : require('https');
  const text = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = transport.request(url, {
      method: 'PATCH',
      headers: { ...conn.headers, 'Content-Type': 'application/merge-patch+json', 'Accept': 'application/json', 'Content-Length': Buffer.byteLength(payload) },
      ca: conn.ca,
      cert: conn.cert,
      key: conn.key,
      rejectUnauthorized: !conn.insecureSkipTlsVerify,
      timeout: timeoutMs,
    }, res => {
      const chunks: Buffer[] = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', e => reject(new Error(`PATCH ${url.href} failed: ${e.message} (credentials from ${conn.source})`)));
    req.end(payload);
  });
  let parsed: any;
  try {
    parsed = JSON.parse(text.body);
  } catch {
    parsed = undefined;
  }
  if (text.status < 200 || text.status >= 300) {
    const hint = text.status === 401 ? 'the credentials were refused; check the token or certificate'
      : text.status === 403 ? 'the pipeline\'s service account may not patch this status; grant it `patch` on the resource\'s `status` subresource'
        : text.status === 404 ? 'no such object or API; check KRATIX_OBJECT_GROUP, KRATIX_OBJECT_VERSION, KRATIX_CRD_PLURAL, KRATIX_OBJECT_NAME and KRATIX_OBJECT_NAMESPACE'
          : 'see the server\'s message';
    const message = typeof parsed?.message === 'string' ? parsed.message : text.body.slice(0, 500);
    throw new Error(`PATCH ${url.href} failed with HTTP ${text.status}: ${message}; ${hint}`);
  }
  return parsed;
}
