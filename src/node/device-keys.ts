import fs from 'node:fs/promises'
import path from 'node:path'
import b4a from 'b4a'
import { syncPath, writeSyncedFile } from './storage.js'

/**
 * A copy of this device's key material, kept beside the store's database: `device-keys.json` in
 * the storage folder (0600, like the rest of the folder's secrets).
 *
 * Why a copy: the storage engine's database holds both secrets — corestore's primary key (the
 * "seed" in hypercore-storage's head record, from which this device's key pair is derived) and
 * the ledger's encryption key (user data of this device's own log) — and a damaged table can take
 * them with it (a flipped byte in the table's first block makes the seed unreadable: the store
 * does not open). With this copy, `disco repair` rebuilds a store the engine refuses with the same
 * keys, so the device keeps its identity and its log (service/repair.ts). It exposes nothing the
 * folder did not hold already: anyone who reads the folder could read the database.
 *
 * Written once, when a node opens a store whose copy is missing or different; an atomic replace
 * (a temporary file synced, renamed, the folder synced), so a crash leaves the old copy or the new.
 */
export const DEVICE_KEYS_FILE = 'device-keys.json'

export interface DeviceKeys {
  /** the ledger's key */
  ledger: Uint8Array
  /** this device's own log (its writer key): derived from the primary key, a check on it */
  device: Uint8Array
  /** corestore's primary key: every key pair of this store derives from it */
  primaryKey: Uint8Array
  /** the ledger's encryption key (every block of every core) */
  encryptionKey: Uint8Array
}

export function deviceKeysPath (storage: string): string {
  return path.join(storage, DEVICE_KEYS_FILE)
}

const HEX32 = /^[0-9a-f]{64}$/

/** The copy, or null when there is none or it is not a whole, well-formed one. */
export async function readDeviceKeys (storage: string): Promise<DeviceKeys | null> {
  let parsed: unknown
  try {
    parsed = JSON.parse(await fs.readFile(deviceKeysPath(storage), 'utf8'))
  } catch {
    return null
  }
  const o = parsed as Record<string, unknown> | null
  if (o === null || typeof o !== 'object' || o.format !== 1) return null
  const fields = ['ledger', 'device', 'primaryKey', 'encryptionKey'] as const
  if (!fields.every(f => typeof o[f] === 'string' && HEX32.test(o[f]))) return null
  const hex = (f: typeof fields[number]): Uint8Array => b4a.from(o[f] as string, 'hex')
  return { ledger: hex('ledger'), device: hex('device'), primaryKey: hex('primaryKey'), encryptionKey: hex('encryptionKey') }
}

function sameKeys (a: DeviceKeys, b: DeviceKeys): boolean {
  return b4a.equals(a.ledger, b.ledger) && b4a.equals(a.device, b.device) &&
    b4a.equals(a.primaryKey, b.primaryKey) && b4a.equals(a.encryptionKey, b.encryptionKey)
}

/** Keep the copy of `keys`: writes only when the copy on disk is missing or says otherwise. */
export async function keepDeviceKeys (storage: string, keys: DeviceKeys): Promise<void> {
  const kept = await readDeviceKeys(storage)
  if (kept !== null && sameKeys(kept, keys)) return
  const file = deviceKeysPath(storage)
  const tmp = `${file}.${process.pid}.tmp`
  const text = JSON.stringify({
    format: 1,
    ledger: b4a.toString(keys.ledger, 'hex'),
    device: b4a.toString(keys.device, 'hex'),
    primaryKey: b4a.toString(keys.primaryKey, 'hex'),
    encryptionKey: b4a.toString(keys.encryptionKey, 'hex')
  }, null, 2) + '\n'
  await writeSyncedFile(tmp, text)
  await fs.rename(tmp, file)
  await syncPath(storage)
}
