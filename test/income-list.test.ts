import t from 'tap'
import b4a from 'b4a'
import type { BeeNode, BeeReader, RangeOptions } from 'hyperbee'
import { listIncome } from '../src/consensus/accounting-queries.js'
import { canonicalBytes } from '../src/consensus/canonical-json.js'
import { indexKey, keys } from '../src/consensus/view-layout.js'
import type { IncomeRecord } from '../src/ledger/income.js'
import { prng } from '../bench/prng.js'
import { seeds } from './helpers/seeds.js'

/** A view in memory, keys in byte order, that counts its point lookups. */
class MapView implements BeeReader {
  lookups = 0
  private readonly rows: BeeNode[]

  constructor (values: Map<string, unknown>) {
    this.rows = [...values].sort((a, b) => b4a.compare(b4a.from(a[0]), b4a.from(b[0])))
      .map(([key, value], seq) => ({ key, value: Buffer.from(canonicalBytes(value)), seq }))
  }

  async get (key: string): Promise<BeeNode | null> {
    this.lookups++
    return this.rows.find(r => r.key === key) ?? null
  }

  async * createReadStream (range: RangeOptions = {}): AsyncIterable<BeeNode> {
    for (const r of this.rows) {
      if ((range.gt !== undefined && !(r.key > range.gt)) || (range.gte !== undefined && !(r.key >= range.gte))) continue
      if ((range.lt !== undefined && !(r.key < range.lt)) || (range.lte !== undefined && !(r.key <= range.lte))) continue
      yield r
    }
  }
}

/** `count` income records as apply writes them: the record under its id, the index key under its date. */
function ledger (seed: number, count: number): { view: MapView, records: IncomeRecord[] } {
  const random = prng(seed)
  const values = new Map<string, unknown>()
  const records: IncomeRecord[] = []
  for (let i = 0; i < count; i++) {
    const writer = ['aa', 'b0', '3f'][Math.floor(random() * 3)]!.repeat(32)
    const id = `${writer}-${Math.floor(random() * 5000)}-${i}`
    const date = `2026-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`
    const rec: IncomeRecord = { id, by: writer, date, amount: 100 + i, currency: 'EUR', client: `c${i % 7}`, description: `invoice ${i}`, key: '', time: i }
    values.set(keys.income(id), rec)
    values.set(indexKey('income', date, id), 1)
    records.push(rec)
  }
  // other keys around income's: a range that strays into them would show
  values.set('iidem/x/y', { id: 'not income' })
  values.set('incomf', 1)
  return { view: new MapView(values), records }
}

/** what the index says: the records dated in [from, to], by date then id */
function expected (records: IncomeRecord[], from: string, to: string): string[] {
  return records.filter(r => r.date >= from && r.date < to + '\xff').map(r => `${r.date}/${r.id}`).sort()
}

t.test('income of a range: the index order, from a range read once the range holds many records', async t => {
  for (const seed of seeds(t, [7, 1209])) {
    const { view, records } = ledger(seed, 3000)
    for (const [from, to] of [['0000-00-00', '9999-99-99'], ['2026-03-01', '2026-08-31'], ['2026-05', '2026-05'], ['2026-02-14', '2026-02-14']] as const) {
      view.lookups = 0
      const got = await listIncome(view, { from, to })
      const want = expected(records, from, to)
      t.same(got.map(r => `${r.date}/${r.id}`), want, `seed ${seed}: ${from} … ${to}, ${want.length} records in the index's order`)
      t.same(got, got.map(r => records.find(x => x.id === r.id)), `seed ${seed}: whole records`)
      // many records: no point lookup per record; few: a lookup each is cheaper than reading all
      if (want.length > 1000) t.equal(view.lookups, 0, `seed ${seed}: ${want.length} records without a point lookup each`)
      else t.equal(view.lookups, want.length, `seed ${seed}: ${want.length} records looked up`)
    }
  }
})
