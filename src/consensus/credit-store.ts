import { DiscoError } from '../errors.js'
import { addClass, creditClass, isExactTotal, totalWith } from '../ledger/credit-totals.js'
import type { CreditEntry, CreditTotal } from '../ledger/credit-totals.js'
import type { Entry } from '../ledger/entries.js'
import { entryMonth } from '../ledger/entries.js'
import { periodMonths } from '../ledger/periods.js'
import type { Rules } from '../ledger/rules.js'
import { MonthCredits } from '../ledger/statement.js'
import { keys, parseCreditKey } from './view-layout.js'
import type { ViewTx } from './view-tx.js'

/**
 * The view's running credit totals (`credit/<month>/…`, ledger/credit-totals.ts), kept in step
 * with the entries by entry-store.ts: whatever changes an entry moves it out of its class's total
 * and into its new one. A batch's ops share the cached totals (ViewTx), so a block of a thousand
 * entries writes each total once.
 */

/**
 * The entry `before` (null: none yet) becomes `after` (null: none any more). Without waiting when
 * the batch holds the totals it moves (most entries of a bulk import): then it returns undefined
 * rather than a promise, as an async step an op cost more than the sums (bench P1).
 */
export function moveCredits (tx: ViewTx, before: Entry | null, after: Entry | null): Promise<void> | undefined {
  const from = keyOf(before)
  const to = keyOf(after)
  // an endorsement past the first changes no class and no sum
  if (from !== null && from === to && before?.minutes === after?.minutes && before?.money?.amount === after?.money?.amount) return undefined
  if (from === null) return to === null ? undefined : addTo(tx, to, after as Entry, 1)
  return moveBetween(tx, from, before as Entry, to, after)
}

async function moveBetween (tx: ViewTx, from: string, before: Entry, to: string | null, after: Entry | null): Promise<void> {
  await addTo(tx, from, before, -1)
  if (to !== null) await addTo(tx, to, after as Entry, 1)
}

function keyOf (entry: Entry | null): string | null {
  const cls = entry === null ? null : creditClass(entry)
  return cls === null ? null : keys.credit(entryMonth(entry as Entry), cls)
}

function addTo (tx: ViewTx, key: string, entry: CreditEntry, sign: 1 | -1): Promise<void> | undefined {
  return tx.update<CreditTotal>(key, total => nextTotal(total, entry, sign))
}

/** The total with the entry added or taken away; null once empty (no key). */
function nextTotal (total: CreditTotal | null, entry: CreditEntry, sign: 1 | -1): CreditTotal | null {
  const next = totalWith(total, entry, sign)
  if (next !== null && !isExactTotal(next)) throw DiscoError.balanceLimit()
  return next
}

/**
 * A period's credits under the rules in force at its distribution, from its months' totals: a
 * few keys a member and stream, however many entries the period holds (bench P15).
 */
export async function periodCredits (tx: ViewTx, period: string, rules: Rules, currency: string): Promise<MonthCredits> {
  const credits = new MonthCredits(rules, currency)
  for (const month of periodMonths(period)) {
    const { gte, lt } = keys.creditsOf(month)
    // integer sums: the order eachJson gives them in does not matter
    await tx.eachJson<CreditTotal>(gte, lt, (key, total) => { addClass(credits, parseCreditKey(key), total) })
  }
  return credits
}
