import { DiscoError } from '../errors.js'
import type { Outcome } from '../ledger/governance.js'
import { overlappingPeriods, periodEndTime, periodKind } from '../ledger/periods.js'
import type { Member } from '../ledger/members.js'
import type { Money } from '../ledger/currency.js'
import { statementOf } from '../ledger/statement.js'
import type { Statement } from '../ledger/statement.js'
import type { OpContext } from './context.js'
import type { LateChange } from './late.js'
import { currentRules } from './rules-state.js'
import { keys } from './view-layout.js'
import { ledgerNow } from './ledger-clock.js'
import { periodCredits } from './credit-store.js'

/**
 * A passed `distribute` proposal (docs/accounting.md, "Splitting a pool", "Closing the month"):
 * the statement is computed here, in apply, from the period's credit totals (credit-store.ts) and
 * the rules in force, so every node writes the same bytes. Reads ranges of the view: distributions
 * are rare.
 */
export interface DistributeAction { month: string, pool: Money }

/** Why the period (a month or a quarter) cannot be distributed now, as a DiscoError; null if it can. */
export async function distributable (month: string, ctx: OpContext): Promise<DiscoError | null> {
  const { rules } = await currentRules(ctx.tx)
  // the rules in force when it is decided: a quarter under monthly rules would pay three months at once
  if (periodKind(month) !== rules.period) return DiscoError.periodKind(month, rules.period)
  for (const p of overlappingPeriods(month)) {
    if (await ctx.tx.get<Statement>(keys.statement(p)) !== null) return p === month ? DiscoError.monthDistributed(month) : DiscoError.periodOverlaps(month, p)
  }
  // the ledger time, not the author's claim: one participant's clock cannot end a period early
  if (await ledgerNow(ctx.tx) < periodEndTime(month)) return DiscoError.monthNotOver(month)
  return null
}

interface Computed { statement: Statement, settles: LateChange[] }

/** The statement the action would write, or why (the proposal's outcome: it fails) it cannot. */
export async function computeDistribution (a: DistributeAction, ctx: OpContext, proposal: string): Promise<Computed | Outcome> {
  const problem = await distributable(a.month, ctx)
  if (problem !== null) return { code: problem.code, params: problem.params ?? {} }
  const { version, rules } = await currentRules(ctx.tx)
  const members = (await ctx.tx.rangeJson<Member>(keys.members.gt, keys.members.lt)).map(([, m]) => m)
  const settles = (await ctx.tx.rangeJson<LateChange>(keys.lates.gt, keys.lates.lt)).map(([, l]) => l).filter(l => l.settledIn === null)
  const carried = rules.late === 'carry' ? settles.flatMap(l => l.deltas) : []
  const result = statementOf({
    month: a.month,
    currency: a.pool.currency,
    pool: a.pool.amount,
    rules,
    rulesVersion: version,
    participants: members.map(m => ({ id: m.id, name: m.name, role: m.role, stage: m.stage ?? 0 })),
    carried
  }, await periodCredits(ctx.tx, a.month, rules, a.pool.currency))
  if (!result.ok) return result.problem
  return {
    statement: {
      month: a.month,
      currency: a.pool.currency,
      pool: a.pool.amount,
      rulesVersion: version,
      proposal,
      decidedBy: ctx.id,
      closedAt: ctx.time,
      streams: result.streams,
      lines: result.lines,
      cap: result.cap,
      entries: result.entries,
      carried: [...new Set(settles.map(l => l.id))],
      paid: null
    },
    settles
  }
}

export async function writeDistribution ({ statement, settles }: Computed, ctx: OpContext): Promise<void> {
  const counted = (await currentRules(ctx.tx)).rules.late === 'carry'
  await ctx.tx.put(keys.statement(statement.month), statement)
  for (const l of settles) await ctx.tx.put(keys.late(l.month, l.id), { ...l, settledIn: statement.month, counted } satisfies LateChange)
}
