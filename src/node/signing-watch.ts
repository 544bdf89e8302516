import type Autobase from 'autobase'
import type Hyperbee from 'hyperbee'

/**
 * Keeps an indexer from leaving the ledger provisional. After a partition heals, every node can
 * hold the same view while autobase judges that no indexer needs to acknowledge it, and the last
 * entries stay unsigned until someone writes again (test/partitions.test.ts found such schedules).
 * So an indexer whose view has stayed the same, unsigned, for a whole interval appends an
 * acknowledgement (a block with no value, which apply never sees). Signing can take two rounds
 * (the acks that index a length, then the acks that carry the signatures of it: a loaded run of the
 * partitions test stalled with every indexer nudged once), so it may nudge again after another
 * quiet interval — at most MAX_NUDGES times per view length, so a cooperative whose indexer
 * majority is away does not grow this device's log.
 *
 * Every indexer runs the same timer, so their nudges tend to land in the same interval: acks that
 * do not see each other, and after a few such rounds autobase may see no indexer that wants to
 * ack at all (the partitions test stalled that way in 4 runs of 60, all three indexers nudged
 * three times together, the view unsigned for good). So after each nudge an indexer lets a random
 * number of quiet intervals pass (0, then 0-3, then 0-7) before the next, and it may nudge up to
 * eight times: the same test then passed 30 runs of 30.
 */
const MAX_NUDGES = 8
/** the backoff doubles up to 2^3 intervals */
const MAX_BACKOFF_EXPONENT = 3

export class SigningWatch {
  private timer: NodeJS.Timeout | null = null
  private seen = -1
  /** the view length the nudges were for, and how many */
  private nudgedAt = -1
  private nudges = 0
  /** quiet intervals to let pass before the next nudge */
  private wait = 0

  /** `random` (in [0, 1)) draws the backoff; tests pass their own */
  constructor (private readonly base: Autobase<Hyperbee>, private readonly intervalMs: number, private readonly random: () => number = Math.random) {}

  start (): void {
    if (this.timer !== null) return
    this.timer = setInterval(() => { void this.check() }, this.intervalMs)
    this.timer.unref()
  }

  stop (): void {
    if (this.timer !== null) clearInterval(this.timer)
    this.timer = null
  }

  /** one look at the view (each interval; called directly by tests) */
  async check (): Promise<void> {
    const base = this.base
    if (base.closed || !base.isIndexer || !base.writable) return
    const view = base.view.core
    const length = view.length
    const quiet = length === this.seen
    this.seen = length
    if (view.signedLength >= length || !quiet) return
    if (this.nudgedAt !== length) { this.nudgedAt = length; this.nudges = 0; this.wait = 0 }
    if (this.nudges === MAX_NUDGES) return
    if (this.wait > 0) { this.wait--; return }
    this.wait = Math.floor(this.random() * 2 ** Math.min(this.nudges, MAX_BACKOFF_EXPONENT))
    this.nudges++
    await base.append(null).catch(() => {})
  }
}
