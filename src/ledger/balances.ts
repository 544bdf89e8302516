import type { Entry } from './entries.js'

/**
 * What a member has logged in one stream over one period (a month, or their whole history):
 * minutes, the number of entries, and money per currency in minor units. Integers only.
 */
export interface Balance {
  minutes: number
  entries: number
  money: Record<string, number>
}

export function emptyBalance (): Balance {
  return { minutes: 0, entries: 0, money: {} }
}

/** Add (sign 1) or take away (sign -1) one entry. Zero amounts are dropped, so that logging and
 * retracting an entry leaves the balance exactly as it was. */
export function applyEntry (balance: Balance, entry: Entry, sign: 1 | -1): Balance {
  const money = { ...balance.money }
  if (entry.money !== null) {
    const next = (money[entry.money.currency] ?? 0) + sign * entry.money.amount
    if (next === 0) delete money[entry.money.currency]
    else money[entry.money.currency] = next
  }
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
  for (const [cur, amount] of Object.entries(b.money)) money[cur] = (money[cur] ?? 0) + amount
  return { minutes: a.minutes + b.minutes, entries: a.entries + b.entries, money }
}
