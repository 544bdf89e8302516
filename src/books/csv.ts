import type { Account } from './accounts.js'
import { namesOf, summariseNow } from './summary.js'
import { decimal } from './text.js'
import type { Transaction } from './transactions.js'

/**
 * The books as a CSV file, one row per posting, for spreadsheets and accounting imports.
 * RFC 4180: CRLF line ends, a field holding a comma, a quote, CR or LF is quoted, quotes doubled.
 */

export const CSV_HEADER = ['date', 'transaction', 'description', 'account', 'amount', 'currency']

/**
 * Spreadsheet formula injection (OWASP, "CSV Injection"): a cell starting with = + - @ (or a tab or
 * CR, which some spreadsheets skip before one) is run as a formula, and a description comes from a
 * member. A leading ' makes the spreadsheet show it as text. Amounts are ours, so are not touched.
 */
function neutralised (text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

function field (text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** The client and what the money was for, as hledger shows a payee and a note. */
function describe (tx: Transaction): string {
  return tx.payee === undefined ? tx.description : `${tx.payee} | ${tx.description}`
}

export function renderCsv (transactions: Transaction[]): string {
  const { nameOf } = namesOf(summariseNow(transactions))
  const parts = [csvHeader()]
  for (const tx of transactions) parts.push(csvTransaction(tx, nameOf))
  return parts.join('')
}

export function csvHeader (): string {
  return `${CSV_HEADER.join(',')}\r\n`
}

/** One transaction: a row per posting, each ending in CRLF. */
export function csvTransaction (tx: Transaction, nameOf: (a: Account) => string): string {
  let out = ''
  for (const p of tx.postings) {
    const text = [tx.date, tx.id, describe(tx), nameOf(p.account)].map(v => field(neutralised(v)))
    out += [...text, decimal(p.amount, p.currency), field(neutralised(p.currency))].join(',') + '\r\n'
  }
  return out
}
