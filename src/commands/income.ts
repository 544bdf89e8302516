import { getIncome, incomeByKey } from '../consensus/accounting-queries.js'
import { throwIfRejected } from './read-back.js'
import { DiscoError } from '../errors.js'
import { parseMoney } from '../ledger/currency.js'
import { parseDate, today } from '../ledger/dates.js'
import { opId } from '../ledger/ids.js'
import type { IncomeRecord } from '../ledger/income.js'
import type { IncomeOp } from '../ledger/ops.js'
import { canKeepBooks } from '../ledger/roles.js'
import { validateOp } from '../ledger/validate.js'
import type { LedgerNode } from '../node/ledger-node.js'
import { localMember } from './session.js'
import { moneyView } from './views.js'
import type { MoneyView } from './views.js'

export interface IncomeInput {
  amount: string
  currency: string
  /** who paid */
  from: string
  /** YYYY-MM-DD, today when absent */
  date?: string
  message?: string
  key?: string
}

export type IncomeView = Omit<IncomeRecord, 'amount' | 'currency'> & { money: MoneyView }

export function incomeView (r: IncomeRecord): IncomeView {
  const { amount, currency, ...rest } = r
  return { ...rest, money: moneyView(amount, currency) }
}

/** Record money the cooperative received. With a key, recording it again writes nothing. */
export async function income (node: LedgerNode, input: IncomeInput): Promise<{ income: IncomeView, duplicate: boolean }> {
  const op: IncomeOp = {
    type: 'income',
    money: parseMoney(input.amount, input.currency),
    client: (input.from ?? '').trim(),
    day: input.date === undefined ? today() : parseDate(input.date),
    description: (input.message ?? '').trim(),
    key: (input.key ?? '').trim()
  }
  validateOp(op)
  const me = await localMember(node)
  if (!canKeepBooks(me.role)) throw DiscoError.notAllowed(me.role, 'record-income')
  if (op.key !== '') {
    const snap = node.snapshot()
    try {
      const rec = await incomeByKey(snap, me.id, op.key)
      if (rec !== null) return { income: incomeView(rec), duplicate: true }
    } finally {
      await snap.close()
    }
  }
  const [ref] = await node.append([op])
  const id = opId(ref!)
  const snap = node.snapshot()
  try {
    await throwIfRejected(snap, id)
    const rec = await getIncome(snap, id)
    if (rec === null) throw new DiscoError('NOT_APPLIED', `op ${id} was written but is not in the ledger view yet`, 'state')
    return { income: incomeView(rec), duplicate: false }
  } finally {
    await snap.close()
  }
}
