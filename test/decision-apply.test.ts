import t from 'tap'
import { listRejections } from '../src/consensus/queries.js'
import type { ProposalAction, ProposeOp } from '../src/ledger/ops.js'
import type { DecisionSpec } from '../src/ledger/decision.js'
import type { FakeWriter } from './helpers/ops.js'
import { cooperative } from './helpers/coop.js'
import type { Coop } from './helpers/coop.js'

/**
 * The decision types in apply (docs/governance.md, "Decision types"): each rule as the ledger
 * applies it, with the ledger time, roles and lies a peer can write. The pure rules' truth tables
 * are in decision-types.test.ts.
 */
const HOUR = 3_600_000
type Ref = Awaited<ReturnType<Coop['write']>>

async function typed (coop: Coop, w: FakeWriter, decision: DecisionSpec, opts: { action?: ProposalAction, deadline?: number } = {}): Promise<Ref> {
  const op: ProposeOp = { type: 'propose', action: opts.action ?? { kind: 'motion' }, text: 'please', audience: 'members', deadline: opts.deadline ?? 0, decision }
  return await coop.write(w, [op])
}

/** The rejections' codes (with their reason), sorted: the view lists them by writer, not by time. */
async function codes (coop: Coop): Promise<string[]> {
  return (await listRejections(coop.view)).map(r => r.params?.reason !== undefined ? `${r.code}:${String(r.params.reason)}` : r.code).sort()
}

/** The rejections recorded since the last call (sorted). */
function since (coop: Coop): () => Promise<string[]> {
  let seen: string[] = []
  return async () => {
    const now = await codes(coop)
    const fresh = [...now]
    for (const c of seen) fresh.splice(fresh.indexOf(c), 1)
    seen = now
    return fresh
  }
}

const CONSENT: DecisionSpec = { type: 'consent', options: [], budget: 0 }
const ADVICE: DecisionSpec = { type: 'advice', options: [], budget: 0 }

t.test('consent: an objection holds the proposal until its objector resolves it; the resolution starts a new round', async t => {
  const { coop, members } = await cooperative(t, 3)
  const [a, b, c] = members as [FakeWriter, FakeWriter, FakeWriter]
  const p = await typed(coop, a, CONSENT)
  const objection = await coop.write(c, [{ type: 'object', proposal: p, reason: 'not before the assembly' }])
  await coop.vote(a, p, 'yes')
  await coop.vote(b, p, 'yes')
  await coop.advance((await coop.proposal(p)).deliberateUntil + 1, [a, b, c])
  await coop.vote(b, p, 'yes')
  t.equal((await coop.proposal(p)).status, 'open', 'two consents and the deliberation over: one objection still holds it')
  await coop.write(a, [{ type: 'close', proposal: p }])
  await coop.write(c, [{ type: 'vote', proposal: p, choice: 'block', reason: '' }])
  await coop.write(a, [{ type: 'resolve', proposal: p, objection, outcome: 'withdrawn', note: 'overruled' }])
  t.same(await codes(coop), ['DECISION_RULE:consent-choice', 'DECISION_RULE:objection-not-yours', 'DECISION_RULE:objections-open'],
    'a close without a deadline waits for the objection; a block is no consent step; nobody but the objector settles it')

  await coop.write(c, [{ type: 'resolve', proposal: p, objection, outcome: 'resolved', note: 'moved after the assembly' }])
  const round2 = await coop.proposal(p)
  t.equal(round2.status, 'open', 'resolved: a new round, not a pass')
  t.equal(round2.decision?.round, 2)
  t.same(round2.tally, { yes: 0, no: 0, abstain: 0, block: 0 }, 'consents are given again in the new round')
  t.ok(round2.deliberateUntil >= (await coop.now()) + 24 * HOUR, 'with a whole minimum deliberation from the resolution')
  await coop.vote(a, p, 'yes')
  await coop.vote(b, p, 'abstain')
  await coop.vote(c, p, 'yes')
  const passed = await coop.proposal(p)
  t.equal(passed.status, 'passed', 'everyone consented or stood aside: at once')
  t.match(passed.reason, /round 2: 2 consent, 1 stand aside, of 3/)
})

t.test('consent: a deadline fails an unresolved objection; silence passes one with none; a removed objector stands in nobody\'s way', async t => {
  const { coop, members } = await cooperative(t, 4)
  const [a, b, c, d] = members as [FakeWriter, FakeWriter, FakeWriter, FakeWriter]
  const deadline = coop.time + 30 * HOUR
  const objected = await typed(coop, a, CONSENT, { deadline })
  const quiet = await typed(coop, a, CONSENT, { deadline })
  const waiting = await typed(coop, a, CONSENT)
  await coop.write(b, [{ type: 'object', proposal: objected, reason: 'too costly' }])
  await coop.write(b, [{ type: 'object', proposal: objected, reason: 'and again' }])
  await coop.write(d, [{ type: 'object', proposal: waiting, reason: 'no' }])
  await coop.advance(deadline + 1, [a, b, c, d])
  await coop.write(c, [{ type: 'close', proposal: objected }, { type: 'close', proposal: quiet }])
  t.match(await coop.proposal(objected), { status: 'failed', reason: /1 objection unresolved at the deadline/ })
  t.match(await coop.proposal(quiet), { status: 'passed', reason: /no objection after the deliberation/ })
  t.same(await codes(coop), ['DECISION_RULE:objection-open'], 'one open objection per member')

  // d's objection holds `waiting` until d is removed: then it no longer counts
  const removal = await coop.propose(a, { kind: 'remove', member: d.key })
  for (const w of [a, b, c]) await coop.vote(w, removal, 'yes')
  await coop.vote(d, removal, 'no')
  t.equal((await coop.proposal(removal)).status, 'passed')
  await coop.write(a, [{ type: 'close', proposal: waiting }])
  t.match(await coop.proposal(waiting), { status: 'passed', reason: /of 3/ })
})

t.test('advice: votes are advice, blocks are discouragement; only the proposer decides, once heard', async t => {
  const { coop, members } = await cooperative(t, 3)
  const [a, b, c] = members as [FakeWriter, FakeWriter, FakeWriter]
  await coop.write(a, [{ type: 'propose', action: { kind: 'remove', member: c.key }, text: '', audience: 'members', deadline: 0, decision: ADVICE }])
  const p = await typed(coop, a, ADVICE)
  await coop.vote(b, p, 'block')
  await coop.vote(c, p, 'block')
  t.equal((await coop.proposal(p)).status, 'open', 'two blocks of three decide nothing')
  await coop.write(a, [{ type: 'decide', proposal: p, adopt: true, reason: '' }])
  await coop.write(b, [{ type: 'decide', proposal: p, adopt: false, reason: 'I say no' }])
  await coop.write(b, [{ type: 'close', proposal: p }])
  t.same(await codes(coop), ['DECISION_RULE:advice-pending', 'DECISION_RULE:not-proposer', 'DECISION_RULE:proposer-active', 'INVALID_FIELD:decision-kind'],
    'advice is for motions; the proposer waits for the deliberation or every voter; nobody else decides, or closes it while the proposer can')
  await coop.vote(a, p, 'yes')
  await coop.write(a, [{ type: 'decide', proposal: p, adopt: true, reason: 'heard you, doing it anyway' }])
  t.match(await coop.proposal(p), { status: 'passed', reason: /adopted it after hearing advice: 1 support, 2 discourage/ })

  // a proposer who is removed can no longer decide: after the deliberation any binding voter closes it
  const orphan = await typed(coop, c, ADVICE)
  const removal = await coop.propose(a, { kind: 'remove', member: c.key })
  await coop.vote(a, removal, 'yes')
  await coop.vote(b, removal, 'yes')
  await coop.vote(c, removal, 'no')
  t.equal((await coop.proposal(removal)).status, 'passed')
  await coop.advance((await coop.proposal(orphan)).deliberateUntil + 1, [a, b])
  await coop.write(b, [{ type: 'close', proposal: orphan }])
  t.match(await coop.proposal(orphan), { status: 'failed', reason: /the proposer can no longer decide/ })
})

t.test('polls: ballots checked against the poll, the latest counts, daters are recorded, decided by every ballot or after the deliberation', async t => {
  const { coop, members } = await cooperative(t, 4)
  const [a, b, c, d] = members as [FakeWriter, FakeWriter, FakeWriter, FakeWriter]
  const toDater = await coop.propose(a, { kind: 'role', member: d.key, role: 'dater' })
  for (const w of [a, b, c, d]) await coop.vote(w, toDater, 'yes')
  t.equal((await coop.proposal(toDater)).status, 'passed', 'd is a dater')

  const dots = await typed(coop, a, { type: 'dots', options: ['oven', 'sink', 'fridge'], budget: 10 })
  const ballot = async (w: FakeWriter, p: Ref, values: number[]): Promise<void> => { await coop.write(w, [{ type: 'ballot', proposal: p, values, reason: '' }]) }
  await ballot(a, dots, [10, 1, 0]) // over the budget
  await ballot(a, dots, [0, 0, 0]) // no dots
  await ballot(a, dots, [5, 5]) // one short
  await coop.vote(a, dots, 'yes') // a poll takes ballots
  const fresh = since(coop)
  t.same(await fresh(), ['DECISION_RULE:vote-on-poll', 'INVALID_FIELD:ballot-dots', 'INVALID_FIELD:ballot-dots', 'INVALID_FIELD:ballot-length'])
  await typed(coop, d, ADVICE)
  t.same((await listRejections(coop.view)).filter(r => r.code === 'NOT_ALLOWED').map(r => r.params), [{ role: 'dater', action: 'decide-advice' }], 'a dater makes no advice proposal: its proposer would decide it')
  await fresh()
  await ballot(a, dots, [10, 0, 0])
  await ballot(a, dots, [0, 4, 6]) // replaces a's first
  await ballot(d, dots, [0, 0, 10]) // a dater's: recorded
  await ballot(b, dots, [3, 7, 0])
  const open = await coop.proposal(dots)
  t.equal(open.status, 'open', 'two binding ballots of three')
  t.equal(open.decision?.ballots, 2)
  await ballot(c, dots, [2, 2, 6])
  const decided = await coop.proposal(dots)
  t.same(decided.decision?.result?.totals, [5, 13, 12], 'a\'s latest ballot and not the dater\'s')
  t.match(decided, { status: 'passed', reason: /"sink" has the most dots, 13, of 3 binding ballots/ })
  await ballot(b, dots, [0, 0, 10])
  t.same(await fresh(), ['PROPOSAL_DECIDED'], 'decided: later ballots are refused')

  const score = await typed(coop, b, { type: 'score', options: ['green', 'blue'], budget: 5 })
  await ballot(a, score, [5, 6])
  await ballot(a, score, [2, 5])
  await coop.write(c, [{ type: 'close', proposal: score }])
  t.same(await fresh(), ['CLOSE_TOO_EARLY', 'INVALID_FIELD:ballot-score'], 'a score over the highest; a close before the deliberation')
  await coop.advance((await coop.proposal(score)).deliberateUntil + 1, [a, b, c])
  await coop.write(c, [{ type: 'close', proposal: score }])
  t.match(await coop.proposal(score), { status: 'passed', reason: /"blue" has the highest total score, 5, of 1 binding ballot/ })

  const ranked = await typed(coop, c, { type: 'ranked', options: ['Ana', 'Bo', 'Cy'], budget: 0 })
  await ballot(a, ranked, [0, 0]) // twice
  await ballot(a, ranked, [3]) // no such option
  await ballot(a, ranked, [2, 1])
  await ballot(b, ranked, [0])
  await ballot(c, ranked, [1, 2])
  t.match(await coop.proposal(ranked), { status: 'passed', reason: /"Bo" won the instant-runoff in round 2 with 2 of 3/ })
  t.same(await fresh(), ['INVALID_FIELD:ballot-option', 'INVALID_FIELD:ballot-rank-twice'])

  // a dater's objection is recorded, holds nothing, and settling it starts no round
  const consent = await typed(coop, a, CONSENT)
  const daters = await coop.write(d, [{ type: 'object', proposal: consent, reason: 'recorded only' }])
  await coop.vote(a, consent, 'yes')
  await coop.write(d, [{ type: 'resolve', proposal: consent, objection: daters, outcome: 'resolved', note: '' }])
  t.match(await coop.proposal(consent), { status: 'open', tally: { yes: 1 }, decision: { round: 1, objections: 0 } })
  await coop.vote(b, consent, 'yes')
  await coop.vote(c, consent, 'yes')
  t.match(await coop.proposal(consent), { status: 'passed', reason: /round 1: 3 consent/ })
  t.same(await fresh(), [])
})
