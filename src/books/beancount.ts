import type { Account } from './accounts.js'
import { namesOf, summariseNow } from './summary.js'
import type { BooksSummary } from './summary.js'
import { decimal, singleLine } from './text.js'
import type { Transaction } from './transactions.js'
import { isWorkUnit } from './work.js'

/**
 * The books as a beancount 2 ledger, which `bean-check FILE` accepts silently: every account is
 * opened on the day of its first posting (a member's with the member's current name as metadata),
 * amounts carry exactly their currency's decimals, work is in whole MINUTES and CREDITS.
 */

/** A beancount string: backslash and double quote escaped, on one line. */
const str = (s: string): string => `"${singleLine(s).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`

export function renderBeancount (transactions: Transaction[], opts: { title: string }): string {
  const summary = summariseNow(transactions)
  const { nameOf } = namesOf(summary)
  const parts = [beancountHeader(summary, opts)]
  for (const tx of transactions) parts.push(beancountTransaction(tx, nameOf))
  return parts.join('') + '\n'
}

/** The ledger's head: the options and every account's open; then each transaction, then a final newline. */
export function beancountHeader (s: BooksSummary, opts: { title: string }): string {
  const { nameOf, memberNames: names } = namesOf(s)
  // the money: work units (MINUTES, CREDITS) are commodities of their own, no operating currency
  const currencies = [...s.currencies].filter(c => !isWorkUnit(c)).sort()
  // an account is opened on the day of its first posting
  const opened = new Map<string, string>()
  for (const [key, date] of s.firstUse) opened.set(nameOf(s.first.get(key) as Account), date)
  const out: string[] = [`option "title" ${str(opts.title)}`]
  for (const c of currencies) out.push(`option "operating_currency" ${str(c)}`)
  out.push('')
  const opens = [...opened].sort(([a, da], [b, db]) => da < db ? -1 : da > db ? 1 : a < b ? -1 : a > b ? 1 : 0)
  for (const [name, date] of opens) {
    out.push(`${date} open ${name}`)
    // a member's accounts are named by id: the name they go by now is metadata
    if (names.has(name)) out.push(`  name: ${str(names.get(name) as string)}`)
  }
  return out.join('\n')
}

/** One transaction: a blank line before it, no newline after. */
export function beancountTransaction (tx: Transaction, nameOf: (a: Account) => string): string {
  const head = tx.payee === undefined ? str(tx.description) : `${str(tx.payee)} ${str(tx.description)}`
  let out = `\n\n${tx.date} * ${head}\n  txn_id: ${str(tx.id)}`
  if (tx.reference !== undefined) out += `\n  reference: ${str(tx.reference)}`
  for (const p of tx.postings) out += `\n  ${nameOf(p.account)}  ${decimal(p.amount, p.currency)} ${p.currency}`
  return out
}
