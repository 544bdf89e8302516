import type { BeeReader } from 'hyperbee'
import { getStatement, listLate, listStatements } from '../consensus/accounting-queries.js'
import type { LateChange } from '../consensus/late.js'
import { listMembers } from '../consensus/queries.js'
import { DiscoError } from '../errors.js'
import { parseMonth } from '../ledger/dates.js'
import type { Statement, StatementLine } from '../ledger/statement.js'
import { STREAMS } from '../ledger/streams.js'
import type { Stream } from '../ledger/streams.js'
import type { DiscoNode } from '../node/node.js'
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
  paidByName: string | null
  /** changes to this month after it was distributed: they do not change this statement */
  late: LateChange[]
}

export async function statementView (r: BeeReader, month: string): Promise<StatementView> {
  const s = await getStatement(r, month)
  if (s === null) throw DiscoError.statementNotFound(month)
  return await viewOf(r, s)
}

async function viewOf (r: BeeReader, s: Statement): Promise<StatementView> {
  const members = new Map((await listMembers(r)).map(m => [m.id, m]))
  const display = (amount: number): string => moneyView(amount, s.currency).display
  return {
    ...s,
    poolDisplay: display(s.pool),
    lines: s.lines.map(l => ({
      ...l,
      amountsDisplay: Object.fromEntries(STREAMS.map(st => [st, display(l.amounts[st])])) as Record<Stream, string>,
      totalDisplay: display(l.total)
    })),
    paidByName: s.paid === null ? null : nameOf(members, s.paid.by),
    late: await listLate(r, s.month)
  }
}

/** `disco statement <month>`, or every statement when no month is named. */
export async function statement (node: DiscoNode, input: { month?: string }): Promise<{ statements: StatementView[] }> {
  const snap = node.snapshot()
  try {
    if (input.month !== undefined) return { statements: [await statementView(snap, parseMonth(input.month))] }
    const out: StatementView[] = []
    for (const s of await listStatements(snap)) out.push(await viewOf(snap, s))
    return { statements: out }
  } finally {
    await snap.close()
  }
}
