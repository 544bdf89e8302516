import { getDigest } from './consensus/queries.js'
import type { DiscoNode } from './node.js'

/**
 * Wait until every node holds the same ledger (length and view digest) and the indexers have
 * signed every change to the view. The view's signed length is the measure, not the system core's:
 * the indexers' last acknowledgements are blocks of their own that nothing signs after them, so the
 * system core stays a few blocks short of fully signed while every entry is.
 * Re-checks on each ledger update, and at least every half second (a signature can land on a node
 * without an update).
 */
export async function converge (nodes: DiscoNode[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    // a read can wait on a view block not downloaded yet (after a fast-forward): never past the deadline
    const states = await beforeDeadline(Promise.all(nodes.map(async n => `${n.base.length}/${n.view.core.length}/${await digestOf(n)}`)), deadline, timeoutMs)
    const signed = nodes.every(n => n.view.core.signedLength === n.view.core.length)
    if (new Set(states).size === 1 && signed) return
    if (Date.now() > deadline) {
      const detail = nodes.map((n, i) => `${states[i] ?? ''} signed ${n.view.core.signedLength}`).join(' | ')
      throw new Error(`the nodes did not converge in ${timeoutMs / 1000} s: ${detail}`)
    }
    await Promise.race([
      ...nodes.map(async n => await new Promise(resolve => n.once('update', resolve))),
      new Promise(resolve => setTimeout(resolve, 500))
    ])
  }
}

async function beforeDeadline<T> (work: Promise<T>, deadline: number, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the nodes did not converge in ${timeoutMs / 1000} s: a read of the view did not return`)), Math.max(0, deadline - Date.now()))
  })
  try {
    return await Promise.race([work, late])
  } finally {
    clearTimeout(timer)
  }
}

async function digestOf (node: DiscoNode): Promise<string> {
  const snap = node.snapshot()
  try { return await getDigest(snap) ?? '' } finally { await snap.close() }
}
