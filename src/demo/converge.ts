import { HEAD_KEY } from '../consensus/view-layout.js'
import { headDigest } from '../consensus/view-head.js'
import type { DiscoNode } from '../node/node.js'

/**
 * Wait until every node holds the same view (length and digest) and the indexers have signed every
 * change to it. The view's signed length is the measure, not the system core's: the indexers' last
 * acknowledgements are system blocks that nothing signs after them, and a node may hold a few
 * unlinearised acknowledgements of its own, so system lengths differ while the ledgers agree.
 * Re-checks on each ledger update, and at least every half second (a signature can land on a node
 * without an update).
 */
export async function converge (nodes: DiscoNode[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let last = ''
  for (;;) {
    // ask each base to fetch what its peers have: a node that reconnects after writing offline
    // is otherwise noticed only when its peers hear of a new block
    await Promise.all(nodes.map(async n => await n.base.update().catch(() => {})))
    const states = await Promise.all(nodes.map(async n => `${n.view.core.length}/${await digestOf(n) ?? 'pending'}`))
    last = nodes.map((n, i) => `${states[i] ?? ''} signed ${n.view.core.signedLength}, ${n.peers} peers, system ${n.base.length}`).join(' | ')
    const signed = nodes.every(n => n.view.core.signedLength === n.view.core.length)
    if (new Set(states).size === 1 && !states[0]?.endsWith('pending') && signed) return
    if (Date.now() > deadline) throw new Error(`the nodes did not converge in ${timeoutMs / 1000} s: ${last}`)
    await nextUpdate(nodes, 500)
  }
}

/** The digest as this node has it now; null while the block holding it is still on its way
 * (after a fast-forward a node may not have every view block yet): never wait on the network here. */
async function digestOf (node: DiscoNode): Promise<string | null> {
  const snap = node.snapshot()
  try {
    const got = await snap.get(HEAD_KEY, { wait: false })
    return headDigest(got === null ? null : got.value)
  } catch {
    return null
  } finally {
    await snap.close()
  }
}

async function nextUpdate (nodes: DiscoNode[], ms: number): Promise<void> {
  await new Promise<void>(resolve => {
    const done = (): void => {
      clearTimeout(timer)
      for (const n of nodes) n.off('update', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    for (const n of nodes) n.on('update', done)
  })
}
