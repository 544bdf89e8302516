/** The date of the entry at `index`, or null when that op logged none. */
export function dateAt(record, index) {
    const i = record.at[index];
    return i === undefined || i === null ? null : record.dates[i] ?? null;
}
/**
 * The record for entries at these indexes (index → date), or null when there are none. The same
 * entries give the same record, whatever order they were set in: every node writes these bytes.
 */
export function blockDatesRecord(byIndex) {
    if (byIndex.size === 0)
        return null;
    const length = Math.max(...byIndex.keys()) + 1;
    const dates = [];
    const position = new Map();
    const at = new Array(length).fill(null);
    for (let index = 0; index < length; index++) {
        const date = byIndex.get(index);
        if (date === undefined)
            continue;
        let p = position.get(date);
        if (p === undefined) {
            p = dates.push(date) - 1;
            position.set(date, p);
        }
        at[index] = p;
    }
    return { dates, at };
}
export function recordEntries(record) {
    const out = new Map();
    record.at.forEach((_, index) => {
        const date = dateAt(record, index);
        if (date !== null)
            out.set(index, date);
    });
    return out;
}
/** The record after the entry at `index` moved to `date` (an amend of its work date). */
export function movedDate(record, index, date) {
    const entries = recordEntries(record);
    entries.set(index, date);
    return blockDatesRecord(entries);
}
/**
 * The dates of the entries the block being applied has logged so far. Its ops can name entries
 * logged earlier in the same block (an id is known once the block's position is), before the
 * record is written at the block's end. `set` takes the rollback hook of the op's transaction,
 * so a rejected op leaves no date behind.
 */
export class BlockDates {
    writerHex;
    seq;
    byIndex = new Map();
    constructor(writerHex, seq) {
        this.writerHex = writerHex;
        this.seq = seq;
    }
    holds(writerHex, seq) {
        return writerHex === this.writerHex && seq === this.seq;
    }
    dateOf(index) {
        return this.byIndex.get(index) ?? null;
    }
    set(index, date, onRollback) {
        const before = this.byIndex.get(index);
        this.byIndex.set(index, date);
        onRollback(() => {
            if (before === undefined)
                this.byIndex.delete(index);
            else
                this.byIndex.set(index, before);
        });
    }
    record() {
        return blockDatesRecord(this.byIndex);
    }
}
//# sourceMappingURL=block-dates.js.map