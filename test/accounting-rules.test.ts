import t from 'tap'
import type { Test } from 'tap'
import b4a from 'b4a'
import { getStatement, listLate } from '../src/consensus/accounting-queries.js'
import { getMember, listRejections } from '../src/consensus/queries.js'
import { statementView } from '../src/commands/statement.js'
import { evaluationOf } from '../src/commands/evaluate.js'
import { quotaPace } from '../src/commands/status.js'
import { checkStatement } from '../src/commands/statement-check.js'
import { applyCap } from '../src/ledger/cap.js'
import { parseDate } from '../src/ledger/dates.js'
import type { Entry } from '../src/ledger/entries.js'
import { evaluate } from '../src/ledger/evaluation.js'
import type { Output } from '../src/ledger/ops.js'
import { parsePeriod, periodMonths, quarterOf } from '../src/ledger/periods.js'
import { DEFAULT_RULES } from '../src/ledger/rules.js'
import type { Rules } from '../src/ledger/rules.js'
import { computeStatement, entryCredits, outputCredits } from '../src/ledger/statement.js'
import type { Participant } from '../src/ledger/statement.js'
import type { Stream } from '../src/ledger/streams.js'
import { changedRules } from '../src/commands/rules-change.js'
import { cooperative } from './helpers/coop.js'
import type { Coop } from './helpers/coop.js'
import { contribution } from './helpers/ops.js'
import type { FakeWriter } from './helpers/ops.js'

/**
 * The accounting rules of issue 22, each with a worked example to the cent (docs/accounting.md,
 * "Guerrilla Translation's model, written down as rules"), and the quarterly period through apply.
 */

/** Guerrilla Translation's model: three dating stages (no livelihood work in the first, 50% then
 * 75% of it paid), daters' care recorded, 400 credits (of an hour: 24,000 credit-minutes) a
 * quarter, and 5,000 words translated worth those 400 credits. */
const GT: Rules = {
  ...DEFAULT_RULES,
  stages: [{ livelihood: 0, love: 100, care: 0 }, { livelihood: 50, love: 100, care: 0 }, { livelihood: 75, love: 100, care: 0 }],
  care: { member: 'paid', dater: 'recorded', contributor: 'paid' },
  quota: { period: 'quarter', credits: { member: 24_000, dater: 24_000, contributor: 0 } },
  units: [{ name: 'words', credits: 4800, per: 1000 }]
}

let n = 0
function entry (member: string, stream: Stream, minutes: number, output: Output | null = null, date = '2026-11-03'): Entry {
  return {
    id: `${member}-${n++}`, member, device: member, time: 0, date, stream, minutes, description: '', project: '', tags: [],
    client: '', commons: '', careFor: stream === 'care' ? 'collective' : null, money: null, output, key: '',
    status: 'active', amends: 0, lastAmend: null, retractReason: '', endorsedBy: []
  }
}
const words = (quantity: number): Output => ({ unit: 'words', quantity })

/** November at Guerrilla Translation: Ana translated 5,000 words and did 10 h of care; Bo 20 h of
 * paid work, 10 h of love, 20 h of care; Cy, a dater in the second stage, translated 2,500 words
 * for a client and 2,000 for the magazine, and did 5 h of care. */
const NOVEMBER = [
  entry('ana', 'livelihood', 0, words(5000)), entry('ana', 'care', 600),
  entry('bo', 'livelihood', 1200), entry('bo', 'love', 600), entry('bo', 'care', 1200),
  entry('cy', 'livelihood', 0, words(2500)), entry('cy', 'love', 0, words(2000)), entry('cy', 'care', 300)
]
const PEOPLE: Participant[] = [{ id: 'ana', name: 'Ana', role: 'member' }, { id: 'bo', name: 'Bo', role: 'member' }, { id: 'cy', name: 'Cy', role: 'dater', stage: 2 }]

t.test('output: a quantity earns floor(quantity × credits / per) of its unit, beside or instead of minutes', async t => {
  t.equal(outputCredits({ output: words(5000) }, GT), 24_000n, '5,000 words are 400 credits of an hour: 24,000 credit-minutes')
  t.equal(outputCredits({ output: words(1234) }, GT), 5923n, '1,234 × 4,800 / 1,000 = 5,923.2: the fraction is dropped')
  t.equal(entryCredits(entry('ana', 'love', 90, words(1000)), GT, 'EUR'), 90n + 4800n, 'minutes and output add up')
  t.equal(entryCredits(entry('ana', 'love', 90, words(1000)), { ...GT, rate: { ...GT.rate, love: 2 } }, 'EUR'), 180n + 4800n, 'the stream rate applies to the minutes only')
  t.equal(entryCredits(entry('ana', 'love', 0, { unit: 'pages', quantity: 3 }), GT, 'EUR'), 0n, 'a unit the rules do not name earns nothing')
  t.equal(entryCredits({ ...entry('ana', 'love', 0, words(5000)), status: 'retracted' }, GT, 'EUR'), 0n, 'a retracted entry earns nothing')
})

t.test("Guerrilla Translation's month, to the cent: a dater's stage share, her care recorded, words as credits", async t => {
  const r = computeStatement({ month: '2026-11', currency: 'EUR', pool: 300_000, rules: GT, rulesVersion: 1, participants: PEOPLE, entries: NOVEMBER, carried: [] })
  if (!r.ok) return t.fail(r.problem)
  t.same(r.streams, { livelihood: 150_000, love: 90_000, care: 60_000 })
  t.same(r.lines.map(l => [l.name, l.stage, l.shares, l.credits, l.amounts, l.total]), [
    ['Ana', 0, { livelihood: 100, love: 100, care: 100 }, { livelihood: '24000', love: '0', care: '600' }, { livelihood: 113_552, love: 2432, care: 20_000 }, 135_984],
    ['Bo', 0, { livelihood: 100, love: 100, care: 100 }, { livelihood: '1200', love: '600', care: '1200' }, { livelihood: 8411, love: 9730, care: 40_000 }, 58_141],
    ['Cy', 2, { livelihood: 50, love: 100, care: 0 }, { livelihood: '12000', love: '9600', care: '300' }, { livelihood: 28_037, love: 77_838, care: 0 }, 105_875]
  ], 'docs/accounting.md, the worked example of the model')
  t.equal(r.lines.reduce((s, l) => s + l.total, 0), 300_000, 'the payouts sum to the pool')

  // the same month with Cy in the first stage: no livelihood paid, her love work paid in full
  const first = computeStatement({ month: '2026-11', currency: 'EUR', pool: 300_000, rules: GT, rulesVersion: 1, participants: PEOPLE.map(p => p.id === 'cy' ? { ...p, stage: 1 } : p), entries: NOVEMBER, carried: [] })
  t.same(first.ok && first.lines.find(l => l.name === 'Cy')?.amounts, { livelihood: 0, love: 77_838, care: 0 })
  // past the last stage a dater stays at its share; without a stage, the first
  const last = computeStatement({ month: '2026-11', currency: 'EUR', pool: 300_000, rules: GT, rulesVersion: 1, participants: PEOPLE.map(p => p.id === 'cy' ? { ...p, stage: 7 } : p), entries: NOVEMBER, carried: [] })
  t.same(last.ok && last.lines.find(l => l.name === 'Cy')?.shares, { livelihood: 75, love: 100, care: 0 })
  const none = computeStatement({ month: '2026-11', currency: 'EUR', pool: 300_000, rules: GT, rulesVersion: 1, participants: PEOPLE.map(p => p.id === 'cy' ? { ...p, stage: 0 } : p), entries: NOVEMBER, carried: [] })
  t.same(none.ok && none.lines.find(l => l.name === 'Cy')?.shares, { livelihood: 0, love: 100, care: 0 })
  // care recorded for members too: nobody's care is paid, the care stream passes its share on
  const noCare = computeStatement({ month: '2026-11', currency: 'EUR', pool: 300_000, rules: { ...GT, care: { member: 'recorded', dater: 'recorded', contributor: 'recorded' } }, rulesVersion: 1, participants: PEOPLE, entries: NOVEMBER, carried: [] })
  t.same(noCare.ok && noCare.streams, { livelihood: 187_500, love: 112_500, care: 0 }, '300,000 split 50:30 between the other two')
})

/** The worked example of docs/accounting.md: Ana 419.74, Bo 422.37, Cy 157.89 of 1,000.00 EUR. */
const EXAMPLE = [
  entry('ana', 'livelihood', 600), entry('ana', 'love', 300), entry('ana', 'care', 120),
  entry('bo', 'livelihood', 360), entry('bo', 'care', 360), entry('cy', 'love', 600)
]
const TRIO: Participant[] = [{ id: 'ana', name: 'Ana', role: 'member' }, { id: 'bo', name: 'Bo', role: 'member' }, { id: 'cy', name: 'Cy', role: 'member' }]

t.test('a capped payout and its excess, to the cent: shared with who is under the cap, or kept', async t => {
  const capped = (excess: 'share' | 'keep', currency = 'EUR') => computeStatement({
    month: '2026-11', currency: 'EUR', pool: 100_000, rules: { ...DEFAULT_RULES, cap: { amount: 40_000, currency, excess } }, rulesVersion: 1, participants: TRIO, entries: EXAMPLE, carried: []
  })
  const shared = capped('share')
  if (!shared.ok) return t.fail(shared.problem)
  t.same(shared.lines.map(l => [l.name, l.amounts.livelihood + l.amounts.love + l.amounts.care, l.capped, l.received, l.total]), [
    ['Ana', 41_974, 1974, 0, 40_000],
    ['Bo', 42_237, 2237, 0, 40_000],
    ['Cy', 15_789, 0, 4211, 20_000]
  ], 'Ana and Bo give 19.74 and 22.37 EUR above 400.00; Cy, the one under the cap, receives the 42.11')
  t.same(shared.cap, { amount: 40_000, excess: 'share', over: 4211, kept: 0 })
  const kept = capped('keep')
  t.same(kept.ok && kept.lines.map(l => l.total), [40_000, 40_000, 15_789])
  t.same(kept.ok && kept.cap, { amount: 40_000, excess: 'keep', over: 4211, kept: 4211 }, 'the cooperative keeps 42.11 EUR: payouts and kept sum to the pool')
  const other = capped('share', 'USD')
  t.same(other.ok && [other.cap, other.lines.map(l => l.total)], [null, [41_974, 42_237, 15_789]], 'a cap in another currency does not apply')
})

t.test('the cap passes the excess on until nobody is over it; what nobody can take is kept', async t => {
  t.same(applyCap([500n, 300n, 200n], 400n, 'share'), { totals: [400n, 360n, 240n], capped: [100n, 0n, 0n], received: [0n, 60n, 40n], over: 100n, kept: 0n })
  // 500 shared 350:50 lifts the second over the cap; its excess goes to the third, and so on
  const cascade = applyCap([900n, 350n, 50n], 400n, 'share')
  t.same(cascade, { totals: [400n, 400n, 400n], capped: [500n, 0n, 0n], received: [0n, 50n, 350n], over: 500n, kept: 100n })
  t.same(applyCap([100n, 0n], 400n, 'keep'), { totals: [100n, 0n], capped: [0n, 0n], received: [0n, 0n], over: 0n, kept: 0n }, 'nobody over the cap: nothing changes')
})

t.test('quota shortfall, to the credit: the quarter against 400 credits each, and a member behind pace while it runs', async t => {
  const people = PEOPLE.map(p => ({ ...p, removed: false }))
  const over = evaluate({ period: '2026-Q4', rules: GT, participants: people, entries: NOVEMBER, currency: null, now: Date.UTC(2027, 0, 2) })
  t.equal(over.state, 'over')
  t.same(over.rows.map(r => [r.name, r.credits, r.quota, r.short, r.met, r.behind]), [
    ['Ana', '24600', '24000', '0', true, false],
    ['Bo', '3000', '24000', '21000', false, false],
    ['Cy', '21900', '24000', '2100', false, false]
  ], "Cy's recorded care counts towards her quota: a quota measures the work, not its pay")

  // 15 November: 45 of the quarter's 92 days have passed; an even pace is 24,000 × 45 / 92 = 11,739
  const running = evaluate({ period: '2026-Q4', rules: GT, participants: people, entries: NOVEMBER, currency: null, now: Date.UTC(2026, 10, 15) })
  t.equal(running.state, 'running')
  t.equal(running.elapsed, 489)
  t.same(running.rows.map(r => [r.name, r.expected, r.behind]), [['Ana', '11739', false], ['Bo', '11739', true], ['Cy', '11739', false]])
  // in its first third a period notes nobody as behind: a pace says little yet
  const early = evaluate({ period: '2026-Q4', rules: GT, participants: people, entries: [], currency: null, now: Date.UTC(2026, 9, 20) })
  t.same(early.rows.map(r => r.behind), [false, false, false])
  // a contributor (quota 0) and a supporter are not evaluated against anything
  const more = evaluate({ period: '2026-Q4', rules: GT, participants: [...people, { id: 'dee', name: 'Dee', role: 'contributor', removed: false }, { id: 'eve', name: 'Eve', role: 'supporter', removed: false }], entries: [], currency: null, now: Date.UTC(2027, 0, 2) })
  t.match(more.rows.find(r => r.name === 'Dee'), { quota: '0', short: '0', met: true })
  t.notOk(more.rows.some(r => r.name === 'Eve'))
})

t.test('periods: a month or a quarter, named as text', async t => {
  t.equal(parsePeriod(' 2026-q4 '), '2026-Q4')
  t.same(periodMonths('2026-Q1'), ['2026-01', '2026-02', '2026-03'])
  t.equal(quarterOf('2026-12'), '2026-Q4')
  for (const bad of ['2026-Q5', '2026-Q0', '2026-13', '1999-Q4', '2100-01', 'Q4']) t.throws(() => parsePeriod(bad), { code: 'INVALID_PERIOD' }, bad)
})

const idOf = (ref: { writer: Buffer, seq: number, index: number }): string => `${b4a.toString(ref.writer, 'hex')}-${ref.seq}-${ref.index}`
const codes = async (coop: Coop): Promise<string[]> => (await listRejections(coop.view)).map(r => r.code).sort()

async function pass (t: Test, coop: Coop, members: FakeWriter[], action: Parameters<Coop['propose']>[1]): Promise<void> {
  const p = await coop.propose(members[0] as FakeWriter, action)
  for (const m of members) if ((await coop.proposal(p)).status === 'open') await coop.vote(m, p, 'yes')
  t.equal((await coop.proposal(p)).status, 'passed', `${action.kind} passed`)
}

t.test('a quarterly period through apply: three months in one statement, never paid twice; a dater by stage; late changes say who and how much', async t => {
  const { coop, members } = await cooperative(t, 3)
  const [ana, bo, cy] = members as [FakeWriter, FakeWriter, FakeWriter]
  await pass(t, coop, members, { kind: 'role', member: cy.key, role: 'dater' })
  await pass(t, coop, [ana, bo], { kind: 'rules', rules: { ...GT, period: 'quarter' } })
  await pass(t, coop, [ana, bo], { kind: 'onboarding', member: cy.key, stage: 2 })
  t.equal((await getMember(coop.view, b4a.toString(cy.key, 'hex')))?.stage, 2, "Cy's stage is on her member record")

  const day = (d: string): number => parseDate(d)
  await coop.write(ana, [contribution({ stream: 'livelihood', minutes: 0, output: words(5000), day: day('2026-10-05') }), contribution({ stream: 'care', minutes: 600, day: day('2026-11-05'), careFor: 'collective' })])
  await coop.write(bo, [contribution({ stream: 'livelihood', minutes: 1200, day: day('2026-10-20') }), contribution({ stream: 'love', minutes: 600, day: day('2026-11-20') }), contribution({ stream: 'care', minutes: 1200, day: day('2026-12-20'), careFor: 'collective' })])
  await coop.write(cy, [contribution({ stream: 'livelihood', minutes: 0, output: words(2500), day: day('2026-12-01') }), contribution({ stream: 'love', minutes: 0, output: words(2000), day: day('2026-11-11') }), contribution({ stream: 'care', minutes: 300, day: day('2026-10-30'), careFor: 'collective' })])
  await coop.write(cy, [contribution({ output: { unit: 'pages', quantity: 3 } })]) // UNKNOWN_UNIT
  t.same(await codes(coop), ['UNKNOWN_UNIT'])

  // 20 November, well before the quarter ends: disco status notes Bo behind an even pace
  await coop.advance(Date.UTC(2026, 10, 20), [ana, bo])
  const pace = await quotaPace(coop.view)
  t.same(pace === null ? null : [pace.period, pace.behind.map(b => [b.name, b.credits, b.expected])], ['2026-Q4', [['M1', '3000', '13043']]], 'Bo, 3,000 of the 13,043 expected by now')

  await coop.advance(Date.UTC(2027, 0, 2), [ana, bo])
  const early = await coop.propose(ana, { kind: 'distribute', month: '2026-11', pool: { amount: 300_000, currency: 'EUR' } })
  t.same(await codes(coop), ['PERIOD_KIND', 'UNKNOWN_UNIT'], 'a month under quarterly rules is refused')
  t.equal((await listRejections(coop.view)).find(r => r.code === 'PERIOD_KIND')?.id, idOf(early))
  await pass(t, coop, [ana, bo], { kind: 'distribute', month: '2026-Q4', pool: { amount: 300_000, currency: 'EUR' } })
  const q4 = await getStatement(coop.view, '2026-Q4')
  t.equal(q4?.entries, 8, "the quarter's statement counts the work of all three months")
  t.same(q4?.lines.map(l => [l.name, l.total]), [['M0', 135_984], ['M1', 58_141], ['M2', 105_875]], 'the same cents as the month of the worked example, the work spread over the quarter')

  // the rules go monthly again: December was paid within the quarter, and is not paid twice
  await pass(t, coop, [ana, bo], { kind: 'rules', rules: { ...GT, period: 'month' } })
  await coop.propose(ana, { kind: 'distribute', month: '2026-12', pool: { amount: 100, currency: 'EUR' } })
  t.same(await codes(coop), ['PERIOD_KIND', 'PERIOD_OVERLAPS', 'UNKNOWN_UNIT'])

  // late: Bo logs more November work, then amends only its description; Ana endorses nothing
  const late = await coop.write(bo, [contribution({ stream: 'love', minutes: 90, day: day('2026-11-21') })])
  await coop.write(bo, [{ type: 'amend', target: late, patch: { description: 'renamed' } }])
  const changes = await listLate(coop.view, '2026-Q4')
  t.same(changes.map(l => [l.kind, l.by, l.deltas.map(d => d.credits)]).sort(), [['amended', b4a.toString(bo.key, 'hex'), []], ['logged', b4a.toString(bo.key, 'hex'), ['90']]])
  const view = await statementView(coop.view, '2026-Q4')
  t.same(view.late.map(l => [l.kind, l.byName, l.effect]).sort(), [['amended', 'M1', '0'], ['logged', 'M1', '90']], 'each late change with who made it and its effect, zero included')
  t.same(view.totals, {
    credits: { livelihood: '37200', love: '10200', care: '2100' },
    amounts: { livelihood: 150_000, love: 90_000, care: 60_000 },
    amountsDisplay: { livelihood: '1500.00', love: '900.00', care: '600.00' },
    capped: 0, received: 0, total: 300_000, totalDisplay: '3000.00', kept: 0, keptDisplay: '0.00'
  }, 'the totals row')

  const check = await checkStatement(coop.view, q4 as NonNullable<typeof q4>, { version: 99, rules: GT, proposal: null, since: 0 }, 'EUR')
  t.same(check, {
    period: '2026-Q4', statement: '49500', report: '49590', difference: '90',
    reasons: [{ kind: 'late-since', credits: '90', count: 2 }, { kind: 'rules', credits: null, count: 0 }]
  }, 'the report counts 90 credit-minutes more: two late changes since (+90), and other rules')

  const evaluation = await evaluationOf(coop.view, '2026-Q4')
  t.same(evaluation.rows.map(r => [r.name, r.credits, r.short]), [['M0', '24600', '0'], ['M1', '3090', '20910'], ['M2', '21900', '2100']])
  t.same(evaluation.short.length, 2)
  await t.rejects(evaluationOf(coop.view, '2026-11'), { code: 'PERIOD_KIND' }, 'the quota is per quarter')
})

t.test('the rules as typed: each new flag, and its refusals', async t => {
  const r = changedRules(DEFAULT_RULES, {
    period: 'quarter', stages: '0/100/0, 50/100/0,75/100/0', care: ['dater=recorded'], quota: ['member=400h', 'dater=12000'], quotaPeriod: 'quarter',
    cap: '3000.00 EUR', capExcess: 'keep', unit: ['Words=4800/1000', 'pages=60/1']
  })
  t.same([r.period, r.stages, r.care, r.quota, r.cap, r.units], [
    'quarter', GT.stages, { member: 'paid', dater: 'recorded', contributor: 'paid' },
    { period: 'quarter', credits: { member: 24_000, dater: 12_000, contributor: 0 } },
    { amount: 300_000, currency: 'EUR', excess: 'keep' }, [{ name: 'words', credits: 4800, per: 1000 }, { name: 'pages', credits: 60, per: 1 }]
  ])
  t.same(changedRules(r, { cap: 'none', stages: 'none', removeUnit: ['pages'] }).cap, { amount: 0, currency: '', excess: 'keep' })
  t.same(changedRules(r, { unit: ['words=5/1'] }).units, [{ name: 'words', credits: 5, per: 1 }, { name: 'pages', credits: 60, per: 1 }], 'a unit named again is replaced in place')
  const refuses = (change: Parameters<typeof changedRules>[1], code: string, what: string): void => { t.throws(() => changedRules(r, change), { code }, what) }
  refuses({ cap: '0 EUR' }, 'INVALID_ARGUMENT', 'a cap of nothing')
  refuses({ cap: '300' }, 'INVALID_ARGUMENT', 'a cap without its currency')
  refuses({ cap: '300 EURO' }, 'UNKNOWN_CURRENCY', 'a cap in no currency')
  refuses({ unit: ['words=1/0'] }, 'INVALID_FIELD', 'per 0 units')
  refuses({ unit: ['two words=1/1'] }, 'INVALID_FIELD', 'a unit name with a space')
  refuses({ care: ['supporter=recorded'] }, 'INVALID_ARGUMENT', 'supporters log no care')
  refuses({ care: ['dater=sometimes'] }, 'INVALID_ARGUMENT', 'paid or recorded')
  refuses({ quota: ['member=lots'] }, 'INVALID_ARGUMENT', 'a quota is a number')
  refuses({ stages: '101/0/0' }, 'INVALID_FIELD', 'a share is at most 100')
  refuses({ stages: Array(10).fill('0/0/0').join(',') }, 'INVALID_FIELD', 'at most 9 stages')
  refuses({ removeUnit: ['sessions'] }, 'UNKNOWN_UNIT', 'removing a unit that is not there')
  refuses({ period: 'week' }, 'INVALID_ARGUMENT', 'a month or a quarter')
})
