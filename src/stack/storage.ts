import type Corestore from 'corestore'

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
