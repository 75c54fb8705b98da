/**
 * Identity of the library's classes across installed copies of the package: each class marks its
 * objects with a `Symbol.for` key, as cdk8s-core does (`Chart.isChart`), because `instanceof`
 * fails for an object made by another copy. The keys live here, below the constructs, so that a
 * construct can recognise another without importing it.
 */

/** The marker of `KratixPromise` objects. */
export const KRATIX_PROMISE = Symbol.for('cdk8s-kratix.KratixPromise');
/** The marker of `PromiseWorkflow` objects. */
export const PROMISE_WORKFLOW = Symbol.for('cdk8s-kratix.PromiseWorkflow');
/** The marker of `Pipeline` objects. */
export const PIPELINE = Symbol.for('cdk8s-kratix.Pipeline');

/** Marks `obj` as an object of the class that `marker` names. */
export function mark(obj: object, marker: symbol): void {
  Object.defineProperty(obj, marker, { value: true });
}

/** Whether `x` carries `marker`: an object of its class, from any copy of the package. */
export function isMarked(x: unknown, marker: symbol): boolean {
  return x !== null && typeof x === 'object' && (x as any)[marker] === true;
}
