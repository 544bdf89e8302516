import { entriesBetween, entriesStream, getRules, listIncome, listStatements } from '../consensus/accounting-queries.js'
import { getCooperative, listMembers } from '../consensus/queries.js'
import b4a from 'b4a'
import { BOOK_FORMATS, booksStream, writeBooks } from '../books/index.js'
import type { BookFormat, Transaction } from '../books/index.js'
import { valueFlowsDocument } from '../books/valueflows.js'
import { lastDayOfPeriod } from '../ledger/periods.js'
import { DiscoError } from '../errors.js'
import type { LedgerNode } from '../node/ledger-node.js'
import { accountingCurrency } from './credits.js'
import { inPeriod, periodOf } from './period.js'
import type { Period, PeriodInput } from './period.js'

export interface ExportInput extends PeriodInput {
  format: string
  /**
   * Send the books as they are written, in pieces of about 64 KiB (progress messages `{ chunk }`,
   * in order), and leave `content` empty: an export of any size is then never held whole, neither
   * by the node nor by the caller (the CLI writes each piece to the file as it comes).
   */
  stream?: boolean
}

/** A piece of the books, sent while an export with `stream` is written. */
export interface ExportChunk { chunk: string }

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
  /** the books, ready to write to a file ('' when they were sent as they were written: `stream`) */
  content: string
}

/**
 * `disco export`: the books for a treasurer's tools. Money: income, distributions and payments; a
 * transaction belongs to the period by its date: an income by the day it came in, a distribution by
 * its month's last day, a payment by the day it was paid. Work (hledger and beancount): every active
 * entry dated in the period, in MINUTES and CREDITS (src/books/work.ts), so that the tools show
 * what `disco balance` and `disco credits` show.
 *
 * The books are streamed (src/books/stream.ts): the work straight from the view's range read of the
 * period's entries (read twice: the header names every account first), the income from one read,
 * so memory holds the income records of the period and a piece of text, never the whole file.
 * With `write`, each piece goes there as it is made and `content` is ''.
 */
export async function exportBooks (node: LedgerNode, input: ExportInput, write?: (chunk: string) => void | Promise<void>): Promise<ExportOutput> {
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
      const content = JSON.stringify(doc, null, 2) + '\n'
      if (write !== undefined) await write(content)
      return { format, period, transactions: events, work: entries.length, rulesVersion: version, content: write === undefined ? content : '' }
    }
    const currency = format === 'csv' ? null : await accountingCurrency(snap)
    const income = await listIncome(snap, period)
    // every statement: one distributed before the period may have been paid in it
    const statements = await listStatements(snap)
    const transactions = async function * (): AsyncGenerator<Transaction> {
      const books = booksStream({ members, income, statements, ...(format === 'csv' ? {} : { work: { entries: entriesStream(snap, period), rules, currency } }) })
      for await (const tx of books) if (inPeriod(tx.date, period)) yield tx
    }
    const title = `${coop?.name ?? 'DisCO'} (work credits under rules v${version})`
    const parts: string[] = []
    const summary = await writeBooks(format as BookFormat, transactions, { title }, write ?? (chunk => { parts.push(chunk) }))
    return { format, period, transactions: summary.transactions, work: summary.work, rulesVersion: version, content: parts.join('') }
  } finally {
    await snap.close()
  }
}
