import { App } from 'cdk8s';
import { AppAsAServiceChart } from './app-as-a-service';
import { EnvPromiseChart } from './env-promise';

const app = new App({ outdir: `${__dirname}/../dist` });
new EnvPromiseChart(app, 'env');
new AppAsAServiceChart(app, 'app-as-a-service');
app.synth();
