import { getStatement } from '../consensus/accounting-queries.js'
import { throwIfRejected } from './read-back.js'
import { DiscoError } from '../errors.js'
import { parseDate, today } from '../ledger/dates.js'
import { parsePeriod } from '../ledger/periods.js'
import { opId } from '../ledger/ids.js'
import type { PaidOp } from '../ledger/ops.js'
import { canKeepBooks } from '../ledger/roles.js'
import { validateOp } from '../ledger/validate.js'
import type { LedgerNode } from '../node/ledger-node.js'
import { localMember } from './session.js'
import { statementView } from './statement.js'
import type { StatementView } from './statement.js'

/** Record that a distributed month's payouts were paid. */
export async function paid (node: LedgerNode, input: { month: string, reference: string, date?: string }): Promise<{ statement: StatementView }> {
  const op: PaidOp = {
    type: 'paid',
    month: parsePeriod(input.month),
    day: input.date === undefined ? today() : parseDate(input.date),
    reference: (input.reference ?? '').trim()
  }
  validateOp(op)
  const me = await localMember(node)
  if (!canKeepBooks(me.role)) throw DiscoError.notAllowed(me.role, 'mark-paid')
  let snap = node.snapshot()
  try {
    const s = await getStatement(snap, op.month)
    if (s === null) throw DiscoError.statementNotFound(op.month)
    if (s.paid !== null) throw DiscoError.alreadyPaid(op.month)
  } finally {
    await snap.close()
  }
  const [ref] = await node.append([op])
  snap = node.snapshot()
  try {
    await throwIfRejected(snap, opId(ref!))
    return { statement: await statementView(snap, op.month) }
  } finally {
    await snap.close()
  }
}
