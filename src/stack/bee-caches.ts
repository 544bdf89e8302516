import b4a from 'b4a'
import type Hyperbee from 'hyperbee'
import type { BeeBatch } from 'hyperbee'
import { Node } from 'hyperbee/lib/messages.js'

/**
 * Hyperbee's read caches (hyperbee 2.27.3 index.js: `_nodeCache`, decoded tree nodes, and
 * `_keyCache`, decoded keys, each a `Cache` over a rache and keyed by block number). Hyperbee has
 * no public way to drop them, trim them or hand them to another bee: it trims them itself only on
 * its core's `truncate` event (`_ontruncate`), and autobase's view sessions need not get one
 * (src/consensus/bee-cache.ts says why that matters and when these are called).
 */

interface BeeCache {
  clear (): void
  set (seq: number, entry: CachedNode): void
  /** the entries (a rache) */
  keys: { size: number }
  /** forget every entry at or past this block number (what hyperbee does on a `truncate` event) */
  gc?: (length: number) => void
}

interface BeeCaches {
  _nodeCache?: BeeCache | null
  _keyCache?: BeeCache | null
}

const cachesOf = (bee: Hyperbee): BeeCaches => bee as unknown as BeeCaches

/** A decoded block as `_nodeCache` holds it (hyperbee's `copyEntry`: the block's three fields). */
interface CachedNode {
  key: Uint8Array
  value: Uint8Array | null
  index: Uint8Array | null
  inflated: null
}

/** A batch's internals (hyperbee 2.27.3 `Batch`): its core, and the blocks `flush` appends. */
interface BatchInternals {
  core: { length: number }
  length: number
  /** encodes the batch's pending blocks once; `flush` appends exactly these (`appending`) */
  toBlocks (): Uint8Array[]
}

/** The last blocks a batch will append when flushed (copies), and the block number of the first. */
export interface PendingBlocks {
  first: number
  blocks: Uint8Array[]
}

/**
 * The last `max` blocks a batch's `flush` will append, read before it is called: copies of the
 * bytes hyperbee encoded (hypercore may encrypt an appended block in place, and a small buffer
 * from Node's pool would keep the pool's 8 KB alive), with the number the first of them will get.
 * Null for a batch with nothing to write.
 */
export function pendingBlocks (batch: BeeBatch, max: number): PendingBlocks | null {
  const internals = batch as unknown as BatchInternals
  if (internals.length === 0 || typeof internals.toBlocks !== 'function') return null
  const all = internals.toBlocks()
  const from = Math.max(0, all.length - max)
  const blocks = all.slice(from).map(bytes => {
    const own = b4a.allocUnsafeSlow(bytes.byteLength)
    own.set(bytes)
    return own
  })
  return { first: internals.core.length + from, blocks }
}

/**
 * Put blocks a batch just appended into the bee's node cache, decoded as a read of them would be.
 * A bee writes each tree node a put changed, from the leaf up to the root, into that put's block,
 * so every read of the next batch starts with blocks this one wrote, and would read them back
 * from storage. Call only after the flush succeeded: the core then holds exactly these bytes at
 * these numbers.
 */
export function warmBeeCaches (bee: Hyperbee, pending: PendingBlocks): void {
  const cache = cachesOf(bee)._nodeCache
  if (cache === null || cache === undefined) return
  pending.blocks.forEach((bytes, i) => {
    const { key, value, index } = Node.decode(bytes)
    cache.set(pending.first + i, { key, value, index, inflated: null })
  })
}

/** Drop every cached entry of the bee. */
export function dropBeeCaches (bee: Hyperbee): void {
  const caches = cachesOf(bee)
  caches._nodeCache?.clear()
  caches._keyCache?.clear()
}

/** Drop the cached entries at block numbers from `length` on (all of them when the cache cannot
 * trim: an older hyperbee). */
export function dropBeeCachesFrom (bee: Hyperbee, length: number): void {
  const caches = cachesOf(bee)
  for (const cache of [caches._nodeCache, caches._keyCache]) {
    if (cache === null || cache === undefined) continue
    if (cache.gc !== undefined) cache.gc(length)
    else cache.clear()
  }
}

/** How many entries (tree nodes and keys) the bee's caches hold; null before it is ready. */
export function beeCacheEntries (bee: Hyperbee): number | null {
  const caches = cachesOf(bee)
  if (caches._nodeCache == null || caches._keyCache == null) return null
  return caches._nodeCache.keys.size + caches._keyCache.keys.size
}

/**
 * Make `to` read through the caches `from` filled, so that it reads from storage only what `from`
 * has not read. The caller vouches that `to` holds, byte for byte, every block `from` could read.
 * Returns whether the caches were handed over (both bees ready).
 */
export function shareBeeCaches (from: Hyperbee, to: Hyperbee): boolean {
  const old = cachesOf(from)
  const next = cachesOf(to)
  if (old._nodeCache == null || old._keyCache == null || next._nodeCache == null) return false
  next._nodeCache = old._nodeCache
  next._keyCache = old._keyCache
  return true
}
