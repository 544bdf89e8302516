import fs from 'node:fs/promises'
import Corestore from 'corestore'
import b4a from 'b4a'
import { DiscoError } from '../errors.js'
import { boundedStorage } from '../stack/storage.js'
import { corestorePath } from './storage.js'
import type { DeviceKeys } from './device-keys.js'

/**
 * Replacing a store the storage engine refuses (STORE_CORRUPT) by a fresh one with the same keys,
 * for `disco repair` (service/repair.ts). The damaged store is moved aside, never deleted.
 */

/**
 * The device's keys read from a damaged store, for a folder that has no copy of them yet
 * (device-keys.ts): the database opened read-only (nothing in it changes), the primary key from
 * its head record and the encryption key from this device's own log. Null when the damage took
 * either: then they are lost with the store.
 */
export async function salvageDeviceKeys (dir: string, ledger: Uint8Array): Promise<DeviceKeys | null> {
  const store = new Corestore(dir, { readOnly: true })
  try {
    await store.ready()
    const local = store.get({ name: 'local', active: false })
    try {
      await local.ready()
      const encryptionKey = await local.getUserData('autobase/encryption')
      if (encryptionKey === null || encryptionKey.byteLength !== 32) return null
      return { ledger, device: b4a.from(local.key), primaryKey: b4a.from(store.primaryKey), encryptionKey: b4a.from(encryptionKey) }
    } finally {
      await local.close().catch(() => {})
    }
  } catch {
    return null
  } finally {
    await store.close().catch(() => {})
  }
}

/** where the damaged store goes: beside the live one, named by when it was moved */
export function damagedStorePath (storage: string, at: Date): string {
  return `${corestorePath(storage)}.damaged-${at.toISOString().replace(/[:.]/g, '-')}`
}

/**
 * Put a fresh store with the device's primary key in place of the damaged one, which is moved to
 * `aside` (null when there was none). The fresh store holds no block yet: only the seed, and this
 * device's own log opened once with its key pair (checked to be the device's), so that the node
 * that opens it next recovers that log from peers before it writes anything (log-tail.ts, with the
 * acknowledged length the damage did not touch). Made beside the live store first, so that a crash
 * before the swap leaves the damaged store where it was.
 */
export async function replaceStore (storage: string, keys: DeviceKeys, aside: string): Promise<string | null> {
  const live = corestorePath(storage)
  const seeding = `${live}.seeding`
  await fs.rm(seeding, { recursive: true, force: true }) // what an interrupted repair left
  const store = new Corestore(boundedStorage(seeding), { primaryKey: keys.primaryKey, unsafe: true })
  try {
    await store.ready()
    const local = store.get({ name: 'local', active: false })
    await local.ready()
    const derived = b4a.from(local.key)
    await local.close()
    if (!b4a.equals(derived, keys.device)) {
      throw DiscoError.storeNotRepairable(storage, `the kept primary key derives device ${b4a.toString(derived, 'hex').slice(0, 8)}, not this device's ${b4a.toString(keys.device, 'hex').slice(0, 8)}`)
    }
  } catch (err) {
    await store.close().catch(() => {})
    await fs.rm(seeding, { recursive: true, force: true })
    throw err
  }
  await store.close()
  const had = await fs.stat(live).then(() => true, () => false)
  if (had) await fs.rename(live, aside)
  await fs.rename(seeding, live)
  return had ? aside : null
}
