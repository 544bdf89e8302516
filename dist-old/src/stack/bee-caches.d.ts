import type Hyperbee from 'hyperbee';
/** Drop every cached entry of the bee. */
export declare function dropBeeCaches(bee: Hyperbee): void;
/** Drop the cached entries at block numbers from `length` on (all of them when the cache cannot
 * trim: an older hyperbee). */
export declare function dropBeeCachesFrom(bee: Hyperbee, length: number): void;
/** How many entries (tree nodes and keys) the bee's caches hold; null before it is ready. */
export declare function beeCacheEntries(bee: Hyperbee): number | null;
/**
 * Make `to` read through the caches `from` filled, so that it reads from storage only what `from`
 * has not read. The caller vouches that `to` holds, byte for byte, every block `from` could read.
 * Returns whether the caches were handed over (both bees ready).
 */
export declare function shareBeeCaches(from: Hyperbee, to: Hyperbee): boolean;
