import t from 'tap'
import type { Test } from 'tap'
import fs from 'node:fs/promises'
import path from 'node:path'
import b4a from 'b4a'
import type { BeeReader } from 'hyperbee'
import { DiscoNode } from '../src/node/node.js'
import { scanDigest } from '../src/consensus/digest.js'
import { getDigest, getEntry, listRejections, memberBalances } from '../src/consensus/queries.js'
import { opId } from '../src/ledger/ids.js'
import { contribution, frame } from './helpers/ops.js'

async function founded (t: Test, name = 'Ana'): Promise<DiscoNode> {
  const node = await DiscoNode.create({ storage: path.join(t.testdir(), 'node'), coopName: 'Coop', memberName: name })
  t.teardown(() => node.close())
  return node
}

async function withSnapshot<T> (node: DiscoNode, fn: (s: BeeReader) => Promise<T>): Promise<T> {
  const s = node.snapshot()
  try { return await fn(s) } finally { await s.close() }
}

t.test('concurrent appends coalesce into one block; ids are derived from where ops land', async t => {
  const node = await founded(t)
  const [a, b, c] = await Promise.all([
    node.append([contribution({ minutes: 10 })]),
    node.append([contribution({ minutes: 20 }), contribution({ minutes: 30 })]),
    node.append([contribution({ minutes: 40 })])
  ])
  const seqs = [...a!, ...b!, ...c!].map(r => r.seq)
  t.same(new Set(seqs).size, 1, 'one block')
  t.same([...a!, ...b!, ...c!].map(r => r.index), [0, 1, 2, 3], 'ops in call order')
  t.ok([...a!, ...b!].every(r => b4a.equals(r.writer, node.localKey)))
  const love = await withSnapshot(node, async s => (await memberBalances(s, b4a.toString(node.localKey, 'hex'), 'all'))[1])
  t.same(love?.balance, { minutes: 100, entries: 4, money: {} })
})

t.test('bulk appends are packed many ops to a block', async t => {
  const node = await founded(t)
  const before = node.base.local.length
  const refs = await node.append(Array.from({ length: 2500 }, (_, i) => contribution({ minutes: 1 + (i % 60) })))
  t.equal(refs.length, 2500)
  t.equal(node.base.local.length - before, 3, '2,500 ops in 3 blocks')
  t.equal(await withSnapshot(node, scanDigest), await withSnapshot(node, getDigest))
})

t.test('a closed node leaves its writes in the storage engine\'s tables, not its write-ahead log', async t => {
  const storage = path.join(t.testdir(), 'node')
  const node = await DiscoNode.create({ storage, coopName: 'Coop', memberName: 'Ana' })
  await node.append(Array.from({ length: 2000 }, (_, i) => contribution({ minutes: 1 + (i % 60) })))
  await node.base.update()
  await node.close()
  const db = path.join(storage, 'corestore', 'db')
  const sizes = async (ext: string): Promise<number> => {
    let total = 0
    for (const name of await fs.readdir(db)) if (name.endsWith(ext)) total += (await fs.stat(path.join(db, name))).size
    return total
  }
  const log = await sizes('.log')
  const tables = await sizes('.sst')
  t.ok(tables > 0, `the writes are in table files (${tables} bytes)`)
  t.ok(log < tables / 10, `the log keeps only what came after the flush (${log} bytes)`)
  const again = await DiscoNode.open({ storage })
  t.teardown(() => again.close())
  t.equal((await withSnapshot(again, async s => (await memberBalances(s, b4a.toString(again.localKey, 'hex'), 'all'))[1]))?.balance.entries, 2000, 'and it opens whole')
})

t.test('invalid ops are refused before anything is appended', async t => {
  const node = await founded(t)
  const before = node.base.local.length
  await t.rejects(node.append([contribution(), contribution({ minutes: 0 })]), { code: 'INVALID_DURATION' })
  t.equal(node.base.local.length, before, 'nothing appended, not even the valid op')
})

t.test('a hostile op appended through the raw autobase is recorded as rejected and counts nothing', async t => {
  const node = await founded(t)
  await node.append([contribution({ minutes: 60 })])
  const me = b4a.toString(node.localKey, 'hex')
  const before = await withSnapshot(node, s => memberBalances(s, me, 'all'))
  await node.base.append(frame([contribution({ minutes: 99_999 })], { time: Date.now() + 1000 }))
  await node.base.append(b4a.from([1, 2, 3]))
  await node.base.append(frame([contribution()], { version: 9, time: Date.now() + 2000 }))
  await withSnapshot(node, async s => {
    t.same((await listRejections(s)).map(r => r.code), ['INVALID_DURATION', 'MALFORMED_FRAME', 'PROTOCOL_VERSION'])
    t.same(await memberBalances(s, me, 'all'), before)
    t.equal(await scanDigest(s), await getDigest(s))
  })
})

t.test('the ledger is encrypted at rest from its creation, and survives a restart', async t => {
  const dir = path.join(t.testdir(), 'node')
  const marker = 'plaintext-marker-3f1e9c'
  let node = await DiscoNode.create({ storage: dir, coopName: 'Coop', memberName: 'Ana' })
  await node.append([contribution({ description: marker })])
  const digest = await withSnapshot(node, getDigest)
  t.ok(node.base.encryptionKey, 'the base has an encryption key')
  await node.close()

  const files = await fs.readdir(dir, { recursive: true, withFileTypes: true })
  for (const f of files.filter(f => f.isFile())) {
    const bytes = await fs.readFile(path.join(f.parentPath, f.name))
    t.notOk(bytes.includes(marker), `${f.name} does not hold the entry in plain text`)
  }

  node = await DiscoNode.open({ storage: dir })
  t.teardown(() => node.close())
  t.ok(node.base.writable)
  t.equal(await withSnapshot(node, getDigest), digest, 'same view after a restart')
  const refs = await node.append([contribution()])
  t.equal(refs[0]?.seq, 2, 'appends continue where they left off')
})

t.test('a second process on the same storage gets STORE_BUSY', async t => {
  const node = await founded(t)
  await t.rejects(DiscoNode.open({ storage: node.storage }), { code: 'STORE_BUSY' })
})

t.test('opening a storage folder with no ledger says so', async t => {
  await t.rejects(DiscoNode.open({ storage: t.testdir() }), { code: 'NOT_INITIALISED' })
  const dir = t.testdir({ 'config.json': '{"format": 1, "ledger": "nope"}' })
  await t.rejects(DiscoNode.open({ storage: dir }), { code: 'BAD_CONFIG' })
  const dir2 = t.testdir({ 'config.json': 'not json' })
  await t.rejects(DiscoNode.open({ storage: dir2 }), { code: 'BAD_CONFIG' })
})

t.test('init refuses a storage folder that already holds a ledger', async t => {
  const node = await founded(t)
  await t.rejects(DiscoNode.create({ storage: node.storage, coopName: 'Other', memberName: 'Eve' }), { code: 'ALREADY_INITIALISED' })
})

t.test('a storage folder copied from elsewhere refuses to open, and says what to do', async t => {
  const node = await founded(t)
  await node.close()
  const copy = path.join(path.dirname(node.storage), 'copy')
  await fs.cp(node.storage, copy, { recursive: true })
  await t.rejects(DiscoNode.open({ storage: copy }), { code: 'STORE_COPIED', message: /new device/ })
})

t.test('queries share a snapshot only while the ledger stays as it is', async t => {
  const node = await founded(t)
  const [first] = await node.append([contribution({ minutes: 10 })])
  const before = node.snapshot()
  const again = node.snapshot()
  t.ok(await getEntry(again, opId(first!)), 'a second snapshot of the same state reads it')
  await again.close()
  await again.close() // twice is harmless, and must not close the snapshot another query reads
  t.ok(await getEntry(before, opId(first!)), 'the first is still open')
  const [second] = await node.append([contribution({ minutes: 20 })])
  const after = node.snapshot()
  t.ok(await getEntry(after, opId(second!)), 'a snapshot taken after an append sees it')
  t.equal(await getEntry(before, opId(second!)), null, 'one taken before does not: each shows one state')
  await before.close()
  await after.close()
})
