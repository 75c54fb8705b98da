import { isMap } from './problem';


/**
 * Which input document a rendering error is about.
 */
export type RenderInput = 'promise' | 'request' | 'settings';

/**
 * Bad input to the renderer: names the input document, the field path and the offending value.
 */
export class RenderError extends Error {
  /**
   * @param input the document the field belongs to
   * @param path the field path, e.g. `spec.workflows.promise.configure[0].metadata.name`
   * @param problem what is wrong, quoting the offending value
   */
  constructor(public readonly input: RenderInput, public readonly path: string, public readonly problem: string) {
    super(`${input} ${path}: ${problem}`);
    this.name = 'RenderError';
  }
}

/** `isMap`, typed for reading any field. */
export function isObject(value: unknown): value is Record<string, any> {
  return isMap(value);
}
