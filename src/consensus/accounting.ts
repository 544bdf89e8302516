import { DiscoError } from '../errors.js'
import { formatDay } from '../ledger/dates.js'
import type { Entry } from '../ledger/entries.js'
import { opId } from '../ledger/ids.js'
import type { IncomeRecord } from '../ledger/income.js'
import type { EndorseOp, IncomeOp, PaidOp } from '../ledger/ops.js'
import { canEndorse, canKeepBooks } from '../ledger/roles.js'
import type { Statement } from '../ledger/statement.js'
import { author, claimKey } from './context.js'
import type { OpContext } from './context.js'
import { noteLate } from './late.js'
import { indexKey, keys } from './view-layout.js'
import { findEntry, replaceEntry } from './entry-store.js'

/** The accounting ops that are not proposals: endorsements, income, payments. */

export async function endorse (op: EndorseOp, ctx: OpContext): Promise<void> {
  const member = await author(ctx)
  if (!canEndorse(member.role)) throw DiscoError.notAllowed(member.role, 'endorse')
  const id = opId(op.target)
  const entry = await findEntry(ctx, op.target)
  if (entry === null) throw DiscoError.entryNotFound(id)
  if (entry.status === 'retracted') throw DiscoError.entryRetracted(id)
  if (entry.member === member.id) throw DiscoError.ownEntry(id)
  if (entry.endorsedBy.includes(member.id)) throw DiscoError.alreadyEndorsed(id)
  const next: Entry = { ...entry, endorsedBy: [...entry.endorsedBy, member.id] }
  await replaceEntry(ctx, op.target, entry, next)
  await noteLate(ctx, 'endorsed', entry, next, member.id)
}

export async function income (op: IncomeOp, ctx: OpContext): Promise<void> {
  const member = await author(ctx)
  if (!canKeepBooks(member.role)) throw DiscoError.notAllowed(member.role, 'record-income')
  await claimKey(ctx, keys.incomeIdem(member.id, op.key), op.key)
  const date = formatDay(op.day)
  ctx.tx.putNew(keys.income(ctx.id), {
    id: ctx.id,
    by: member.id,
    date,
    amount: op.money.amount,
    currency: op.money.currency,
    client: op.client,
    description: op.description,
    key: op.key,
    time: ctx.time
  } satisfies IncomeRecord)
  ctx.tx.putNew(indexKey('income', date, ctx.id), 1)
}

export async function paid (op: PaidOp, ctx: OpContext): Promise<void> {
  const member = await author(ctx)
  if (!canKeepBooks(member.role)) throw DiscoError.notAllowed(member.role, 'mark-paid')
  const statement = await ctx.tx.get<Statement>(keys.statement(op.month))
  if (statement === null) throw DiscoError.statementNotFound(op.month)
  if (statement.paid !== null) throw DiscoError.alreadyPaid(op.month)
  await ctx.tx.put(keys.statement(op.month), {
    ...statement,
    paid: { by: member.id, date: formatDay(op.day), reference: op.reference, op: ctx.id, at: ctx.time }
  } satisfies Statement)
}
