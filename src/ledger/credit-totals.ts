import type { Output } from './ops.js'
import type { Rules } from './rules.js'
import { outputCredits } from './statement.js'
import type { CreditFields, MonthCredits } from './statement.js'
import type { Stream } from './streams.js'

/**
 * A month's credits kept as running totals, so that a distribution adds up a few totals instead of
 * reading every entry of its period (bench P15). The rules that weigh the credits are the ones in
 * force when the period is distributed, not when the entries were logged, so a total holds what
 * credits are a function of, never credits: per class of entries, their number and sums.
 *
 * A class gathers the active entries for which `entryCredits` (statement.ts) is, under any rule
 * set, the same function but for a part that adds up over entries:
 *
 *   minutes × rate[stream]                 additive: the class sums minutes
 *   floor(amount × moneyRate / 100)        = hundreds × moneyRate + floor(rest × moneyRate / 100),
 *                                          for amount = 100 × hundreds + rest: the class fixes the
 *                                          currency and the rest and sums the amounts
 *   floor(quantity × credits / per)        not additive for a `per` the rules may name later: the
 *                                          class fixes the unit and the quantity
 *
 * and whether it must be endorsed. Whether an entry earned credits at all (a statement's
 * `entries`) is fixed by its class too, but for the minutes: `untimed` counts the entries of 0
 * minutes. Retracted entries earn nothing under any rules and are in no class. So the credits
 * and the count a class gives are exactly the sums of what its entries give one by one
 * (test/credit-totals.test.ts checks it over random ledgers and rule sets).
 *
 * Money amounts are whole minor units of 0 or more (validate.ts): `rest` is 0–99.
 */

/** What an entry's money says to its credits, beside the amount's hundreds. */
export interface MoneyClass {
  currency: string
  /** the amount's last two digits: amount mod 100 */
  rest: number
  /** whether the amount is 100 or more: then it earns credits under any moneyRate above 0 */
  atLeast100: boolean
}

export interface CreditClass {
  member: string
  stream: Stream
  /** whether anyone endorsed the entries (a rule may count only those) */
  endorsed: boolean
  money: MoneyClass | null
  /** the unit and the quantity, both exact */
  output: Output | null
}

/** A class's running total, as the view keeps it (defaults left out). */
export interface CreditTotal {
  entries: number
  minutes: number
  /** how many of the entries have 0 minutes (an output alone); absent: none */
  untimed?: number
  /** the sum of the entries' amounts, minor units, as the decimal text of an exact integer (sums
   * pass 2^53); absent: 0 */
  money?: string
}

/** An entry as far as its credits go, and who it counts for. */
export type CreditEntry = CreditFields & { member: string }

/** The class an entry's credits are kept in; null for an entry that earns nothing under any rules. */
export function creditClass (entry: CreditEntry): CreditClass | null {
  if (entry.status !== 'active') return null
  const money = entry.money
  return {
    member: entry.member,
    stream: entry.stream,
    endorsed: entry.endorsedBy.length > 0,
    money: money === null ? null : { currency: money.currency, rest: money.amount % 100, atLeast100: money.amount >= 100 },
    output: entry.output ?? null
  }
}

/** The total with one entry of its class added (sign 1) or taken away (-1); null once empty. */
export function totalWith (total: CreditTotal | null, entry: CreditEntry, sign: 1 | -1): CreditTotal | null {
  const entries = (total?.entries ?? 0) + sign
  const minutes = (total?.minutes ?? 0) + sign * entry.minutes
  const untimed = (total?.untimed ?? 0) + (entry.minutes === 0 ? sign : 0)
  // most entries carry no money: no BigInt for them (an import moves a total an entry)
  const money = entry.money === null ? total?.money : sumText(total?.money, BigInt(sign) * BigInt(entry.money.amount))
  if (entries === 0 && minutes === 0 && untimed === 0 && money === undefined) return null
  const next: CreditTotal = { entries, minutes }
  if (untimed !== 0) next.untimed = untimed
  if (money !== undefined) next.money = money
  return next
}

/** An exact sum as decimal text, undefined for 0. */
function sumText (text: string | undefined, amount: bigint): string | undefined {
  const sum = BigInt(text ?? '0') + amount
  return sum === 0n ? undefined : sum.toString()
}

/** Whether every count of a total is still exact as a JSON number (apply refuses an entry that
 * would carry one past 2^53, as it does for balances: BALANCE_LIMIT). */
export function isExactTotal (total: CreditTotal): boolean {
  return Number.isSafeInteger(total.entries) && Number.isSafeInteger(total.minutes) && Number.isSafeInteger(total.untimed ?? 0)
}

/**
 * What a class's entries earn under these rules in a distribution in `currency`: the sum of
 * `entryCredits` over them, and how many earned any.
 */
export function classCredits (cls: CreditClass, total: CreditTotal, rules: Rules, currency: string): { credits: bigint, counted: number } {
  if (rules.needsEndorsement && !cls.endorsed) return { credits: 0n, counted: 0 }
  const n = BigInt(total.entries)
  const rate = BigInt(rules.rate[cls.stream])
  let credits = BigInt(total.minutes) * rate
  // every entry of the class earns something besides its minutes
  let earns = false
  if (cls.money !== null && cls.money.currency === currency && rules.moneyRate > 0) {
    const moneyRate = BigInt(rules.moneyRate)
    const rest = BigInt(cls.money.rest)
    // every amount of the class ends in `rest`: the sum of their hundreds is exact
    const hundreds = (BigInt(total.money ?? '0') - n * rest) / 100n
    const restCredits = rest * moneyRate / 100n
    credits += hundreds * moneyRate + n * restCredits
    earns = cls.money.atLeast100 || restCredits > 0n
  }
  if (cls.output !== null) {
    const each = outputCredits(cls, rules)
    credits += n * each
    earns ||= each > 0n
  }
  const counted = earns ? total.entries : rate > 0n ? total.entries - (total.untimed ?? 0) : 0
  return { credits, counted }
}

/** Add a class's credits to a period's, under its rules and in its currency. */
export function addClass (month: MonthCredits, cls: CreditClass, total: CreditTotal): void {
  const { credits, counted } = classCredits(cls, total, month.rules, month.currency)
  month.addCounted(cls.member, cls.stream, credits, counted)
}
