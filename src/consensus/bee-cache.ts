import type Hyperbee from 'hyperbee'

/** The read caches hyperbee 2 keeps per bee (private fields: see forgetCachedNodes). */
interface BeeCaches {
  _nodeCache?: { clear: () => void } | null
  _keyCache?: { clear: () => void } | null
}

/**
 * Drop the view bee's cached tree nodes; apply calls this before it reads the view.
 *
 * When autobase reorders the ledger it truncates the view and applies again. Hyperbee keys its node
 * cache by block number and forgets stale entries only on a `truncate` event of its core, which the
 * autobase view session does not reliably give it; blocks written again at the same numbers were
 * then read as they were before. A node that had been offline and reconnected computed a balance
 * from a stale tree node and diverged from its peers: about one reconnect in eight in a stress run
 * of the demo's scenario, none in 21 runs with this. Dropping the cache only when the view got
 * shorter since the last apply was not enough (1 in 21 still diverged: autobase can also rebuild
 * the view without calling apply), so it is dropped on every apply. Reads within one apply batch
 * still go through ViewTx's cache; bulk import pays about a third of its speed for this.
 */
export function forgetCachedNodes (bee: Hyperbee): void {
  const caches = bee as unknown as BeeCaches
  caches._nodeCache?.clear()
  caches._keyCache?.clear()
}
