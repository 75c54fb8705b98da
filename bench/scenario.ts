/**
 * Runs ONE benchmark scenario once in this (fresh) process and prints its peak RSS as JSON on the
 * last line, for bench/run.ts: `node -r ts-node/register/transpile-only bench/scenario.ts <name> [arg]`.
 * Floors read their input objects from a JSON file written by the parent, so that building the
 * library's objects is not charged to them.
 */
import * as fs from 'fs';
import { apiObjectsYaml, benchApp, jsonText } from './common';
import { fixtures, importAndSynth, largestFixture } from './import';
import { peerYaml } from './peer';
import { renderAll, renderPromise, renderRequests } from './render';

const [name, arg] = process.argv.slice(2);
const readObjects = () => JSON.parse(fs.readFileSync(arg, 'utf8'));

const scenarios: Record<string, () => unknown> = {
  'baseline': () => 'loaded the modules only',
  'synth': () => benchApp(Number(arg)).synthYaml(),
  'render': () => renderAll(renderPromise(), renderRequests(Number(arg))),
  'apiobject-floor': () => apiObjectsYaml(readObjects()),
  'json-floor': () => jsonText(readObjects()),
  'peer': () => peerYaml(readObjects()),
  'import-largest': () => importAndSynth([largestFixture()]),
  'import-all': () => importAndSynth(fixtures().filter(f => !arg.split(',').includes(f.name))),
};

const run = scenarios[name];
if (!run) throw new Error(`unknown scenario ${name}; one of ${Object.keys(scenarios).join(', ')}`);
const out = run();
if (out === undefined) throw new Error(`scenario ${name} returned nothing`);
console.log(JSON.stringify({ scenario: name, arg, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
