import b4a from 'b4a'
import type Hyperbee from 'hyperbee'

/** The read caches hyperbee 2 keeps per bee, keyed by block number (private fields). */
interface BeeCaches {
  _nodeCache?: { keys: { size: number } } | null
  _keyCache?: { keys: { size: number } } | null
}

/**
 * The most cached entries (decoded tree nodes and keys) one snapshot hands to the next: a node
 * that runs for weeks keeps at most this many, a few MB, instead of growing to hyperbee's 65,536.
 */
const MAX_INHERITED = 16_384

/**
 * Let a new read snapshot of the view start with the caches of the one before it (DiscoNode.snapshot),
 * so that the first query after the ledger changed reads from storage only the tree nodes that
 * changed (bench P5: the first page of entries after a change).
 *
 * Hyperbee keys its caches by block number, and autobase may have truncated the view and written
 * other blocks at the same numbers since (a reorder): so the caches pass on only when the view still
 * holds, byte for byte, the blocks the old snapshot could read — its tree hash at the old snapshot's
 * length is the same in the new one (Merkle). Anything else, or any error, leaves the new snapshot
 * with its own empty caches, as before. Never rejects.
 */
export async function inheritCachedNodes (from: Hyperbee, to: Hyperbee): Promise<void> {
  try {
    await to.ready()
    const old = from as unknown as BeeCaches
    const next = to as unknown as BeeCaches
    if (old._nodeCache == null || old._keyCache == null || next._nodeCache == null) return
    if (old._nodeCache.keys.size + old._keyCache.keys.size > MAX_INHERITED) return
    const length = from.core.length
    if (to.core.length < length || !b4a.equals(from.core.key, to.core.key)) return
    const [before, now] = await Promise.all([from.core.treeHash(length), to.core.treeHash(length)])
    if (!b4a.equals(before, now)) return
    next._nodeCache = old._nodeCache
    next._keyCache = old._keyCache
  } catch {
    // the new snapshot keeps its own empty caches: slower, never wrong
  }
}
