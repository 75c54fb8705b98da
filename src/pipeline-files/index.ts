/*
 * Kratix's rules for the files a pipeline leaves in /kratix/metadata, shared by the pipeline SDK
 * (checks on write and read) and the local runner (which reads them as Kratix does). Free of
 * cdk8s and constructs; the `yaml` package is loaded on first use.
 */
export * from './errors';
export * from './destination-selectors';
export * from './status';
export * from './workflow-control';
export { parseYaml11, stringifyYaml11 } from './yaml-1-1';
export type { ParseYaml11Options } from './yaml-1-1';
