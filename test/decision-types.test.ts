import t from 'tap'
import { decideAdvice } from '../src/ledger/decide-advice.js'
import type { AdviceMoment } from '../src/ledger/decide-advice.js'
import { decideConsent } from '../src/ledger/decide-consent.js'
import type { ConsentMoment } from '../src/ledger/decide-consent.js'
import { countPoll, countRanked, pollDecides, pollDecision } from '../src/ledger/decide-poll.js'
import { ballotProblem } from '../src/ledger/decision.js'
import type { DecisionSpec } from '../src/ledger/decision.js'
import { validateOp } from '../src/ledger/validate.js'
import type { ProposeOp } from '../src/ledger/ops.js'
import { emptyTally } from '../src/ledger/governance.js'
import { ballotValues } from '../src/commands/ballot-input.js'
import { DiscoError } from '../src/errors.js'
import { renderError } from '../src/error-messages.js'
import type { Decision } from '../src/ledger/governance.js'

/** A decision's outcome in words (the view keeps a code and params). */
const words = (d: Decision | { refused: string }): string => 'refused' in d || d.outcome === null ? '' : renderError(d.outcome.code, d.outcome.params)

/** The decision types' rules as pure functions (docs/governance.md, "Decision types"). */

t.test('advice: only the proposer decides, after hearing advice; a close only when the proposer is gone', async t => {
  const base: AdviceMoment = { act: { decide: true }, byProposer: true, proposerActive: true, deliberated: true, advice: emptyTally(), voters: 3 }
  const rows: Array<[string, Partial<AdviceMoment>, string]> = [
    ['the proposer adopts after the deliberation', {}, 'passed'],
    ['the proposer drops it after the deliberation', { act: { decide: false } }, 'failed'],
    ['before the deliberation, with advice still to come', { deliberated: false, advice: { ...emptyTally(), yes: 2 } }, 'refused:advice-pending'],
    ['before the deliberation, every binding voter heard (blocks heard as discourage)', { deliberated: false, advice: { yes: 1, no: 0, abstain: 0, block: 2 } }, 'passed'],
    ['another member decides', { byProposer: false }, 'refused:not-proposer'],
    ['three blocks decide nothing: the proposer may still adopt', { advice: { yes: 0, no: 0, abstain: 0, block: 3 } }, 'passed'],
    ['a vote decides nothing', { act: 'vote', advice: { yes: 3, no: 0, abstain: 0, block: 0 } }, 'open'],
    ['a close while the proposer may decide', { act: 'close', byProposer: false }, 'refused:proposer-active'],
    ['a close once the proposer is gone, after the deliberation', { act: 'close', byProposer: false, proposerActive: false }, 'failed'],
    ['a close once the proposer is gone, before the deliberation', { act: 'close', byProposer: false, proposerActive: false, deliberated: false }, 'refused:advice-pending']
  ]
  for (const [what, over, expected] of rows) {
    const out = decideAdvice({ ...base, ...over })
    t.equal('refused' in out ? `refused:${out.refused}` : out.status, expected, what)
  }
  const adopted = decideAdvice({ ...base, advice: { yes: 1, no: 1, abstain: 0, block: 1 } })
  t.same(adopted, { status: 'passed', outcome: { code: 'DECIDED', params: { reason: 'advice-adopted', support: 1, discourage: 2, abstain: 0 } } }, 'the outcome is a code and params')
  t.match(words(adopted), /adopted it after hearing advice: 1 support, 2 discourage, 0 abstain/, 'which say what was heard')
})

t.test('consent: an objection must be resolved, never outvoted; silence after the deliberation is consent', async t => {
  const base: ConsentMoment = { consents: 0, standAsides: 0, objections: 0, voters: 4, deliberated: false, closing: false, deadline: false, round: 1 }
  const rows: Array<[string, Partial<ConsentMoment>, string]> = [
    ['nothing heard, before the deliberation', {}, 'open'],
    ['every voter consents or stands aside: at once', { consents: 3, standAsides: 1 }, 'passed'],
    ['three consents and one objection, after the deliberation, at a vote', { consents: 3, objections: 1, deliberated: true }, 'open'],
    ['an objection at a close without a deadline', { consents: 3, objections: 1, deliberated: true, closing: true }, 'open'],
    ['an objection at a close past the deadline', { consents: 3, objections: 1, deliberated: true, closing: true, deadline: true }, 'failed'],
    ['no objection after the deliberation, one consent', { consents: 1, deliberated: true }, 'passed'],
    ['no objection after the deliberation, nobody spoke, a close', { deliberated: true, closing: true }, 'passed'],
    ['no objection before the deliberation, three of four consent', { consents: 3 }, 'open'],
    ['the objection was resolved: a new round, everyone consents again', { consents: 4, round: 2 }, 'passed']
  ]
  for (const [what, over, expected] of rows) t.equal(decideConsent({ ...base, ...over }).status, expected, what)
  t.match(words(decideConsent({ ...base, objections: 2, deliberated: true, closing: true, deadline: true })), /2 objections unresolved at the deadline \(round 1: 0 consent, 0 stand aside, of 4\)/)
})

t.test('ranked choice: instant-runoff, the fewest eliminated (the one listed last among equals), a majority of ballots still counting wins', async t => {
  // 5 ballots over A B C: A 2, B 2, C 1 first preferences; C goes; its ballot moves to B
  const five = [[0, 1], [0], [1, 0], [1], [2, 1, 0]]
  const r = countRanked(3, five)
  t.same(r.rounds, [{ counts: [2, 2, 1], eliminated: 2 }, { counts: [2, 3, null], eliminated: null }], 'C out, then B has 3 of 5')
  t.equal(r.winner, 1)
  t.same(countRanked(3, [[0], [1], [2]]), {
    rounds: [{ counts: [1, 1, 1], eliminated: 2 }, { counts: [1, 1, null], eliminated: 1 }, { counts: [1, null, null], eliminated: null }],
    winner: 0
  }, 'a three-way tie: the last listed goes first, the first listed wins')
  t.same(countRanked(2, [[1, 0], [1], [0]]).rounds, [{ counts: [1, 2], eliminated: null }], 'a majority in the first round ends it')
  t.equal(countRanked(4, [[3], [3, 0]]).winner, 3, 'options nobody ranked are eliminated first')
  const exhausted = countRanked(3, [[2], [0], [0], [1], [1]])
  t.same(exhausted.rounds[1], { counts: [2, 2, null], eliminated: 1 }, 'an exhausted ballot stops counting')
  t.equal(exhausted.winner, 0, '… and of 4 ballots still counting, 2 is no majority: the tie goes to the first listed')
  t.same(countRanked(3, []), { rounds: [], winner: null }, 'no ballots, no winner')
})

t.test('score and dots: totals, the first listed among equal totals wins; a poll is decided by every ballot or after the deliberation', async t => {
  t.same(countPoll('score', 3, [[5, 0, 3], [0, 5, 3]]), { totals: [5, 5, 6], rounds: [], winner: 2, ballots: 2 })
  t.equal(countPoll('score', 3, [[5, 0, 0], [0, 5, 0]]).winner, 0, 'a tie goes to the first listed')
  t.equal(countPoll('score', 2, [[0, 0]]).winner, null, 'nothing scored: no winner')
  t.same(countPoll('dots', 2, [[7, 3], [0, 10]]).totals, [7, 13])
  const sink = pollDecision('dots', countPoll('dots', 2, [[7, 3], [0, 10]]), ['oven', 'sink'])
  t.same(sink, { status: 'passed', outcome: { code: 'DECIDED', params: { reason: 'poll-dots', option: 'sink', index: 1, total: 13, ballots: 2 } } })
  t.match(words(sink), /"sink" has the most dots, 13, of 2 binding ballots/)
  const none = pollDecision('score', countPoll('score', 2, []), ['a', 'b'])
  t.equal(none.status, 'failed')
  t.match(words(none), /no binding ballot/)
  const zero = pollDecision('score', countPoll('score', 2, [[0, 0]]), ['a', 'b'])
  t.equal(zero.status, 'failed')
  t.match(words(zero), /no option got a score in 1 binding ballot$/)
  const runoff = pollDecision('ranked', countPoll('ranked', 3, [[0, 1], [0], [1, 0], [1], [2, 1, 0]]), ['A', 'B', 'C'])
  t.equal(runoff.status, 'passed')
  t.match(words(runoff), /"B" won the instant-runoff in round 2 with 3 of 5 binding ballots/)
  t.equal(pollDecides({ ballots: 2, voters: 3, deliberated: false }), false, 'two of three ballots, before the deliberation: open')
  t.equal(pollDecides({ ballots: 3, voters: 3, deliberated: false }), true, 'every binding ballot: decided')
  t.equal(pollDecides({ ballots: 1, voters: 3, deliberated: true }), true, 'after the deliberation: decided')
})

t.test('a ballot is checked against its poll: every number a peer writes may be a lie', async t => {
  const score: DecisionSpec = { type: 'score', options: ['a', 'b', 'c'], budget: 5 }
  const dots: DecisionSpec = { type: 'dots', options: ['a', 'b'], budget: 10 }
  const ranked: DecisionSpec = { type: 'ranked', options: ['a', 'b', 'c'], budget: 0 }
  const rows: Array<[string, DecisionSpec, number[], string | null]> = [
    ['score: one per option', score, [5, 0, 3], null],
    ['score: too few', score, [5, 0], 'ballot-length'],
    ['score: too many', score, [5, 0, 3, 1], 'ballot-length'],
    ['score: over the highest score', score, [6, 0, 0], 'ballot-score'],
    ['score: not whole', score, [1.5, 0, 0], 'ballot-whole'],
    ['score: negative', score, [-1, 0, 0], 'ballot-whole'],
    ['score: all zero is a ballot', score, [0, 0, 0], null],
    ['dots: within the budget', dots, [7, 3], null],
    ['dots: over the budget', dots, [7, 4], 'ballot-dots'],
    ['dots: none spread', dots, [0, 0], 'ballot-dots'],
    ['dots: one huge count', dots, [Number.MAX_SAFE_INTEGER, 0], 'ballot-dots'],
    ['dots: beyond safe integers', dots, [2 ** 60, 0], 'ballot-whole'],
    ['ranked: a partial ranking', ranked, [2], null],
    ['ranked: all of them', ranked, [2, 0, 1], null],
    ['ranked: empty', ranked, [], 'ballot-ranks'],
    ['ranked: more ranks than options', ranked, [0, 1, 2, 0], 'ballot-ranks'],
    ['ranked: an option twice', ranked, [1, 1], 'ballot-rank-twice'],
    ['ranked: no such option', ranked, [3], 'ballot-option'],
    ['consent takes no ballot', { type: 'consent', options: [], budget: 0 }, [0], 'ballot-not-poll']
  ]
  for (const [what, d, values, expected] of rows) t.equal(ballotProblem(d, values)?.reason ?? null, expected, what)
})

t.test('a proposal\'s decision type is checked on the wire', async t => {
  const op = (decision: ProposeOp['decision'], kind: 'motion' | 'remove' = 'motion'): ProposeOp => ({
    type: 'propose', action: kind === 'motion' ? { kind } : { kind, member: Buffer.alloc(32, 1) }, text: 'x', audience: 'members', deadline: 0, ...(decision !== undefined ? { decision } : {})
  })
  const reason = (o: ProposeOp): string | null => {
    try { validateOp(o); return null } catch (err) { return String((err as DiscoError).params?.reason ?? (err as DiscoError).code) }
  }
  const rows: Array<[string, ProposeOp, string | null]> = [
    ['none: the majority rule', op(undefined), null],
    ['consent on a removal', op({ type: 'consent', options: [], budget: 0 }, 'remove'), null],
    ['advice on a removal: one person would decide it', op({ type: 'advice', options: [], budget: 0 }, 'remove'), 'decision-kind'],
    ['a poll on a removal', op({ type: 'ranked', options: ['a', 'b'], budget: 0 }, 'remove'), 'decision-kind'],
    ['advice with options', op({ type: 'advice', options: ['a', 'b'], budget: 0 }), 'options-not-poll'],
    ['consent with a budget', op({ type: 'consent', options: [], budget: 3 }), 'budget-not-poll'],
    ['a poll of one option', op({ type: 'score', options: ['a'], budget: 5 }), 'options-count'],
    ['a poll of 13 options', op({ type: 'score', options: Array.from({ length: 13 }, (_, i) => `o${i}`), budget: 5 }), 'options-count'],
    ['an option twice', op({ type: 'dots', options: ['a', 'a'], budget: 5 }), 'option-twice'],
    ['an empty option', op({ type: 'dots', options: ['a', ' '], budget: 5 }), 'empty'],
    ['a score budget of 0', op({ type: 'score', options: ['a', 'b'], budget: 0 }), 'budget'],
    ['a score budget of 11', op({ type: 'score', options: ['a', 'b'], budget: 11 }), 'budget'],
    ['a dot budget of 100', op({ type: 'dots', options: ['a', 'b'], budget: 100 }), null],
    ['a dot budget of 101', op({ type: 'dots', options: ['a', 'b'], budget: 101 }), 'budget'],
    ['a ranked poll with a budget', op({ type: 'ranked', options: ['a', 'b'], budget: 1 }), 'budget-not-poll'],
    ['an unknown type', op({ type: 'lottery' as 'advice', options: [], budget: 0 }), 'decision-type']
  ]
  for (const [what, o, expected] of rows) t.equal(reason(o), expected, what)
})

t.test('a ballot as a member writes it', async t => {
  const score: DecisionSpec = { type: 'score', options: ['green', 'blue', 'red'], budget: 5 }
  t.same(ballotValues(score, ['green=5', 'red=2']), [5, 0, 2], 'option=n, the rest 0')
  t.same(ballotValues(score, ['2=4']), [0, 4, 0], 'an option by its number')
  t.same(ballotValues(score, ['1', '2', '3']), [1, 2, 3], 'plain numbers, one per option')
  t.same(ballotValues({ type: 'ranked', options: ['steel', 'glass', 'clay'], budget: 0 }, ['clay', '1']), [2, 0], 'ranked: names or numbers, best first')
  t.throws(() => ballotValues(score, ['purple=1']), /not an option of this poll: 1 green, 2 blue, 3 red/)
  t.throws(() => ballotValues(score, ['green=1', 'green=2']), /given twice/)
  t.throws(() => ballotValues(score, ['green']), /write option=n/)
  t.throws(() => ballotValues(score, []), /give your ballot/)
})
