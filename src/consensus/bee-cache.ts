import b4a from 'b4a'
import type Hypercore from 'hypercore'
import type Hyperbee from 'hyperbee'
import { beeCacheEntries, dropBeeCaches, dropBeeCachesFrom, shareBeeCaches } from '../stack/bee-caches.js'
import { storedTreeHash } from '../stack/core-proofs.js'

// The read caches hyperbee keeps per bee, keyed by block number, are private fields: the fence
// (src/stack/bee-caches.ts) reaches them. This file decides when they may be kept.

/** What the view held when an apply ended: its core, its length, and the Merkle tree hash there. */
interface Checkpoint {
  key: Uint8Array
  length: number
  hash: Uint8Array
}

/**
 * The last checkpoints of a bee, oldest first, kept with the bee itself: several nodes run in one
 * process (the tests). Autobase opens a new bee for each of its apply states, so the bee's core
 * never changes under a checkpoint: a fast-forward or a view moved to new indexers (autobase's
 * _moveTo) closes the apply state first, and the bee that follows starts without one. The key is
 * compared all the same.
 */
const checkpoints = new WeakMap<Hyperbee, Checkpoint[]>()

/**
 * How many checkpoints a bee keeps. A reorder truncates the view back past the last few applies
 * (those that took in blocks the new order puts later): with the checkpoints of the applies before
 * them, what was read below the truncation stays cached. Each costs one tree hash when tried.
 */
const KEPT_CHECKPOINTS = 8

/**
 * Keep the view bee's cached tree nodes only where the view still holds the blocks they came
 * from; apply calls this before it reads the view, and `checkpointCachedNodes` once it has written.
 *
 * When autobase reorders the ledger it truncates the view and applies again. Hyperbee keys its
 * caches by block number and forgets stale entries only on a `truncate` event of its core, and the
 * session autobase gives the bee need not get one: it is a session of an atom batch on the view's
 * `batch` branch, and a truncation of the branch beneath it reaches it with no event, leaves it
 * reporting its old length, and lets it read the blocks written since at the same numbers
 * (test/reorg-cache.test.ts shows this on hypercore 11.37.1). Stale tree nodes read that way once
 * made a node that had reconnected after writing offline diverge from its peers (about one
 * reconnect in eight in a stressed run of the demo's scenario). The length cannot tell, as it
 * need not change; so apply used to drop the caches before every batch, at a cost to bulk import.
 *
 * Now the check is by content. Every cached entry was read by an apply of this bee (queries read
 * `base.view`, another bee), or written by one (view-store.ts puts the blocks a write appended
 * into the cache), at a block number below the length that apply left. If the view's
 * tree hash at a checkpoint's length L is still the one recorded then, blocks 0..L-1 are the same
 * bytes (Merkle) and every entry below L is still right; entries at L or past it are dropped. The
 * checkpoints are tried longest first: after a reorder that truncated the view below the last one,
 * an older one still vouches for what lies below the truncation (bench P11: many writers reorder
 * often, and dropping every cache each time made each apply read the tree from storage again).
 * Nothing that vouches (no checkpoint, another core, a different hash, a root of the tree no
 * longer stored here, an error) drops the caches, as before. What apply computes never depends on the outcome,
 * only how much it reads from storage; this never throws and never waits for a peer.
 * Returns whether any cached entry was kept.
 */
export async function validateCachedNodes (bee: Hyperbee): Promise<boolean> {
  const kept = checkpoints.get(bee) ?? []
  checkpoints.delete(bee) // they vouch once: this apply will read and write more
  for (let i = kept.length - 1; i >= 0; i--) {
    const checkpoint = kept[i] as Checkpoint
    if (await stillHolds(bee.core, checkpoint)) {
      dropBeeCachesFrom(bee, checkpoint.length)
      // the older ones hold too (a prefix of what holds): they may vouch again after the next apply
      checkpoints.set(bee, kept.slice(0, i + 1))
      return true
    }
  }
  forgetCachedNodes(bee)
  return false
}

/**
 * Record what the view holds now that apply has flushed its writes. Without a checkpoint (a root
 * of the tree not stored here, an error) the next apply drops the caches.
 */
export async function checkpointCachedNodes (bee: Hyperbee): Promise<void> {
  const kept = checkpoints.get(bee) ?? []
  checkpoints.delete(bee)
  try {
    const core = bee.core
    const length = core.length
    const checkpoint = { key: core.key, length, hash: await storedTreeHash(core, length) }
    checkpoints.set(bee, [...kept.filter(c => c.length < length), checkpoint].slice(-KEPT_CHECKPOINTS))
  } catch {
    // no checkpoint
  }
}

/**
 * Whether the core is the one checkpointed and its first `length` blocks are unchanged: its tree
 * hash there, from the roots its storage holds (an atom session under autobase can report a
 * length whose last blocks its branch has lost: it heard of no truncation). A root not stored
 * there rejects, and so does not hold; nothing waits for a peer.
 */
async function stillHolds (core: Hypercore, checkpoint: Checkpoint): Promise<boolean> {
  try {
    if (core.length < checkpoint.length || !b4a.equals(core.key, checkpoint.key)) return false
    return b4a.equals(await storedTreeHash(core, checkpoint.length), checkpoint.hash)
  } catch {
    return false
  }
}

/** Drop every cached entry of the view bee. */
export function forgetCachedNodes (bee: Hyperbee): void {
  dropBeeCaches(bee)
}

/**
 * The most cached entries (decoded tree nodes and keys) one read snapshot hands to the next: a
 * node that runs for weeks keeps at most this many, a few MB, instead of growing to hyperbee's 65,536.
 */
const MAX_INHERITED = 16_384

/**
 * Let a new read snapshot of the view start with the caches of the one before it
 * (DiscoNode.snapshot), so that the first query after the ledger changed reads from storage only
 * the tree nodes that changed (bench P5: the first page of entries after a change).
 *
 * The same hazard as in apply: autobase may have truncated the view and written other blocks at
 * the same numbers since (a reorder). So the caches pass on only when the new snapshot still holds,
 * byte for byte, every block the old one could read: its tree hash at the old snapshot's length is
 * the one the old snapshot has. Anything else, or any error, leaves the new snapshot with its own
 * empty caches. Never rejects.
 */
export async function inheritCachedNodes (from: Hyperbee, to: Hyperbee): Promise<void> {
  try {
    await to.ready()
    const entries = beeCacheEntries(from)
    if (entries === null || beeCacheEntries(to) === null || entries > MAX_INHERITED) return
    const length = from.core.length
    const checkpoint = { key: from.core.key, length, hash: await storedTreeHash(from.core, length) }
    if (!(await stillHolds(to.core, checkpoint))) return
    shareBeeCaches(from, to)
  } catch {
    // the new snapshot keeps its own empty caches: slower, never wrong
  }
}
