import t from 'tap'
import b4a from 'b4a'
import { canonicalBytes } from '../src/consensus/canonical-json.js'
import { MemoryStore } from '../src/consensus/view-store.js'
import { ViewTx } from '../src/consensus/view-tx.js'

/**
 * ViewTx.eachJson, the range read a distribution counts its month with: every key of the range
 * as rangeJson has it (the store overlaid with the batch's writes and deletions), one at a time.
 */
t.test('eachJson gives what rangeJson gives, the batch\'s writes and deletions included', async t => {
  const store = new MemoryStore()
  await store.write([
    ['entry/2026-10-01/a', canonicalBytes({ n: 1 })],
    ['entry/2026-10-02/b', canonicalBytes({ n: 2 })],
    ['entry/2026-10-03/c', canonicalBytes({ n: 3 })],
    ['entry/2026-11-01/d', canonicalBytes({ n: 4 })],
    ['member/x', b4a.from('{}')]
  ])
  const tx = new ViewTx(store)
  await tx.put('entry/2026-10-02/b', { n: 20 }) // changed in this batch
  await tx.del('entry/2026-10-03/c') // deleted in this batch
  tx.putNew('entry/2026-10-04/e', { n: 5 }) // new in this batch
  await tx.get('entry/2026-10-01/a') // read, unchanged
  await tx.get('entry/2026-10-09/none') // read, absent
  await tx.put('entry/2026-11-02/f', { n: 6 }) // outside the range

  const each: Array<[string, unknown]> = []
  await tx.eachJson<{ n: number }>('entry/2026-10-', 'entry/2026-10-\xff', (key, value) => { each.push([key, value]) })
  const range = await tx.rangeJson<{ n: number }>('entry/2026-10-', 'entry/2026-10-\xff')
  t.same(each.sort((a, b) => a[0] < b[0] ? -1 : 1), range, 'the same keys and values')
  t.same(range.map(([, v]) => v), [{ n: 1 }, { n: 20 }, { n: 5 }], 'the batch\'s view of the range')
})

/**
 * One undo map serves every op of a batch (cleared at begin, commit and rollback): a rollback
 * must undo the current op's writes and hooks only, never those of ops committed before it.
 */
t.test('a rollback undoes its own op only, after earlier ops committed', async t => {
  const store = new MemoryStore()
  await store.write([['bal/a', canonicalBytes({ n: 0 })]])
  const tx = new ViewTx(store)
  const undone: string[] = []

  tx.begin()
  await tx.put('bal/a', { n: 1 })
  tx.putNew('entry/2026-10-01/x-1-0', { description: 'first', tags: ['a'] })
  tx.onRollback(() => undone.push('first'))
  tx.commit()

  tx.begin()
  await tx.put('bal/a', { n: 2 })
  tx.putNew('entry/2026-10-01/x-1-1', { description: 'second' })
  tx.onRollback(() => undone.push('second, 1'))
  tx.onRollback(() => undone.push('second, 2'))
  t.same(await tx.get('entry/2026-10-01/x-1-1'), { description: 'second' }, 'a record put new reads back within its op')
  tx.rollback()

  t.same(undone, ['second, 2', 'second, 1'], 'the rolled-back op\'s hooks ran, newest first; the committed op\'s did not')
  t.same(await tx.get('bal/a'), { n: 1 }, 'the committed op\'s write stands')
  t.same(await tx.get('entry/2026-10-01/x-1-0'), { description: 'first', tags: ['a'] }, 'the committed record reads back')
  t.equal(await tx.get('entry/2026-10-01/x-1-1'), null, 'the rolled-back record is gone')

  tx.rollback() // outside an op: nothing to undo
  t.same(await tx.get('bal/a'), { n: 1 })

  await tx.flush()
  t.same(store.sorted().filter(([k]) => k !== 'sys/digest').map(([k, v]) => [k, b4a.toString(v)]), [
    ['bal/a', '{"n":1}'],
    ['entry/2026-10-01/x-1-0', '{"description":"first","tags":["a"]}']
  ], 'the store holds the committed writes, as canonical JSON')
})

/** `held` answers without waiting only for keys the batch holds; `setHeld` writes only those. */
t.test('held and setHeld: the batch\'s keys only, undone like put', async t => {
  const store = new MemoryStore()
  await store.write([['bal/a', canonicalBytes({ n: 1 })]])
  const tx = new ViewTx(store)
  t.equal(tx.held('bal/a'), undefined, 'not read yet: must be read from the store')
  t.throws(() => tx.setHeld('bal/a', { n: 2 }), /does not hold/, 'a key the batch does not hold is not written blind')
  t.same(await tx.get('bal/a'), { n: 1 })
  t.same(tx.held('bal/a'), { n: 1 }, 'read once, held')
  t.equal(await tx.get('bal/b'), null)
  t.equal(tx.held('bal/b'), null, 'held as absent')

  tx.begin()
  tx.setHeld('bal/a', { n: 2 })
  tx.setHeld('bal/b', { n: 3 })
  t.same(tx.held('bal/a'), { n: 2 })
  tx.rollback()
  t.same(tx.held('bal/a'), { n: 1 }, 'rolled back')
  t.equal(tx.held('bal/b'), null)

  tx.begin()
  tx.setHeld('bal/a', null)
  tx.setHeld('bal/b', { n: 3 })
  tx.commit()
  await tx.flush()
  t.same(store.sorted().filter(([k]) => k !== 'sys/digest').map(([k, v]) => [k, b4a.toString(v)]), [['bal/b', '{"n":3}']], 'null deletes, as del does')
})
