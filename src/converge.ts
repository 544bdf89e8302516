import { status } from './commands/status.js'
import type { DiscoNode } from './node.js'

/**
 * Wait until every node has the same ledger length, all of it signed, and the same view digest,
 * re-checking on each ledger update (and at least every half second, since a signature can land
 * without an update on every node). Used by the demo and the multi-node tests.
 */
export async function converge (nodes: DiscoNode[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const states = await Promise.all(nodes.map(async n => { const s = await status(n); return `${s.length}/${s.signedLength}/${s.digest ?? ''}` }))
    if (new Set(states).size === 1 && nodes[0]?.base.signedLength === nodes[0]?.base.length) return
    if (Date.now() > deadline) throw new Error(`the nodes did not converge in ${timeoutMs / 1000} s: ${states.join(' | ')}`)
    await Promise.race([
      ...nodes.map(n => new Promise(resolve => n.once('update', resolve))),
      new Promise(resolve => setTimeout(resolve, 500))
    ])
  }
}
