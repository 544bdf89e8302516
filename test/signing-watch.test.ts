import t from 'tap'
import type Autobase from 'autobase'
import type Hyperbee from 'hyperbee'
import { SigningWatch } from '../src/signing-watch.js'

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
  const watch = new SigningWatch(base, 1000)
  await watch.check()
  t.equal(appends(), 0, 'the first look only notes the length')
  await watch.check()
  t.equal(appends(), 1, 'quiet for an interval: one acknowledgement')
  await watch.check()
  t.equal(appends(), 2, 'still unsigned after it: a second round (signing can take two)')
  for (let i = 0; i < 10; i++) await watch.check()
  t.equal(appends(), 3, 'at most three for one view length')
  core.length = 11
  await watch.check()
  t.equal(appends(), 3, 'a view that changed is not quiet')
  await watch.check()
  t.equal(appends(), 4, 'a new length may be nudged again')
  core.signedLength = 11
  await watch.check()
  t.equal(appends(), 4, 'a signed view is left alone')
})

t.test('a node that is not a writable indexer never nudges', async t => {
  const { base, appends } = fakeBase()
  ;(base as unknown as { isIndexer: boolean }).isIndexer = false
  const watch = new SigningWatch(base, 1000)
  for (let i = 0; i < 5; i++) await watch.check()
  t.equal(appends(), 0)
})
