import { runAll, runPromise, runRequests } from './workflow-run';
async function main() {
  const p = runPromise();
  await runAll(p, runRequests(50));
  const t0 = Date.now();
  await runAll(p, runRequests(1500));
  console.log((Date.now() - t0) / 1500, 'ms per request');
}
void main();
