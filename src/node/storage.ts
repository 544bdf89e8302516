import fs from 'node:fs/promises'
import fsSync from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DiscoError } from '../errors.js'
import { parseBootstrap } from '../net/bootstrap.js'

/**
 * The storage folder: `config.json` (which ledger this is) and `corestore/` (the member's cores,
 * their key pairs and the ledger's encryption key). Owner-only: the folder 0700, files 0600.
 */
export interface StorageConfig {
  format: 1
  /** the ledger's key (hex): what this node opens */
  ledger: string
  /** DHT nodes of a private network, `host:port[,host:port…]`: what `disco start` bootstraps from
   * when no --bootstrap is given (the public HyperDHT when absent) */
  bootstrap?: string
}

export function defaultStorage (env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_DATA_HOME
  const base = xdg !== undefined && xdg !== '' ? xdg : path.join(os.homedir(), '.local', 'share')
  return path.join(base, 'disco')
}

export function corestorePath (storage: string): string {
  return path.join(storage, 'corestore')
}

function configPath (storage: string): string {
  return path.join(storage, 'config.json')
}

/** Make the folder (owner-only, even if it existed with laxer modes). */
export async function prepareStorage (storage: string): Promise<void> {
  try {
    await fs.mkdir(storage, { recursive: true, mode: 0o700 })
  } catch (err) {
    throw await notAFolder(storage, err)
  }
  await fs.chmod(storage, 0o700)
}

/**
 * A storage path that is a file, or lies under one, fails deep in the file system as ENOTDIR or
 * EEXIST: find which file is in the way and say so. Any other error is returned as it is.
 */
async function notAFolder (storage: string, err: unknown): Promise<unknown> {
  const code = (err as NodeJS.ErrnoException).code
  if (code !== 'ENOTDIR' && code !== 'EEXIST') return err
  for (let p = path.resolve(storage); ; p = path.dirname(p)) {
    const stat = await fs.stat(p).catch(() => null)
    if (stat !== null) return stat.isDirectory() ? err : DiscoError.storageNotAFolder(storage, p === path.resolve(storage) ? storage : p)
    if (path.dirname(p) === p) return err
  }
}

/** Sync a file's content, or a folder's entries (a file created or renamed in a folder is on the disk only after this), to the disk. */
/**
 * Write `text` to `file` (a new file, 0600: `flags` 'w', or 'wx' to fail if it exists) and sync it
 * before it is closed: the first half of an atomic replace, whose caller then renames or links it
 * into place (a rename can reach the disk before the data it names).
 */
export async function writeSyncedFile (file: string, text: string, flags: 'w' | 'wx' = 'w'): Promise<void> {
  const handle = await fs.open(file, flags, 0o600)
  try {
    await handle.writeFile(text)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export async function syncPath (p: string): Promise<void> {
  const handle = await fs.open(p, 'r')
  try { await handle.sync() } finally { await handle.close() }
}

/** Whether the disk holding the storage folder is (all but) full: under 1 MiB left. */
export function diskFull (storage: string): boolean {
  try {
    const fsStats = fsSync.statfsSync(storage)
    return fsStats.bavail * fsStats.bsize < 1024 * 1024
  } catch {
    return false
  }
}

export async function hasConfig (storage: string): Promise<boolean> {
  try {
    await fs.access(configPath(storage))
    return true
  } catch {
    return false
  }
}

export async function readConfig (storage: string): Promise<StorageConfig> {
  const file = configPath(storage)
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw DiscoError.notInitialised(storage)
    if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') throw await notAFolder(storage, err)
    throw DiscoError.badConfig(file, (err as Error).message)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw DiscoError.badConfig(file, 'not valid JSON')
  }
  const config = parsed as Partial<StorageConfig> | null
  if (config === null || typeof config !== 'object' || config.format !== 1) {
    throw DiscoError.badConfig(file, 'unknown format (expected "format": 1)')
  }
  if (typeof config.ledger !== 'string' || !/^[0-9a-f]{64}$/.test(config.ledger)) {
    throw DiscoError.badConfig(file, '"ledger" must be a 64-character hex key')
  }
  const out: StorageConfig = { format: 1, ledger: config.ledger }
  if (config.bootstrap !== undefined) {
    if (typeof config.bootstrap !== 'string') throw DiscoError.badConfig(file, '"bootstrap" must be a string of host:port[,host:port…]')
    try {
      parseBootstrap(config.bootstrap)
    } catch (err) {
      throw DiscoError.badConfig(file, `"bootstrap": ${(err as Error).message}`)
    }
    out.bootstrap = config.bootstrap
  }
  return out
}

/** Written to a temporary file, synced and renamed, so a crash or a power cut leaves the old file or the new, never half. */
export async function writeConfig (storage: string, config: StorageConfig): Promise<void> {
  const file = configPath(storage)
  const tmp = `${file}.${process.pid}.tmp`
  // synced before the rename: a rename can reach the disk before the data it names, and a power
  // cut then leaves an empty config.json (BAD_CONFIG) where the old or the new one should be
  await writeSyncedFile(tmp, JSON.stringify(config, null, 2) + '\n')
  await fs.rename(tmp, file)
  // the config is written once the store holds the ledger (init, join): the folders' entries go to
  // the disk with it, or a power cut could leave the store's folder, or the config, without a name
  // (RocksDB syncs the folder of its own files, not the folders above it: test/power-cut.test.ts)
  // and the store's device file (hypercore-storage writes it unsynced; empty after a cut, it makes
  // the store look copied: STORE_COPIED)
  const absentOk = (err: NodeJS.ErrnoException): void => { if (err.code !== 'ENOENT') throw err }
  await syncPath(path.join(corestorePath(storage), 'CORESTORE')).catch(absentOk)
  await syncPath(corestorePath(storage)).catch(absentOk)
  await syncPath(storage)
}
