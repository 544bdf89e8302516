import b4a from 'b4a'
import { DiscoError } from '../errors.js'
import { DiscoNode } from '../node/node.js'
import type { NetworkOptions } from '../net/swarm.js'
import type { TailProgress } from '../node/log-tail.js'
import { readAckedLength } from '../node/acked-length.js'
import { deviceKeysPath, readDeviceKeys } from '../node/device-keys.js'
import type { DeviceKeys } from '../node/device-keys.js'
import { damagedStorePath, replaceStore, salvageDeviceKeys } from '../node/store-replace.js'
import { corestorePath, readConfig } from '../node/storage.js'
import { fileNamed, openError } from '../node/store-open-error.js'
import { verify, verifyError } from '../commands/verify.js'
import type { VerifyProgress, VerifyReport } from '../commands/verify.js'
import { tailProgressLines } from './tail-progress.js'

export interface RepairOptions {
  storage: string
  network: NetworkOptions
  /** how long to wait for peers: for the lost blocks, and for the ledger to catch up (ms, each) */
  timeoutMs: number
  /** progress lines (stderr) */
  say: (line: string) => void
  onVerifyProgress?: (p: VerifyProgress) => void
}

export interface RepairReport {
  /** the blocks of this device's own log that came back from peers; null when none was missing */
  recovered: { from: number, to: number } | null
  /** a store the storage engine refused, rebuilt from peers with this device's keys: where the
   * damaged one was moved (null if it was missing), and what the engine said; null when the store opened */
  rebuilt: { damaged: string | null, cause: string } | null
  /** this device's own log after the repair: its length, and how far it was acknowledged */
  ownLog: { length: number, acked: number }
  /** `disco verify` on the repaired store */
  verify: VerifyReport
}

/**
 * `disco repair`: open the store on the network, so that a device whose own log lost its tail
 * (log-tail.ts) gets the lost blocks back from its peers, checked against its own signature,
 * before anything is written; then run `disco verify` on the result. A store the storage engine
 * refuses (STORE_CORRUPT: a damaged table, manifest or log) is moved aside, never deleted, and
 * rebuilt from peers with this device's keys (`rebuild`). The device keeps its identity: its key
 * pair and every block it acknowledged. What it cannot repair it refuses with the error that says
 * what to do: keys lost with the store (STORE_NOT_REPAIRABLE), a tail no peer gives back
 * (LOG_TAIL_LOST), a forked log (DEVICE_FORKED); for those, the device is paired again as a new one
 * (README, "When the store is damaged").
 */
export async function repair (opts: RepairOptions): Promise<RepairReport> {
  let recovered: { from: number, to: number } | null = null
  let node: DiscoNode
  try {
    node = await DiscoNode.open({ ...openOptions(opts), onTailProgress: tailLines(opts, p => { recovered ??= { from: p.held, to: p.acked } }) })
  } catch (err) {
    if (!isCorrupt(err)) throw err
    return await rebuild(opts, err)
  }
  let report: VerifyReport
  try {
    await catchUp(node, opts)
    report = await node.verify(opts.onVerifyProgress)
    if (node.failed !== null) throw node.failed // forked while it checked
  } catch (err) {
    await node.close()
    // a damaged table may first be read here, past what opening reads: verify reads every block.
    // Only the engine naming a file of the store moves it aside (never, say, a network error's code)
    const named = openError(err, opts.storage)
    if (!isCorrupt(named) || fileNamed(String((err as Error)?.message ?? err)) === null) throw verifyError(err)
    return await rebuild(opts, named)
  }
  const ownLog = node.ownLog
  await node.close()
  return { recovered, rebuilt: null, ownLog, verify: report }
}

function openOptions (opts: RepairOptions): { storage: string, network: NetworkOptions, tailTimeoutMs: number } {
  return { storage: opts.storage, network: opts.network, tailTimeoutMs: opts.timeoutMs }
}

function tailLines (opts: RepairOptions, seen: (p: TailProgress) => void): (p: TailProgress) => void {
  const lines = tailProgressLines(opts.say)
  return p => { seen(p); lines(p) }
}

function isCorrupt (err: unknown): err is DiscoError {
  return err instanceof DiscoError && err.code === 'STORE_CORRUPT'
}

/**
 * A store the storage engine refuses, rebuilt from the cooperative as the same device:
 *
 * 1. the device's keys: the copy kept beside the database (device-keys.ts), else read from the
 *    damaged database opened read-only; if neither, they are lost and the device must re-pair;
 * 2. how far its own log was acknowledged (acked-length.ts, outside the database): without it a
 *    rebuilt device could not know which of its blocks peers may hold, and could sign over them;
 * 3. the damaged store moved aside (`corestore.damaged-<time>`), a fresh one seeded with the keys;
 * 4. the node opened on the network: its own log comes back from peers up to the acknowledged
 *    length, each block checked against its own signature, before autobase may write
 *    (log-tail.ts); then every other log, the system core and the view, as for any node;
 * 5. `disco verify`, once the view has taken in this device's whole log.
 */
async function rebuild (opts: RepairOptions, cause: DiscoError): Promise<RepairReport> {
  const { storage, say } = opts
  const ledger = b4a.from((await readConfig(storage)).ledger, 'hex')
  const keys = await deviceKeys(storage, ledger, cause, say)
  const device = b4a.toString(keys.device, 'hex')
  const acked = await readAckedLength(storage, device)
  if (acked === null) {
    throw DiscoError.storeNotRepairable(storage, "there is no record of how far this device's log was acknowledged (acked-length): " +
      'a store rebuilt without it could sign blocks over ones peers hold')
  }
  const aside = damagedStorePath(storage, new Date())
  say(`disco: the store cannot be read (${String(cause.params?.file ?? 'the database')}): moving it aside to ${aside} (nothing is deleted) ` +
    `and rebuilding it from peers as this device (${device.slice(0, 8)}, ${acked.length} blocks of its log acknowledged)`)
  const damaged = await replaceStore(storage, keys, aside)
  let recovered: { from: number, to: number } | null = null
  const node = await DiscoNode.open({
    ...openOptions(opts),
    encryptionKey: keys.encryptionKey,
    onTailProgress: tailLines(opts, p => { recovered ??= { from: p.held, to: p.acked } })
  })
  try {
    await catchUp(node, opts)
    const report = await verify(node, opts.onVerifyProgress)
    if (node.failed !== null) throw node.failed
    return { recovered, rebuilt: { damaged, cause: cause.message }, ownLog: node.ownLog, verify: report }
  } finally {
    await node.close()
  }
}

/** The device's keys for a rebuild: the kept copy, else what the damaged database still gives. */
async function deviceKeys (storage: string, ledger: Uint8Array, cause: DiscoError, say: (line: string) => void): Promise<DeviceKeys> {
  const kept = await readDeviceKeys(storage)
  if (kept !== null && b4a.equals(kept.ledger, ledger)) return kept
  say(`disco: no copy of this device's keys beside the store (${deviceKeysPath(storage)}); reading them from the damaged store`)
  const salvaged = await salvageDeviceKeys(corestorePath(storage), ledger)
  if (salvaged !== null) return salvaged
  throw DiscoError.storeNotRepairable(storage, "this device's keys (corestore's primary key and the ledger's encryption key) were " +
    `inside the damaged database, which cannot give them back (the storage engine said "${String(cause.params?.said ?? cause.message)}"), ` +
    `and this folder kept no copy of them (${deviceKeysPath(storage)}, written by every open since this release)`)
}

const CATCH_UP_POLL_MS = 250

/**
 * Wait, online, until the view has taken in this device's whole log (own-log-applied.ts) and the
 * node holds every block of the ledger it knows of, saying how far it has come once a second;
 * refuse after `timeoutMs` with what is missing. At once on a store that is whole.
 */
async function catchUp (node: DiscoNode, opts: RepairOptions): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs
  let lastSaid = 0
  while (!await node.ownLogApplied()) {
    if (node.failed !== null) throw node.failed
    if (Date.now() > deadline) {
      throw DiscoError.of('REPAIR_UNFINISHED', { storage: node.storage, timeoutMs: opts.timeoutMs, peers: node.peers, ...node.lengths() }, 'state')
    }
    if (Date.now() - lastSaid >= 1000) {
      lastSaid = Date.now()
      const l = node.lengths()
      opts.say(`disco: catching up the ledger from peers: ${l.length} blocks ordered (${l.signedLength} signed), this device's log ${l.localLength} blocks, ${node.peers} peer${node.peers === 1 ? '' : 's'} connected`)
    }
    await new Promise<void>(resolve => {
      const done = (): void => { clearTimeout(timer); node.off('update', done); resolve() }
      const timer = setTimeout(done, CATCH_UP_POLL_MS)
      node.once('update', done)
    })
  }
  let timer: NodeJS.Timeout | null = null
  const late = new Promise<void>(resolve => { timer = setTimeout(resolve, Math.max(0, deadline - Date.now())) })
  try {
    await Promise.race([node.holdsWholeLedger(), late]) // verify fetches what is still missing
  } finally {
    if (timer !== null) clearTimeout(timer)
  }
}
