const cachesOf = (bee) => bee;
/** Drop every cached entry of the bee. */
export function dropBeeCaches(bee) {
    const caches = cachesOf(bee);
    caches._nodeCache?.clear();
    caches._keyCache?.clear();
}
/** Drop the cached entries at block numbers from `length` on (all of them when the cache cannot
 * trim: an older hyperbee). */
export function dropBeeCachesFrom(bee, length) {
    const caches = cachesOf(bee);
    for (const cache of [caches._nodeCache, caches._keyCache]) {
        if (cache === null || cache === undefined)
            continue;
        if (cache.gc !== undefined)
            cache.gc(length);
        else
            cache.clear();
    }
}
/** How many entries (tree nodes and keys) the bee's caches hold; null before it is ready. */
export function beeCacheEntries(bee) {
    const caches = cachesOf(bee);
    if (caches._nodeCache == null || caches._keyCache == null)
        return null;
    return caches._nodeCache.keys.size + caches._keyCache.keys.size;
}
/**
 * Make `to` read through the caches `from` filled, so that it reads from storage only what `from`
 * has not read. The caller vouches that `to` holds, byte for byte, every block `from` could read.
 * Returns whether the caches were handed over (both bees ready).
 */
export function shareBeeCaches(from, to) {
    const old = cachesOf(from);
    const next = cachesOf(to);
    if (old._nodeCache == null || old._keyCache == null || next._nodeCache == null)
        return false;
    next._nodeCache = old._nodeCache;
    next._keyCache = old._keyCache;
    return true;
}
//# sourceMappingURL=bee-caches.js.map