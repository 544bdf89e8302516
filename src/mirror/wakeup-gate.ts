import b4a from 'b4a'
import type Autobase from 'autobase'
import { filterWakeupHints, viewCoreKeys } from '../stack/wakeup-hints.js'
import type { WakeupHint } from '../stack/wakeup-hints.js'

/**
 * autobase fast-forwards when the signed system core is at least this many blocks past the one it
 * applied (autobase 7.28.1 lib/fast-forward.js, `MINIMUM`)
 */
export const FAST_FORWARD_MINIMUM = 16
/** a fast-forward that has not come by then failed or was not needed: the held hints go on */
const HOLD_MS = 15_000

export interface SortedHints {
  /** writers' logs for autobase now */
  pass: WakeupHint[]
  /** writers' logs for autobase once the fast-forward the announce shows is coming is done */
  hold: WakeupHint[]
  /** entries naming the ledger's own view cores (no writer's log), or a log with no block */
  dropped: number
}

/**
 * Sort one wakeup announce. A mirror (blind-peer 3.8.1, `WakeupHandler.onpeeractive`) announces
 * every core a node asked it to keep for the ledger, with its length: the writers' logs, and also
 * the system core and the view. autobase's own peers announce only writers' logs that are not yet
 * indexed (`_getWakeup`). So:
 *  - the view cores are dropped: autobase would open each as a writer and fetch up to 256 of its
 *    blocks as log entries, in front of the fast-forward's own requests;
 *  - when the announce shows the system core far enough ahead that autobase will fast-forward,
 *    the writers' logs are held until it has: autobase would otherwise fetch those logs and apply
 *    them entry by entry while the fast-forward runs, and it takes the jump only after the batch of
 *    entries it is applying (measured: up to 1.6 s of a 10,000-op catch-up, docs/upstream.md, 3). After
 *    the jump, autobase itself skips the hints the jump made stale;
 *  - a log announced at length 0 is dropped: there is nothing in it to apply.
 */
export function sortHints (hints: WakeupHint[], ledger: { viewKeys: Uint8Array[], systemKey: Uint8Array, systemLength: number }): SortedHints {
  const isView = (key: Uint8Array): boolean => ledger.viewKeys.some(v => b4a.equals(v, key)) || b4a.equals(ledger.systemKey, key)
  // a log announced with no block has nothing to apply: autobase would still look it up, on the network
  const writers = hints.filter(h => !isView(h.key) && h.length > 0)
  const jumpComing = hints.some(h => b4a.equals(h.key, ledger.systemKey) && h.length - ledger.systemLength >= FAST_FORWARD_MINIMUM)
  return { pass: jumpComing ? [] : writers, hold: jumpComing ? writers : [], dropped: hints.length - writers.length }
}

/**
 * The node's filter on the wakeup announces autobase receives (from mirrors and peers alike):
 * `sortHints`, and the held hints handed on after the next fast-forward (or after HOLD_MS). Not
 * at the jump itself but at the update that follows it: autobase looks each hint up in the system
 * core (on the network, after a jump) before it emits that update.
 */
export class WakeupGate {
  private held: WakeupHint[] = []
  private timer: NodeJS.Timeout | null = null
  private pass: ((hints: WakeupHint[]) => void) | null = null
  private readonly undo: () => void
  private jumped = false
  private readonly onJump = (): void => { this.jumped = true }
  private readonly onUpdate = (): void => { if (this.jumped) this.release() }
  private readonly onTimeout = (): void => { this.release() }

  constructor (private readonly base: Autobase<unknown>) {
    this.undo = filterWakeupHints(base, (hints, pass) => {
      this.pass = pass
      const sorted = sortHints(hints, { viewKeys: viewCoreKeys(base), systemKey: base.core.key, systemLength: base.core.length })
      pass(sorted.pass)
      if (sorted.hold.length === 0) return
      this.held.push(...sorted.hold)
      this.timer ??= setTimeout(this.onTimeout, HOLD_MS)
    })
    base.on('fast-forward', this.onJump)
    base.on('update', this.onUpdate)
  }

  /** hints waiting for a fast-forward (for tests and status) */
  get holding (): number { return this.held.length }

  private release (): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    this.jumped = false
    const held = this.held
    this.held = []
    if (held.length > 0 && this.pass !== null && !this.base.closed) this.pass(held)
  }

  close (): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    this.held = []
    this.base.off('fast-forward', this.onJump)
    this.base.off('update', this.onUpdate)
    this.undo()
  }
}
