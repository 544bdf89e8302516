import { STREAMS } from './streams.js'
import type { Stream } from './streams.js'

/**
 * The distribution arithmetic of docs/accounting.md: a pool split between the streams, then within
 * each stream by weight, with the care rebalancing, every split by the largest remainder. Pure and
 * integer-only (BigInt for the products), so every node computes the same cents and the payouts
 * sum to the pool exactly.
 */

/** One share to split: its key (a stream, a member id) and its whole weight. */
export interface Share<K extends string> {
  key: K
  weight: bigint
}

/**
 * Split `amount` among the shares by weight: each gets floor(amount × w / W), and the units left
 * over go one each to the largest remainders; equal remainders go in the order the shares are given.
 * Returns amounts in the shares' order. All weights 0 → all amounts 0 (the caller decides what an
 * empty split means).
 */
export function largestRemainder<K extends string> (amount: bigint, shares: Array<Share<K>>): bigint[] {
  if (amount < 0n) throw new RangeError('cannot split a negative amount')
  const total = shares.reduce((sum, s) => sum + s.weight, 0n)
  if (total === 0n) return shares.map(() => 0n)
  if (shares.some(s => s.weight < 0n)) throw new RangeError('weights must not be negative')
  const floors = shares.map(s => (amount * s.weight) / total)
  const remainders = shares.map(s => (amount * s.weight) % total)
  let left = amount - floors.reduce((sum, q) => sum + q, 0n)
  const order = shares.map((_, i) => i).sort((a, b) => {
    const ra = remainders[a] as bigint
    const rb = remainders[b] as bigint
    return ra === rb ? a - b : (rb > ra ? 1 : -1)
  })
  const out = [...floors]
  for (const i of order) {
    if (left === 0n) break
    out[i] = (out[i] as bigint) + 1n
    left -= 1n
  }
  return out
}

export interface DistributionRules {
  /** whole weights of the pool's split between the streams */
  split: Record<Stream, number>
  /** the care rebalancing, in thousandths */
  careWeight: number
}

/** A paid participant's credit-minutes in the period, per stream, and the share of them that
 * counts (percent per stream: an onboarding stage, care that is only recorded; absent: 100 each). */
export interface Credits {
  member: string
  credits: Record<Stream, bigint>
  shares?: Record<Stream, number>
}

const FULL = 100n

export interface Payout {
  member: string
  streams: Record<Stream, bigint>
  total: bigint
}

export interface Distribution {
  /** what each stream received of the pool */
  streams: Record<Stream, bigint>
  /** in member id order */
  payouts: Payout[]
}

/**
 * The weights of docs/accounting.md, "Within each stream", each term times the share (percent) of
 * those credits that counts. With every share at 100 they are the page's weights times 100 for
 * everyone, which splits exactly as the page's weights do.
 */
export function weightOf (c: Credits, stream: Stream, careWeight: number): bigint {
  const share = (s: Stream): bigint => c.shares === undefined ? FULL : BigInt(c.shares[s])
  const care = share('care') * c.credits.care
  const own = 1000n * share(stream) * c.credits[stream]
  return stream === 'care' ? own : own + BigInt(careWeight) * care
}

/**
 * Split `pool` (minor units) among the participants. A stream in which nobody has weight passes its
 * share to the others, by their split; null when nobody has any weight at all.
 */
export function distribute (pool: bigint, rules: DistributionRules, participants: Credits[]): Distribution | null {
  const members = [...participants].sort((a, b) => (a.member < b.member ? -1 : a.member > b.member ? 1 : 0))
  const weights = new Map<Stream, Array<Share<string>>>(STREAMS.map(s => [s, members.map(m => ({ key: m.member, weight: weightOf(m, s, rules.careWeight) }))]))
  const live = STREAMS.filter(s => (weights.get(s) ?? []).some(w => w.weight > 0n) && rules.split[s] > 0)
  if (live.length === 0) return null

  const streamAmounts = largestRemainder(pool, live.map(s => ({ key: s, weight: BigInt(rules.split[s]) })))
  const streams = Object.fromEntries(STREAMS.map(s => [s, 0n])) as Record<Stream, bigint>
  live.forEach((s, i) => { streams[s] = streamAmounts[i] as bigint })

  const payouts: Payout[] = members.map(m => ({ member: m.member, streams: { livelihood: 0n, love: 0n, care: 0n }, total: 0n }))
  for (const s of live) {
    const amounts = largestRemainder(streams[s], weights.get(s) ?? [])
    amounts.forEach((a, i) => {
      const p = payouts[i] as Payout
      p.streams[s] = a
      p.total += a
    })
  }
  return { streams, payouts }
}
