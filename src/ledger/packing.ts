import { FRAME_HEADER_MAX, encodedOpLength } from './codec.js'
import { MAX_FRAME_BYTES, MAX_OPS_PER_FRAME } from './limits.js'
import type { Op } from './ops.js'

/** A frame's ops, and the bytes they take encoded (for encodeFrame: no second measuring pass). */
export interface PackedFrame<T extends Op> {
  ops: T[]
  opBytes: number
}

/**
 * Split ops, in order, into as few frames as the limits allow. Many ops in one block is how bulk
 * work goes fast (docs/DESIGN.md, "The stack": autobase, not signing, caps a ledger at ~250 blocks/s).
 */
export function packFrames<T extends Op> (ops: T[]): Array<PackedFrame<T>> {
  const frames: Array<PackedFrame<T>> = []
  let current: PackedFrame<T> = { ops: [], opBytes: 0 }
  for (const op of ops) {
    const size = encodedOpLength(op)
    if (current.ops.length > 0 && (current.ops.length === MAX_OPS_PER_FRAME || FRAME_HEADER_MAX + current.opBytes + size > MAX_FRAME_BYTES)) {
      frames.push(current)
      current = { ops: [], opBytes: 0 }
    }
    current.ops.push(op)
    current.opBytes += size
  }
  if (current.ops.length > 0) frames.push(current)
  return frames
}
