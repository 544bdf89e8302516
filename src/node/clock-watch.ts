import b4a from 'b4a'
import { getClock, getDevice, getMember, listProposals } from '../consensus/queries.js'
import { monthEndTime } from '../ledger/dates.js'
import type { LedgerAccess } from './ledger-access.js'

/**
 * Moves the ledger time on when something waits on it. The ledger time is the lower median of the
 * full members' latest written times (ledger/ledger-time.ts), so members who write nothing hold it
 * back: a motion past its deadline could not be closed while most members stay silent. So a running
 * node of a full member writes a `tick` — an op that only says its clock — when its own clock has
 * passed a moment the ledger waits for and its member's latest time has not:
 * - the end of an open proposal's deadline or minimum deliberation;
 * - the end of the month the ledger time is in (a month is distributed once it is over).
 * At most one tick per such moment, since the tick itself carries the member past it.
 */
export class ClockWatch {
  private timer: NodeJS.Timeout | null = null
  private running = false

  /** `now` is this machine's clock; tests pass their own */
  constructor (private readonly node: LedgerAccess, private readonly intervalMs: number, private readonly now: () => number = Date.now) {}

  start (): void {
    if (this.timer !== null) return
    this.timer = setInterval(() => { void this.check().catch(() => {}) }, this.intervalMs)
    this.timer.unref()
  }

  stop (): void {
    if (this.timer !== null) clearInterval(this.timer)
    this.timer = null
  }

  /** One look; returns whether it wrote a tick (called directly by tests). */
  async check (): Promise<boolean> {
    if (this.running || this.node.closing !== null || !this.node.writable) return false
    this.running = true
    try {
      const moment = await this.awaitedMoment()
      if (moment === null) return false
      await this.node.append([{ type: 'tick' }])
      return true
    } finally {
      this.running = false
    }
  }

  /** The moment this member's tick would carry the ledger past, or null when none waits. */
  private async awaitedMoment (): Promise<number | null> {
    const now = this.now()
    const snap = this.node.snapshot()
    try {
      const device = await getDevice(snap, b4a.toString(this.node.localKey, 'hex'))
      const member = device === null ? null : await getMember(snap, device.member)
      if (member === null || member.role !== 'member' || member.removedAt !== undefined) return null
      const clock = await getClock(snap)
      const mine = clock.members[member.id] ?? 0
      const waiting = (moment: number): boolean => clock.now <= moment && mine <= moment && now > moment
      const monthEnd = monthEndTime(new Date(Math.max(clock.now, 0)).toISOString().slice(0, 7))
      if (waiting(monthEnd - 1)) return monthEnd
      for (const { proposal } of await listProposals(snap)) {
        if (proposal.status === 'open' && waiting(proposal.deliberateUntil)) return proposal.deliberateUntil
      }
      return null
    } finally {
      await snap.close()
    }
  }
}
