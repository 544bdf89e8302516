import type { Entry } from '../ledger/entries.js'
import { opId } from '../ledger/ids.js'
import type { OpRef } from '../ledger/ops.js'
import { dateAt, movedDate } from './block-dates.js'
import type { BlockRecord } from './block-dates.js'
import { writerHex } from './context.js'
import type { OpContext } from './context.js'
import { entryFromRecord, entryRecord } from './entry-record.js'
import type { EntryRecord } from './entry-record.js'
import { keys } from './view-layout.js'
import { moveCredits } from './credit-store.js'

/**
 * Entries in apply: an entry's record is keyed by its work date, and its block's dates record
 * says which date an id has (block-dates.ts, `block/<writer>/<seq>`); its month's credit totals count it (credit-store.ts).
 * These keep the three in step: every change of an entry goes through them.
 */

/** The work date of the entry `ref` names, or null when that op logged no entry. */
async function dateOf (ctx: OpContext, ref: OpRef): Promise<string | null> {
  const writer = writerHex(ref.writer)
  if (ctx.block.holds(writer, ref.seq)) return ctx.block.dateOf(ref.index)
  const record = await ctx.tx.get<BlockRecord>(keys.block(writer, ref.seq))
  return record === null ? null : dateAt(record, ref.index)
}

export async function findEntry (ctx: OpContext, ref: OpRef): Promise<Entry | null> {
  const date = await dateOf(ctx, ref)
  if (date === null) return null
  const id = opId(ref)
  const record = await ctx.tx.get<EntryRecord>(keys.entry(date, id))
  return record === null ? null : entryFromRecord(id, date, record)
}

/** The entry the op being applied logs (a fresh id: nothing to read first). Undefined rather
 * than a promise when it had nothing to wait for (moveCredits). */
export function addEntry (ctx: OpContext, entry: Entry): Promise<void> | undefined {
  ctx.tx.putNew(keys.entry(entry.date, entry.id), entryRecord(entry))
  ctx.block.set(ctx.index, entry.date, undo => ctx.tx.onRollback(undo))
  return moveCredits(ctx.tx, null, entry)
}

/** `before`, the entry `ref` names, becomes `next`; a new work date moves its key. */
export async function replaceEntry (ctx: OpContext, ref: OpRef, before: Entry, next: Entry): Promise<void> {
  if (next.date !== before.date) {
    await ctx.tx.del(keys.entry(before.date, before.id))
    await moveDate(ctx, ref, next.date)
  }
  await ctx.tx.put(keys.entry(next.date, next.id), entryRecord(next))
  await moveCredits(ctx.tx, before, next)
}

async function moveDate (ctx: OpContext, ref: OpRef, date: string): Promise<void> {
  const writer = writerHex(ref.writer)
  if (ctx.block.holds(writer, ref.seq)) {
    ctx.block.set(ref.index, date, undo => ctx.tx.onRollback(undo))
    return
  }
  const key = keys.block(writer, ref.seq)
  const record = await ctx.tx.get<BlockRecord>(key)
  // findEntry found the entry through this record: it is there
  if (record !== null) await ctx.tx.put(key, { n: record.n, ...movedDate(record, ref.index, date) } satisfies BlockRecord)
}
