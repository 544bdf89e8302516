import t from 'tap'
import type Autobase from 'autobase'
import type Hyperbee from 'hyperbee'
import { SigningWatch } from '../src/node/signing-watch.js'

/** the parts of a base the watch reads, and a count of what it appended */
function fakeBase (): { base: Autobase<Hyperbee>, core: { length: number, signedLength: number }, appends: () => number } {
  const core = { length: 10, signedLength: 8 }
  let appended = 0
  const base = {
    closed: false,
    isIndexer: true,
    writable: true,
    view: { core },
    append: async (value: unknown) => { if (value === null) appended++ }
  }
  return { base: base as unknown as Autobase<Hyperbee>, core, appends: () => appended }
}

t.test('an indexer nudges an unsigned, quiet view a few times, then stops until the view changes', async t => {
  const { base, core, appends } = fakeBase()
  const watch = new SigningWatch(base, 1000, () => 0) // no backoff
  await watch.check()
  t.equal(appends(), 0, 'the first look only notes the length')
  await watch.check()
  t.equal(appends(), 1, 'quiet for an interval: one acknowledgement')
  await watch.check()
  t.equal(appends(), 2, 'still unsigned after it: a second round (signing can take two)')
  for (let i = 0; i < 20; i++) await watch.check()
  t.equal(appends(), 8, 'at most eight for one view length')
  core.length = 11
  await watch.check()
  t.equal(appends(), 8, 'a view that changed is not quiet')
  await watch.check()
  t.equal(appends(), 9, 'a new length may be nudged again')
  core.signedLength = 11
  await watch.check()
  t.equal(appends(), 9, 'a signed view is left alone')
})

t.test('indexers back off at random between nudges, so that theirs do not keep landing together', async t => {
  const { base, appends } = fakeBase()
  const watch = new SigningWatch(base, 1000, () => 0.999) // the longest backoff each time
  const nudgedAt: number[] = []
  await watch.check()
  for (let interval = 1; interval <= 40; interval++) {
    const before = appends()
    await watch.check()
    if (appends() > before) nudgedAt.push(interval)
  }
  // after nudge n it waits floor(0.999 * 2^min(n-1, 3)) intervals: 0, 1, 3, then 7
  t.same(nudgedAt, [1, 2, 4, 8, 16, 24, 32, 40], 'gaps of 1, 2, 4, then 8 intervals, eight nudges in all')
})

t.test('a node that is not a writable indexer never nudges', async t => {
  const { base, appends } = fakeBase()
  ;(base as unknown as { isIndexer: boolean }).isIndexer = false
  const watch = new SigningWatch(base, 1000)
  for (let i = 0; i < 5; i++) await watch.check()
  t.equal(appends(), 0)
})
