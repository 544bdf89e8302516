import t from 'tap'
import b4a from 'b4a'
import { apply } from '../src/consensus/apply.js'
import type { RejectionCount } from '../src/consensus/apply.js'
import { parseJson } from '../src/consensus/canonical-json.js'
import { scanDigest } from '../src/consensus/digest.js'
import { getDigest, getEntry, listRejections, memberBalances } from '../src/consensus/queries.js'
import { keys } from '../src/consensus/view-layout.js'
import { opId } from '../src/ledger/ids.js'
import { MAX_FRAME_BYTES, MAX_OPS_PER_FRAME, MAX_STORED_REJECTIONS } from '../src/ledger/limits.js'
import type { Op } from '../src/ledger/ops.js'
import { FakeWriter, admitOf, bareView, contribution, frame, host, inviteOf, testInvite } from './helpers/ops.js'
import type Hyperbee from 'hyperbee'

/**
 * A flood from one hostile writer, at the level of apply (as autobase would hand it the blocks):
 * an admitted contributor writes 100,000 small invalid ops packed 1,024 to a block, and a dozen
 * blocks that do not decode, while the founder keeps logging valid entries in between. Apply must
 * never throw, keep at most MAX_STORED_REJECTIONS of the flood while counting all of it, count
 * every one of the founder's entries, and keep its digest equal to a full scan; memory must stay
 * bounded (RSS is sampled and reported, with a generous ceiling).
 */
const T0 = 1_790_000_000_000
const FLOOD = 100_000
const MB = 1024 * 1024

type Node = ReturnType<FakeWriter['node']>

async function rejectionCount (bee: Hyperbee, writer: FakeWriter): Promise<RejectionCount | null> {
  const node = await bee.get(keys.rejectionCount(writer.hex))
  return node === null ? null : parseJson<RejectionCount>(node.value)
}

t.test(`a hostile writer's ${FLOOD.toLocaleString('en')} invalid ops: apply holds, the founder's entries count`, async t => {
  const rss = (): number => process.memoryUsage.rss()
  const before = rss()
  let peak = before
  const sampler = setInterval(() => { peak = Math.max(peak, rss()) }, 10)
  t.teardown(() => { clearInterval(sampler) })

  const ana = new FakeWriter(0xa1) // the founder
  const eve = new FakeWriter(0xe5) // admitted as a contributor, then floods
  const v = await bareView(t.testdir())
  t.teardown(v.close)
  const h = host()
  const inv = testInvite(1)
  await apply([
    ana.node(frame([{ type: 'found', coopName: 'Coop', memberName: 'Ana' }], { time: T0 })),
    ana.node(frame([inviteOf(inv, 'contributor', T0 + 1000)], { time: T0 + 1 })),
    ana.node(frame([admitOf(inv, eve.key)], { time: T0 + 2 }))
  ], v.bee, h)
  const anaEntry = { writer: ana.key, seq: 3, index: 0 } // Ana's first entry, below

  // Tiny invalid ops: mostly contributions of 0 minutes, and some that only the reducers refuse
  // (the founder's entries are not Eve's to retract).
  const bad = (i: number): Op => {
    switch (i % 16) {
      case 1: return { type: 'profile', name: '' }
      case 3: return { type: 'amend', target: { writer: eve.key, seq: i, index: 0 }, patch: {} }
      case 5: return { type: 'retract', target: anaEntry, reason: '' }
      case 7: return { type: 'amend', target: anaEntry, patch: { minutes: 1 } }
      case 9: return { type: 'vote', proposal: { writer: ana.key, seq: 1, index: 0 }, choice: 'block', reason: '' }
      case 11: return { type: 'found', coopName: 'Mine now', memberName: 'Eve' }
      case 13: return contribution({ day: 1, description: '', project: '' })
      default: return contribution({ minutes: 0, description: '', project: '' })
    }
  }
  const undecodable = (i: number): Buffer => {
    switch (i % 6) {
      case 0: return b4a.from([1, 0xff, 0xff, 0xff]) as Buffer
      case 1: return b4a.alloc(0) as Buffer
      case 2: return b4a.alloc(MAX_FRAME_BYTES + 1, 1) as Buffer // FRAME_TOO_LARGE
      case 3: return b4a.from([1, 0, 1, 42]) as Buffer // unknown op type
      case 4: return b4a.concat([frame([contribution()], { time: T0 + 10_000_000 }), b4a.from([0])]) as Buffer // a trailing byte
      default: return frame([contribution()], { version: 2, time: T0 + 10_000_000 }) // above the active version
    }
  }

  // Eve's blocks, each followed by one of Ana's; every eighth also preceded by an undecodable one.
  const nodes: Node[] = []
  const anaIds: string[] = []
  let anaMinutes = 0
  let sent = 0
  let garbage = 0
  for (let b = 0; sent < FLOOD; b++) {
    const n = Math.min(MAX_OPS_PER_FRAME, FLOOD - sent)
    if (b % 8 === 0) { nodes.push(eve.node(undecodable(garbage))); garbage++ }
    nodes.push(eve.node(frame(Array.from({ length: n }, (_, i) => bad(sent + i)), { time: T0 + 100 + b })))
    sent += n
    const minutes = (b % 50) + 1
    const node = ana.node(frame([contribution({ minutes, key: `ana-${b}` })], { time: T0 + 100 + b }))
    anaIds.push(opId({ writer: ana.key, seq: node.length - 1, index: 0 }))
    anaMinutes += minutes
    nodes.push(node)
  }
  const blocks = nodes.length

  const built = rss()
  const peakBuilding = Math.max(peak, built)
  peak = built

  // in batches of varying size, as autobase would hand them over
  const start = performance.now()
  for (let i = 0, size = 1; i < nodes.length; i += size, size = (size % 7) + 1) {
    await apply(nodes.slice(i, i + size), v.bee, h)
  }
  const ms = performance.now() - start
  nodes.length = 0
  const after = rss()
  clearInterval(sampler)
  peak = Math.max(peak, after)

  t.comment(`${FLOOD} invalid ops + ${garbage} undecodable blocks + ${anaIds.length} valid entries in ${blocks} blocks, applied in ${Math.round(ms)} ms (${Math.round(FLOOD / ms * 1000)} ops/s)`)
  const heap = process.memoryUsage()
  t.comment(`heap used ${Math.round(heap.heapUsed / MB)} MB, external ${Math.round(heap.external / MB)} MB, array buffers ${Math.round(heap.arrayBuffers / MB)} MB`)
  const mb = (n: number): string => `${Math.round(n / MB)} MB`
  t.comment(`RSS before ${mb(before)}; blocks built ${mb(built)} (peak ${mb(peakBuilding)}); applied ${mb(after)} (peak while applying ${mb(peak)}); growth at the peak +${mb(Math.max(peak, peakBuilding) - before)}`)
  t.same(h.interrupted, [], 'nothing interrupted apply')

  t.strictSame(await rejectionCount(v.bee, eve), { stored: MAX_STORED_REJECTIONS, total: FLOOD + garbage },
    `Eve's rejections: ${MAX_STORED_REJECTIONS} stored, all ${FLOOD + garbage} counted`)
  const stored = (await listRejections(v.bee)).filter(r => r.writer === eve.hex)
  t.equal(stored.length, MAX_STORED_REJECTIONS, 'the view holds no more rejection records than the cap')
  t.ok(stored.some(r => r.index === 'frame'), 'undecodable blocks are among them')
  t.ok(stored.some(r => r.code === 'INVALID_DURATION'), 'and invalid ops')
  t.equal(await rejectionCount(v.bee, ana), null, 'none of the founder\'s ops was rejected')

  const missing: string[] = []
  for (const id of anaIds) if (await getEntry(v.bee, id) === null) missing.push(id)
  t.strictSame(missing, [], `all ${anaIds.length} of the founder's entries are in the view`)
  const love = (await memberBalances(v.bee, ana.hex, 'all')).find(r => r.stream === 'love')?.balance
  t.same(love, { minutes: anaMinutes, entries: anaIds.length, money: {} }, 'the founder\'s balance counts every entry, and nothing of Eve\'s')
  t.equal((await getEntry(v.bee, opId(anaEntry)))?.status, 'active', 'Eve could neither retract nor amend the founder\'s entry')
  t.equal(await getDigest(v.bee), await scanDigest(v.bee), 'the digest equals a full scan')
  const growth = Math.max(peak, peakBuilding) - before
  t.ok(growth < 300 * MB, `peak RSS growth under 300 MB (+${mb(growth)})`)
})
