import type { Entry } from '../ledger/entries.js'
import type { Rules } from '../ledger/rules.js'
import { entryCredits } from '../ledger/statement.js'
import type { Account } from './accounts.js'
import type { Posting, Transaction } from './transaction.js'

/**
 * The work in the books: every active entry as a transaction in two commodities of its own,
 * MINUTES (the entry's minutes: exact, where hours would need rounding) and CREDITS (the
 * credit-minutes it earns under the rules in force, when it earns any). The member's side is
 * `Assets:Work:<member>:<Stream>[:<project>]`, so that `hledger bal Assets:Work --depth 4` shows
 * per member and stream what `disco balance` shows; the other side is `Equity:Work:<Stream>`, what
 * the members contributed. Retracted entries stop counting, as in every report.
 */
export const MINUTES = 'MINUTES'
export const CREDITS = 'CREDITS'
export const WORK_UNITS: readonly string[] = [MINUTES, CREDITS]

export function isWorkUnit (commodity: string): boolean {
  return WORK_UNITS.includes(commodity)
}

export interface WorkInput {
  /** current names, for reading: accounts are by member id */
  members: Array<{ id: string, name: string }>
  entries: Entry[]
  /** the rules credits are counted under, and the currency money credits count in */
  rules: Rules
  currency: string | null
}

export function workTransactions (input: WorkInput): Transaction[] {
  const names = new Map(input.members.map(m => [m.id, m.name]))
  const txs: Transaction[] = []
  for (const e of input.entries) {
    const tx = workTx(e, names, input.rules, input.currency)
    if (tx !== null) txs.push(tx)
  }
  return txs
}

/** One entry's transaction, or null for a retracted entry. `names`: current names by member id. */
export function workTx (e: Entry, names: Map<string, string>, rules: Rules, currency: string | null): Transaction | null {
  if (e.status !== 'active') return null
  const name = names.get(e.member) ?? e.member.slice(0, 8)
  const work: Account = { kind: 'work', member: e.member, name, stream: e.stream, project: e.project }
  const contributed: Account = { kind: 'contributed', stream: e.stream }
  const postings: Posting[] = [
    { account: work, amount: e.minutes, currency: MINUTES },
    { account: contributed, amount: -e.minutes, currency: MINUTES }
  ]
  // exact as BigInt; a posting's amount is a number, which the books check is a safe integer
  const credits = Number(entryCredits(e, rules, currency ?? ''))
  if (credits > 0) {
    postings.push({ account: work, amount: credits, currency: CREDITS }, { account: contributed, amount: -credits, currency: CREDITS })
  }
  const description = e.description.trim() === '' ? `${e.stream} work` : e.description
  return { date: e.date, id: e.id, payee: name, description, postings }
}
