import t from 'tap'
import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import { holds } from './helpers/seeds.js'
import { entryFromKey, entryFromRecord, entryRecord } from '../src/consensus/entry-record.js'
import { keys } from '../src/consensus/view-layout.js'
import type { Entry } from '../src/ledger/entries.js'
import { CARE_TARGETS, STREAMS } from '../src/ledger/streams.js'

const hex = fc.stringMatching(/^[0-9a-f]{64}$/)
const text = fc.string({ maxLength: 20 })

/** any entry, written by `writer`: the member is that writer or another member */
const entryArb = fc.record({ writer: hex, other: hex, ownDevice: fc.boolean(), seq: fc.nat(1000), index: fc.nat(999) }).chain(w => fc.record({
  id: fc.constant(`${w.writer}-${w.seq}-${w.index}`),
  member: fc.constant(w.ownDevice ? w.writer : w.other),
  device: fc.constant(w.writer),
  time: fc.nat(),
  stream: fc.constantFrom(...STREAMS),
  minutes: fc.integer({ min: 1, max: 1440 }),
  date: fc.constantFrom('2026-01-31', '2026-11-03'),
  description: text,
  project: fc.oneof(fc.constant(''), text),
  tags: fc.array(text, { maxLength: 3 }),
  client: fc.oneof(fc.constant(''), text),
  commons: fc.oneof(fc.constant(''), text),
  careFor: fc.constantFrom(null, ...CARE_TARGETS),
  money: fc.option(fc.record({ amount: fc.nat(), currency: fc.constantFrom('EUR', 'JPY') }), { nil: null }),
  key: fc.oneof(fc.constant(''), text),
  output: fc.option(fc.record({ unit: fc.string({ minLength: 1, maxLength: 12 }), quantity: fc.integer({ min: 1, max: 1_000_000 }) }), { nil: null }),
  status: fc.constantFrom('active' as const, 'retracted' as const),
  amends: fc.nat(5),
  lastAmend: fc.option(text, { nil: null }),
  retractReason: fc.oneof(fc.constant(''), text),
  endorsedBy: fc.array(hex, { maxLength: 2 })
}).map(e => ({ ...e }) as Entry).chain(e => fc.option(text, { nil: undefined }).map(forCoop => (forCoop === undefined ? e : { ...e, forCoop }))))

t.test('an entry comes back from its stored record whole, whatever it holds', async t => {
  await holds(t, 'an entry comes back whole from its id, date and record', fc.property(entryArb, entry => isDeepStrictEqual(entryFromRecord(entry.id, entry.date, entryRecord(entry)), entry)), 500, [20261206])
  await holds(t, 'an entry comes back whole from its key and record', fc.property(entryArb, entry => isDeepStrictEqual(entryFromKey(keys.entry(entry.date, entry.id), entryRecord(entry)), entry)), 500, [20261207])
})

t.test('the record leaves out what the key says and the defaults', async t => {
  const writer = 'ab'.repeat(32)
  const entry = entryFromRecord(`${writer}-4-2`, '2026-11-03', { minutes: 30, stream: 'love', description: 'x', time: 1 })
  t.equal(entry.device, writer, 'the device is the id\'s writer')
  t.equal(entry.member, writer, 'and so is the member, when the record names none')
  t.equal(entry.date, '2026-11-03', 'the date is the key\'s')
  t.same(entryRecord(entry), { minutes: 30, stream: 'love', description: 'x', time: 1 })
  const someoneElse = { ...entry, member: 'cd'.repeat(32), endorsedBy: ['ef'.repeat(32)], status: 'retracted' as const }
  t.same(entryRecord(someoneElse), { minutes: 30, stream: 'love', description: 'x', time: 1, member: 'cd'.repeat(32), endorsedBy: ['ef'.repeat(32)], status: 'retracted' })
})

t.test('fresh default arrays: changing one entry\'s tags does not reach the next', async t => {
  const id = `${'ab'.repeat(32)}-1-0`
  const a = entryFromRecord(id, '2026-11-03', {})
  a.tags.push('x')
  a.endorsedBy.push('y')
  const b = entryFromRecord(id, '2026-11-03', {})
  t.same(b.tags, [])
  t.same(b.endorsedBy, [])
})
