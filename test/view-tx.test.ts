import t from 'tap'
import b4a from 'b4a'
import { canonicalBytes, parseJson } from '../src/consensus/canonical-json.js'
import { DigestSum } from '../src/consensus/digest.js'
import { HEAD_KEY } from '../src/consensus/view-layout.js'
import { headBody, headDigest } from '../src/consensus/view-head.js'
import type { HeadRecord } from '../src/consensus/view-head.js'
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
  t.same(store.sorted().filter(([k]) => k !== 'meta/head').map(([k, v]) => [k, b4a.toString(v)]), [
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
  t.same(store.sorted().filter(([k]) => k !== 'meta/head').map(([k, v]) => [k, b4a.toString(v)]), [['bal/b', '{"n":3}']], 'null deletes, as del does')
})

/** `read` is `get` without the wait when the batch holds the key: a value (or null), not a promise. */
t.test('read: now when held, a promise of the same value otherwise', async t => {
  const store = new MemoryStore()
  await store.write([['bal/a', canonicalBytes({ n: 1 })]])
  const tx = new ViewTx(store)
  const first = tx.read('bal/a')
  t.ok(first instanceof Promise, 'not held yet: read from the store')
  t.same(await first, { n: 1 })
  t.same(tx.read('bal/a'), { n: 1 }, 'held: the value itself')
  const absent = tx.read('bal/b')
  t.ok(absent instanceof Promise)
  t.equal(await absent, null)
  t.equal(tx.read('bal/b'), null, 'held as absent: null, now')
  tx.setHeld('bal/b', { n: 2 })
  t.same(tx.read('bal/b'), { n: 2 }, 'what the batch wrote')
})

/**
 * View layout 5: the digest lives in the view's head (`meta/head`) and covers every pair of the
 * view, the head's taken without its digest field; a flush moves it by what the batch changed, the
 * head's body included, and writes it back into the head.
 */
t.test('the head: the digest is kept in it, and covers it without its own field', async t => {
  const full = (store: MemoryStore): string => {
    const sum = new DigestSum()
    for (const [key, value] of store.sorted()) sum.add(key, key === HEAD_KEY ? headBody(parseJson<HeadRecord>(value)) : value)
    return sum.hex()
  }
  const store = new MemoryStore()
  const tx = new ViewTx(store)
  await tx.put('bal/a', { n: 1 })
  await tx.put(HEAD_KEY, { blocks: 1, clock: { members: { m: 5 }, now: 5 } } satisfies HeadRecord)
  await tx.flush()
  const first = parseJson<HeadRecord>(store.map.get(HEAD_KEY) as Uint8Array)
  t.same({ ...first, digest: undefined }, { blocks: 1, clock: { members: { m: 5 }, now: 5 }, digest: undefined }, 'the head as put, with the digest added')
  t.equal(first.digest, full(store), 'the digest: every pair, the head without its digest')
  t.equal(headDigest(store.map.get(HEAD_KEY) as Uint8Array), first.digest)

  // the next batch reads the head (digest and all) and moves it on, as apply does
  const head = await tx.get<HeadRecord>(HEAD_KEY) as HeadRecord
  await tx.put(HEAD_KEY, { ...head, blocks: 2 })
  await tx.del('bal/a')
  tx.putNew('order/2', { writer: 'w', seq: 0 })
  await tx.flush()
  const second = parseJson<HeadRecord>(store.map.get(HEAD_KEY) as Uint8Array)
  t.equal(second.blocks, 2)
  t.not(second.digest, first.digest, 'the digest moved')
  t.equal(second.digest, full(store), 'and is still every pair\'s, the head\'s body as it is now')

  // a batch that does not touch the head still writes its digest
  const again = new ViewTx(store)
  await again.put('bal/b', { n: 3 })
  await again.flush()
  t.equal(headDigest(store.map.get(HEAD_KEY) as Uint8Array), full(store), 'a batch that left the head alone')

  // a head no honest apply wrote (its digest not a string): the sum starts afresh, nothing throws
  const odd = new MemoryStore()
  await odd.write([[HEAD_KEY, canonicalBytes({ blocks: 0, clock: { members: {}, now: 0 }, digest: 7 })]])
  t.equal(headDigest(odd.map.get(HEAD_KEY) as Uint8Array), null, 'read as no digest')
  const tx3 = new ViewTx(odd)
  await tx3.put('bal/c', { n: 1 })
  await tx3.flush()
  const batchOnly = new DigestSum()
  batchOnly.add('bal/c', canonicalBytes({ n: 1 }))
  t.equal(headDigest(odd.map.get(HEAD_KEY) as Uint8Array), batchOnly.hex(), 'a digest again, of what this batch changed (the view is no honest one: verify names it)')
})
