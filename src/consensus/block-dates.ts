/**
 * Where an entry lives. An entry's record is keyed by its work date (`entry/<date>/<id>`), so that
 * a month is one range; its id (writer, block, index) does not say that date. So the record of
 * each applied block, `block/<writer>/<seq>` (BlockRecord), holds the date of each entry it logged:
 * an id finds its entry in two lookups, and an import of 1,000 entries in one block writes 1,001
 * keys instead of 2,000 (bench P1). The dates are written at the end of its block; an amend that
 * moves an entry to another date rewrites them.
 */
export interface BlockDatesRecord {
  /** the distinct dates, in the order the block's ops first used them */
  dates: string[]
  /** per op index: its entry's date (an index into `dates`), or null when the op is no entry */
  at: Array<number | null>
}

/**
 * An applied block (`block/<writer>/<seq>`, view layout 5): `n`, its place in the linearised order
 * (apply.ts, recordOrder), and the dates of the entries it logged (absent when it logged none).
 * One key a block for both: layout 4 wrote `order/<n>` and `block-dates/<writer>/<seq>`.
 */
export interface BlockRecord extends Partial<BlockDatesRecord> {
  n: number
}

/** The date of the entry at `index`, or null when that op logged none. */
export function dateAt (record: Partial<BlockDatesRecord>, index: number): string | null {
  const i = record.at?.[index]
  return i === undefined || i === null ? null : record.dates?.[i] ?? null
}

/**
 * The record for entries at these indexes (index → date), or null when there are none. The same
 * entries give the same record, whatever order they were set in: every node writes these bytes.
 */
export function blockDatesRecord (byIndex: ReadonlyMap<number, string>): BlockDatesRecord | null {
  if (byIndex.size === 0) return null
  const length = Math.max(...byIndex.keys()) + 1
  const dates: string[] = []
  const position = new Map<string, number>()
  const at: Array<number | null> = new Array<number | null>(length).fill(null)
  for (let index = 0; index < length; index++) {
    const date = byIndex.get(index)
    if (date === undefined) continue
    let p = position.get(date)
    if (p === undefined) {
      p = dates.push(date) - 1
      position.set(date, p)
    }
    at[index] = p
  }
  return { dates, at }
}

export function recordEntries (record: Partial<BlockDatesRecord>): Map<number, string> {
  const out = new Map<number, string>()
  record.at?.forEach((_, index) => {
    const date = dateAt(record, index)
    if (date !== null) out.set(index, date)
  })
  return out
}

/** The record after the entry at `index` moved to `date` (an amend of its work date). */
export function movedDate (record: Partial<BlockDatesRecord>, index: number, date: string): BlockDatesRecord {
  const entries = recordEntries(record)
  entries.set(index, date)
  return blockDatesRecord(entries) as BlockDatesRecord
}

/**
 * The dates of the entries the block being applied has logged so far. Its ops can name entries
 * logged earlier in the same block (an id is known once the block's position is), before the
 * record is written at the block's end. `set` takes the rollback hook of the op's transaction,
 * so a rejected op leaves no date behind.
 */
export class BlockDates {
  private readonly byIndex = new Map<number, string>()

  constructor (readonly writerHex: string, readonly seq: number) {}

  holds (writerHex: string, seq: number): boolean {
    return writerHex === this.writerHex && seq === this.seq
  }

  dateOf (index: number): string | null {
    return this.byIndex.get(index) ?? null
  }

  set (index: number, date: string, onRollback: (undo: () => void) => void): void {
    const before = this.byIndex.get(index)
    this.byIndex.set(index, date)
    onRollback(() => {
      if (before === undefined) this.byIndex.delete(index)
      else this.byIndex.set(index, before)
    })
  }

  record (): BlockDatesRecord | null {
    return blockDatesRecord(this.byIndex)
  }
}
