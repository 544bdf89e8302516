import type { Entry } from './entries.js'

/**
 * What a member has logged in one stream over one period (a month, or their whole history):
 * minutes, the number of entries, and money per currency in minor units. Money is kept as the
 * decimal digits of an exact integer: one entry's amount is a safe JavaScript number (at most
 * MAX_MONEY_MINOR), but a sum of them is not, so sums are taken with BigInt and stored as text.
 * Minutes stay numbers: one entry has at most MAX_MINUTES, and no balance can reach 2^53 minutes
 * (apply refuses an entry that would carry one there: BALANCE_LIMIT).
 */
export interface Balance {
  minutes: number
  entries: number
  /** currency → exact integer minor units, as decimal text ("-2", "9999999999999997") */
  money: Record<string, string>
}

export function emptyBalance (): Balance {
  return { minutes: 0, entries: 0, money: {} }
}

/** Add (sign 1) or take away (sign -1) one entry. Zero amounts are dropped, so that logging and
 * retracting an entry leaves the balance exactly as it was. */
export function applyEntry (balance: Balance, entry: Entry, sign: 1 | -1): Balance {
  const money = { ...balance.money }
  if (entry.money !== null) addMoney(money, entry.money.currency, BigInt(sign) * BigInt(entry.money.amount))
  return {
    minutes: balance.minutes + sign * entry.minutes,
    entries: balance.entries + sign,
    money
  }
}

export function isEmptyBalance (balance: Balance): boolean {
  return balance.minutes === 0 && balance.entries === 0 && Object.keys(balance.money).length === 0
}

export function sumBalances (a: Balance, b: Balance): Balance {
  const money = { ...a.money }
  for (const [cur, amount] of Object.entries(b.money)) addMoney(money, cur, BigInt(amount))
  return { minutes: a.minutes + b.minutes, entries: a.entries + b.entries, money }
}

/** Add an exact amount to a currency's sum; a sum of zero is dropped. */
function addMoney (money: Record<string, string>, currency: string, amount: bigint): void {
  const next = BigInt(money[currency] ?? '0') + amount
  if (next === 0n) delete money[currency]
  else money[currency] = next.toString()
}
