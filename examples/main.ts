import { App } from 'cdk8s';
import { EnvPromiseChart } from './env-promise';

const app = new App({ outdir: `${__dirname}/../dist` });
new EnvPromiseChart(app, 'env');
app.synth();
