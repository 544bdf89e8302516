import t from 'tap'
import b4a from 'b4a'
import { entries } from '../src/commands/entries.js'
import type { LedgerNode } from '../src/node/ledger-node.js'
import { apply } from '../src/consensus/apply.js'
import type { RejectionCount, StoredRejection } from '../src/consensus/apply.js'
import { scanDigest } from '../src/consensus/digest.js'
import { getDigest, getEntry, listEntries, listRejections, memberBalances, rejectionTotals } from '../src/consensus/queries.js'
import { opId } from '../src/ledger/ids.js'
import { MAX_STORED_REJECTIONS } from '../src/ledger/limits.js'
import type { Op } from '../src/ledger/ops.js'
import { FakeWriter, admitOf, bareView, contribution, dump, frame, host, inviteOf, testInvite } from './helpers/ops.js'
import type { TestInvite } from './helpers/ops.js'

const T0 = 1_790_000_000_000

/** A ledger's worth of blocks from one founder: entries in every stream, corrections, and
 * hostile or broken blocks in between. */
function history (w: FakeWriter): ReturnType<FakeWriter['node']>[] {
  const nodes = [w.node(frame([{ type: 'found', coopName: 'Coop', memberName: 'Ana' }], { time: T0 }))]
  const ref = (seq: number, index = 0) => ({ writer: w.key, seq, index })
  for (let i = 0; i < 20; i++) {
    const stream = (['livelihood', 'love', 'care'] as const)[i % 3]
    nodes.push(w.node(frame([contribution({
      stream,
      minutes: 30 + i,
      day: 20750 + i,
      project: i % 2 === 0 ? 'zine' : '',
      commons: stream === 'love' ? 'zine' : '',
      careFor: stream === 'care' ? 'collective' : null,
      client: stream === 'livelihood' ? 'Acme' : '',
      money: stream === 'livelihood' ? { amount: 1000 + i, currency: 'EUR' } : null,
      key: i === 4 ? 'k' : ''
    })], { time: T0 + i })))
  }
  nodes.push(w.node(frame([
    { type: 'amend', target: ref(2), patch: { minutes: 90, day: 20800, project: 'site' } },
    { type: 'retract', target: ref(3), reason: 'twice' },
    { type: 'amend', target: ref(3), patch: { minutes: 5 } }, // retracted: rejected
    { type: 'profile', name: 'Ana P.' }
  ], { time: T0 + 100 })))
  nodes.push(w.node(b4a.from([1, 0xff, 0xff, 0xff]) as Buffer)) // version 1, then garbage
  nodes.push(w.node(frame([contribution({ key: 'k' })], { time: T0 + 101 }))) // duplicate key
  nodes.push(w.node(frame([contribution()], { time: T0 + 50 }))) // clock went back
  nodes.push(w.node(frame([contribution()], { version: 2, time: T0 + 200 }))) // above the active version
  return nodes
}

async function applyAll (dir: string, batches: ReturnType<FakeWriter['node']>[][]) {
  const view = await bareView(dir)
  const h = host()
  for (const batch of batches) await apply(batch, view.bee, h)
  return { ...view, host: h }
}

t.test('apply is deterministic: batching does not change the view, and the digest equals a full scan', async t => {
  const nodes = history(new FakeWriter(1))
  const whole = await applyAll(t.testdir({ a: {} }) + '/a', [nodes])
  const oneByOne = await applyAll(t.testdir({ b: {} }) + '/b', nodes.map(n => [n]))
  t.teardown(async () => { await whole.close(); await oneByOne.close() })

  t.same(await dump(whole.bee), await dump(oneByOne.bee), 'same keys and values')
  const digest = await getDigest(whole.bee)
  t.match(digest, /^[0-9a-f]{64}$/)
  t.equal(await getDigest(oneByOne.bee), digest, 'same digest')
  t.equal(await scanDigest(whole.bee), digest, 'incremental digest equals one computed by a full scan')
  t.equal(await scanDigest(oneByOne.bee), digest)
  t.same(whole.host.interrupted, [], 'nothing interrupts apply')
})

t.test('a block the view already took in is not applied twice (a view left ahead by a failed write)', async t => {
  const nodes = history(new FakeWriter(1))
  const once = await applyAll(t.testdir({ a: {} }) + '/a', [nodes])
  // autobase, after a write failed half-way, hands over again blocks the view already holds
  const twice = await applyAll(t.testdir({ b: {} }) + '/b', [nodes.slice(0, 12), nodes.slice(5, 12), nodes.slice(5)])
  t.teardown(async () => { await once.close(); await twice.close() })
  t.same(await dump(twice.bee), await dump(once.bee), 'the same view as applying each block once')
})

t.test('a different history gives a different digest', async t => {
  const nodes = history(new FakeWriter(1))
  const a = await applyAll(t.testdir({ a: {} }) + '/a', [nodes])
  const b = await applyAll(t.testdir({ b: {} }) + '/b', [nodes.slice(0, -5)])
  t.teardown(async () => { await a.close(); await b.close() })
  t.not(await getDigest(a.bee), await getDigest(b.bee))
})

t.test('bad blocks and ops are recorded as rejected with their reasons, and change nothing else', async t => {
  const w = new FakeWriter(2)
  const nodes = history(w)
  const v = await applyAll(t.testdir(), [nodes])
  t.teardown(v.close)

  const codes = (await listRejections(v.bee)).map((r: StoredRejection) => [r.seq, r.index, r.code])
  t.same(codes, [
    [21, 2, 'ENTRY_RETRACTED'],
    [22, 'frame', 'MALFORMED_FRAME'],
    [23, 0, 'DUPLICATE_KEY'],
    [24, 'frame', 'CLOCK_WENT_BACK'],
    [25, 'frame', 'PROTOCOL_VERSION']
  ])
  t.same(await rejectionTotals(v.bee), { stored: 5, total: 5 })

  // the good ops of the frame with a bad one still count
  const amended = await getEntry(v.bee, opId({ writer: w.key, seq: 2, index: 0 }))
  t.equal(amended?.minutes, 90)
  t.equal(amended?.date, '2026-12-13')
  t.equal(amended?.amends, 1)
  const retracted = await getEntry(v.bee, opId({ writer: w.key, seq: 3, index: 0 }))
  t.equal(retracted?.status, 'retracted')
  t.equal(retracted?.minutes, 32, 'the rejected amend of a retracted entry did not change it')
})

t.test('balances follow amends and retractions', async t => {
  const w = new FakeWriter(3)
  const v = await applyAll(t.testdir(), [[
    w.node(frame([{ type: 'found', coopName: 'Coop', memberName: 'Ana' }], { time: T0 })),
    w.node(frame([contribution({ minutes: 60 }), contribution({ minutes: 30, day: 20790 })], { time: T0 + 1 })),
    w.node(frame([
      contribution({ stream: 'livelihood', minutes: 120, money: { amount: 12050, currency: 'EUR' }, client: 'Acme' }),
      contribution({ stream: 'livelihood', minutes: 60, money: { amount: 500, currency: 'JPY' } })
    ], { time: T0 + 2 }))
  ]])
  t.teardown(v.close)
  const bal = async (period: string) => Object.fromEntries((await memberBalances(v.bee, w.hex, period)).map(r => [r.stream, r.balance]))

  t.same((await bal('all')).love, { minutes: 90, entries: 2, money: {} })
  t.same((await bal('2026-11')).love, { minutes: 60, entries: 1, money: {} })
  t.same((await bal('2026-12')).love, { minutes: 30, entries: 1, money: {} })
  t.same((await bal('all')).livelihood, { minutes: 180, entries: 2, money: { EUR: 12050, JPY: 500 } })

  const h = host()
  await apply([w.node(frame([
    { type: 'amend', target: { writer: w.key, seq: 1, index: 0 }, patch: { minutes: 45, day: 20790 } },
    { type: 'retract', target: { writer: w.key, seq: 2, index: 1 }, reason: '' },
    { type: 'amend', target: { writer: w.key, seq: 2, index: 0 }, patch: { money: { amount: 10000, currency: 'EUR' } } }
  ], { time: T0 + 3 }))], v.bee, h)

  t.same((await bal('all')).love, { minutes: 75, entries: 2, money: {} })
  t.same((await bal('2026-11')).love, { minutes: 0, entries: 0, money: {} }, 'the amended date moved it out of November')
  t.same((await bal('2026-12')).love, { minutes: 75, entries: 2, money: {} })
  t.same((await bal('all')).livelihood, { minutes: 120, entries: 1, money: { EUR: 10000 } }, 'retracted JPY entry no longer counts')
  t.equal(await scanDigest(v.bee), await getDigest(v.bee))
})

t.test('an entry writes one view key, its block one more for all of them, and listings follow its amends', async t => {
  const w = new FakeWriter(6)
  const v = await applyAll(t.testdir(), [[
    w.node(frame([{ type: 'found', coopName: 'Coop', memberName: 'Ana' }], { time: T0 })),
    w.node(frame([contribution({ project: 'zine' }), contribution({ project: 'zine', day: 20790 }), contribution({ stream: 'care', careFor: 'collective', project: '' })], { time: T0 + 1 }))
  ]])
  t.teardown(v.close)
  const id = (index: number): string => opId({ writer: w.key, seq: 1, index })
  const listed = async (filter: Parameters<typeof listEntries>[1]): Promise<string[]> => (await listEntries(v.bee, filter)).map(e => e.id)
  const keysOf = async (prefix: string): Promise<number> => (await dump(v.bee)).filter(([k]) => k.startsWith(prefix)).length
  t.equal(await keysOf('entry/'), 3, 'one key an entry (bench P1: every key costs the import a view block)')
  t.equal(await keysOf('block/'), 2, 'one a block, which holds the dates of the entries it logged')
  t.same(await keysOf('order/') + await keysOf('block-dates/'), 0, 'no other record of a block (view layout 5)')
  t.equal(await keysOf('ix/'), 0, 'no index: the entries are keyed by date')

  await apply([w.node(frame([{ type: 'amend', target: { writer: w.key, seq: 1, index: 0 }, patch: { project: 'site', day: 20795 } }], { time: T0 + 2 }))], v.bee, host())
  t.equal(await keysOf('entry/'), 3, 'the amend moved the entry\'s key, it did not add one')
  t.equal(await keysOf('block/'), 3, 'the amend\'s own block, and the record of the block it moved an entry of')
  t.equal((await getEntry(v.bee, id(0)))?.date, '2026-12-08', 'found by id at its new date')
  t.equal((await getEntry(v.bee, id(1)))?.date, '2026-12-03', 'its neighbour in the block did not move')
  t.same(await listed({ project: 'site' }), [id(0)], 'the amended project lists it')
  t.same(await listed({ project: 'zine' }), [id(1)], 'the old project no longer does')
  t.same(await listed({ month: '2026-12' }), [id(1), id(0)], 'by the amended date, in date order')
  t.same(await listed({ stream: 'care' }), [id(2)])
  t.same(await listed({ member: w.hex, limit: 2 }), [id(1), id(0)], 'the most recent two')
  t.same(await listed({ member: 'someone-else' }), [])

  // a long listing a page at a time (`disco entries --limit n`, then `--before <next>`)
  const node = { snapshot: () => v.bee.snapshot() } as unknown as LedgerNode
  const all = (await entries(node, {})).entries.map(e => e.id)
  t.equal(all.length, 3)
  const last = await entries(node, { limit: 2 })
  t.same(last.entries.map(e => e.id), all.slice(1), 'the most recent page')
  t.type(last.next, 'string', 'with the cursor of the page before it')
  const before = await entries(node, { limit: 2, before: last.next as string })
  t.same(before.entries.map(e => e.id), all.slice(0, 1), 'the page before: what the first left out')
  t.equal(before.next, undefined, 'and no cursor: nothing older')
  t.equal((await entries(node, { limit: 3 })).next, undefined, 'a page that holds the whole listing has no cursor')
  await t.rejects(entries(node, { limit: 2, before: 'yesterday' }), { code: 'INVALID_ARGUMENT' }, 'a cursor that is none is refused')
  t.equal(await scanDigest(v.bee), await getDigest(v.bee))
})

t.test('an op can name an entry logged earlier in its own block; a rejected one leaves nothing to find', async t => {
  const w = new FakeWriter(7)
  const at = (index: number) => ({ writer: w.key, seq: 1, index })
  const v = await applyAll(t.testdir(), [[
    w.node(frame([{ type: 'found', coopName: 'Coop', memberName: 'Ana' }], { time: T0 })),
    w.node(frame([
      contribution({ minutes: 30 }),
      contribution({ minutes: 0 }), // invalid: rejected
      { type: 'amend', target: at(0), patch: { minutes: 45, day: 20795 } },
      { type: 'amend', target: at(1), patch: { minutes: 10 } }, // names the rejected one
      contribution({ minutes: 20, day: 20760 }),
      { type: 'retract', target: at(4), reason: 'twice' }
    ], { time: T0 + 1 }))
  ]])
  t.teardown(v.close)
  t.same(await listRejections(v.bee).then(r => r.map(x => [x.index, x.code])), [[1, 'INVALID_DURATION'], [3, 'ENTRY_NOT_FOUND']])
  t.match(await getEntry(v.bee, opId(at(0))), { minutes: 45, date: '2026-12-08', amends: 1 }, 'amended in its own block, and moved')
  t.equal(await getEntry(v.bee, opId(at(1))), null)
  t.match(await getEntry(v.bee, opId(at(4))), { status: 'retracted', date: '2026-11-03' })
  const dates = (await dump(v.bee)).filter(([k]) => k.startsWith('block/')).map(([, value]) => value)
  t.same(dates, ['{"n":0}', '{"at":[0,null,null,null,1],"dates":["2026-12-08","2026-11-03"],"n":1}'], 'each block\'s place; the second\'s record holds the moved date')
  t.same((await memberBalances(v.bee, w.hex, 'all')).find(r => r.stream === 'love')?.balance, { minutes: 45, entries: 1, money: {} })
  t.equal(await scanDigest(v.bee), await getDigest(v.bee))
})

t.test('well-encoded ops with invalid content are rejected and change no balance', async t => {
  const w = new FakeWriter(4)
  const other = new FakeWriter(5)
  const v = await applyAll(t.testdir(), [[
    w.node(frame([{ type: 'found', coopName: 'Coop', memberName: 'Ana' }], { time: T0 })),
    w.node(frame([contribution({ minutes: 60 })], { time: T0 + 1 }))
  ]])
  t.teardown(v.close)
  const before = await memberBalances(v.bee, w.hex, 'all')
  const hostile: Op[] = [
    contribution({ minutes: 0 }),
    contribution({ minutes: 10_000_000 }),
    contribution({ money: { amount: 5, currency: 'EUR' } }), // money on love
    contribution({ stream: 'livelihood', money: { amount: 5, currency: 'XXX' } }),
    contribution({ stream: 'livelihood', money: { amount: 2 * 10 ** 15, currency: 'EUR' } }), // over the limit (negative cannot even be encoded)
    contribution({ day: 1 }),
    contribution({ description: 'x'.repeat(5000) }),
    contribution({ tags: ['a', 'a'] }),
    contribution({ stream: 'care', careFor: null }),
    { type: 'amend', target: { writer: w.key, seq: 1, index: 0 }, patch: {} },
    { type: 'amend', target: { writer: w.key, seq: 1, index: 0 }, patch: { stream: 'livelihood', money: { amount: 1, currency: 'EUR' }, commons: 'oops' } },
    { type: 'amend', target: { writer: w.key, seq: 9, index: 0 }, patch: { minutes: 5 } },
    { type: 'retract', target: { writer: other.key, seq: 1, index: 0 }, reason: '' },
    { type: 'found', coopName: 'Again', memberName: 'Eve' },
    { type: 'profile', name: '' }
  ]
  await apply([w.node(frame(hostile, { time: T0 + 2 }))], v.bee, host())
  // a writer that is no member's device
  await apply([other.node(frame([contribution()], { time: T0 + 3 }))], v.bee, host())

  const rejected = await listRejections(v.bee)
  t.equal(rejected.length, hostile.length + 1, 'every hostile op is recorded')
  t.same(rejected.filter(r => r.writer === w.hex).map(r => r.code), [
    'INVALID_DURATION', 'INVALID_DURATION', 'INVALID_FIELD', 'UNKNOWN_CURRENCY', 'INVALID_AMOUNT', 'INVALID_DATE',
    'FIELD_TOO_LONG', 'INVALID_FIELD', 'INVALID_FIELD', 'EMPTY_AMEND', 'INVALID_FIELD', 'ENTRY_NOT_FOUND',
    'ENTRY_NOT_FOUND', 'ALREADY_FOUNDED', 'INVALID_FIELD'
  ])
  t.same(rejected.filter(r => r.writer === other.hex).map(r => r.code), ['UNKNOWN_DEVICE'])
  t.same(await memberBalances(v.bee, w.hex, 'all'), before, 'balances unchanged')
  t.equal(await scanDigest(v.bee), await getDigest(v.bee))
})

t.test('stored rejections are capped per writer; the count goes on', async t => {
  const w = new FakeWriter(6)
  const bad = Array.from({ length: 1000 }, () => contribution({ minutes: 0 }))
  const nodes = [w.node(frame([{ type: 'found', coopName: 'Coop', memberName: 'Ana' }], { time: T0 }))]
  for (let i = 0; i < 2; i++) nodes.push(w.node(frame(bad, { time: T0 + 1 })))
  nodes.push(w.node(b4a.from([0xff]) as Buffer))
  const v = await applyAll(t.testdir(), [nodes])
  t.teardown(v.close)
  t.same(await rejectionTotals(v.bee), { stored: MAX_STORED_REJECTIONS, total: 2001 } satisfies RejectionCount)
  t.equal((await listRejections(v.bee)).length, MAX_STORED_REJECTIONS)
})

t.test('a ledger founded with a newer protocol interrupts apply and writes nothing', async t => {
  const w = new FakeWriter(7)
  const v = await bareView(t.testdir())
  t.teardown(v.close)
  const h = host()
  const newer = b4a.concat([b4a.from([2]), b4a.from('whatever a newer node writes')]) as Buffer
  await apply([w.node(newer), w.node(frame([contribution()]))], v.bee, h)
  t.equal(h.interrupted.length, 1)
  t.match(h.interrupted[0], /protocol version 2/)
  t.same(await dump(v.bee), [], 'the view is untouched')
})

t.test('ops before the founding are rejected', async t => {
  const w = new FakeWriter(8)
  const v = await applyAll(t.testdir(), [[w.node(frame([contribution()]))]])
  t.teardown(v.close)
  t.same((await listRejections(v.bee)).map(r => r.code), ['NOT_FOUNDED'])
})

t.test('admissions: the first one of an invite wins; expired, unknown, unproven and unauthorised ones are rejected', async t => {
  const ana = new FakeWriter(9)
  const bo = new FakeWriter(10)
  const eve = new FakeWriter(11)
  const [one, three, six, nine, twelve] = [1, 3, 6, 9, 12].map(testInvite) as [TestInvite, TestInvite, TestInvite, TestInvite, TestInvite]
  const added: string[] = []
  const h = { ...host(), addWriter: async (key: Uint8Array) => { added.push(b4a.toString(key, 'hex')) } }
  const v = await bareView(t.testdir())
  t.teardown(v.close)
  await apply([
    ana.node(frame([{ type: 'found', coopName: 'Coop', memberName: 'Ana' }], { time: T0 })),
    ana.node(frame([
      inviteOf(one, 'contributor', T0 + 1000),
      inviteOf(three, 'dater', T0 + 10),
      { ...inviteOf(testInvite(5), 'dater', T0 + 1000), inviteId: one.inviteId }, // same id
      inviteOf(six, 'device', T0 + 1000)
    ], { time: T0 + 1 })),
    ana.node(frame([
      admitOf(one, bo.key),
      admitOf(one, eve.key), // used
      admitOf(nine, eve.key), // unknown
      admitOf(three, eve.key), // expired at the ledger time (Ana's clock: she is the only member)
      { ...admitOf(six, bo.key), writer: eve.key } // a proof made for another writer
    ], { time: T0 + 100 })),
    bo.node(frame([inviteOf(twelve, 'contributor', T0 + 1000)], { time: T0 + 101 })),
    bo.node(frame([contribution({ minutes: 15 })], { time: T0 + 102 }))
  ], v.bee, h)

  t.same(added, [bo.hex], 'only Bo became a writer')
  t.same((await listRejections(v.bee)).map(r => r.code).sort(), ['ADMIT_PROOF_INVALID', 'INVITE_EXISTS', 'INVITE_EXPIRED', 'INVITE_NOT_FOUND', 'INVITE_USED', 'NOT_ALLOWED'].sort())
  t.same((await memberBalances(v.bee, bo.hex, 'all'))[1]?.balance, { minutes: 15, entries: 1, money: {} }, 'the admitted contributor logs value')
  t.equal(await scanDigest(v.bee), await getDigest(v.bee))
})
