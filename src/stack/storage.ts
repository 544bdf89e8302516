import type Corestore from 'corestore'
import Hypercore from 'hypercore'
import type { HypercoreStorage } from 'hypercore'

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
