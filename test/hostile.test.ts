import t from 'tap'
import b4a from 'b4a'
import { log } from '../src/commands/log.js'
import { retract } from '../src/commands/retract.js'
import { propose } from '../src/commands/propose.js'
import { vote } from '../src/commands/vote.js'
import { listRejections, rejectionTotals, getEntry, memberBalances } from '../src/consensus/queries.js'
import { MAX_FRAME_BYTES, MAX_OPS_PER_FRAME, MAX_STORED_REJECTIONS } from '../src/ledger/limits.js'
import { refFromFullId } from '../src/ledger/ids.js'
import { PROTOCOL_VERSION } from '../src/ledger/ops.js'
import type { DiscoNode } from '../src/node/node.js'
import type { Op, OpRef } from '../src/ledger/ops.js'
import { contribution, frame } from './helpers/ops.js'
import { converged, founder, joiner, testnet } from './helpers/cluster.js'

/**
 * A hostile member, on a real three-node network. Bo is admitted as a contributor, then appends
 * through the raw autobase API, past every check the node makes before it appends: blocks that do
 * not decode, well-encoded ops that break the rules, an oversized block, and a flood of tiny ops.
 * Every node must record the same rejections with the same reasons (within the per-writer cap),
 * count Bo's total, keep the other members' entries, and end with the same digest; the RSS of
 * the process holding all three nodes is sampled during the flood.

 */
const FLOOD = 100_000
const MB = 1024 * 1024

const ref = (id: string): OpRef => refFromFullId(id)

async function read<T> (node: DiscoNode, fn: (s: ReturnType<DiscoNode['snapshot']>) => Promise<T>): Promise<T> {
  const snap = node.snapshot()
  try { return await fn(snap) } finally { await snap.close() }
}

t.test(`a hostile member's raw blocks and a flood of ${FLOOD.toLocaleString('en')} ops: every node rejects the same, the ledger goes on`, async t => {
  t.setTimeout(240_000)
  const network = await testnet(t)
  const ana = await founder(t, network)
  const bo = await joiner(t, network, ana, 'Bo')
  const cy = await joiner(t, network, ana, 'Cy')
  const nodes = [ana, bo, cy]

  // the honest history the hostile ops aim at
  const anaEntry = (await log(ana, { stream: 'love', duration: '2h', description: 'translated the zine' })).entry
  const { proposal: decided } = await propose(ana, { kind: 'motion', text: 'a decided motion' })
  await vote(ana, { id: decided.id, choice: 'yes' })
  const boEntry = (await log(bo, { stream: 'care', duration: '1h', description: 'mine, then retracted' })).entry
  await retract(bo, { id: boEntry.id, reason: 'oops' })
  await converged(nodes)

  const time = (): number => Date.now() + 60_000 // a clock ahead of the node's own frames, never behind
  const raw = async (value: Uint8Array): Promise<void> => { await bo.base.append(b4a.from(value)) }
  const ops = async (list: Op[]): Promise<void> => { await raw(frame(list, { time: time() })) }
  const unknownProposal: OpRef = { writer: b4a.alloc(32, 7), seq: 3, index: 0 }

  // blocks that do not decode, or that claim too much
  await raw(b4a.from([PROTOCOL_VERSION, 0xff, 0xff, 0xff]))
  await raw(b4a.from([PROTOCOL_VERSION, 0, 1, 42])) // an op type nobody knows
  await raw(b4a.concat([frame([contribution()], { time: time() }), b4a.from([0])])) // a trailing byte
  await raw(frame([contribution()], { version: PROTOCOL_VERSION + 1, time: time() })) // above the active protocol
  await raw(b4a.alloc(MAX_FRAME_BYTES + 1, 1)) // oversized
  // well-encoded ops that break the rules
  await ops([
    contribution({ minutes: 0 }),
    contribution({ minutes: 99_999 }),
    contribution({ stream: 'livelihood', client: 'Acme', commons: '', money: { amount: 100, currency: 'ZZZ' } }),
    { type: 'amend', target: ref(anaEntry.id), patch: { minutes: 600 } },
    { type: 'retract', target: ref(anaEntry.id), reason: 'not mine' },
    { type: 'amend', target: ref(boEntry.id), patch: { minutes: 5 } },
    { type: 'vote', proposal: unknownProposal, choice: 'yes', reason: '' },
    { type: 'vote', proposal: ref(decided.id), choice: 'no', reason: '' },
    { type: 'propose', action: { kind: 'motion' }, text: 'make me a member', audience: 'members', deadline: 0 },
    { type: 'endorse', target: ref(anaEntry.id) },
    { type: 'found', coopName: 'Mine now', memberName: 'Bo' }
  ])
  const named = 5 + 11

  // the flood, packed as densely as a block allows
  let peak = process.memoryUsage.rss()
  const before = peak
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()) }, 20)
  t.teardown(() => { clearInterval(sampler) })
  const started = performance.now()
  for (let sent = 0; sent < FLOOD; sent += MAX_OPS_PER_FRAME) {
    const n = Math.min(MAX_OPS_PER_FRAME, FLOOD - sent)
    await ops(Array.from({ length: n }, () => contribution({ minutes: 0, description: '', project: '' })))
  }
  // the honest members go on working meanwhile
  const after = (await log(cy, { stream: 'care', duration: '30m', description: 'onboarding after the flood' })).entry
  await converged(nodes, 180_000)
  clearInterval(sampler)
  peak = Math.max(peak, process.memoryUsage.rss())
  t.comment(`flood of ${FLOOD} ops applied on three nodes and converged in ${Math.round(performance.now() - started)} ms; ` +
    `RSS ${Math.round(before / MB)} MB before, peak ${Math.round(peak / MB)} MB (+${Math.round((peak - before) / MB)} MB)`)

  const seen = await Promise.all(nodes.map(async n => await read(n, async s => ({
    rejections: (await listRejections(s)).map(r => `${r.id} ${r.code} ${JSON.stringify(r.params)}`),
    totals: await rejectionTotals(s),
    anaEntry: (await getEntry(s, anaEntry.id))?.minutes,
    after: (await getEntry(s, after.id))?.status,
    boBalance: (await memberBalances(s, bo.base.local.key.toString('hex'), 'all')).map(b => b.balance.entries)
  }))))
  const [first] = seen
  for (const [i, s] of seen.entries()) t.strictSame(s, first, `${['Ana', 'Bo', 'Cy'][i] ?? '?'} records the same rejections, totals and entries`)

  const total = named + FLOOD
  t.strictSame(first?.totals, { stored: Math.min(MAX_STORED_REJECTIONS, total), total }, `${total} of Bo's ops rejected, at most ${MAX_STORED_REJECTIONS} of them stored`)
  const codes = new Set(first?.rejections.map(r => r.split(' ')[1]))
  for (const code of ['MALFORMED_FRAME', 'PROTOCOL_VERSION', 'FRAME_TOO_LARGE', 'INVALID_DURATION', 'UNKNOWN_CURRENCY', 'NOT_OWN_ENTRY',
    'ENTRY_RETRACTED', 'PROPOSAL_NOT_FOUND', 'NOT_ALLOWED', 'ALREADY_FOUNDED']) {
    t.ok(codes.has(code), `a rejection ${code}`)
  }
  t.equal(first?.anaEntry, 120, 'Ana\'s entry kept its 2 hours')
  t.equal(first?.after, 'active', 'Cy\'s entry after the flood counts')
  t.strictSame(first?.boBalance, [0, 0, 0], 'nothing of Bo\'s counts (the one entry was retracted)')
  t.ok(peak - before < 400 * MB, `RSS grew by less than 400 MB during the flood (+${Math.round((peak - before) / MB)} MB)`)
})
