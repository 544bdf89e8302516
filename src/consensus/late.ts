import { entryMonth } from '../ledger/entries.js'
import type { Entry } from '../ledger/entries.js'
import { entryCredits } from '../ledger/statement.js'
import type { CreditDelta, Statement } from '../ledger/statement.js'
import type { Stream } from '../ledger/streams.js'
import type { OpContext } from './context.js'
import { currentRules } from './rules-state.js'
import { periodMonths, periodsHolding } from '../ledger/periods.js'
import { keys } from './view-layout.js'
import type { NowOrLater } from './now-or-later.js'

/**
 * Late changes (docs/accounting.md, "Closing the month"): a statement never changes, so an entry
 * logged, amended, retracted or endorsed later for a distributed month is recorded here instead,
 * with the credits it would have added or taken away. Under `late: carry` the next distribution
 * counts them; under `ignore` it settles them without counting.
 */
export type LateKind = 'logged' | 'amended' | 'retracted' | 'endorsed'

export interface LateChange {
  /** the op that made the change */
  id: string
  entry: string
  /** whose entry it is */
  member: string
  /** who made the change: the entry's member, or the member who endorsed it */
  by: string
  kind: LateKind
  /** the distributed period (month or quarter) it reached */
  month: string
  at: number
  /** the credits it changes, under the rules and in the currency of when it happened */
  deltas: CreditDelta[]
  /** the month whose distribution settled it, and whether that one counted it */
  settledIn: string | null
  counted: boolean
}

/** The statement that paid for work of this month: the month's or its quarter's, if any. */
async function statementHolding (ctx: OpContext, month: string): Promise<Statement | null> {
  for (const p of periodsHolding(month)) {
    const s = await ctx.tx.get<Statement>(keys.statement(p))
    if (s !== null) return s
  }
  return null
}

/**
 * Whether the batch holds every statement key of the entries' months, and none is there: no
 * distribution paid for them, so no change is late. Answered without waiting (the common case,
 * most entries of a bulk import: bench P1); false when a key must be read, or a statement holds.
 */
function heldNoStatement (ctx: OpContext, before: Entry | null, after: Entry | null): boolean {
  for (const e of [before, after]) {
    if (e === null) continue
    for (const p of periodsHolding(entryMonth(e))) if (ctx.tx.held<Statement>(keys.statement(p)) !== null) return false
  }
  return true
}

/** Record the change from `before` to `after` (null: the entry did not exist / no longer counts),
 * made by member `by`, for each distributed period it touches. Nothing to wait for when the batch
 * holds the months' statement keys and none is there (NowOrLater). */
export function noteLate (ctx: OpContext, kind: LateKind, before: Entry | null, after: Entry | null, by: string): NowOrLater<void> {
  if (heldNoStatement(ctx, before, after)) return
  return noteLateChanges(ctx, kind, before, after, by)
}

async function noteLateChanges (ctx: OpContext, kind: LateKind, before: Entry | null, after: Entry | null, by: string): Promise<void> {
  const entry = (after ?? before) as Entry
  const statements = new Map<string, Statement>()
  for (const e of [before, after]) {
    if (e === null) continue
    const s = await statementHolding(ctx, entryMonth(e))
    if (s !== null) statements.set(s.month, s)
  }
  for (const [period, statement] of statements) {
    const { rules } = await currentRules(ctx.tx)
    const months = periodMonths(period)
    const credits = (e: Entry | null): bigint =>
      e === null || !months.includes(entryMonth(e)) ? 0n : entryCredits(e, rules, statement.currency)
    const deltas: Array<{ member: string, stream: Stream, credits: bigint }> = []
    if (before !== null && after !== null && before.stream === after.stream) {
      deltas.push({ member: entry.member, stream: after.stream, credits: credits(after) - credits(before) })
    } else {
      if (before !== null) deltas.push({ member: entry.member, stream: before.stream, credits: -credits(before) })
      if (after !== null) deltas.push({ member: entry.member, stream: after.stream, credits: credits(after) })
    }
    const changes: CreditDelta[] = deltas.filter(d => d.credits !== 0n).map(d => ({ ...d, credits: d.credits.toString() }))
    // an endorsement that changes no credits (the rules do not ask for one) is no late change
    if (kind === 'endorsed' && changes.length === 0) continue
    await ctx.tx.put(keys.late(period, ctx.id), {
      id: ctx.id, entry: entry.id, member: entry.member, by, kind, month: period, at: ctx.time, deltas: changes, settledIn: null, counted: false
    } satisfies LateChange)
  }
}
