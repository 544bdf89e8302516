import { listIncome, listStatements } from '../consensus/accounting-queries.js'
import { getCooperative, listMembers } from '../consensus/queries.js'
import { BOOK_FORMATS, booksOf, renderBooks } from '../books/index.js'
import type { BookFormat } from '../books/index.js'
import { DiscoError } from '../errors.js'
import type { DiscoNode } from '../node.js'
import { inPeriod, periodOf } from './period.js'
import type { Period, PeriodInput } from './period.js'

export interface ExportInput extends PeriodInput {
  format: string
}

export interface ExportOutput {
  format: BookFormat
  period: Period
  transactions: number
  /** the books, ready to write to a file */
  content: string
}

/**
 * `disco export`: income, distributions and payments as books for a treasurer's tools. A
 * transaction belongs to the period by its date: an income by the day it came in, a
 * distribution by its month's last day, a payment by the day it was paid.
 */
export async function exportBooks (node: DiscoNode, input: ExportInput): Promise<ExportOutput> {
  const format = (input.format ?? '').trim().toLowerCase() as BookFormat
  if (!BOOK_FORMATS.includes(format)) throw DiscoError.invalidArgument(`--format must be one of ${BOOK_FORMATS.join(', ')}, not "${input.format ?? ''}"`)
  const period = periodOf(input)
  const snap = node.snapshot()
  try {
    const coop = await getCooperative(snap)
    const members = (await listMembers(snap)).map(m => ({ id: m.id, name: m.name }))
    // every statement: one distributed before the period may have been paid in it
    const all = booksOf({ members, income: await listIncome(snap, period), statements: await listStatements(snap) })
    const transactions = all.filter(tx => inPeriod(tx.date, period))
    return { format, period, transactions: transactions.length, content: renderBooks(format, transactions, { title: coop?.name ?? 'DisCO' }) }
  } finally {
    await snap.close()
  }
}
