import fc from 'fast-check'
import type { Test } from 'tap'

/**
 * The seeds of the random tests. `npm test` draws from each test's fixed list, so that every run
 * tries the same cases and a failure is the code's, not the dice's. A long run with new seeds:
 *
 *   DISCO_SEEDS=random      as many fresh seeds as the fixed list has, each printed
 *   DISCO_SEEDS=random:50   fifty fresh seeds per random test
 *   DISCO_SEEDS=123,456     exactly these (to replay a printed seed)
 *
 * Every seed is printed as a comment (and named in the assertions that use it): the line to
 * replay a failure is `DISCO_SEEDS=<seed> npx tap test/<file>`. A seed that ever failed joins its
 * test's fixed list as a regression case.
 */
export function seeds (t: Test, fixed: readonly number[]): number[] {
  const asked = process.env.DISCO_SEEDS ?? ''
  let chosen: number[]
  if (asked === '') {
    chosen = [...fixed]
  } else if (/^random(:\d+)?$/.test(asked)) {
    const count = asked.includes(':') ? Number(asked.split(':')[1]) : fixed.length
    chosen = Array.from({ length: count }, () => Math.floor(Math.random() * 0x7fffffff))
  } else if (/^\d+(,\d+)*$/.test(asked)) {
    chosen = asked.split(',').map(Number)
  } else {
    throw new Error(`DISCO_SEEDS must be random, random:<count> or a comma-separated list of whole numbers, not "${asked}"`)
  }
  for (const seed of chosen) t.comment(`seed ${seed} (DISCO_SEEDS=${seed} replays it)`)
  return chosen
}

/** How many seeds `seeds(t, fixed)` will give: to scale a long test's timeout to them. */
export function seedCount (fixed: readonly number[]): number {
  const asked = process.env.DISCO_SEEDS ?? ''
  if (asked === '' || asked === 'random') return fixed.length
  if (asked.startsWith('random:')) return Number(asked.split(':')[1])
  return asked.split(',').length
}

/** A shrunk counterexample can still be megabytes (a frame of a thousand ops): keep the report readable. */
function short (text: string): string {
  return text.length > 2000 ? `${text.slice(0, 2000)}… (${text.length} characters)` : text
}

/**
 * Check a fast-check property from each seed, as tap assertions: it held in every case, and every
 * one of the `numRuns` cases ran (none skipped). A failure names the seed and the shrunk
 * counterexample (its first 2,000 characters).
 */
export async function holds<Ts> (t: Test, what: string, property: fc.IProperty<Ts> | fc.IAsyncProperty<Ts>, numRuns: number, fixed: readonly number[]): Promise<void> {
  for (const seed of seeds(t, fixed)) {
    const out = await fc.check(property, { seed, numRuns })
    t.notOk(out.failed, `${what} (seed ${seed})`, out.failed
      ? { counterexample: short(fc.stringify(out.counterexample)), error: short(String(out.errorInstance)), replay: `DISCO_SEEDS=${seed}` }
      : {})
    if (!out.failed) t.equal(out.numRuns, numRuns, `${what}: all ${numRuns} cases ran (seed ${seed})`)
  }
}
