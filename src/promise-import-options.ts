/**
 * Something in an imported Promise that Kratix would ignore or that the library could only keep
 * as it was, such as a second delete pipeline or a pipeline's `metadata.namespace`.
 */
export interface PromiseImportWarning {
  /** Where, as a path from the top of the Promise document, e.g. `spec.workflows.resource.delete[1]`. */
  readonly path: string;
  /** What Kratix does with it, quoting the value, and how to fix it. */
  readonly message: string;
}

/**
 * Receives the warnings of `KratixPromise.fromYaml()` and `KratixPromise.fromObject()`.
 */
export interface IPromiseImportWarningHandler {
  /**
   * Called once per warning, in document order.
   *
   * @param warning the warning
   */
  onWarning(warning: PromiseImportWarning): void;
}

/**
 * Options of `KratixPromise.fromYaml()` and `KratixPromise.fromObject()`.
 */
export interface PromiseImportOptions {
  /**
   * Keep pipeline fields that Kratix does not know (and would reject), reporting each as a
   * warning instead of failing.
   *
   * @default false
   */
  readonly lenient?: boolean;
  /**
   * Receives each warning. Warnings are also recorded on the construct as node metadata of type
   * `cdk8s-kratix:import-warning`.
   *
   * @default - warnings are only recorded on the construct
   */
  readonly warningHandler?: IPromiseImportWarningHandler;
}
