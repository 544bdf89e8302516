import { currencyExponent } from '../ledger/currency.js'
import type { Account } from './accounts.js'
import { namesOf, summariseNow } from './summary.js'
import type { BooksSummary } from './summary.js'
import { decimal, singleLine } from './text.js'
import type { Transaction } from './transactions.js'
import { isWorkUnit } from './work.js'

/**
 * The books as an hledger journal (read as is by hledger 1.25: `hledger -f FILE bal`, also with
 * --strict, since every account and commodity is declared).
 *
 * hledger decodes the file by the locale: with LANG=C it stops at the first non-ASCII byte
 * ("invalid byte sequence"). Read it under a UTF-8 locale (LC_ALL=C.UTF-8).
 */

/**
 * In a description ';' starts a comment (the rest would be lost) and the first '|' splits payee from
 * note: the member's text gets ',' and '/' instead.
 */
const text = (s: string): string => singleLine(s).replaceAll(';', ',').replaceAll('|', '/')

/** The code, in parentheses: ends at ')'. Ids are ours, but nothing may break the line. */
const code = (id: string): string => id.replace(/[^\x21-\x7e]|[()]/g, '_')

/**
 * One commodity directive per currency fixes its decimals (JPY 0, BHD 3) for display; hledger 1.25
 * refuses a directive with no decimal mark ("1000 JPY"), so a bare "1000." declares zero decimals.
 * Work units are whole minutes.
 */
const commodity = (c: string): string => `commodity 1000.${'0'.repeat(isWorkUnit(c) ? 0 : currencyExponent(c))} ${c}`

export function renderHledger (transactions: Transaction[], opts: { title: string }): string {
  const summary = summariseNow(transactions)
  const { nameOf } = namesOf(summary)
  const parts = [hledgerHeader(summary, opts)]
  for (const tx of transactions) parts.push(hledgerTransaction(tx, nameOf))
  return parts.join('') + '\n'
}

/** The journal's head: the title, the commodities and every account; then each transaction, then a final newline. */
export function hledgerHeader (s: BooksSummary, opts: { title: string }): string {
  const { nameOf, memberNames: names } = namesOf(s)
  const currencies = [...s.currencies].sort()
  const accounts = [...new Set([...s.first.values()].map(nameOf))].sort()
  const out: string[] = [`; ${singleLine(opts.title)}`, '', '; amounts use a decimal point and no thousands separator', 'decimal-mark .', '']
  for (const c of currencies) out.push(commodity(c))
  if (currencies.length > 0) out.push('')
  // a member's accounts are named by id: the name they go by now is the comment
  for (const a of accounts) out.push(names.has(a) ? `account ${a}  ; ${text(names.get(a) as string)}` : `account ${a}`)
  return out.join('\n')
}

/** One transaction: a blank line before it, no newline after. */
export function hledgerTransaction (tx: Transaction, nameOf: (a: Account) => string): string {
  const payee = text(tx.payee ?? '')
  const description = payee === '' ? text(tx.description) : `${payee} | ${text(tx.description)}`
  let out = '\n\n' + `${tx.date} (${code(tx.id)}) ${description}`.trimEnd()
  if (tx.reference !== undefined) out += `\n    ; reference: ${singleLine(tx.reference)}`
  for (const p of tx.postings) out += `\n    ${nameOf(p.account)}  ${decimal(p.amount, p.currency)} ${p.currency}`
  return out
}
