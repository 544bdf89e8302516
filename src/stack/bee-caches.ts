import type Hyperbee from 'hyperbee'

/**
 * Hyperbee's read caches (hyperbee 2.27.3 index.js: `_nodeCache`, decoded tree nodes, and
 * `_keyCache`, decoded keys, each a `Cache` over a rache and keyed by block number). Hyperbee has
 * no public way to drop them, trim them or hand them to another bee: it trims them itself only on
 * its core's `truncate` event (`_ontruncate`), and autobase's view sessions need not get one
 * (src/consensus/bee-cache.ts says why that matters and when these are called).
 */

interface BeeCache {
  clear (): void
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
