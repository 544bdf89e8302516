/**
 * Apply's steps return their result now when the batch holds what they read, and a promise only
 * when one must read the store (ViewTx.held, ViewTx.read). An async step (an `await`, an async
 * function's promise) costs more than most of an op's checks and sums, and a bulk import's op reads
 * nothing its block's first op did not read already (bench P1): so the common path waits for
 * nothing, and the rare one waits where it must, in the same order.
 */
export type NowOrLater<T> = T | Promise<T>

/**
 * `next` of `value`: called at once when the value is there, after it when it is a promise. A
 * throw in `next` is thrown (now) or rejects (later), as an `await` in an async function would.
 */
export function andThen<T, U> (value: NowOrLater<T>, next: (value: T) => NowOrLater<U>): NowOrLater<U> {
  return value instanceof Promise ? value.then(next) : next(value)
}
