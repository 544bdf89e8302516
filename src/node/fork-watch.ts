import type Corestore from 'corestore'
import { probeEqualLengths } from '../stack/fork-probe.js'

/**
 * Flags a device's log that exists in two versions at the same length (a device restored from a
 * backup, or a copy, that wrote again up to exactly the length the original reached): every few
 * seconds, each peer that holds a writer's log at the length this node holds it is asked, once
 * per length, for its signed tree there (stack/fork-probe.ts). Hypercore alone flags a fork only
 * when one version is longer. When the trees differ, hypercore freezes the core here, hands the
 * proof to every peer, and the forked device stops with DEVICE_FORKED (node.ts, 'conflict').
 */
export class ForkWatch {
  private timer: NodeJS.Timeout | null = null
  private busy = false
  private readonly asked = new WeakMap<object, number>()

  constructor (
    private readonly store: Corestore,
    /** the writers' keys (hex) the ledger names */
    private readonly writerKeys: () => Promise<string[]>,
    private readonly everyMs: number
  ) {}

  start (): void {
    if (this.timer !== null) return
    this.timer = setInterval(() => { void this.tick() }, this.everyMs)
    this.timer.unref()
  }

  stop (): void {
    if (this.timer !== null) clearInterval(this.timer)
    this.timer = null
  }

  /** one round of asking; resolves to how many peers were asked */
  async tick (): Promise<number> {
    if (this.busy) return 0
    this.busy = true
    try {
      return probeEqualLengths(this.store, new Set(await this.writerKeys()), this.asked)
    } catch {
      return 0 // a closing store or a failed ledger: the next round, if any, asks again
    } finally {
      this.busy = false
    }
  }
}
