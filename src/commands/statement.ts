import type { BeeReader } from 'hyperbee'
import { getStatement, listLate, listStatements } from '../consensus/accounting-queries.js'
import type { LateChange } from '../consensus/late.js'
import { listMembers } from '../consensus/queries.js'
import { DiscoError } from '../errors.js'
import { parsePeriod } from '../ledger/periods.js'
import type { Statement, StatementLine } from '../ledger/statement.js'
import { STREAMS } from '../ledger/streams.js'
import type { Stream } from '../ledger/streams.js'
import type { LedgerNode } from '../node/ledger-node.js'
import { nameOf } from './proposal-view.js'
import { moneyView } from './views.js'

/**
 * A statement as commands hand it out: the ledger's record with decimal amounts and the late
 * changes since. Everything in it comes from the view, so every node that has the same ledger
 * prints the same bytes.
 */
export interface StatementView extends Omit<Statement, 'lines'> {
  poolDisplay: string
  lines: Array<StatementLine & { amountsDisplay: Record<Stream, string>, totalDisplay: string }>
  /** the totals row: every line's credits and amounts added up; the payouts and what the cap kept sum to the pool */
  totals: {
    credits: Record<Stream, string>
    amounts: Record<Stream, number>
    amountsDisplay: Record<Stream, string>
    capped: number
    received: number
    total: number
    totalDisplay: string
    kept: number
    keptDisplay: string
  }
  paidByName: string | null
  /** changes to this period after it was distributed: they do not change this statement. Each with
   * the entry, who made it, and its effect in credit-minutes (0 when it changed none) */
  late: LateView[]
}

export interface LateView extends LateChange {
  memberName: string
  byName: string
  /** the credit-minutes it adds (negative: takes away), all streams: decimal text, "0" included */
  effect: string
}

export async function statementView (r: BeeReader, month: string): Promise<StatementView> {
  const s = await getStatement(r, month)
  if (s === null) throw DiscoError.statementNotFound(month)
  return await viewOf(r, s)
}

async function viewOf (r: BeeReader, s: Statement): Promise<StatementView> {
  const members = new Map((await listMembers(r)).map(m => [m.id, m]))
  const display = (amount: number): string => moneyView(amount, s.currency).display
  const perStream = <T>(f: (st: Stream) => T): Record<Stream, T> => Object.fromEntries(STREAMS.map(st => [st, f(st)])) as Record<Stream, T>
  const amounts = perStream(st => s.lines.reduce((n, l) => n + l.amounts[st], 0))
  const total = s.lines.reduce((n, l) => n + l.total, 0)
  const kept = s.cap?.kept ?? 0
  return {
    ...s,
    poolDisplay: display(s.pool),
    lines: s.lines.map(l => ({
      ...l,
      amountsDisplay: perStream(st => display(l.amounts[st])),
      totalDisplay: display(l.total)
    })),
    totals: {
      credits: perStream(st => s.lines.reduce((n, l) => n + BigInt(l.credits[st]), 0n).toString()),
      amounts,
      amountsDisplay: perStream(st => display(amounts[st])),
      capped: s.lines.reduce((n, l) => n + l.capped, 0),
      received: s.lines.reduce((n, l) => n + l.received, 0),
      total,
      totalDisplay: display(total),
      kept,
      keptDisplay: display(kept)
    },
    paidByName: s.paid === null ? null : nameOf(members, s.paid.by),
    late: (await listLate(r, s.month)).map(l => ({
      ...l,
      memberName: nameOf(members, l.member),
      byName: nameOf(members, l.by),
      effect: l.deltas.reduce((n, d) => n + BigInt(d.credits), 0n).toString()
    }))
  }
}

/** `disco statement <month>`, or every statement when no month is named. */
export async function statement (node: LedgerNode, input: { month?: string }): Promise<{ statements: StatementView[] }> {
  const snap = node.snapshot()
  try {
    if (input.month !== undefined) return { statements: [await statementView(snap, parsePeriod(input.month))] }
    const out: StatementView[] = []
    for (const s of await listStatements(snap)) out.push(await viewOf(snap, s))
    return { statements: out }
  } finally {
    await snap.close()
  }
}
