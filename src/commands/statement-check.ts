import type { BeeReader } from 'hyperbee'
import { entriesBetween, listLate } from '../consensus/accounting-queries.js'
import type { LateChange } from '../consensus/late.js'
import { firstDayOfPeriod, lastDayOfPeriod } from '../ledger/periods.js'
import type { RulesRecord } from '../ledger/rules.js'
import { entryCredits } from '../ledger/statement.js'
import type { Statement } from '../ledger/statement.js'
import { STREAMS } from '../ledger/streams.js'

/**
 * Why a report's credits for a distributed period are not its statement's (docs/accounting.md,
 * "Reports and statements"): the report counts the entries as they are now, under the rules in
 * force now; the statement counted them as they were when it was decided, under the rules then,
 * with late changes to earlier periods carried in. Each reason says its effect in credit-minutes
 * where the ledger records one.
 */
export type DifferenceKind = 'late-since' | 'carried-in' | 'rules' | 'currency' | 'other'

export interface Difference {
  kind: DifferenceKind
  /** its effect on the report against the statement, in credit-minutes (decimal text), when known */
  credits: string | null
  /** how many late changes it is, for the two kinds that are */
  count: number
}

export interface StatementCheck {
  /** the distributed period (a month or a quarter) */
  period: string
  /** credit-minutes: the statement's (every line, counted or recorded), the report's over the same dates */
  statement: string
  report: string
  /** report − statement */
  difference: string
  reasons: Difference[]
}

const sumDeltas = (lates: LateChange[]): bigint => lates.reduce((n, l) => n + l.deltas.reduce((m, d) => m + BigInt(d.credits), 0n), 0n)

/** Compare one statement with what a report counts now over its period. */
export async function checkStatement (r: BeeReader, s: Statement, now: RulesRecord, currency: string | null): Promise<StatementCheck> {
  let report = 0n
  for (const e of await entriesBetween(r, { from: firstDayOfPeriod(s.month), to: lastDayOfPeriod(s.month) })) {
    report += entryCredits(e, now.rules, currency ?? '')
  }
  const statement = s.lines.reduce((n, l) => n + STREAMS.reduce((m, st) => m + BigInt(l.credits[st]), 0n), 0n)
  const difference = report - statement
  const reasons: Difference[] = []
  if (difference !== 0n) {
    const since = await listLate(r, s.month)
    if (since.length > 0) reasons.push({ kind: 'late-since', credits: sumDeltas(since).toString(), count: since.length })
    // what the statement counted from earlier periods' late changes: the report counts them where they are dated
    const carried = (await listLate(r)).filter(l => l.settledIn === s.month && l.counted)
    if (carried.length > 0) reasons.push({ kind: 'carried-in', credits: (-sumDeltas(carried)).toString(), count: carried.length })
    if (s.rulesVersion !== now.version) reasons.push({ kind: 'rules', credits: null, count: 0 })
    if (currency !== s.currency && now.rules.moneyRate > 0) reasons.push({ kind: 'currency', credits: null, count: 0 })
    const explained = reasons.every(x => x.credits !== null) ? reasons.reduce((n, x) => n + BigInt(x.credits as string), 0n) : difference
    if (explained !== difference) reasons.push({ kind: 'other', credits: (difference - explained).toString(), count: 0 })
  }
  return { period: s.month, statement: statement.toString(), report: report.toString(), difference: difference.toString(), reasons }
}
