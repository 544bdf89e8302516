/**
 * Where an entry lives. An entry's record is keyed by its work date (`entry/<date>/<id>`), so that
 * a month is one range; its id (writer, block, index) does not say that date. So each block that
 * logged entries gets one record, `block-dates/<writer>/<seq>`, with the date of each of them:
 * an id finds its entry in two lookups, and an import of 1,000 entries in one block writes 1,001
 * keys instead of 2,000 (bench P1). The record is written once, at the end of its block; an amend
 * that moves an entry to another date rewrites it.
 */
export interface BlockDatesRecord {
    /** the distinct dates, in the order the block's ops first used them */
    dates: string[];
    /** per op index: its entry's date (an index into `dates`), or null when the op is no entry */
    at: Array<number | null>;
}
/** The date of the entry at `index`, or null when that op logged none. */
export declare function dateAt(record: BlockDatesRecord, index: number): string | null;
/**
 * The record for entries at these indexes (index → date), or null when there are none. The same
 * entries give the same record, whatever order they were set in: every node writes these bytes.
 */
export declare function blockDatesRecord(byIndex: ReadonlyMap<number, string>): BlockDatesRecord | null;
export declare function recordEntries(record: BlockDatesRecord): Map<number, string>;
/** The record after the entry at `index` moved to `date` (an amend of its work date). */
export declare function movedDate(record: BlockDatesRecord, index: number, date: string): BlockDatesRecord;
/**
 * The dates of the entries the block being applied has logged so far. Its ops can name entries
 * logged earlier in the same block (an id is known once the block's position is), before the
 * record is written at the block's end. `set` takes the rollback hook of the op's transaction,
 * so a rejected op leaves no date behind.
 */
export declare class BlockDates {
    readonly writerHex: string;
    readonly seq: number;
    private readonly byIndex;
    constructor(writerHex: string, seq: number);
    holds(writerHex: string, seq: number): boolean;
    dateOf(index: number): string | null;
    set(index: number, date: string, onRollback: (undo: () => void) => void): void;
    record(): BlockDatesRecord | null;
}
