import type { ApplyNode, HostCalls } from 'autobase'
import type Hyperbee from 'hyperbee'
import { DiscoError } from '../errors.js'
import { decodeFrame, peekVersion } from '../ledger/codec.js'
import { opId } from '../ledger/ids.js'
import { MAX_STORED_REJECTIONS } from '../ledger/limits.js'
import { PROTOCOL_VERSION } from '../ledger/ops.js'
import { validateOp } from '../ledger/validate.js'
import type { Device } from '../ledger/members.js'
import type { Frame, OpType } from '../ledger/ops.js'
import { reduce } from './reducers.js'
import { writerHex } from './context.js'
import { PROTOCOL_KEY, keys } from './view-layout.js'
import { ViewTx } from './view-tx.js'
import { forgetCachedNodes } from './bee-cache.js'

/** A rejected op (or whole frame), as the view keeps it. */
export interface Rejection {
  id: string
  writer: string
  seq: number
  /** the op's index in its block, or 'frame' when the whole block was refused */
  index: number | 'frame'
  type: OpType | null
  code: string
  message: string
}

export interface RejectionCount {
  stored: number
  total: number
}

/**
 * The deterministic apply (DESIGN.md, "Determinism of apply"): a pure function of the view so far
 * and the linearised blocks. It reads nothing but the view, keeps no state between calls, and
 * never throws on bad data: a block or op that fails a check is recorded as rejected, with its
 * reason, and changes nothing else. Only a ledger that needs a newer protocol than this node
 * knows stops it (host.interrupt), so that an old node stops instead of diverging.
 */
export async function apply (nodes: ApplyNode[], view: Hyperbee, host: HostCalls): Promise<void> {
  forgetCachedNodes(view)
  const tx = new ViewTx(view)
  for (const node of nodes) {
    if (!await applyNode(tx, node, host)) break
  }
  await tx.flush()
}

/** false when apply must stop (the host was interrupted). */
async function applyNode (tx: ViewTx, node: ApplyNode, host: HostCalls): Promise<boolean> {
  const writer = writerHex(node.from.key)
  const seq = node.length - 1
  const active = (await tx.get<{ version: number }>(PROTOCOL_KEY))?.version ?? null

  if (active !== null && active > PROTOCOL_VERSION) {
    host.interrupt(`the cooperative uses protocol version ${active}, this node knows up to ${PROTOCOL_VERSION}`)
    return false
  }

  let frame: Frame
  try {
    const version = peekVersion(node.value)
    if (active === null && version > PROTOCOL_VERSION) {
      // the founding block of a ledger made by a newer node
      host.interrupt(`the ledger was created with protocol version ${version}, this node knows up to ${PROTOCOL_VERSION}`)
      return false
    }
    if (active !== null && version > active) throw DiscoError.protocolTooNew(version, active)
    frame = decodeFrame(node.value)
    const device = await tx.get<Device>(keys.device(writer))
    if (device !== null && frame.time < device.lastTime) throw DiscoError.clockWentBack(frame.time, device.lastTime)
  } catch (err) {
    await reject(tx, { writer, seq, index: 'frame', type: null }, asDiscoError(err))
    return true
  }

  for (let index = 0; index < frame.ops.length; index++) {
    const op = frame.ops[index]
    if (op === undefined) continue
    const id = opId({ writer: node.from.key, seq, index })
    tx.begin()
    try {
      validateOp(op)
      await reduce(op, { tx, host, id, writerHex: writer, time: frame.time, version: frame.version })
      tx.commit()
    } catch (err) {
      tx.rollback()
      await reject(tx, { writer, seq, index, type: op.type }, asDiscoError(err))
    }
  }

  // The device (if the frame made or kept one) has now written at frame.time.
  const device = await tx.get<Device>(keys.device(writer))
  if (device !== null && device.lastTime !== frame.time) await tx.put(keys.device(writer), { ...device, lastTime: frame.time })

  // A passed proposal may have raised the protocol past what this node knows: stop here.
  const now = (await tx.get<{ version: number }>(PROTOCOL_KEY))?.version ?? null
  if (now !== null && now > PROTOCOL_VERSION) {
    host.interrupt(`the cooperative raised its protocol to version ${now}, this node knows up to ${PROTOCOL_VERSION}`)
    return false
  }
  return true
}

/** Bad data is a DiscoError by construction; anything else is a bug or an I/O failure, and
 * must not be recorded as the member's fault. */
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
      id, writer: at.writer, seq: at.seq, index: at.index, type: at.type, code: err.code, message: err.message
    } satisfies Rejection)
  }
  await tx.put(countKey, { stored: count.stored + (stored ? 1 : 0), total: count.total + 1 } satisfies RejectionCount)
}
