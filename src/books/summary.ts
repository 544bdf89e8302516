import { accountKey, accountNamer, memberOf } from './accounts.js'
import type { Account } from './accounts.js'
import type { Transaction } from './transaction.js'

/**
 * What a renderer's header needs, from one pass over the transactions: every account (the first
 * of each, which accountNamer names; the last, whose member name the comments show, as the
 * renderers always did), the day each is first used, the currencies, and the counts.
 */
export interface BooksSummary {
  first: Map<string, Account>
  last: Map<string, Account>
  firstUse: Map<string, string>
  currencies: Set<string>
  transactions: number
  /** transactions with a work posting */
  work: number
}

export function emptySummary (): BooksSummary {
  return { first: new Map(), last: new Map(), firstUse: new Map(), currencies: new Set(), transactions: 0, work: 0 }
}

export function addTransaction (s: BooksSummary, tx: Transaction): void {
  s.transactions++
  let work = false
  for (const p of tx.postings) {
    const key = accountKey(p.account)
    if (!s.first.has(key)) s.first.set(key, p.account)
    if (memberOf(p.account) !== null) s.last.set(key, p.account)
    const seen = s.firstUse.get(key)
    if (seen === undefined || tx.date < seen) s.firstUse.set(key, tx.date)
    s.currencies.add(p.currency)
    if (p.account.kind === 'work') work = true
  }
  if (work) s.work++
}

export function summariseNow (txs: Iterable<Transaction>): BooksSummary {
  const s = emptySummary()
  for (const tx of txs) addTransaction(s, tx)
  return s
}

/** The account names of a summary, and the display names of its member accounts by account name. */
export function namesOf (s: BooksSummary): { nameOf: (a: Account) => string, memberNames: Map<string, string> } {
  const nameOf = accountNamer(s.first.values())
  const memberNames = new Map<string, string>()
  for (const a of s.last.values()) memberNames.set(nameOf(a), memberOf(a)?.name as string)
  return { nameOf, memberNames }
}
