import { opId } from '../ledger/ids.js';
import { dateAt, movedDate } from './block-dates.js';
import { writerHex } from './context.js';
import { entryFromRecord, entryRecord } from './entry-record.js';
import { keys } from './view-layout.js';
/**
 * Entries in apply: an entry's record is keyed by its work date, and its block's dates record
 * says which date an id has (block-dates.ts). These keep the two in step.
 */
/** The work date of the entry `ref` names, or null when that op logged no entry. */
async function dateOf(ctx, ref) {
    const writer = writerHex(ref.writer);
    if (ctx.block.holds(writer, ref.seq))
        return ctx.block.dateOf(ref.index);
    const record = await ctx.tx.get(keys.blockDates(writer, ref.seq));
    return record === null ? null : dateAt(record, ref.index);
}
export async function findEntry(ctx, ref) {
    const date = await dateOf(ctx, ref);
    if (date === null)
        return null;
    const id = opId(ref);
    const record = await ctx.tx.get(keys.entry(date, id));
    return record === null ? null : entryFromRecord(id, date, record);
}
/** The entry the op being applied logs (a fresh id: nothing to read first). */
export function addEntry(ctx, entry) {
    ctx.tx.putNew(keys.entry(entry.date, entry.id), entryRecord(entry));
    ctx.block.set(ctx.index, entry.date, undo => ctx.tx.onRollback(undo));
}
/** `before`, the entry `ref` names, becomes `next`; a new work date moves its key. */
export async function replaceEntry(ctx, ref, before, next) {
    if (next.date !== before.date) {
        await ctx.tx.del(keys.entry(before.date, before.id));
        await moveDate(ctx, ref, next.date);
    }
    await ctx.tx.put(keys.entry(next.date, next.id), entryRecord(next));
}
async function moveDate(ctx, ref, date) {
    const writer = writerHex(ref.writer);
    if (ctx.block.holds(writer, ref.seq)) {
        ctx.block.set(ref.index, date, undo => ctx.tx.onRollback(undo));
        return;
    }
    const key = keys.blockDates(writer, ref.seq);
    const record = await ctx.tx.get(key);
    // findEntry found the entry through this record: it is there
    if (record !== null)
        await ctx.tx.put(key, movedDate(record, ref.index, date));
}
//# sourceMappingURL=entry-store.js.map