import type Autobase from 'autobase'
import type Hyperbee from 'hyperbee'
import { encodeFrame } from '../ledger/codec.js'
import { packFrames } from '../ledger/packing.js'
import { PROTOCOL_VERSION } from '../ledger/ops.js'
import type { Op, OpRef } from '../ledger/ops.js'

interface AppendJob {
  ops: Op[]
  resolve: (refs: OpRef[]) => void
  reject: (err: unknown) => void
}

/**
 * The node's writes: ops queued by concurrent calls are written together, packed into as few
 * blocks as the limits allow (ledger/packing.ts), each frame stamped with this device's clock.
 * Checking the ops is the node's job before it queues them.
 */
export class AppendQueue {
  private pending: AppendJob[] = []
  private flushing: Promise<void> | null = null

  /**
   * `lastTime`: the time of this device's latest frame in the ledger; `failure`: why the ledger
   * stopped, if it did (a write that fails then is rejected with that reason); `written`: what must
   * be done after a write before its callers hear it landed (the acknowledged length on disk)
   */
  constructor (
    private readonly base: Autobase<Hyperbee>,
    private readonly clock: () => number,
    private lastTime: number,
    private readonly failure: () => unknown,
    private readonly written: () => Promise<void> = async () => {}
  ) {}

  /** Resolves to where each op landed; calls made while a write is under way share the next block(s). */
  async append (ops: Op[]): Promise<OpRef[]> {
    return await new Promise<OpRef[]>((resolve, reject) => {
      this.pending.push({ ops, resolve, reject })
      this.flushing ??= this.flushPending()
    })
  }

  /** Settles once the writes under way are done (on close). */
  async settled (): Promise<void> {
    if (this.flushing !== null) await this.flushing.catch(() => {})
  }

  private async flushPending (): Promise<void> {
    await Promise.resolve() // let calls made in the same tick join this block
    try {
      while (this.pending.length > 0) {
        const jobs = this.pending.splice(0)
        try {
          const refs = await this.writeOps(jobs.flatMap(j => j.ops))
          let i = 0
          for (const job of jobs) {
            job.resolve(refs.slice(i, i + job.ops.length))
            i += job.ops.length
          }
        } catch (err) {
          const failure = this.failure() ?? err
          for (const job of jobs) job.reject(failure)
        }
      }
    } finally {
      this.flushing = null
    }
  }

  private async writeOps (ops: Op[]): Promise<OpRef[]> {
    // The frame clock never goes back, even if this machine's clock does: apply refuses frames
    // older than the device's previous one.
    this.lastTime = Math.max(this.clock(), this.lastTime)
    const packed = packFrames(ops)
    const blocks = packed.map(f => encodeFrame({ version: PROTOCOL_VERSION, time: this.lastTime, ops: f.ops }, f.opBytes))
    const frames = packed.map(f => f.ops)
    const lengthAfter = await this.base.append(blocks)
    await this.written()
    const writer = this.base.local.key
    const refs: OpRef[] = []
    frames.forEach((frame, f) => {
      const seq = lengthAfter - frames.length + f
      frame.forEach((_, index) => refs.push({ writer, seq, index }))
    })
    return refs
  }
}
