import { entriesBetween, getRules, listIncome, listStatements } from '../consensus/accounting-queries.js'
import { getCooperative, listMembers } from '../consensus/queries.js'
import b4a from 'b4a'
import { BOOK_FORMATS, booksOf, renderBooks } from '../books/index.js'
import type { BookFormat } from '../books/index.js'
import { valueFlowsDocument } from '../books/valueflows.js'
import { lastDayOfPeriod } from '../ledger/periods.js'
import { DiscoError } from '../errors.js'
import type { LedgerNode } from '../node/ledger-node.js'
import { accountingCurrency } from './credits.js'
import { inPeriod, periodOf } from './period.js'
import type { Period, PeriodInput } from './period.js'

export interface ExportInput extends PeriodInput {
  format: string
}

/** The books' formats, and ValueFlows: the work and the money as economic events (JSON-LD). */
export const EXPORT_FORMATS = [...BOOK_FORMATS, 'valueflows'] as const
export type ExportFormat = typeof EXPORT_FORMATS[number]

export interface ExportOutput {
  format: ExportFormat
  period: Period
  transactions: number
  /** of which the work entries (hledger, beancount and valueflows; the CSV carries money only) */
  work: number
  /** the rules version the work's CREDITS are counted under */
  rulesVersion: number
  /** the books, ready to write to a file */
  content: string
}

/**
 * `disco export`: the books for a treasurer's tools. Money: income, distributions and payments; a
 * transaction belongs to the period by its date: an income by the day it came in, a distribution by
 * its month's last day, a payment by the day it was paid. Work (hledger and beancount): every active
 * entry dated in the period, in MINUTES and CREDITS (src/books/work.ts), so that the tools show
 * what `disco balance` and `disco credits` show.
 */
export async function exportBooks (node: LedgerNode, input: ExportInput): Promise<ExportOutput> {
  const format = (input.format ?? '').trim().toLowerCase() as ExportFormat
  if (!EXPORT_FORMATS.includes(format)) throw DiscoError.invalidArgument(`--format must be one of ${EXPORT_FORMATS.join(', ')}, not "${input.format ?? ''}"`)
  const period = periodOf(input)
  const snap = node.snapshot()
  try {
    const coop = await getCooperative(snap)
    const members = (await listMembers(snap)).map(m => ({ id: m.id, name: m.name }))
    const { version, rules } = await getRules(snap)
    if (format === 'valueflows') {
      // the periods of disco report: entries and income by their day, payouts by their month's last day
      const entries = (await entriesBetween(snap, period)).filter(e => e.status === 'active')
      const income = await listIncome(snap, period)
      const statements = (await listStatements(snap)).filter(s => inPeriod(lastDayOfPeriod(s.month), period))
      const doc = valueFlowsDocument({ ledger: b4a.toString(node.key, 'hex'), coopName: coop?.name ?? 'DisCO', members, entries, income, statements })
      const events = (doc['@graph'] as Array<{ '@type': string }>).filter(n => n['@type'] === 'EconomicEvent').length
      return { format, period, transactions: events, work: entries.length, rulesVersion: version, content: JSON.stringify(doc, null, 2) + '\n' }
    }
    const work = format === 'csv'
      ? undefined
      : { entries: await entriesBetween(snap, period), rules, currency: await accountingCurrency(snap) }
    // every statement: one distributed before the period may have been paid in it
    const all = booksOf({ members, income: await listIncome(snap, period), statements: await listStatements(snap), ...(work !== undefined ? { work } : {}) })
    const transactions = all.filter(tx => inPeriod(tx.date, period))
    const title = `${coop?.name ?? 'DisCO'} (work credits under rules v${version})`
    return {
      format,
      period,
      transactions: transactions.length,
      work: transactions.filter(tx => tx.postings.some(p => p.account.kind === 'work')).length,
      rulesVersion: version,
      content: renderBooks(format as BookFormat, transactions, { title })
    }
  } finally {
    await snap.close()
  }
}
