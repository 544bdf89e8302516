import t from 'tap'
import fc from 'fast-check'
import { holds } from './helpers/seeds.js'
import { FakeWriter, contribution, frame, host } from './helpers/ops.js'
import { applyBlocks } from '../src/consensus/apply.js'
import type { LinearBlock } from '../src/consensus/apply.js'
import { moveCredits, periodCredits } from '../src/consensus/credit-store.js'
import { entryFromKey } from '../src/consensus/entry-record.js'
import type { EntryRecord } from '../src/consensus/entry-record.js'
import { keys } from '../src/consensus/view-layout.js'
import { currentRules as getRules } from '../src/consensus/rules-state.js'
import { MemoryStore } from '../src/consensus/view-store.js'
import { ViewTx } from '../src/consensus/view-tx.js'
import { DiscoError } from '../src/errors.js'
import type { Entry } from '../src/ledger/entries.js'
import { entryMonth } from '../src/ledger/entries.js'
import { MAX_MINUTES, MAX_MONEY_MINOR, MAX_OUTPUT_QUANTITY } from '../src/ledger/limits.js'
import type { ContributionPatch, Op, OpRef, Output } from '../src/ledger/ops.js'
import { periodMonths } from '../src/ledger/periods.js'
import { DEFAULT_RULES, copyRules } from '../src/ledger/rules.js'
import type { Rules } from '../src/ledger/rules.js'
import { MonthCredits } from '../src/ledger/statement.js'
import { STREAMS } from '../src/ledger/streams.js'
import type { Stream } from '../src/ledger/streams.js'

/**
 * A distribution adds up the view's running credit totals (src/consensus/credit-store.ts,
 * src/ledger/credit-totals.ts) instead of reading every entry of its period. These check that the
 * totals give exactly what adding up the entries one by one gives (MonthCredits.addEntry, the
 * entry-scan the distribution used before), for any entries, any changes to them and any rules in
 * force at the distribution: the credits of every member and stream, and how many entries earned.
 */

const PERIODS = ['2026-10', '2026-11', '2026-Q4'] as const
const UNITS = ['words', 'pages', 'sessions'] as const

/** The period's credits by reading every entry of it: what the totals must equal. */
function scanned (entries: Iterable<Entry>, period: string, rules: Rules, currency: string): MonthCredits {
  const months = periodMonths(period)
  const credits = new MonthCredits(rules, currency)
  for (const e of entries) if (months.includes(entryMonth(e))) credits.addEntry(e.member, e)
  return credits
}

/** The same, read from a view's entry records (the batch's own writes included). */
async function scannedView (tx: ViewTx, period: string, rules: Rules, currency: string): Promise<MonthCredits> {
  const entries: Entry[] = []
  for (const month of periodMonths(period)) {
    const { gte, lt } = keys.entriesDated(`${month}-`)
    await tx.eachJson<EntryRecord>(gte, lt, (key, record) => { entries.push(entryFromKey(key, record)) })
  }
  return scanned(entries, period, rules, currency)
}

/** Comparable: counted, and each member's credits per stream, in member order. */
function plain (c: MonthCredits): unknown {
  const members = [...c.perMember].sort(([a], [b]) => (a < b ? -1 : 1))
  return { counted: c.counted, members: members.map(([m, s]) => [m, STREAMS.map(x => s[x].toString())]) }
}

const same = (a: MonthCredits, b: MonthCredits): boolean => JSON.stringify(plain(a)) === JSON.stringify(plain(b))

// the rules that weigh credits, drawn near the edges where floors and zeros decide
const small = (max: number): fc.Arbitrary<number> => fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max }))
const rulesArb: fc.Arbitrary<Rules> = fc.record({
  rate: fc.record({ livelihood: small(1000), love: small(1000), care: small(1000) }),
  moneyRate: fc.oneof(fc.constantFrom(0, 1, 2, 3, 33, 34, 49, 50, 51, 99, 100, 101, 199, 250, 100_000), small(100_000)),
  needsEndorsement: fc.boolean(),
  units: fc.subarray([...UNITS]).chain(names => fc.tuple(...names.map(name =>
    fc.record({ name: fc.constant(name), credits: fc.oneof(fc.constantFrom(0, 1, 7), small(1_000_000)), per: fc.oneof(fc.constantFrom(1, 2, 3, 10, 1000), fc.integer({ min: 1, max: 1_000_000 })) }))))
}).map(r => copyRules({ ...DEFAULT_RULES, ...r }))
const currencyArb = fc.constantFrom('EUR', 'JPY')
const weighing = fc.array(fc.record({ rules: rulesArb, currency: currencyArb, period: fc.constantFrom(...PERIODS) }), { minLength: 1, maxLength: 6 })

// amounts that share their last two digits often: a class holds many of them
const amount = fc.oneof(fc.constantFrom(0, 1, 37, 99, 100, 137, 199, 1037), fc.integer({ min: 0, max: 250 }), fc.integer({ min: 0, max: 100_000 }), fc.constant(MAX_MONEY_MINOR))
const quantity = fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: MAX_OUTPUT_QUANTITY }))
const outputArb: fc.Arbitrary<Output | null> = fc.option(fc.record({ unit: fc.constantFrom(...UNITS, 'gone'), quantity }), { nil: null })
const dateArb = fc.constantFrom('2026-09-30', '2026-10-01', '2026-10-31', '2026-11-01', '2026-11-30', '2026-12-15')

/** What an entry earns credits by, and its month: any values, the ones the wire refuses too. */
const fieldsArb: fc.Arbitrary<Fields> = fc.record({
  member: fc.constantFrom('aa'.repeat(32), 'bb'.repeat(32), 'cc'.repeat(32)),
  stream: fc.constantFrom(...STREAMS),
  minutes: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 120 }), fc.constant(MAX_MINUTES)),
  money: fc.option(fc.record({ amount, currency: fc.constantFrom('EUR', 'JPY', 'USD') }), { nil: null }),
  output: outputArb,
  date: dateArb
})

/** An entry's life: logged, then amended (endorsements cleared), endorsed, or retracted. */
const stepArb = fc.oneof(
  fieldsArb.map(f => ({ kind: 'amend' as const, fields: f })),
  // an amend of some fields only: often the entry stays in its class
  fc.record({ minutes: fieldsArb.map(f => f.minutes), hundreds: fc.integer({ min: 1, max: 5 }), output: outputArb }, { requiredKeys: [] }).map(p => ({ kind: 'patch' as const, patch: p })),
  fc.constant({ kind: 'endorse' as const }),
  fc.constant({ kind: 'retract' as const })
)
/** logged with its own fields, or as a twin of an earlier entry: the same class, other sums */
const firstArb = fc.oneof(
  fieldsArb.map(f => ({ fields: f })),
  fc.record({ twinOf: fc.nat(), minutes: fieldsArb.map(f => f.minutes), hundreds: fc.integer({ min: 0, max: 5 }) })
)
const historyArb = fc.array(fc.record({ first: firstArb, endorsed: fc.boolean(), steps: fc.array(stepArb, { maxLength: 3 }) }), { maxLength: 25 })

interface Fields { member: string, stream: Stream, minutes: number, money: Entry['money'], output: Output | null, date: string }

function entryOf (id: number, fields: Fields, endorsedBy: string[]): Entry {
  return {
    id: `${'dd'.repeat(32)}-${id}-0`, device: 'dd'.repeat(32), time: 0, description: '', project: '', tags: [], client: '', commons: '',
    careFor: null, key: '', amends: 0, lastAmend: null, retractReason: '', status: 'active', ...fields, endorsedBy
  }
}

/** an amend of some fields: a money amount moved by whole hundreds keeps its class */
function patched (e: Entry, p: { minutes?: number, hundreds?: number, output?: Output | null }): Entry {
  const money = e.money === null || p.hundreds === undefined ? e.money : { ...e.money, amount: e.money.amount + 100 * p.hundreds }
  return { ...e, minutes: p.minutes ?? e.minutes, money, output: p.output === undefined ? e.output : p.output, endorsedBy: [], amends: e.amends + 1 }
}

t.test('the totals give what adding up the entries gives, for any entries, changes and rules', async t => {
  await holds(t, 'totals-based MonthCredits equals the entry scan', fc.asyncProperty(historyArb, fc.array(fc.nat(), { maxLength: 80 }), weighing, async (histories, order, weighings) => {
    const tx = new ViewTx(new MemoryStore())
    const firsts: Fields[] = []
    for (const h of histories) {
      const f = h.first
      if ('fields' in f || firsts.length === 0) {
        firsts.push('fields' in f ? f.fields : { member: 'aa'.repeat(32), stream: 'love', minutes: 60, money: null, output: null, date: '2026-10-05' })
        continue
      }
      const twin = firsts[f.twinOf % firsts.length] as Fields
      firsts.push({ ...twin, minutes: f.minutes, money: twin.money === null ? null : { ...twin.money, amount: twin.money.amount + 100 * f.hundreds } })
    }
    const now: Entry[] = histories.map((h, i) => entryOf(i, firsts[i] as Fields, h.endorsed ? ['ee'.repeat(32)] : []))
    for (const e of now) await moveCredits(tx, null, e)
    // the steps of different entries interleaved in any order
    const next = histories.map(() => 0)
    for (const pick of order) {
      if (histories.length === 0) break
      const i = pick % histories.length
      const step = (histories[i] as typeof histories[number]).steps[next[i] as number]
      if (step === undefined) continue
      next[i] = (next[i] as number) + 1
      const before = now[i] as Entry
      if (before.status !== 'active') continue // apply refuses changes to a retracted entry
      const after: Entry = step.kind === 'amend'
        ? { ...entryOf(i, step.fields, []), amends: before.amends + 1 }
        : step.kind === 'patch' ? patched(before, step.patch)
        : step.kind === 'endorse' ? { ...before, endorsedBy: [...before.endorsedBy, `${'e'.repeat(63)}${before.endorsedBy.length % 10}`] } : { ...before, status: 'retracted' }
      await moveCredits(tx, before, after)
      now[i] = after
    }
    for (const { rules, currency, period } of weighings) {
      if (!same(await periodCredits(tx, period, rules, currency), scanned(now, period, rules, currency))) return false
    }
    // and retracting every entry leaves no total behind
    for (const e of now) if (e.status === 'active') await moveCredits(tx, e, { ...e, status: 'retracted' })
    await tx.flush()
    const store = (tx as unknown as { store: MemoryStore }).store
    return [...store.map.keys()].every(k => !k.startsWith('credit/'))
  }), 300, [20261206, 424242])
})

t.test('a total refuses to pass 2^53 as balances do', async t => {
  const tx = new ViewTx(new MemoryStore())
  const e = entryOf(1, { member: 'aa'.repeat(32), stream: 'love', minutes: 60, money: null, output: null, date: '2026-10-05' }, [])
  await moveCredits(tx, null, e)
  const key = keys.credit('2026-10', { member: e.member, stream: 'love', endorsed: false, money: null, output: null })
  t.same(await tx.get(key), { entries: 1, minutes: 60 }, 'the key a plain entry is counted under')
  await tx.put(key, { entries: 1, minutes: Number.MAX_SAFE_INTEGER - 30 })
  // moveCredits throws without waiting when the batch holds the total: an async caller sees either as a rejection
  await t.rejects(async () => { await moveCredits(tx, null, { ...e, id: `${'dd'.repeat(32)}-2-0` }) }, DiscoError.balanceLimit())
})

// Through apply: two members log, amend, endorse and retract (several ops a block, several blocks
// a batch), and the distribution's totals, read in the batch before it is written, match a scan
// of the entry records in the same batch.

const ana = new FakeWriter(101)
const bo = new FakeWriter(102)
const T0 = 1_790_000_000_000
const NOV_2026 = 20758 // 2026-11-01

/** found, admit Bo, and rules that name the units (an output must name one in force) */
function prefix (): LinearBlock[] {
  let time = T0
  const block = (w: FakeWriter, ops: Op[]): LinearBlock => w.node(frame(ops, { time: time += 1000 }))
  const at = (w: FakeWriter): OpRef => ({ writer: w.key, seq: w.length - 1, index: 0 })
  const out: LinearBlock[] = [block(ana, [{ type: 'found', coopName: 'Coop', memberName: 'Ana' }])]
  out.push(block(ana, [{ type: 'propose', action: { kind: 'admit', writer: bo.key, role: 'member', name: 'Bo' }, text: 'please', audience: 'members', deadline: 0 }]))
  out.push(block(ana, [{ type: 'vote', proposal: at(ana), choice: 'yes', reason: '' }]))
  const units = UNITS.map(name => ({ name, credits: 1, per: 1 }))
  out.push(block(ana, [{ type: 'propose', action: { kind: 'rules', rules: copyRules({ ...DEFAULT_RULES, units }) }, text: 'please', audience: 'members', deadline: 0 }]))
  const rulesRef = at(ana)
  out.push(block(ana, [{ type: 'vote', proposal: rulesRef, choice: 'yes', reason: '' }]))
  out.push(block(bo, [{ type: 'vote', proposal: rulesRef, choice: 'yes', reason: '' }]))
  return out
}

type Act =
  | { kind: 'log', by: 0 | 1, stream: Stream, minutes: number, money: number | null, output: Output | null, day: number }
  | { kind: 'amend', target: number, patch: ContributionPatch }
  | { kind: 'endorse', target: number }
  | { kind: 'retract', target: number }

const dayArb = fc.integer({ min: NOV_2026 - 3, max: NOV_2026 + 33 })
const unitOutput: fc.Arbitrary<Output | null> = fc.option(fc.record({ unit: fc.constantFrom(...UNITS), quantity }), { nil: null })
const actArb: fc.Arbitrary<Act> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('log' as const), by: fc.constantFrom(0 as const, 1 as const), stream: fc.constantFrom(...STREAMS), minutes: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 600 })), money: fc.option(amount, { nil: null }), output: unitOutput, day: dayArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('amend' as const), target: fc.nat(), patch: fc.record({ minutes: fc.integer({ min: 1, max: 600 }), money: fc.option(fc.record({ amount, currency: fc.constant('EUR') }), { nil: null }), output: unitOutput, day: dayArb }, { requiredKeys: [] }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('endorse' as const), target: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retract' as const), target: fc.nat() }) }
)

/**
 * The acts as ops, in frames of 1-3 ops of one writer, each frame a block. An amend or a
 * retraction is its entry's author's, an endorsement the other member's, so that most are taken.
 */
function blocksOf (acts: Act[], sizes: number[]): LinearBlock[] {
  const writers = [ana, bo]
  const logged: Array<{ ref: OpRef, by: 0 | 1 }> = []
  const out: LinearBlock[] = []
  let time = T0 + 100_000
  let ops: Op[] = []
  let writer: FakeWriter | null = null
  let size = 1
  const close = (): void => {
    if (writer !== null && ops.length > 0) out.push(writer.node(frame(ops, { time: time += 1000 })))
    ops = []
    size = 1 + ((sizes[out.length] ?? 0) % 3)
  }
  for (const a of acts) {
    const target = a.kind === 'log' || logged.length === 0 ? null : logged[a.target % logged.length] as { ref: OpRef, by: 0 | 1 }
    if (a.kind !== 'log' && target === null) continue
    const by = a.kind === 'log' ? a.by : a.kind === 'endorse' ? (1 - (target as { by: 0 | 1 }).by) as 0 | 1 : (target as { by: 0 | 1 }).by
    const w = writers[by] as FakeWriter
    if (w !== writer || ops.length >= size) { close(); writer = w }
    if (a.kind === 'log') {
      logged.push({ ref: { writer: w.key, seq: w.length, index: ops.length }, by })
      ops.push(contribution({
        stream: a.stream, minutes: a.output === null && a.minutes === 0 ? 1 : a.minutes, day: a.day, output: a.output, project: '',
        money: a.stream === 'livelihood' && a.money !== null ? { amount: a.money, currency: 'EUR' } : null,
        careFor: a.stream === 'care' ? 'collective' : null
      }))
    } else if (a.kind === 'amend') ops.push({ type: 'amend', target: (target as { ref: OpRef }).ref, patch: Object.keys(a.patch).length === 0 ? { minutes: 30 } : a.patch })
    else if (a.kind === 'endorse') ops.push({ type: 'endorse', target: (target as { ref: OpRef }).ref })
    else ops.push({ type: 'retract', target: (target as { ref: OpRef }).ref, reason: '' })
  }
  close()
  return out
}

t.test('through apply, the totals a distribution reads match the entry records, in the same batch', async t => {
  const start = prefix()
  const lengths = [ana.length, bo.length]
  const check = new MemoryStore()
  const setup = new ViewTx(check)
  await applyBlocks(setup, start, host())
  t.same((await getRules(setup)).rules.units.map(u => u.name), UNITS, 'Bo admitted and the units in force: outputs can be logged')
  await holds(t, 'apply keeps the totals in step with the entries', fc.asyncProperty(fc.array(actArb, { minLength: 5, maxLength: 60 }), fc.array(fc.nat(), { maxLength: 60 }), fc.nat(), weighing, async (acts, sizes, cut, weighings) => {
    // the writers' lengths as the prefix left them: each case starts from the same ledger
    [ana.length, bo.length] = lengths as [number, number]
    const store = new MemoryStore()
    const first = new ViewTx(store)
    await applyBlocks(first, start, host())
    await first.flush()
    const blocks = blocksOf(acts, sizes)
    // two batches: one written to the view, then one still in memory when the totals are read
    const split = blocks.length === 0 ? 0 : cut % (blocks.length + 1)
    const written = new ViewTx(store)
    await applyBlocks(written, blocks.slice(0, split), host())
    await written.flush()
    const tx = new ViewTx(store)
    await applyBlocks(tx, blocks.slice(split), host())
    for (const { rules, currency, period } of weighings) {
      if (!same(await periodCredits(tx, period, rules, currency), await scannedView(tx, period, rules, currency))) return false
    }
    return true
  }), 60, [20261206])
})
