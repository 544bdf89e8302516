import type Corestore from 'corestore'
import Hypercore from 'hypercore'
import type { HypercoreStorage } from 'hypercore'
import Rache from 'rache'

/**
 * Move what the storage engine holds in its write-ahead log into its table files now
 * (RocksDB's flush of its write buffer). Corestore 7.12.5 runs on hypercore-storage 3.3.1, whose
 * RocksDB handle is `store.storage.db`; neither package exposes a flush (`store.suspend()` stops
 * the database until `resume()`, for an app sent to the background: nothing is written meanwhile). Why the node wants it: DiscoNode closes
 * with it (src/node/node.ts `compactLog`). Rejects as RocksDB does (a full disk, a closed store).
 */
export async function flushStorageLog (store: Corestore): Promise<void> {
  const storage = (store as unknown as { storage: { db: { flush (): Promise<void> } } }).storage
  await storage.db.flush()
}

/**
 * RocksDB's write buffer (its memtable) for a node's store. hypercore-storage 3.3.1 asks for
 * 64 MB, and RocksDB keeps up to two of them (one being flushed): up to 128 MB resident outside
 * the JS heap while a node imports, whatever the size of the import, on a Raspberry Pi with 1 GB.
 * 16 MB bounds that to 32 MB; RocksDB flushes to its table files four times as often, which a
 * bulk import shows and a member's command does not (bench P1, P12–P14).
 */
export const STORE_WRITE_BUFFER_BYTES = 16 * 2 ** 20

/**
 * The storage of a node's corestore, with RocksDB's write buffer bounded. Corestore 7.12.5 hands
 * its storage only a few options (id, allowBackup, readOnly, wait, treeCache), none of them
 * RocksDB's; given a storage made here (hypercore's public `Hypercore.defaultStorage`, which
 * passes its options to hypercore-storage and on to RocksDB's column family), it uses that.
 */
export function boundedStorage (dir: string): HypercoreStorage {
  return Hypercore.defaultStorage(dir, { writeBufferSize: STORE_WRITE_BUFFER_BYTES })
}

/**
 * How many decoded tree nodes and keys the hyperbees of a node's store keep cached, all together.
 * Without a `globalCache`, hyperbee 2.27.3 gives each bee its own rache of up to 65,536 entries
 * (with the block buffers they point into), and a bulk import's peak RSS grew with the ledger
 * until that filled. Bench, 2026-12-06, a quiet 2-core machine (load 1.3–2), one process each:
 *   - importing 1,000,000 ops, two runs each: peak RSS 524 / 527 MB unbounded at 9,906 / 10,808
 *     ops/s, 323 / 312 MB with 8,192 entries at 10,766 / 11,307 ops/s (301 / 306 MB with 4,096, at
 *     10,723 / 11,041); raw autobase doing the same work: 511 MB unbounded, 355 MB bounded. The JS
 *     heap stayed at 30–65 MB bounded against 75–190 MB.
 *   - P1 (100,000 ops, interleaved with the raw stack): 0.70× / 0.69× of raw unbounded,
 *     0.76× / 0.72× bounded (disco 8,728 / 10,742 against 11,040 / 11,352 ops/s).
 * 8,192 rather than 4,096 (10–20 MB less): more of the view's tree stays cached for the applies
 * again after a reorder (many writers, bench P11). What is left of the RSS is outside the JS
 * heap (RocksDB's block cache and write buffers, malloc's arenas), and the raw stack's own
 * (docs/developer.md, "Performance", Memory).
 */
export const NODE_CACHE_ENTRIES = 8192

/**
 * One cache for every hyperbee on a node's store (corestore 7.12.5's `globalCache`, handed to
 * every core it opens; hyperbee makes its key and node caches from it, `_open`). Rache (hyperbee's
 * own cache) evicts a random entry once the shared count is reached.
 */
export function boundedNodeCache (): Rache {
  return new Rache({ maxSize: NODE_CACHE_ENTRIES })
}
