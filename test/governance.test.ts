import t from 'tap'
import b4a from 'b4a'
import { scanDigest } from '../src/consensus/digest.js'
import { getDigest, getMember, listRejections, memberBalances } from '../src/consensus/queries.js'
import { decide, decideAt } from '../src/ledger/governance.js'
import type { Tally } from '../src/ledger/governance.js'
import { FakeWriter, admitOf, contribution, inviteOf, testInvite } from './helpers/ops.js'
import { Coop, cooperative } from './helpers/coop.js'

const HOUR = 3_600_000

// --- the rule, row by row (docs/governance.md) ----------------------------------------------------

const tally = (yes = 0, no = 0, abstain = 0, block = 0): Tally => ({ yes, no, abstain, block })

t.test('truth table', async t => {
  const rows: Array<[string, Tally, number, boolean, string]> = [
    ['1: a binding block blocks, even with a yes majority', tally(4, 0, 0, 1), 5, false, 'blocked'],
    ['1: a block at a close blocks', tally(0, 0, 0, 1), 5, true, 'blocked'],
    ['2: more than half yes passes', tally(3), 5, false, 'passed'],
    ['2: exactly half is not more than half', tally(2, 1), 4, false, 'open'],
    ['2: one member, one yes', tally(1), 1, false, 'passed'],
    ['3: out of reach fails (3 no of 5)', tally(0, 3), 5, false, 'failed'],
    ['3: abstentions count against reaching a majority', tally(2, 0, 3), 5, false, 'failed'],
    ['3: half can at most be reached: fails', tally(0, 2), 4, false, 'failed'],
    ['3: still reachable stays open', tally(1, 2), 5, false, 'open'],
    ['4: a close with a binding no fails', tally(2, 1), 5, true, 'failed'],
    ['5: a close with silence passes (lazy consensus)', tally(0), 5, true, 'passed'],
    ['5: a close with yes and abstain but no objection passes', tally(1, 0, 1), 5, true, 'passed'],
    ['6: otherwise open', tally(1), 5, false, 'open']
  ]
  for (const [name, votes, voters, closing, status] of rows) t.equal(decide(votes, voters, closing).status, status, name)
})

// --- in the ledger --------------------------------------------------------------------------------

const hex = (w: FakeWriter): string => w.hex

t.test('deliberation: before it ends only every binding vote decides; the truth table of decideAt', async t => {
  const open = { deliberated: false, lazy: false }
  const after = { deliberated: true, lazy: false }
  const lazy = { deliberated: true, lazy: true }
  t.equal(decideAt(tally(2), 3, open).status, 'open', 'a majority before the deliberation ends waits')
  t.equal(decideAt(tally(0, 0, 0, 1), 3, open).status, 'open', 'so does a block')
  t.equal(decideAt(tally(2, 1), 3, open).status, 'passed', 'every binding voter voted: decided at once')
  t.equal(decideAt(tally(1, 1, 0, 1), 3, open).status, 'blocked')
  t.equal(decideAt(tally(1, 1, 1), 3, open).status, 'failed', 'all voted, no majority')
  t.equal(decideAt(tally(2), 3, after).status, 'passed', 'after it, a majority decides')
  t.equal(decideAt(tally(1), 3, after).status, 'open', 'and silence is not consent')
  t.equal(decideAt(tally(1), 3, lazy).status, 'passed', 'but at a close past a deadline it is')
  t.equal(decideAt(tally(1, 1), 3, lazy).status, 'failed')
})

t.test('a majority passes a proposal once deliberated, and its effect follows: a role changes', async t => {
  const { coop, members } = await cooperative(t, 3)
  const [a, b, c] = members as [FakeWriter, FakeWriter, FakeWriter]
  const p = await coop.propose(b, { kind: 'role', member: c.key, role: 'supporter' })
  await coop.vote(a, p, 'yes')
  t.equal((await coop.proposal(p)).status, 'open', '1 of 3')
  await coop.vote(b, p, 'yes')
  t.equal((await coop.proposal(p)).status, 'open', '2 of 3, before the minimum deliberation ends')
  const until = (await coop.proposal(p)).deliberateUntil
  t.ok(until >= coop.time + 23 * HOUR, 'a day of deliberation by default')
  await coop.write(a, [{ type: 'close', proposal: p }])
  t.same((await listRejections(coop.view)).map(r => r.code), ['CLOSE_TOO_EARLY'])

  await coop.advance(until + HOUR, [a, b])
  await coop.write(a, [{ type: 'close', proposal: p }])
  const decided = await coop.proposal(p)
  t.equal(decided.status, 'passed', '2 of 3, deliberated: the close counts the votes')
  t.same(decided.tally, { yes: 2, no: 0, abstain: 0, block: 0 })
  t.equal((await getMember(coop.view, hex(c)))?.role, 'supporter')
  await t.resolves(coop.vote(c, p, 'no'))
  t.same((await listRejections(coop.view)).map(r => r.code).sort(), ['CLOSE_TOO_EARLY', 'PROPOSAL_DECIDED'], 'a vote on a decided proposal is refused')

  // without a deadline, a close finds no majority: it is refused and the proposal stays open
  const motion = await coop.propose(a, { kind: 'motion' })
  await coop.vote(a, motion, 'yes')
  await coop.advance(coop.time + 25 * HOUR, [a, b])
  await coop.write(b, [{ type: 'close', proposal: motion }])
  t.equal((await listRejections(coop.view)).filter(r => r.code === 'PROPOSAL_UNDECIDED').length, 1)
  t.equal((await coop.proposal(motion)).status, 'open')
  await coop.vote(b, motion, 'yes')
  t.equal((await coop.proposal(motion)).status, 'passed', 'after the deliberation, the vote that makes a majority decides')
})

t.test('out of reach fails; a block blocks; votes change until the decision', async t => {
  const { coop, members } = await cooperative(t, 3)
  const [a, b, c] = members as [FakeWriter, FakeWriter, FakeWriter]
  const motion = await coop.propose(a, { kind: 'motion' })
  await coop.vote(a, motion, 'no')
  await coop.vote(a, motion, 'yes') // changed their mind
  t.same((await coop.proposal(motion)).tally, { yes: 1, no: 0, abstain: 0, block: 0 })
  await coop.vote(b, motion, 'no')
  await coop.vote(c, motion, 'abstain')
  t.equal((await coop.proposal(motion)).status, 'failed')

  const blocked = await coop.propose(a, { kind: 'role', member: b.key, role: 'contributor' })
  await coop.vote(a, blocked, 'yes')
  await coop.vote(b, blocked, 'block')
  t.equal((await coop.proposal(blocked)).status, 'open', 'a block waits for the others, or the deliberation')
  await coop.vote(c, blocked, 'yes')
  const p = await coop.proposal(blocked)
  t.equal(p.status, 'blocked')
  t.equal((await getMember(coop.view, hex(b)))?.role, 'member', 'no effect')
})

t.test('lazy consensus: a close after the deadline passes in silence, fails on a no; an early close is refused', async t => {
  const { coop, members } = await cooperative(t, 3)
  const [a, b, c] = members as [FakeWriter, FakeWriter, FakeWriter]
  const deadline = coop.time + 30 * HOUR
  const quiet = await coop.propose(a, { kind: 'motion' }, deadline)
  const objected = await coop.propose(a, { kind: 'motion' }, deadline)
  await coop.vote(b, objected, 'no')
  await coop.write(c, [{ type: 'close', proposal: quiet }]) // too early
  t.same((await listRejections(coop.view)).map(r => r.code), ['CLOSE_TOO_EARLY'])
  t.equal((await coop.proposal(quiet)).status, 'open')

  await coop.advance(deadline + 1, [a, b, c])
  await coop.write(c, [{ type: 'close', proposal: quiet }, { type: 'close', proposal: objected }])
  t.equal((await coop.proposal(quiet)).status, 'passed')
  t.equal((await coop.proposal(objected)).status, 'failed')
  const noDeadline = await coop.propose(a, { kind: 'motion' })
  await coop.write(c, [{ type: 'close', proposal: noDeadline }])
  t.same((await listRejections(coop.view)).map(r => r.code).sort(), ['CLOSE_TOO_EARLY', 'CLOSE_TOO_EARLY'])
})

t.test('claimed clocks skewed by days give the same decisions on two nodes', async t => {
  const script = async (coop: Coop, members: FakeWriter[]): Promise<string[]> => {
    const [a, b, c] = members as [FakeWriter, FakeWriter, FakeWriter]
    const deadline = coop.time + 25 * HOUR
    const p1 = await coop.propose(a, { kind: 'motion' }, deadline)
    await coop.vote(b, p1, 'yes')
    await coop.write(a, [{ type: 'close', proposal: p1 }], 48 * HOUR) // a's is two days fast: one clock moves nothing
    await coop.tick([c], 48 * HOUR) // c's too: now two of three are past the deadline
    await coop.write(b, [{ type: 'close', proposal: p1 }])
    const p2 = await coop.propose(b, { kind: 'motion' }, await coop.now() + 25 * HOUR)
    await coop.vote(c, p2, 'no', 100 * HOUR)
    await coop.write(b, [{ type: 'close', proposal: p2 }], 100 * HOUR)
    return [(await coop.proposal(p1)).status, (await coop.proposal(p2)).status, ...(await listRejections(coop.view)).map(r => r.code)]
  }
  const one = await cooperative(t, 3, 'one')
  const two = await cooperative(t, 3, 'two')
  t.same(await script(one.coop, one.members), ['passed', 'failed', 'CLOSE_TOO_EARLY'])
  t.same(await script(two.coop, two.members), ['passed', 'failed', 'CLOSE_TOO_EARLY'])
  t.equal(await getDigest(one.coop.view), await getDigest(two.coop.view), 'identical views')
})

t.test('removal: writes stop, later ops do not count, the last indexer stays', async t => {
  const { coop, members } = await cooperative(t, 3)
  const [a, b, c] = members as [FakeWriter, FakeWriter, FakeWriter]
  const last = await coop.propose(b, { kind: 'remove', member: a.key })
  await coop.vote(b, last, 'yes')
  await coop.vote(c, last, 'yes')
  await coop.vote(a, last, 'no')
  const failed = await coop.proposal(last)
  t.equal(failed.status, 'failed')
  t.match(failed.reason, /last indexer/)
  t.same(coop.removed, [])

  const rm = await coop.propose(a, { kind: 'remove', member: c.key })
  await coop.vote(a, rm, 'yes')
  await coop.vote(b, rm, 'yes')
  await coop.vote(c, rm, 'no')
  t.equal((await coop.proposal(rm)).status, 'passed')
  t.same(coop.removed, [hex(c)], 'their device is no longer a writer')
  await coop.write(c, [contribution({ minutes: 60 })])
  t.same((await listRejections(coop.view)).filter(r => r.writer === hex(c)).map(r => r.code), ['REMOVED'])
  t.same((await memberBalances(coop.view, hex(c), 'all'))[1]?.balance.entries, 0)

  // two members left: a majority is now 2 of 2
  const motion = await coop.propose(a, { kind: 'motion' })
  await coop.vote(a, motion, 'yes')
  t.equal((await coop.proposal(motion)).status, 'open')
  await coop.vote(b, motion, 'yes')
  t.equal((await coop.proposal(motion)).status, 'passed')
  t.equal(await scanDigest(coop.view), await getDigest(coop.view))
})

t.test('indexers change by proposal; the protocol version is raised by proposal', async t => {
  const { coop, members } = await cooperative(t, 2)
  const [a, b] = members as [FakeWriter, FakeWriter]
  const ix = await coop.propose(a, { kind: 'indexers', devices: [b.key] })
  await coop.vote(a, ix, 'yes')
  await coop.vote(b, ix, 'yes')
  t.equal((await coop.proposal(ix)).status, 'passed')
  t.same(coop.indexed, [hex(b)], 'b became an indexer')
  t.ok(coop.added.includes(hex(a)), 'a was re-added as a non-indexer')

  const unknown = await coop.propose(a, { kind: 'indexers', devices: [b4a.alloc(32, 7)] })
  await coop.vote(a, unknown, 'yes')
  await coop.vote(b, unknown, 'yes')
  t.match((await coop.proposal(unknown)).reason, /not an active participant's device/)

  const same = await coop.propose(a, { kind: 'protocol', version: 1 })
  await coop.vote(a, same, 'yes')
  await coop.vote(b, same, 'yes')
  t.equal((await coop.proposal(same)).status, 'failed')
  const up = await coop.propose(a, { kind: 'protocol', version: 2 })
  await coop.vote(a, up, 'yes')
  await coop.vote(b, up, 'yes')
  t.equal((await coop.proposal(up)).status, 'passed')
  t.match(coop.h.interrupted[0], /raised its protocol to version 2/, 'a node that knows only version 1 stops')
})

t.test('who votes: daters are recorded, contributors and (by default) supporters cannot; two devices vote once', async t => {
  const { coop, members } = await cooperative(t, 2)
  const [a, b] = members as [FakeWriter, FakeWriter]
  const d = new FakeWriter(50)
  const s = new FakeWriter(51)
  const k = new FakeWriter(52)
  const aPi = new FakeWriter(53)
  for (const [w, role] of [[d, 'dater'], [s, 'supporter'], [k, 'contributor']] as const) {
    const p = await coop.propose(a, { kind: 'admit', writer: w.key, role, name: role })
    await coop.vote(a, p, 'yes')
    await coop.vote(b, p, 'yes')
  }
  // a's second device, by invite
  const pi = testInvite(9)
  await coop.write(a, [inviteOf(pi, 'device', coop.time + HOUR)])
  await coop.write(a, [admitOf(pi, aPi.key)])

  const p = await coop.propose(d, { kind: 'motion' })
  await coop.vote(d, p, 'yes')
  await coop.vote(k, p, 'yes')
  await coop.vote(s, p, 'yes')
  await coop.vote(a, p, 'yes')
  await coop.vote(aPi, p, 'yes')
  const got = await coop.proposal(p)
  t.same(got.tally, { yes: 1, no: 0, abstain: 0, block: 0 }, "only a's vote binds, once for two devices")
  t.equal(got.status, 'open', '1 of 2 members')
  t.same((await listRejections(coop.view)).map(r => r.code), ['NOT_ALLOWED', 'NOT_ALLOWED'])

  const all = await coop.propose(a, { kind: 'motion' }, 0, 'all')
  await coop.vote(s, all, 'yes')
  await coop.vote(a, all, 'yes')
  await coop.vote(b, all, 'no')
  t.equal((await coop.proposal(all)).status, 'passed', 'asked of all constituents: 2 of 3 (2 members, 1 supporter)')
})

t.test('a decision is provisional until the view block that holds it is signed', async t => {
  const { coop, members } = await cooperative(t, 1, 'provisional')
  const [a] = members as [FakeWriter]
  const p = await coop.propose(a, { kind: 'motion' })
  await coop.vote(a, p, 'yes')
  const { proposalView } = await import('../src/commands/proposal-view.js')
  const { getProposal } = await import('../src/consensus/queries.js')
  const entry = await getProposal(coop.view, `${hex(a)}-${p.seq}-0`)
  if (entry === null) throw new Error('no proposal')
  const nodeSigned = (signedLength: number) => ({ lengths: () => ({ viewSignedLength: signedLength }) }) as never
  t.equal((await proposalView(nodeSigned(entry.seq), coop.view, entry)).provisional, true, 'not yet signed')
  t.equal((await proposalView(nodeSigned(entry.seq + 1), coop.view, entry)).provisional, false, 'signed')
  const open = await coop.propose(a, { kind: 'motion' })
  const openEntry = await getProposal(coop.view, `${hex(a)}-${open.seq}-0`)
  t.equal((await proposalView(nodeSigned(0), coop.view, openEntry as never)).provisional, false, 'an open proposal is not a decision')
})
