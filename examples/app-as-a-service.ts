import { Chart } from 'cdk8s';
import { ApiResource } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { KratixPromise, PromiseApi, WorkflowAction, WorkflowType } from '../src';

/** The pipeline image of the app Promise: runs examples/pipelines/app-as-a-service.ts with the step's name as its argument. */
export const APP_PIPELINE_IMAGE = 'ghcr.io/example/app-as-a-service-pipeline:v0.1.0';

/**
 * The Kratix marketplace's `app-as-a-service` compound Promise
 * (syntasso/kratix-marketplace app-as-a-service/promise.yaml), in TypeScript, with the two
 * Promises it requires defined beside it: `postgresql` and `nginx-ingress`.
 *
 * The app's own workloads (Deployment, Service, Ingress) go to a worker; its PostgreSQL request
 * goes to the platform cluster, where Kratix serves it with the `postgresql` Promise. The second
 * pipeline waits for that database as the Kratix compound-Promise guide does, with `retryAfter`.
 */
export class AppAsAServiceChart extends Chart {
  /** The PostgreSQL Promise (its API as marketplace.kratix.io/v1alpha2 `postgresql`). */
  public readonly postgresql: KratixPromise;
  /** The NGINX ingress Promise: installs the ingress controller the app's Ingress uses. */
  public readonly nginxIngress: KratixPromise;
  /** The compound `app` Promise. */
  public readonly app: KratixPromise;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.postgresql = new KratixPromise(this, 'postgresql', {
      version: 'v1.0.0-beta.3',
      api: PromiseApi.of({
        group: 'marketplace.kratix.io',
        kind: 'postgresql',
        versions: [{
          name: 'v1alpha2',
          openApiV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                properties: {
                  env: { type: 'string', pattern: '^(dev|prod)$', default: 'dev', description: 'dev or prod; prod databases get backups and more resources' },
                  teamId: { type: 'string', default: 'acid', description: 'Team ID; a superuser role of this name is created' },
                  dbName: { type: 'string', default: 'postgres', description: 'The database, owned by the team' },
                },
              },
            },
          },
        }],
      }),
    });
    this.postgresql.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'instance-configure', {
      containers: [{ name: 'postgresql-configure', image: 'ghcr.io/syntasso/promise-postgresql/postgresql-configure-pipeline:v0.2.0' }],
    });

    this.nginxIngress = new KratixPromise(this, 'nginx-ingress', { version: 'v1.0.0-beta.2' });
    this.nginxIngress.addPipeline(WorkflowType.PROMISE, WorkflowAction.CONFIGURE, 'nginx-configure', {
      containers: [{ name: 'nginx-configure-pipeline', image: 'ghcr.io/syntasso/kratix-marketplace/nginx-ingress-configure-pipeline:v0.2.0' }],
    });

    this.app = new KratixPromise(this, 'app', {
      version: 'v1.0.0-beta.1',
      api: PromiseApi.of({
        group: 'marketplace.kratix.io',
        kind: 'app',
        versions: [{
          name: 'v1',
          openApiV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                required: ['name', 'image'],
                properties: {
                  // The marketplace writes `regex:`, which is not a schema keyword; this is the DNS-1123 label it describes.
                  name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', maxLength: 63, description: 'Name for the application: lower case letters, digits and hyphens' },
                  image: { type: 'string', description: 'Container image of the application' },
                  dbDriver: { type: 'string', enum: ['postgresql', 'none'], default: 'none', description: 'The database deployed with the application' },
                  service: {
                    type: 'object',
                    default: {},
                    properties: { port: { type: 'integer', default: 8080, description: 'The port the application service is exposed on' } },
                  },
                },
              },
            },
          },
        }],
      }),
    });
    this.app.requires(this.postgresql);
    this.app.requires(this.nginxIngress);

    this.app.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'resource-configure', {
      containers: [
        { name: 'create-resources', image: APP_PIPELINE_IMAGE, args: ['create-resources'] },
        { name: 'database-configure', image: APP_PIPELINE_IMAGE, args: ['database-configure'] },
      ],
    });
    const wait = this.app.addPipeline(WorkflowType.RESOURCE, WorkflowAction.CONFIGURE, 'wait-for-database', {
      containers: [{ name: 'wait-for-database', image: APP_PIPELINE_IMAGE, args: ['wait-for-database'] }],
    });
    // The wait reads the PostgreSQL request (and its connection Secret) through the API.
    wait.rbac.allow(['get', 'list'], [this.postgresql.api!]);
    wait.rbac.allow(['get'], [ApiResource.SECRETS]);
  }
}
