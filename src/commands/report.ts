import { entriesBetween, getRules, listIncome, listStatements } from '../consensus/accounting-queries.js'
import { listMembers } from '../consensus/queries.js'
import { DiscoError } from '../errors.js'
import { entryCredits } from '../ledger/statement.js'
import { STREAMS } from '../ledger/streams.js'
import type { LedgerNode } from '../node/ledger-node.js'
import { accountingCurrency } from './credits.js'
import { inPeriod, periodOf } from './period.js'
import { firstDayOfPeriod, lastDayOfPeriod } from '../ledger/periods.js'
import { checkStatement } from './statement-check.js'
import type { StatementCheck } from './statement-check.js'
import type { Period, PeriodInput } from './period.js'
import { nameOf } from './proposal-view.js'
import { moneyView } from './views.js'
import { listFederates } from '../consensus/federation-queries.js'
import type { MoneyView } from './views.js'

export const REPORT_BY = ['member', 'stream', 'project', 'client', 'coop'] as const
export type ReportBy = typeof REPORT_BY[number]

export interface ReportInput extends PeriodInput {
  by?: string
}

export interface ReportRow {
  key: string
  label: string
  minutes: number
  entries: number
  /** credit-minutes under the rules in force: an exact integer as decimal text */
  credits: string
  /** what livelihood entries say they earned */
  money: MoneyView[]
  /** income received */
  income: MoneyView[]
  /** what statements dated in the period distributed */
  payouts: MoneyView[]
}

export interface ReportOutput {
  period: Period
  by: ReportBy
  rulesVersion: number
  rows: ReportRow[]
  total: ReportRow
  /** each distributed period within the report's dates: its statement's credits against the
   * report's over the same dates, and why they differ (statement-check.ts) */
  statements: StatementCheck[]
}

/** currency → exact minor units: sums of many entries pass 2^53 */
type Sums = Record<string, bigint>

interface Acc { key: string, label: string, minutes: number, entries: number, credits: bigint, money: Sums, income: Sums, payouts: Sums }

const add = (sums: Sums, currency: string, amount: number | bigint): void => { sums[currency] = (sums[currency] ?? 0n) + BigInt(amount) }
const views = (sums: Sums): MoneyView[] => Object.keys(sums).sort().map(c => moneyView(sums[c] ?? 0n, c))

/**
 * `disco report`: hours, credits, money, income and payouts over a period, grouped. Income and
 * payouts that belong to no group of the kind asked for (income by stream, say) get a row of their own.
 */
export async function report (node: LedgerNode, input: ReportInput): Promise<ReportOutput> {
  const by = (input.by ?? 'member').trim().toLowerCase() as ReportBy
  if (!REPORT_BY.includes(by)) throw DiscoError.invalidArgument(`--by must be one of ${REPORT_BY.join(', ')}, not "${input.by ?? ''}"`)
  const period = periodOf(input)
  const snap = node.snapshot()
  try {
    const members = new Map((await listMembers(snap)).map(m => [m.id, m]))
    const { version, rules } = await getRules(snap)
    const currency = await accountingCurrency(snap)
    const rows = new Map<string, Acc>()
    const row = (key: string, label: string = key): Acc => {
      let r = rows.get(key)
      if (r === undefined) {
        r = { key, label, minutes: 0, entries: 0, credits: 0n, money: {}, income: {}, payouts: {} }
        rows.set(key, r)
      }
      return r
    }
    const memberRow = (id: string): Acc => row(id, nameOf(members, id))
    // by coop: work done for each federated cooperative, and the rest for this one
    const federates = new Map((await listFederates(snap, { removed: true })).map(f => [f.id, f.name]))
    const coopRow = (id: string | undefined): Acc => id === undefined ? row('', '(this cooperative)') : row(id, federates.get(id) ?? id.slice(0, 8))

    for (const e of await entriesBetween(snap, period)) {
      if (e.status !== 'active') continue
      const r = by === 'member' ? memberRow(e.member) : by === 'stream' ? row(e.stream) : by === 'coop' ? coopRow(e.forCoop)
        : by === 'project' ? row(e.project, e.project === '' ? '(no project)' : e.project)
          : row(e.client, e.client === '' ? '(no client)' : e.client)
      r.minutes += e.minutes
      r.entries++
      r.credits += entryCredits(e, rules, currency ?? '')
      if (e.money !== null) add(r.money, e.money.currency, e.money.amount)
    }
    for (const i of await listIncome(snap, period)) {
      const r = by === 'client' ? row(i.client) : by === 'member' ? memberRow(i.by) : row('(income)')
      add(r.income, i.currency, i.amount)
    }
    const statements: StatementCheck[] = []
    for (const s of await listStatements(snap)) {
      if (inPeriod(firstDayOfPeriod(s.month), period) && inPeriod(lastDayOfPeriod(s.month), period)) {
        statements.push(await checkStatement(snap, s, { version, rules, proposal: null, since: 0 }, currency))
      }
      if (!inPeriod(lastDayOfPeriod(s.month), period)) continue
      if (by === 'member') for (const l of s.lines) { if (l.total > 0) add(memberRow(l.member).payouts, s.currency, l.total) }
      else if (by === 'stream') for (const st of STREAMS) { if (s.streams[st] > 0) add(row(st).payouts, s.currency, s.streams[st]) }
      else add(row('(distributions)').payouts, s.currency, s.pool)
    }

    const total: Acc = { key: 'total', label: 'total', minutes: 0, entries: 0, credits: 0n, money: {}, income: {}, payouts: {} }
    for (const r of rows.values()) {
      total.minutes += r.minutes
      total.entries += r.entries
      total.credits += r.credits
      for (const [c, a] of Object.entries(r.money)) add(total.money, c, a)
      for (const [c, a] of Object.entries(r.income)) add(total.income, c, a)
      for (const [c, a] of Object.entries(r.payouts)) add(total.payouts, c, a)
    }
    const out = (a: Acc): ReportRow => ({ ...a, credits: a.credits.toString(), money: views(a.money), income: views(a.income), payouts: views(a.payouts) })
    const sorted = [...rows.values()].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : a.key < b.key ? -1 : 1))
    return { period, by, rulesVersion: version, rows: sorted.map(out), total: out(total), statements }
  } finally {
    await snap.close()
  }
}
