import { App } from 'cdk8s';

const app = new App({ outdir: `${__dirname}/../dist` });
app.synth();
