import t from 'tap'
import fc from 'fast-check'
import { holds } from './helpers/seeds.js'
import { distribute, largestRemainder } from '../src/ledger/distribution.js'
import type { Credits, DistributionRules } from '../src/ledger/distribution.js'

const DEFAULTS: DistributionRules = { split: { livelihood: 50, love: 30, care: 20 }, careWeight: 500 }

t.test('the worked example of docs/accounting.md, to the cent', async t => {
  const credits: Credits[] = [
    { member: 'ana', credits: { livelihood: 600n, love: 300n, care: 120n } },
    { member: 'bo', credits: { livelihood: 360n, love: 0n, care: 360n } },
    { member: 'cy', credits: { livelihood: 0n, love: 600n, care: 0n } }
  ]
  const d = distribute(100_000n, DEFAULTS, credits)
  t.same(d?.streams, { livelihood: 50_000n, love: 30_000n, care: 20_000n })
  t.same(d?.payouts.map(p => [p.member, p.streams.livelihood, p.streams.love, p.streams.care, p.total]), [
    ['ana', 27_500n, 9_474n, 5_000n, 41_974n],
    ['bo', 22_500n, 4_737n, 15_000n, 42_237n],
    ['cy', 0n, 15_789n, 0n, 15_789n]
  ])
  const noCare = distribute(100_000n, { ...DEFAULTS, careWeight: 0 }, credits)
  t.equal(noCare?.payouts.find(p => p.member === 'bo')?.total, 33_750n, 'without the care rebalancing, as the page says')
})

t.test('largest remainder: leftover units go to the largest remainders, ties in the given order', async t => {
  t.same(largestRemainder(10n, [{ key: 'a', weight: 1n }, { key: 'b', weight: 1n }, { key: 'c', weight: 1n }]), [4n, 3n, 3n])
  t.same(largestRemainder(2n, [{ key: 'a', weight: 1n }, { key: 'b', weight: 2n }, { key: 'c', weight: 3n }]), [0n, 1n, 1n])
  t.same(largestRemainder(5n, [{ key: 'a', weight: 0n }, { key: 'b', weight: 0n }]), [0n, 0n])
  t.throws(() => largestRemainder(-1n, [{ key: 'a', weight: 1n }]), RangeError)
})

t.test('a stream nobody worked in passes its share on; nobody at all, no distribution', async t => {
  const d = distribute(1_000n, DEFAULTS, [{ member: 'ana', credits: { livelihood: 60n, love: 60n, care: 0n } }])
  t.same(d?.streams, { livelihood: 625n, love: 375n, care: 0n }, 'care (20) re-split 50:30')
  t.equal(distribute(1_000n, DEFAULTS, [{ member: 'ana', credits: { livelihood: 0n, love: 0n, care: 0n } }]), null)
})

const credit = fc.nat(100_000).map(BigInt)
const streams = fc.record({ livelihood: credit, love: credit, care: credit })
const participants = fc.uniqueArray(fc.record({ member: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'.split('')), minLength: 4, maxLength: 8 }), credits: streams }), { selector: p => p.member, minLength: 1, maxLength: 12 })
const rules = fc.record({
  split: fc.record({ livelihood: fc.nat(100), love: fc.nat(100), care: fc.nat(100) }),
  careWeight: fc.nat(2000)
})
const pool = fc.bigInt({ min: 0n, max: 10n ** 15n })

t.test('properties: payouts sum to the pool exactly, none negative, whatever the order of the participants', async t => {
  await holds(t, 'payouts sum to the pool, none negative, the same in any order', fc.property(pool, rules, participants, (p, r, ps) => {
    const d = distribute(p, r, ps)
    if (d === null) return true
    const total = d.payouts.reduce((s, x) => s + x.total, 0n)
    if (total !== p) return false
    if (d.payouts.some(x => x.total < 0n)) return false
    const again = distribute(p, r, [...ps].reverse())
    return JSON.stringify(again, (_k, v) => typeof v === 'bigint' ? v.toString() : v) === JSON.stringify(d, (_k, v) => typeof v === 'bigint' ? v.toString() : v)
  }), 2000, [20261125])
})

/*
 * Why it holds within a stream: raising one weight raises that share's exact quota and lowers every
 * other's. If its floor rises, it gets at least its old floor + 1, which is at least what it had.
 * If its floor stays, its remainder grew; others whose floor stayed have smaller remainders than
 * before, and each of the k others whose floor dropped adds one leftover unit, so fewer shares than
 * leftover units rank above it: it keeps its unit.
 */
t.test('property: more credits in a stream never means less from it', async t => {
  await holds(t, 'more credits in a stream never mean less from it', fc.property(pool, rules, participants, fc.nat(11), fc.constantFrom('livelihood', 'love', 'care' as const), fc.integer({ min: 1, max: 10_000 }),
    (p, r, ps, pick, stream, extra) => {
      const i = pick % ps.length
      const before = distribute(p, r, ps)
      const more = ps.map((x, j) => j === i ? { ...x, credits: { ...x.credits, [stream]: x.credits[stream] + BigInt(extra) } } : x)
      const after = distribute(p, r, more)
      if (before === null || after === null) return true
      const member = (ps[i] as Credits).member
      const got = (d: typeof before): bigint => d.payouts.find(x => x.member === member)?.streams[stream] ?? 0n
      // the stream's own amount can change only when it was empty before; compare when it was not
      if (before.streams[stream] !== after.streams[stream]) return true
      return got(after) >= got(before)
    }), 2000, [20261126])
})
