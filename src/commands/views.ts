import { formatAmount } from '../ledger/currency.js'
import { shortId } from '../ledger/ids.js'
import type { Balance } from '../ledger/balances.js'
import type { Entry } from '../ledger/entries.js'
import type { Member } from '../ledger/members.js'
import type { Stream } from '../ledger/streams.js'

/** An entry as commands hand it out: the ledger's record, plus its short id and author's name. */
export interface EntryView extends Omit<Entry, 'money'> {
  shortId: string
  memberName: string
  money: MoneyView | null
}

export interface MoneyView {
  /** integer minor units, as decimal digits ("12050", "-2"): exact at any size, where a JSON
   * number is not past 2^53 */
  amount: string
  currency: string
  /** the amount as decimal text, e.g. "120.50" */
  display: string
}

export function moneyView (amount: number | bigint | string, currency: string): MoneyView {
  return { amount: BigInt(amount).toString(), currency, display: formatAmount({ amount, currency }) }
}

export function entryView (entry: Entry, members: Map<string, Member>): EntryView {
  return {
    ...entry,
    shortId: shortId(entry.id),
    memberName: members.get(entry.member)?.name ?? entry.member.slice(0, 8),
    money: entry.money === null ? null : moneyView(entry.money.amount, entry.money.currency)
  }
}

export interface BalanceView {
  stream: Stream
  minutes: number
  entries: number
  money: MoneyView[]
}

export function balanceView (stream: Stream, balance: Balance): BalanceView {
  return {
    stream,
    minutes: balance.minutes,
    entries: balance.entries,
    money: Object.keys(balance.money).sort().map(cur => moneyView(balance.money[cur] ?? '0', cur))
  }
}
