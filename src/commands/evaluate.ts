import type { BeeReader } from 'hyperbee'
import { entriesBetween, getRules } from '../consensus/accounting-queries.js'
import { getLedgerTime, listMembers } from '../consensus/queries.js'
import { DiscoError } from '../errors.js'
import { evaluate } from '../ledger/evaluation.js'
import type { Evaluation } from '../ledger/evaluation.js'
import { firstDayOfPeriod, lastDayOfPeriod, parsePeriod, periodAt, periodKind } from '../ledger/periods.js'
import type { PeriodKind } from '../ledger/periods.js'
import type { LedgerNode } from '../node/ledger-node.js'
import { accountingCurrency } from './credits.js'

export interface EvaluateInput {
  /** YYYY-MM or YYYY-Qn, of the kind the quota is per; the one holding the ledger time when absent */
  period?: string
}

export interface EvaluateOutput extends Evaluation {
  /** what the quotas are per */
  quotaPeriod: PeriodKind
  rulesVersion: number
  /** the ledger time it was judged at (ms): the same on every node with the same ledger */
  asOf: number
  /** who is short of their quota (ids), and who is behind an even pace while the period runs */
  short: string[]
  behind: string[]
}

/** The evaluation as every node computes it from its view (src/ledger/evaluation.ts). */
export async function evaluationOf (r: BeeReader, text?: string): Promise<EvaluateOutput> {
  const { version, rules } = await getRules(r)
  const now = await getLedgerTime(r)
  const period = text === undefined ? periodAt(now, rules.quota.period) : parsePeriod(text)
  if (periodKind(period) !== rules.quota.period) throw DiscoError.periodKind(period, rules.quota.period)
  const members = await listMembers(r)
  const result = evaluate({
    period,
    rules,
    participants: members.map(m => ({ id: m.id, name: m.name, role: m.role, removed: m.removedAt !== undefined })),
    entries: await entriesBetween(r, { from: firstDayOfPeriod(period), to: lastDayOfPeriod(period) }),
    currency: await accountingCurrency(r),
    now
  })
  return {
    ...result,
    quotaPeriod: rules.quota.period,
    rulesVersion: version,
    asOf: now,
    short: result.rows.filter(row => !row.met).map(row => row.member),
    behind: result.rows.filter(row => row.behind).map(row => row.member)
  }
}

/** `disco evaluate [period]`: each participant's credits against their quota. */
export async function evaluatePeriod (node: LedgerNode, input: EvaluateInput): Promise<EvaluateOutput> {
  const snap = node.snapshot()
  try {
    return await evaluationOf(snap, input.period)
  } finally {
    await snap.close()
  }
}
