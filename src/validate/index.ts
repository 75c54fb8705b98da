export * from './problem';
export * from './names';
export * from './go-duration';
export { decodeStrictly, goDecode, goTypeName, isRequiredFieldProblem } from './go-decode';
export type { DecodeOptions } from './go-decode';
export * from './pipeline-problems';
export * from './promise-schema';
export * from './promise-problems';
export * from './validate-document';
