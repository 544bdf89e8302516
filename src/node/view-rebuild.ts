import fs from 'node:fs/promises'
import Autobase from 'autobase'
import Corestore from 'corestore'
import type Hyperbee from 'hyperbee'
import { DiscoError } from '../errors.js'
import { getAppliedBlocks } from '../consensus/queries.js'
import { ledgerHandlers } from './ledger-handlers.js'

/** What a rebuild needs to know of the store it rebuilds (read from the old view before it closes). */
export interface RebuildSource {
  /** the corestore folder holding the signed logs and the old view */
  from: string
  ledgerKey: Uint8Array
  encryptionKey: Uint8Array
  /** this device's own log: its key and how long it is */
  localKey: Uint8Array
  localLength: number
  /** how many blocks the old view had applied (queries.ts, getAppliedBlocks): the rebuild is done once the new one has */
  blocks: number
}

export interface RebuildProgress { applied: number, target: number }

/** Give up when the new view has not moved for this long (the logs are all local: it never waits on a peer). */
const STALL_MS = 60_000
const POLL_MS = 100

/**
 * Build the view again from the signed logs, into a new corestore folder beside the old one (`to`).
 * The view is derived data: a fresh autobase over the same ledger, with this device's key pair
 * (the same primary key) and nothing but the logs, applies every block again with this release's
 * apply. The old store is only read: every log reaches the new one by replication between the two
 * stores in this process, so each block is verified against its writer's signature on the way,
 * and this device's own log is copied whole before the new autobase opens, so that it can never
 * write a block of its own over the old ones. Fast-forward is off: a signed view of the old layout
 * is exactly what must not be taken over.
 */
export async function rebuildView (source: RebuildSource, to: string, onProgress: (p: RebuildProgress) => void): Promise<void> {
  await fs.rm(to, { recursive: true, force: true }) // what an interrupted rebuild left
  const old = new Corestore(source.from)
  await old.ready()
  const fresh = new Corestore(to, { primaryKey: old.primaryKey, unsafe: true })
  await fresh.ready()
  const a = old.replicate(true)
  const b = fresh.replicate(false)
  a.pipe(b).pipe(a)
  a.on('error', () => {})
  b.on('error', () => {})
  let base: Autobase<Hyperbee> | null = null
  try {
    const local = fresh.get({ key: source.localKey })
    await local.ready()
    if (source.localLength > 0) await local.download({ start: 0, end: source.localLength }).done()
    await local.close()

    base = new Autobase<Hyperbee>(fresh, source.ledgerKey, {
      ...ledgerHandlers,
      encrypt: true,
      encryptionKey: source.encryptionKey,
      fastForward: false,
      // no acks while rebuilding: an ack is a block this device would sign
      ackInterval: 0
    })
    await base.ready()
    const target = source.blocks
    let applied = -1
    let movedAt = Date.now()
    for (;;) {
      await base.update()
      const now = await getAppliedBlocks(base.view)
      if (now !== applied) {
        applied = now
        movedAt = Date.now()
        onProgress({ applied, target })
      }
      if (applied >= target) break
      if (Date.now() - movedAt > STALL_MS) throw DiscoError.of('REBUILD_STALLED', { applied, target, why: 'no block applied for a minute' }, 'state')
      await new Promise(resolve => setTimeout(resolve, POLL_MS))
    }
  } finally {
    if (base !== null) await base.close()
    a.destroy()
    b.destroy()
    await fresh.close()
    await old.close()
  }
}
