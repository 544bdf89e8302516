import type Corestore from 'corestore'
import type Hypercore from 'hypercore'
import b4a from 'b4a'
import { DiscoError } from '../errors.js'
import { readAckedLength } from './acked-length.js'
import type { NetworkOptions } from '../net/swarm.js'

/** How far a recovery of this device's lost tail has come. */
export interface TailProgress {
  /** blocks of this device's log held on disk (contiguously, from the first) */
  held: number
  /** the length this device acknowledged */
  acked: number
  /** peers connected */
  peers: number
}

export interface TailRecovery {
  network: NetworkOptions
  /** the ledger's discovery key: the topic its peers meet on */
  discoveryKey: Uint8Array
  /** give up (LOG_TAIL_LOST, saying so) after this long */
  timeoutMs: number
  onProgress?: (p: TailProgress) => void
}

/**
 * Run before autobase opens the store: is this device's own log as long as what it acknowledged
 * (acked-length.ts)? If it is shorter, the storage engine lost the tail (a damaged write-ahead
 * log, a power cut). Appending now would sign new blocks at lengths peers may already hold
 * signed differently: a fork, after which nothing this device writes counts. So:
 *
 * - offline (`recovery` null): refuse to open, LOG_TAIL_LOST, saying what to do;
 * - online: fetch the lost blocks back from peers first. They are signed by this device's key,
 *   so hypercore checks them against the signature like any replicated block; a peer cannot
 *   hand back blocks of its own making. Refuses (LOG_TAIL_LOST) if none gives them within
 *   `timeoutMs`.
 *
 * Before autobase, not after: autobase writes its own log through a session that keeps the length
 * it opened at, and flushing it after the core grew under it from a peer truncates the core back
 * and signs over the recovered blocks (tried: the peers then freeze the core as forked).
 */
export async function guardLogTail (store: Corestore, storage: string, recovery: TailRecovery | null): Promise<void> {
  const record = await readAckedLength(storage)
  if (record === null) return
  const local = store.get({ key: b4a.from(record.key, 'hex'), active: false })
  try {
    await local.ready()
    if (local.length >= record.length && local.contiguousLength >= record.length) return
    if (recovery === null) throw DiscoError.logTailLost(storage, local.contiguousLength, record.length)
    await recoverTail(store, local, record.length, storage, recovery)
  } finally {
    await local.close()
  }
}

async function recoverTail (store: Corestore, local: Hypercore, acked: number, storage: string, recovery: TailRecovery): Promise<void> {
  // loaded only here: a command that opens the store offline loads no network code (bench P12)
  const { Network } = await import('../net/swarm.js')
  const network = new Network(recovery.network, conn => store.replicate(conn))
  const progress = (): void => {
    recovery.onProgress?.({ held: Math.min(local.contiguousLength, acked), acked, peers: network.peers })
  }
  network.on('peers', progress)
  local.on('append', progress)
  local.on('download', progress)
  let timer: NodeJS.Timeout | null = null
  try {
    progress()
    network.join(recovery.discoveryKey).catch(() => {}) // no peer yet is what the timeout is for
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        reject(DiscoError.logTailLost(storage, local.contiguousLength, acked, { timeoutMs: recovery.timeoutMs, peers: network.peers }))
      }, recovery.timeoutMs)
    })
    // a peer's longer signed length upgrades the core (hypercore verifies the proof against this
    // device's key); then the blocks themselves are downloaded and verified against the tree
    await Promise.race([untilLength(local, acked), timedOut])
    const download = local.download({ start: 0, end: acked })
    try {
      await Promise.race([download.done(), timedOut])
    } finally {
      download.destroy()
    }
    progress()
  } finally {
    if (timer !== null) clearTimeout(timer)
    local.off('append', progress)
    local.off('download', progress)
    await network.destroy()
  }
}

/** Resolves once the core's length reaches `length` (its 'append' event fires on an upgrade too). */
async function untilLength (core: Hypercore, length: number): Promise<void> {
  while (core.length < length) {
    await new Promise<void>(resolve => {
      const done = (): void => { core.off('append', done); core.off('close', done); resolve() }
      core.on('append', done)
      core.on('close', done)
    })
    if (core.closed) throw DiscoError.closed()
  }
}
