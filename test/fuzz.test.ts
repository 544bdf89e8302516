import t from 'tap'
import fc from 'fast-check'
import { OP_ARBITRARIES, checkDecode, checkRoundTrip, frame, mutatedFrame, randomBuffer } from '../bench/arbitraries.js'
import type { DecodeTally } from '../bench/arbitraries.js'
import { MAX_OPS_PER_FRAME } from '../src/ledger/limits.js'
import { validateOp } from '../src/ledger/validate.js'

/**
 * Property-based fuzzing of the frame decoder: 100,000 cases in all. The seed is fixed so that
 * `npm test` tries the same cases every run (FUZZ_SEED=n tries others); a failure prints the seed
 * and the shrunk counterexample's path, which replay it. `npm run fuzz` runs 1,000,000 cases with
 * a fresh seed.
 */
const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : 0x0d15c0
const RUNS = { roundTrip: 30_000, random: 30_000, mutated: 40_000 }

t.comment(`fast-check seed ${SEED} (FUZZ_SEED to change)`)

function run<T> (t: Tap, name: string, arb: fc.Arbitrary<T>, check: (v: T) => void, numRuns: number): void {
  const start = performance.now()
  fc.assert(fc.property(arb, check), { seed: SEED, numRuns })
  const ms = performance.now() - start
  t.comment(`${name}: ${numRuns} cases in ${Math.round(ms)} ms (${Math.round(numRuns / ms * 1000)} cases/s)`)
}

type Tap = Parameters<Parameters<typeof t.test>[0]>[0]

t.test('every op arbitrary makes valid ops', async t => {
  for (const [type, arb] of Object.entries(OP_ARBITRARIES)) {
    const samples = fc.sample(arb as fc.Arbitrary<Parameters<typeof validateOp>[0]>, { seed: SEED, numRuns: 200 })
    t.ok(samples.every(o => o.type === type), `${type}: the right type`)
    t.doesNotThrow(() => { for (const o of samples) validateOp(o) }, `${type}: 200 samples pass validateOp`)
  }
})

t.test('(a) valid frames round-trip byte-exact', async t => {
  const types = new Map<string, number>()
  let full = 0
  run(t, 'round trips', frame, f => {
    checkRoundTrip(f)
    for (const o of f.ops) types.set(o.type, (types.get(o.type) ?? 0) + 1)
    if (f.ops.length >= MAX_OPS_PER_FRAME - 2) full++
  }, RUNS.roundTrip)
  t.pass(`${RUNS.roundTrip} frames: decode(encode(f)) deep-equals f, encode(decode(buf)) equals buf`)
  t.same([...types.keys()].sort(), Object.keys(OP_ARBITRARIES).sort(), 'every op type was in some frame')
  t.ok(full > 0, `some frames held a full block of ops (${full})`)
  t.comment(`ops by type: ${[...types].map(([k, n]) => `${k} ${n}`).join(', ')}`)
})

t.test('(b) random buffers: a DiscoError, or a frame that re-encodes to the same bytes', async t => {
  const tally: DecodeTally = { accepted: 0, refused: 0 }
  run(t, 'random buffers', randomBuffer, buf => { checkDecode(buf, tally) }, RUNS.random)
  t.comment(`random buffers: ${tally.refused} refused, ${tally.accepted} decoded`)
  t.pass(`${RUNS.random} buffers`)
})

t.test('(c) mutated valid frames: a DiscoError, or a frame that re-encodes to the same bytes', async t => {
  const tally: DecodeTally = { accepted: 0, refused: 0 }
  run(t, 'mutated frames', mutatedFrame, buf => { checkDecode(buf, tally) }, RUNS.mutated)
  t.comment(`mutated frames: ${tally.refused} refused, ${tally.accepted} still decoded`)
  // both outcomes must occur, or the mutations test nothing
  t.ok(tally.refused > RUNS.mutated / 2, `most mutations are refused (${tally.refused})`)
  t.ok(tally.accepted > 100, `some mutations are still valid frames (${tally.accepted})`)
})
