import type { ApplyNode, HostCalls } from 'autobase'
import type Hyperbee from 'hyperbee'
import { DiscoError } from '../errors.js'
import { renderError } from '../error-messages.js'
import type { ErrorParams } from '../error-messages.js'
import { decodeFrame, peekVersion } from '../ledger/codec.js'
import { opIdOf } from '../ledger/ids.js'
import { MAX_STORED_REJECTIONS } from '../ledger/limits.js'
import { PROTOCOL_VERSION } from '../ledger/ops.js'
import { validateOpWithSignatures } from './validate-op.js'
import type { Device } from '../ledger/members.js'
import type { Frame, OpType } from '../ledger/ops.js'
import { reduce } from './reducers.js'
import { writerHex } from './context.js'
import { HEAD_KEY, PROTOCOL_KEY, keys } from './view-layout.js'
import { headOf } from './view-head.js'
import type { HeadRecord, WriterRecord } from './view-head.js'
import { readWriter, setWriterTime } from './writer-record.js'
import { ViewTx } from './view-tx.js'
import { BlockDates } from './block-dates.js'
import type { BlockRecord } from './block-dates.js'
import { noteFrameTime } from './ledger-clock.js'
import { BeeStore } from './view-store.js'
import { checkpointCachedNodes, validateCachedNodes } from './bee-cache.js'

/**
 * A rejected op (or whole frame), as the view keeps it: the reason as its code and params, never
 * as words (PROTOCOL.md, "Rejections"): the digest covers this record, and words are free to
 * change between releases.
 */
export interface StoredRejection {
  id: string
  writer: string
  seq: number
  /** the op's index in its block, or 'frame' when the whole block was refused */
  index: number | 'frame'
  type: OpType | null
  code: string
  params: ErrorParams
}

/** A rejection as it is shown: with its reason in words, rendered when read. */
export interface Rejection extends StoredRejection {
  message: string
}

/** The words of a stored rejection, in this release's catalogue. A view written before
 * rejections were codes holds the words instead of params (UPGRADE.md): those are shown. */
export function renderRejection (r: StoredRejection): Rejection {
  const legacy = (r as { message?: unknown }).message
  if (r.params === undefined && typeof legacy === 'string') return { ...r, params: {}, message: legacy }
  return { ...r, message: renderError(r.code, r.params ?? {}) }
}

export interface RejectionCount {
  stored: number
  total: number
}

/**
 * The deterministic apply (docs/DESIGN.md, "Determinism of apply"): a pure function of the view so far
 * and the linearised blocks. It reads nothing but the view, keeps no state between calls (the
 * bee's read caches outlive a call only while the view provably holds what they were read from:
 * bee-cache.ts), and never throws on bad data: a block or op that fails a check is recorded as
 * rejected, with its reason, and changes nothing else. Only a ledger that needs a newer protocol
 * than this node knows stops it (host.interrupt), so that an old node stops instead of diverging.
 */
export async function apply (nodes: ApplyNode[], view: Hyperbee, host: HostCalls): Promise<void> {
  await validateCachedNodes(view)
  const store = new BeeStore(view)
  try {
    const tx = new ViewTx(store)
    await applyBlocks(tx, nodes, host)
    await tx.flush()
  } finally {
    await store.close()
  }
  await checkpointCachedNodes(view)
}

/** What apply needs of an autobase node: who wrote it, its length in the writer's core, its bytes. */
export interface LinearBlock {
  from: { key: Uint8Array }
  length: number
  value: Uint8Array
}

/**
 * Apply linearised blocks to a batch, in order, until one interrupts the host. `disco verify`
 * replays a ledger through this same function into memory. Returns how many ops the blocks
 * carried (a block that does not decode carries none).
 */
export async function applyBlocks (tx: ViewTx, nodes: LinearBlock[], host: HostCalls): Promise<number> {
  let ops = 0
  for (const node of nodes) {
    const carried = await applyNode(tx, node, host)
    if (carried === null) break
    ops += carried
  }
  return ops
}

/** How many ops the block carried, or null when apply must stop (the host was interrupted). */
async function applyNode (tx: ViewTx, node: LinearBlock, host: HostCalls): Promise<number | null> {
  const writer = writerHex(node.from.key)
  const seq = node.length - 1
  // Autobase hands a block to apply once per view: before it applies again it truncates the view.
  // A write that failed half-way (a full disk) left a view that already held a block autobase
  // did not know it had applied, and apply counted it twice. A block this view already took in
  // is skipped: honest views never meet one, so every node still ends with the same view.
  const applied = await readWriter(tx, writer)
  if (seq < applied.length) return 0
  const active = (await tx.get<{ version: number }>(PROTOCOL_KEY))?.version ?? null

  if (active !== null && active > PROTOCOL_VERSION) {
    host.interrupt(`the cooperative uses protocol version ${active}, this node knows up to ${PROTOCOL_VERSION}`)
    return null
  }
  const founding = active === null ? versionOf(node.value) : null
  if (founding !== null && founding > PROTOCOL_VERSION) {
    // the founding block of a ledger made by a newer node
    host.interrupt(`the ledger was created with protocol version ${founding}, this node knows up to ${PROTOCOL_VERSION}`)
    return null
  }
  const n = await recordOrder(tx, writer, seq, applied)

  let frame: Frame
  try {
    const version = peekVersion(node.value)
    if (active !== null && version > active) throw DiscoError.protocolTooNew(version, active)
    frame = decodeFrame(node.value)
    const device = await tx.get<Device>(keys.device(writer))
    if (device !== null && frame.time < applied.time) throw DiscoError.clockWentBack(frame.time, applied.time)
  } catch (err) {
    await reject(tx, { writer, seq, index: 'frame', type: null }, asDiscoError(err))
    return 0
  }
  // the author's claim counts towards the ledger time (ledger-clock.ts) before its ops are judged
  await noteFrameTime(tx, writer, frame.time)

  const block = new BlockDates(writer, seq)
  for (let index = 0; index < frame.ops.length; index++) {
    const op = frame.ops[index]
    if (op === undefined) continue
    const id = opIdOf(writer, seq, index)
    tx.begin()
    try {
      validateOpWithSignatures(op)
      // most ops of an import need not wait (reducers.ts, NowOrLater): no async step for them
      const reduced = reduce(op, { tx, host, id, writerHex: writer, index, block, time: frame.time, version: frame.version })
      if (reduced !== undefined) await reduced
      tx.commit()
    } catch (err) {
      tx.rollback()
      await reject(tx, { writer, seq, index, type: op.type }, asDiscoError(err))
    }
  }
  const logged = block.record()
  // the block's record, put by recordOrder: this batch holds it
  if (logged !== null) tx.setHeld(keys.block(writer, seq), { n, ...logged } satisfies BlockRecord)

  // The device (if the frame made or kept one) has now written at frame.time.
  if (await tx.get<Device>(keys.device(writer)) !== null) await setWriterTime(tx, writer, frame.time)

  // A passed proposal may have raised the protocol past what this node knows: stop here.
  const now = (await tx.get<{ version: number }>(PROTOCOL_KEY))?.version ?? null
  if (now !== null && now > PROTOCOL_VERSION) {
    host.interrupt(`the cooperative raised its protocol to version ${now}, this node knows up to ${PROTOCOL_VERSION}`)
    return null
  }
  return frame.ops.length
}

/** The frame's protocol version, or null when the block does not decode that far. */
function versionOf (value: Uint8Array): number | null {
  try {
    return peekVersion(value)
  } catch {
    return null
  }
}

/**
 * The linearised order, as the view's own record: `block/<writer>/<seq>`'s `n` is the block's
 * place in it, so that `disco verify` can replay exactly what made this view, even on a node that
 * fast-forwarded instead of applying every block itself; the head's `blocks` is how many there
 * are, and `writer/<key>`'s `length` how far into each writer's core the view has come
 * (view-head.ts). The block's record is the one that holds the dates of the entries it logs
 * (block-dates.ts): one key a block for both. Returns the block's place.
 */
async function recordOrder (tx: ViewTx, writer: string, seq: number, applied: WriterRecord): Promise<number> {
  const head = headOf(await tx.get<HeadRecord>(HEAD_KEY))
  const n = head.blocks
  tx.putNew(keys.block(writer, seq), { n } satisfies BlockRecord)
  await tx.put(HEAD_KEY, { ...head, blocks: n + 1 } satisfies HeadRecord)
  await tx.put(keys.writer(writer), { ...applied, length: seq + 1 } satisfies WriterRecord)
  return n
}

/** One block of the linearised order: its writer and position in the writer's core. */
export interface OrderRecord {
  writer: string
  seq: number
}

/** Bad data is a DiscoError by construction; anything else is a bug or an I/O failure, and
 * must not be recorded as the member's fault. A DiscoError made with words of its own instead of
 * catalogued params is recorded with its code and no params: its words never reach the view. */
function asDiscoError (err: unknown): DiscoError {
  if (err instanceof DiscoError) return err
  throw err
}

async function reject (tx: ViewTx, at: { writer: string, seq: number, index: number | 'frame', type: OpType | null }, err: DiscoError): Promise<void> {
  const countKey = keys.rejectionCount(at.writer)
  const count = await tx.get<RejectionCount>(countKey) ?? { stored: 0, total: 0 }
  const stored = count.stored < MAX_STORED_REJECTIONS
  if (stored) {
    const id = at.index === 'frame' ? `${at.writer}-${at.seq}` : `${at.writer}-${at.seq}-${at.index}`
    await tx.put(keys.rejection(at.writer, at.seq, at.index), {
      id, writer: at.writer, seq: at.seq, index: at.index, type: at.type, code: err.code, params: err.params ?? {}
    } satisfies StoredRejection)
  }
  await tx.put(countKey, { stored: count.stored + (stored ? 1 : 0), total: count.total + 1 } satisfies RejectionCount)
}
