import { DiscoError } from '../errors.js'
import { diskFull } from './storage.js'

/**
 * What a failure to open the store means, as the error a member can act on. The storage stack
 * (corestore → hypercore-storage → RocksDB) says:
 *
 * - a folder another process holds: hypercore-storage locks the folder's CORESTORE device file
 *   with fd-lock, which throws "File descriptor could not be locked"; RocksDB's own LOCK file says
 *   "While lock file: …/LOCK: Resource temporarily unavailable". Only those are STORE_BUSY: a
 *   damaged table says "block checksum mismatch", and a loose /lock/ match took that for a lock.
 * - a folder copied from elsewhere: the device file's own check ("moved unsafely", "device file").
 * - a full disk: ENOSPC.
 * - anything else from the storage engine (a damaged or missing table, manifest or log): the
 *   store cannot be read, STORE_CORRUPT, with the file and the engine's words. An error that is
 *   not the engine's (a fault in our code) is left as it is.
 */
const HELD_LOCK = [/^File descriptor could not be locked$/, /While lock file: .*\bLOCK\b.*(Resource temporarily unavailable|EAGAIN|EWOULDBLOCK)/i]

export function isHeldLock (message: string): boolean {
  return HELD_LOCK.some(re => re.test(message))
}

/** The store's file a storage engine message names (a table, a blob, a log, the manifest), or null. */
export function fileNamed (message: string): string | null {
  const m = /(\/[^\s:,]*\/)?([^\s/:,]+\.(?:sst|blob|log)|MANIFEST-\d+|CURRENT|OPTIONS-\d+)\b/.exec(message)
  return m === null ? null : (m[1] ?? '') + (m[2] as string)
}

export function openError (err: unknown, storage: string): unknown {
  if (err instanceof DiscoError) return err
  const message = String((err as Error)?.message ?? err)
  const code = (err as NodeJS.ErrnoException | null)?.code
  if (isHeldLock(message)) return DiscoError.storeBusy(storage)
  if (/device file|moved unsafely/i.test(message)) return DiscoError.storeCopied(storage)
  if (code === 'ENOSPC' || diskFull(storage)) return DiscoError.diskFull(storage)
  if (code === 'EACCES' || code === 'EPERM') {
    return new DiscoError('STORE_DENIED', `cannot open the store in ${storage}: permission denied (run disco as the user who owns the folder)`, 'state')
  }
  if (fromStorageEngine(message, code)) return DiscoError.storeCorrupt(storage, fileNamed(message), message)
  return err // not the store's: a fault of ours keeps its stack
}

/** RocksDB's errors carry an errno name (EIO for corruption), or name what it could not read. */
function fromStorageEngine (message: string, code: unknown): boolean {
  return (typeof code === 'string' && /^E[A-Z0-9]+$/.test(code)) ||
    /corrupt|checksum mismatch|IO error|\.sst\b|\.blob\b|MANIFEST-\d+|CURRENT\b/i.test(message)
}

/**
 * A failure anywhere in opening the node that is the storage engine reporting damage (a checksum
 * mismatch, a table or manifest named), as STORE_CORRUPT; anything else as it is. Narrower than
 * `openError`, for the steps after the store opened, where an errno (a network one) is not damage:
 * a damaged block may first be read by any of them (this device's own log, before autobase opens).
 */
export function damageError (err: unknown, storage: string): unknown {
  if (err instanceof DiscoError) return err
  const message = String((err as Error)?.message ?? err)
  if (!/corrupt|checksum mismatch/i.test(message) && fileNamed(message) === null) return err
  return DiscoError.storeCorrupt(storage, fileNamed(message), message)
}
