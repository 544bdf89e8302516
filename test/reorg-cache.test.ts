import t from 'tap'
import { apply } from '../src/consensus/apply.js'
import { scanDigest } from '../src/consensus/digest.js'
import { getDigest, memberBalances } from '../src/consensus/queries.js'
import { FakeWriter, bareView, contribution, dump, frame, host } from './helpers/ops.js'

const T0 = 1_790_000_000_000

/**
 * What autobase does to the view when it reorders the ledger: truncate it and apply again, writing
 * new blocks at the numbers old ones had. The view session does not always tell hyperbee, whose
 * node cache then serves the old blocks (seen as a reconnecting node's balances diverging from its
 * peers). Here the bee is made deaf to its core's truncate event, as it is under autobase, and the
 * apply after the rewrite must still read the new blocks.
 */
t.test('apply reads the view as it is after a truncation the bee did not hear of', async t => {
  const v = await bareView(t.testdir())
  t.teardown(v.close)
  const bee = v.bee as typeof v.bee & { _ontruncateBound: (...args: unknown[]) => void }
  bee.core.off('truncate', bee._ontruncateBound)

  const ana = new FakeWriter(1)
  const h = host()
  await apply([ana.node(frame([{ type: 'found', coopName: 'Coop', memberName: 'Ana' }], { time: T0 }))], bee, h)
  const founded = bee.core.length
  await apply([ana.node(frame([contribution({ minutes: 60 })], { time: T0 + 1 }))], bee, h)
  await apply([ana.node(frame([contribution({ minutes: 45, day: 20790 })], { time: T0 + 2 }))], bee, h)
  await dump(bee) // every tree node is in the cache now

  // the reorder: back to the founding, then other ops in their place
  await bee.core.truncate(founded)
  ana.length = 1
  await apply([ana.node(frame([contribution({ minutes: 30 })], { time: T0 + 3 }))], bee, h)
  await apply([ana.node(frame([contribution({ minutes: 15, day: 20791 })], { time: T0 + 4 }))], bee, h)
  await apply([ana.node(frame([contribution({ minutes: 5, day: 20792 })], { time: T0 + 5 }))], bee, h)

  const love = (await memberBalances(bee, ana.hex, 'all')).find(r => r.stream === 'love')
  t.same(love?.balance, { minutes: 50, entries: 3, money: {} }, 'only the ops after the reorder count')
  t.equal(await getDigest(bee), await scanDigest(bee), 'the digest agrees with the view')
})
