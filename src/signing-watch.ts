import type Autobase from 'autobase'
import type Hyperbee from 'hyperbee'

/**
 * Keeps an indexer from leaving the ledger provisional. After a partition heals, every node can
 * hold the same view while autobase judges that no indexer needs to acknowledge it, and the last
 * entries stay unsigned until someone writes again (test/partitions.test.ts found such schedules).
 * So an indexer whose view has stayed the same, unsigned, for a whole interval appends one
 * acknowledgement (a block with no value, which apply never sees) — once per view length, so a
 * cooperative whose indexer majority is away does not grow this device's log.
 */
export class SigningWatch {
  private timer: NodeJS.Timeout | null = null
  private seen = -1
  private nudged = -1

  constructor (private readonly base: Autobase<Hyperbee>, private readonly intervalMs: number) {}

  start (): void {
    if (this.timer !== null) return
    this.timer = setInterval(() => { void this.check() }, this.intervalMs)
    this.timer.unref()
  }

  stop (): void {
    if (this.timer !== null) clearInterval(this.timer)
    this.timer = null
  }

  private async check (): Promise<void> {
    const base = this.base
    if (base.closed || !base.isIndexer || !base.writable) return
    const view = base.view.core
    const length = view.length
    const quiet = length === this.seen
    this.seen = length
    if (view.signedLength >= length || !quiet || this.nudged === length) return
    this.nudged = length
    await base.append(null).catch(() => {})
  }
}
