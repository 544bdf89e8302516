import t from 'tap'
import fc from 'fast-check'
import { OP_ARBITRARIES, checkDecode, checkRoundTrip, frame, mutatedFrame, randomBuffer } from '../bench/arbitraries.js'
import type { DecodeTally } from '../bench/arbitraries.js'
import { MAX_OPS_PER_FRAME } from '../src/ledger/limits.js'
import { validateOp } from '../src/ledger/validate.js'
import { holds, seedCount, seeds } from './helpers/seeds.js'

/**
 * Property-based fuzzing of the frame decoder: 100,000 cases in all, from a fixed seed so that
 * `npm test` tries the same cases every run. DISCO_SEEDS=random tries new ones (and prints them),
 * DISCO_SEEDS=n replays one (test/helpers/seeds.ts); a failure names its seed and the shrunk
 * counterexample's path. `npm run fuzz` runs 1,000,000 cases with a fresh seed.
 */
const FIXED = [0x0d15c0]
const RUNS = { roundTrip: 30_000, random: 30_000, mutated: 40_000 }
// a long run (several seeds) gets the time it needs: tap's default 120 s is for one seed
if (seedCount(FIXED) > 1) t.setTimeout(120_000 * seedCount(FIXED))

/** `check` on `numRuns` cases from each seed; returns how many cases it saw in all. */
async function run<T> (t: Tap, name: string, arb: fc.Arbitrary<T>, check: (v: T) => void, numRuns: number): Promise<number> {
  let seen = 0
  for (const seed of seeds(t, FIXED)) {
    const start = performance.now()
    await holds(t, name, fc.property(arb, v => { seen++; check(v) }), numRuns, [seed])
    const ms = performance.now() - start
    t.comment(`${name}: ${numRuns} cases in ${Math.round(ms)} ms (${Math.round(numRuns / ms * 1000)} cases/s)`)
  }
  return seen
}

type Tap = Parameters<Parameters<typeof t.test>[0]>[0]

t.test('every op arbitrary makes valid ops', async t => {
  const chosen = seeds(t, FIXED)
  for (const [type, arb] of Object.entries(OP_ARBITRARIES)) {
    for (const seed of chosen) {
      const samples = fc.sample(arb as fc.Arbitrary<Parameters<typeof validateOp>[0]>, { seed, numRuns: 200 })
      t.ok(samples.every(o => o.type === type), `${type}: the right type (seed ${seed})`)
      t.doesNotThrow(() => { for (const o of samples) validateOp(o) }, `${type}: 200 samples pass validateOp (seed ${seed})`)
    }
  }
})

t.test('(a) valid frames round-trip byte-exact', async t => {
  const types = new Map<string, number>()
  let full = 0
  await run(t, 'valid frames round-trip: decode(encode(f)) deep-equals f, encode(decode(buf)) equals buf', frame, f => {
    checkRoundTrip(f)
    for (const o of f.ops) types.set(o.type, (types.get(o.type) ?? 0) + 1)
    if (f.ops.length >= MAX_OPS_PER_FRAME - 2) full++
  }, RUNS.roundTrip)
  t.same([...types.keys()].sort(), Object.keys(OP_ARBITRARIES).sort(), 'every op type was in some frame')
  t.ok(full > 0, `some frames held a full block of ops (${full})`)
  t.comment(`ops by type: ${[...types].map(([k, n]) => `${k} ${n}`).join(', ')}`)
})

t.test('(b) random buffers: a DiscoError, or a frame that re-encodes to the same bytes', async t => {
  const tally: DecodeTally = { accepted: 0, refused: 0 }
  const seen = await run(t, 'random buffers: refused, or decoded to a frame that re-encodes to them', randomBuffer, buf => { checkDecode(buf, tally) }, RUNS.random)
  t.comment(`random buffers: ${tally.refused} refused, ${tally.accepted} decoded`)
  t.equal(tally.refused + tally.accepted, seen, 'every buffer was either refused or decoded')
  t.ok(tally.refused > 0, `some buffers were refused (${tally.refused})`)
})

t.test('(c) mutated valid frames: a DiscoError, or a frame that re-encodes to the same bytes', async t => {
  const tally: DecodeTally = { accepted: 0, refused: 0 }
  const seen = await run(t, 'mutated frames: refused, or decoded to a frame that re-encodes to them', mutatedFrame, buf => { checkDecode(buf, tally) }, RUNS.mutated)
  t.comment(`mutated frames: ${tally.refused} refused, ${tally.accepted} still decoded`)
  t.equal(tally.refused + tally.accepted, seen, 'every frame was either refused or decoded')
  // both outcomes must occur, or the mutations test nothing
  t.ok(tally.refused > seen / 2, `most mutations are refused (${tally.refused})`)
  t.ok(tally.accepted > 100, `some mutations are still valid frames (${tally.accepted})`)
})
