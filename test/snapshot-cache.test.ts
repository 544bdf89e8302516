import t from 'tap'
import type { Test } from 'tap'
import Corestore from 'corestore'
import Hyperbee from 'hyperbee'
import { inheritCachedNodes } from '../src/consensus/bee-cache.js'

interface Caches { _nodeCache: unknown, _keyCache: unknown }
const caches = (bee: Hyperbee): Caches => bee as unknown as Caches

async function beeWith (t: Test, count: number): Promise<Hyperbee> {
  const store = new Corestore(t.testdir())
  const bee = new Hyperbee(store.get({ name: 'view' }), { keyEncoding: 'utf-8', valueEncoding: 'binary' })
  t.teardown(async () => { await bee.close(); await store.close() })
  for (let from = 0; from < count; from += 100) {
    const batch = bee.batch()
    for (let i = from; i < Math.min(count, from + 100); i++) await batch.put(`k/${String(i).padStart(5, '0')}`, Buffer.from(`v${i}`))
    await batch.flush()
  }
  return bee
}

async function readAll (bee: Hyperbee): Promise<number> {
  let n = 0
  for await (const _ of bee.createReadStream()) n++
  return n
}

t.test('a snapshot of a view that only grew takes over the caches of the one before', async t => {
  const bee = await beeWith(t, 300)
  const before = bee.snapshot()
  t.equal(await readAll(before), 300)
  await bee.put('k/99999', Buffer.from('new'))
  const after = bee.snapshot()
  await inheritCachedNodes(before, after)
  t.equal(caches(after)._nodeCache, caches(before)._nodeCache, 'the node cache passed on')
  t.equal(caches(after)._keyCache, caches(before)._keyCache)
  t.equal(await readAll(after), 301, 'and reads through it see the new key')
  t.equal(Buffer.from((await after.get('k/00007'))?.value ?? []).toString(), 'v7')
  await before.close()
  await after.close()
})

t.test('a snapshot of a view that was truncated and written again starts with its own caches', async t => {
  const bee = await beeWith(t, 300)
  const before = bee.snapshot()
  t.equal(await readAll(before), 300)
  // what autobase does on a reorder: cut the view back (to the end of a batch, as autobase does)
  // and write other blocks at the same numbers
  await bee.core.truncate(bee.core.length - 100)
  const batch = bee.batch()
  for (let i = 0; i < 120; i++) await batch.put(`other/${i}`, Buffer.from('x'))
  await batch.flush()
  t.ok(bee.core.length >= before.core.length, 'the view is as long as before, or longer')
  const after = bee.snapshot()
  await inheritCachedNodes(before, after)
  t.not(caches(after)._nodeCache, caches(before)._nodeCache, 'the stale caches did not pass on')
  t.equal(Buffer.from((await after.get('other/5'))?.value ?? []).toString(), 'x')
  await before.close()
  await after.close()
})
