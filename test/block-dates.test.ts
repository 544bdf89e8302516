import t from 'tap'
import fc from 'fast-check'
import { holds } from './helpers/seeds.js'
import { BlockDates, blockDatesRecord, dateAt, movedDate, recordEntries } from '../src/consensus/block-dates.js'

const date = fc.constantFrom('2026-10-01', '2026-10-02', '2026-11-30', '2027-01-01')
const entries = fc.array(fc.tuple(fc.nat(1023), date), { maxLength: 60 }).map(pairs => new Map(pairs))

t.test('a block\'s dates record gives each index its date, and null where the op logged no entry', async t => {
  const record = blockDatesRecord(new Map([[0, '2026-10-02'], [2, '2026-10-01'], [3, '2026-10-02']]))
  t.same(record, { dates: ['2026-10-02', '2026-10-01'], at: [0, null, 1, 0] }, 'each date once, in the order of first use')
  if (record === null) return
  t.equal(dateAt(record, 0), '2026-10-02')
  t.equal(dateAt(record, 1), null, 'an op between entries')
  t.equal(dateAt(record, 2), '2026-10-01')
  t.equal(dateAt(record, 4), null, 'past the last entry')
  t.equal(blockDatesRecord(new Map()), null, 'a block with no entries has no record')
})

t.test('the record depends on the entries only, never on the order they were set in', async t => {
  await holds(t, 'the same record both ways, and it gives the entries back', fc.property(entries, byIndex => {
    const reversed = new Map([...byIndex].reverse())
    const a = JSON.stringify(blockDatesRecord(byIndex))
    return a === JSON.stringify(blockDatesRecord(reversed)) && (byIndex.size === 0 || JSON.stringify([...recordEntries(JSON.parse(a))].sort()) === JSON.stringify([...byIndex].sort()))
  }), 300, [20261206])
})

t.test('moving an entry to another date changes its index only, and leaves no unused date', async t => {
  const record = blockDatesRecord(new Map([[0, '2026-10-01'], [1, '2026-10-02']]))
  if (record === null) return t.fail('no record')
  const moved = movedDate(record, 0, '2026-11-30')
  t.same(moved, { dates: ['2026-11-30', '2026-10-02'], at: [0, 1] })
  t.same(record.at, [0, 1], 'the old record is not changed')
  t.same(movedDate(moved, 0, '2026-10-01'), record, 'moved back, the record is what it was')
})

t.test('the block being applied: a rolled-back op leaves no date behind', async t => {
  const block = new BlockDates('ab'.repeat(32), 7)
  t.ok(block.holds('ab'.repeat(32), 7))
  t.notOk(block.holds('ab'.repeat(32), 8))
  const undo: Array<() => void> = []
  block.set(0, '2026-10-01', fn => undo.push(fn))
  block.set(1, '2026-10-02', fn => undo.push(fn))
  block.set(0, '2026-11-30', fn => undo.push(fn))
  t.equal(block.dateOf(0), '2026-11-30')
  for (const fn of undo.splice(1).reverse()) fn()
  t.equal(block.dateOf(0), '2026-10-01', 'the move undone')
  t.equal(block.dateOf(1), null, 'the second entry undone')
  t.same(block.record(), { dates: ['2026-10-01'], at: [0] })
})
