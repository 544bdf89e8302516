import { largestRemainder } from './distribution.js'
import type { CapExcess } from './rules.js'

/**
 * The payout cap (docs/accounting.md, "A cap on one payout"): nobody takes more than `cap` from
 * one distribution. What is above it is the excess; under `share` it goes to the participants
 * still under the cap, in proportion to what they already get (largest remainder), again and
 * again while that lifts someone over the cap; under `keep`, or when everyone is at the cap, the
 * cooperative keeps it. Pure and integer-only: the payouts and what is kept sum to what was paid
 * before the cap, exactly.
 */
export interface CapResult {
  /** each payout after the cap, in the order given */
  totals: bigint[]
  /** taken from each payout above the cap */
  capped: bigint[]
  /** added to each payout from the others' excess */
  received: bigint[]
  /** the sum of everything taken above the cap */
  over: bigint
  /** what nobody under the cap could take: the cooperative keeps it */
  kept: bigint
}

export function applyCap (before: bigint[], cap: bigint, excess: CapExcess): CapResult {
  if (cap <= 0n) throw new RangeError('a cap is more than nothing')
  const totals = [...before]
  let kept = 0n
  // each round puts at least one more payout at the cap, so there are at most n + 1 rounds
  for (;;) {
    let taken = 0n
    totals.forEach((t, i) => { if (t > cap) { taken += t - cap; totals[i] = cap } })
    if (taken === 0n) break
    const open = totals.map((t, i) => ({ key: String(i), weight: t >= cap ? 0n : t }))
    if (excess === 'keep' || open.every(s => s.weight === 0n)) { kept += taken; break }
    largestRemainder(taken, open).forEach((a, i) => { totals[i] = (totals[i] as bigint) + a })
  }
  // what each payout lost or gained in all, so that a statement line reads before − capped + received
  const capped = totals.map((t, i) => (before[i] as bigint) > t ? (before[i] as bigint) - t : 0n)
  const received = totals.map((t, i) => t > (before[i] as bigint) ? t - (before[i] as bigint) : 0n)
  return { totals, capped, received, over: capped.reduce((a, b) => a + b, 0n), kept }
}
