import t from 'tap'
import path from 'node:path'
import Corestore from 'corestore'
import Hyperbee from 'hyperbee'
import { apply } from '../src/consensus/apply.js'
import { checkpointCachedNodes, validateCachedNodes } from '../src/consensus/bee-cache.js'
import { scanDigest } from '../src/consensus/digest.js'
import { getDigest, memberBalances } from '../src/consensus/queries.js'
import { FakeWriter, bareView, contribution, dump, frame, host } from './helpers/ops.js'
import type { Op } from '../src/ledger/ops.js'

const T0 = 1_790_000_000_000

/** hyperbee's private node cache, to see what it holds */
interface CachedBee { _nodeCache: { get: (seq: number) => unknown }, _ontruncateBound: (...args: unknown[]) => void }

/**
 * A view bee deaf to its core's truncate event, as the one autobase hands apply can be (the
 * atom-session test below shows how), so that only apply's own check can notice a rewrite.
 */
async function deafView (dir: string): Promise<{ bee: Hyperbee, cached: (seq: number) => boolean, close: () => Promise<void> }> {
  const v = await bareView(dir)
  const bee = v.bee as Hyperbee & CachedBee
  bee.core.off('truncate', bee._ontruncateBound)
  return { bee, cached: seq => bee._nodeCache.get(seq) !== null, close: v.close }
}

/** A member's love balance, in minutes. */
async function loveMinutes (bee: Hyperbee, member: string): Promise<number | undefined> {
  return (await memberBalances(bee, member, 'all')).find(r => r.stream === 'love')?.balance.minutes
}

/** Apply one block of ops per call, as a writer appends them, and return the view's length. */
async function applyEach (bee: Hyperbee, writer: FakeWriter, ops: Array<{ op: Op, time: number }>): Promise<number> {
  for (const { op, time } of ops) await apply([writer.node(frame([op], { time }))], bee, host())
  return bee.core.length
}

const BEE = { keyEncoding: 'utf-8', valueEncoding: 'binary', extension: false } as const

const FOUND: Op = { type: 'found', coopName: 'Coop', memberName: 'Ana' }
const BEFORE = [60, 45].map((minutes, i) => ({ op: contribution({ minutes, day: 20790 + i }), time: T0 + 1 + i }))
const AFTER = [30, 15, 5, 20, 10, 25].map((minutes, i) => ({ op: contribution({ minutes, day: 20800 + i }), time: T0 + 10 + i }))
const LAST = { op: contribution({ minutes: 1, day: 20900 }), time: T0 + 100 }

/**
 * What autobase does to the view when it reorders the ledger: truncate it and apply again, writing
 * new blocks at the numbers old ones had. Here the view comes back shorter than apply left it.
 */
t.test('apply reads the view as it is after a truncation the bee did not hear of', async t => {
  const { bee, close } = await deafView(t.testdir())
  t.teardown(close)
  const ana = new FakeWriter(1)
  const founded = await applyEach(bee, ana, [{ op: FOUND, time: T0 }])
  await applyEach(bee, ana, BEFORE)
  await dump(bee) // every tree node is in the cache now

  // the reorder: back to the founding, then other ops in their place
  await bee.core.truncate(founded)
  ana.length = 1
  await applyEach(bee, ana, AFTER.slice(0, 3))

  t.equal(await loveMinutes(bee, ana.hex), 50, 'only the ops after the reorder count')
  t.equal(await getDigest(bee), await scanDigest(bee), 'the digest agrees with the view')
})

/**
 * The case a length check misses: between two applies of this bee, the view is truncated and
 * written again past the length the last apply left (autobase rebuilding its view; here a second
 * bee on the same core). The view is no shorter, but its blocks are not the ones the cache holds.
 */
t.test('apply reads the view as it is after it was rewritten past its old length', async t => {
  const { bee, close } = await deafView(path.join(t.testdir(), 'reordered'))
  t.teardown(close)
  const ana = new FakeWriter(1)
  const founded = await applyEach(bee, ana, [{ op: FOUND, time: T0 }])
  const left = await applyEach(bee, ana, BEFORE)
  await dump(bee)

  await bee.core.truncate(founded)
  const rebuilder = new Hyperbee(bee.core.session(), BEE)
  t.teardown(async () => { await rebuilder.close() })
  const rewriter = new FakeWriter(1)
  rewriter.length = 1
  const rewritten = await applyEach(rebuilder, rewriter, AFTER)
  t.ok(rewritten >= left, `the view was written again to ${rewritten} blocks, past the ${left} the bee's last apply left`)

  ana.length = rewriter.length
  await applyEach(bee, ana, [LAST])

  // the same blocks applied to a fresh view, which has no cache to go stale
  const fresh = await bareView(path.join(t.testdir(), 'fresh'))
  t.teardown(fresh.close)
  const again = new FakeWriter(1)
  await applyEach(fresh.bee, again, [{ op: FOUND, time: T0 }, ...AFTER, LAST])

  t.equal(await loveMinutes(bee, ana.hex), 106, 'the ops written in the rewrite and the last one count, the replaced ones do not')
  t.same(await dump(bee), await dump(fresh.bee), 'the view is the one a fresh view makes of the same blocks')
  t.equal(await getDigest(bee), await scanDigest(bee), 'the digest agrees with the view')
})

t.test('the caches survive between applies only while the view holds what they were read from', async t => {
  const { bee, cached, close } = await deafView(t.testdir())
  t.teardown(close)
  const ana = new FakeWriter(1)
  const founded = await applyEach(bee, ana, [{ op: FOUND, time: T0 }])
  await applyEach(bee, ana, BEFORE)
  await dump(bee)
  const seq = bee.core.length - 1
  t.ok(cached(seq), 'reading the view filled the node cache')

  t.ok(await validateCachedNodes(bee), 'an untouched view keeps its caches')
  t.ok(cached(seq), 'the cached node is still there')
  t.ok(await validateCachedNodes(bee), 'a checkpoint vouches again while the view holds what it recorded')
  t.ok(cached(seq), 'the cached node is still there')

  // the view grows (another apply): what was cached below the checkpoint stays
  await dump(bee)
  await checkpointCachedNodes(bee)
  const left = bee.core.length
  await applyEach(bee, ana, AFTER.slice(0, 1))
  await dump(bee)
  await checkpointCachedNodes(bee)
  await bee.put('grown', Buffer.from('past the checkpoint'))
  t.ok(await validateCachedNodes(bee), 'a view that only grew keeps its caches')
  t.ok(cached(left - 1), 'a node below the checkpoint is still cached')

  // rewritten to the same length with other blocks: the length alone cannot tell
  await dump(bee)
  await checkpointCachedNodes(bee)
  const checkpointed = bee.core.length
  await bee.core.truncate(founded)
  ana.length = 1
  const rebuilder = new Hyperbee(bee.core.session(), BEE)
  t.teardown(async () => { await rebuilder.close() })
  const rewriter = new FakeWriter(1)
  rewriter.length = 1
  for (const step of AFTER.slice(3)) {
    if (bee.core.length >= checkpointed) break
    await applyEach(rebuilder, rewriter, [step])
  }
  while (bee.core.length < checkpointed) await rebuilder.put(`filler/${bee.core.length}`, Buffer.from('x'))
  t.ok(bee.core.length >= checkpointed, 'the rewritten view is no shorter than at the checkpoint')
  // the founding apply's checkpoint still vouches for the blocks before the rewrite
  t.ok(await validateCachedNodes(bee), 'a view rewritten under the cache keeps only what lies below the rewrite')
  t.notOk(cached(seq), 'the stale node is gone')

  // shorter than at the checkpoint
  await dump(bee)
  await checkpointCachedNodes(bee)
  const top = bee.core.length - 1
  t.ok(cached(top), 'the rewritten view read')
  await bee.core.truncate(founded)
  t.ok(await validateCachedNodes(bee), 'a truncated view keeps only what lies below the truncation')
  t.notOk(cached(top), 'a node past the truncation is gone')

  // another bee (autobase opens a new one after a fast-forward) has no checkpoint
  await dump(rebuilder)
  t.notOk(await validateCachedNodes(rebuilder), 'a bee with no checkpoint of its own drops its caches')
})

/**
 * A reorder truncates the view back past the last applies and applies again: an older checkpoint
 * still vouches for what lies below the truncation, so apply reads from storage only what changed.
 */
t.test('after a reorder the caches keep what lies below the truncation', async t => {
  const { bee, cached, close } = await deafView(t.testdir())
  t.teardown(close)
  const ana = new FakeWriter(1)
  await applyEach(bee, ana, [{ op: FOUND, time: T0 }])
  const kept = await applyEach(bee, ana, BEFORE.slice(0, 1))
  await applyEach(bee, ana, BEFORE.slice(1))
  await dump(bee) // every tree node is in the cache now
  const past = bee.core.length - 1
  t.ok(cached(kept - 1) && cached(past), 'reading the view filled the node cache')

  // the reorder: back to the first contribution (the bee hears of no truncation)
  await bee.core.truncate(kept)
  t.ok(await validateCachedNodes(bee), 'the checkpoint of an earlier apply vouches for what lies below the truncation')
  t.ok(cached(kept - 1), 'a node below the truncation is still cached')
  t.notOk(cached(past), 'a node at or past it is gone')

  // the same blocks applied again in another order, then the view reads as a fresh one would
  ana.length = 2
  await applyEach(bee, ana, [AFTER[0]!])
  const fresh = await bareView(path.join(t.testdir(), 'fresh'))
  t.teardown(fresh.close)
  const again = new FakeWriter(1)
  await applyEach(fresh.bee, again, [{ op: FOUND, time: T0 }, BEFORE[0]!, AFTER[0]!])
  t.same(await dump(bee), await dump(fresh.bee), 'the view is the one a fresh view makes of the same blocks')
  t.equal(await getDigest(bee), await scanDigest(bee), 'the digest agrees with the view')
})

/**
 * The view as autobase lays it out (autobase/lib/store.js): a named `batch` session of the view
 * core, an atom session on it, and the bee on a session of that. A truncation of the batch itself
 * reaches neither: the bee hears no `truncate` event, still reports its old length, and reads
 * whatever was written since at the same block numbers (hypercore 11.37.1). Only the content tells.
 */
t.test('a view rewritten under an atom session, which hears of no truncation, keeps only the caches below the rewrite', async t => {
  const store = new Corestore(t.testdir())
  t.teardown(async () => { await store.close() })
  const core = store.get({ name: 'view' })
  await core.ready()
  const batch = core.session({ name: 'batch', writable: true })
  const atom = store.storage.createAtom()
  const bee = new Hyperbee(batch.session({ atom, writable: true }).session({ writable: true }), BEE)
  t.teardown(async () => { await bee.close() })
  await bee.ready()
  let truncations = 0
  bee.core.on('truncate', () => { truncations++ })

  const ana = new FakeWriter(1)
  const founded = await applyEach(bee, ana, [{ op: FOUND, time: T0 }])
  const left = await applyEach(bee, ana, BEFORE)
  await atom.flush() // as autobase does once apply has returned
  await dump(bee)
  t.ok(await validateCachedNodes(bee), 'the tree hash reads the same through the atom session after the flush: the caches stay')
  await checkpointCachedNodes(bee) // as the apply that kept them leaves it

  await batch.truncate(founded)
  const rebuilder = new Hyperbee(batch.session({ writable: true }), BEE)
  t.teardown(async () => { await rebuilder.close() })
  const rewriter = new FakeWriter(1)
  rewriter.length = 1
  await applyEach(rebuilder, rewriter, AFTER)
  t.ok(batch.length >= left, 'the batch was written again past the length the bee left')
  t.equal(truncations, 0, 'the bee heard of no truncation')
  t.equal(bee.core.length, left, 'and still sees the length it left: a length check cannot tell')
  const cached = (seq: number): boolean => (bee as unknown as CachedBee)._nodeCache.get(seq) !== null
  t.ok(cached(left - 1), 'the bee read the block it left last')
  t.ok(await validateCachedNodes(bee), 'the tree hash tells: only the founding apply\'s checkpoint vouches')
  t.notOk(cached(left - 1), 'the stale node is gone')

  // the same, caught while the batch has lost the blocks and not yet got new ones
  await dump(bee)
  await checkpointCachedNodes(bee)
  await batch.truncate(founded)
  t.ok(await validateCachedNodes(bee), 'blocks gone: only what lies below them stays, and apply does not wait for the blocks')
  t.notOk(cached(left - 1), 'a node past the truncation is gone')
  await checkpointCachedNodes(bee)
  t.notOk(await validateCachedNodes(bee), 'nor does taking a checkpoint then wait, or record one')
})

t.test('a view whose tree hash cannot be read drops its caches instead of throwing', async t => {
  const { bee, close } = await deafView(t.testdir())
  t.teardown(close)
  await applyEach(bee, new FakeWriter(1), [{ op: FOUND, time: T0 }])
  await dump(bee)
  await checkpointCachedNodes(bee)
  // the tree's roots cannot be read: what storage does when it went away
  const storage = (bee.core as unknown as { state: { storage: { read: () => unknown } } }).state.storage
  storage.read = () => { throw new Error('storage went away') }
  t.notOk(await validateCachedNodes(bee), 'no proof, no cache')
  await checkpointCachedNodes(bee) // nor does recording throw
  t.notOk(await validateCachedNodes(bee), 'and no checkpoint was recorded')
})

t.test('apply leaves the blocks it wrote in the cache, and the next apply reads its upper tree nodes from there', async t => {
  const { bee, cached, close } = await deafView(t.testdir())
  t.teardown(close)
  const ana = new FakeWriter(1)
  const before = await applyEach(bee, ana, [{ op: FOUND, time: T0 }])
  const after = await applyEach(bee, ana, [BEFORE[0] as { op: Op, time: number }])
  t.ok(after > before, 'the apply wrote blocks')
  for (let seq = before; seq < after; seq++) t.ok(cached(seq), `block ${seq}, written by the apply, is cached`)

  const reads = { n: 0 }
  const core = bee.core as unknown as { get: (...args: unknown[]) => Promise<unknown> }
  const get = core.get.bind(bee.core)
  core.get = async (...args) => { if (typeof args[0] === 'number' && args[0] >= before) reads.n++; return await get(...args) }
  await applyEach(bee, ana, [BEFORE[1] as { op: Op, time: number }])
  t.equal(reads.n, 0, 'the next apply read none of them from the core')
  t.equal(await loveMinutes(bee, ana.hex), 105, 'and the ledger is right')
})
