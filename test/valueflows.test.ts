import t from 'tap'
import b4a from 'b4a'
import jsonld from 'jsonld'
import { exportBooks } from '../src/commands/export.js'
import { report } from '../src/commands/report.js'
import { listRejections } from '../src/consensus/queries.js'
import { hoursText } from '../src/books/valueflows.js'
import { parseDate } from '../src/ledger/dates.js'
import { DEFAULT_RULES } from '../src/ledger/rules.js'
import type { DiscoNode } from '../src/node/node.js'
import { cooperative } from './helpers/coop.js'
import { contribution } from './helpers/ops.js'
import type { FakeWriter } from './helpers/ops.js'

/**
 * The ValueFlows export read by a real JSON-LD processor (jsonld.js): it expands with the embedded
 * context and a document loader that refuses every load (nothing is fetched), and its work, income
 * and payouts add up to what disco report says.
 */

const VF = 'https://w3id.org/valueflows/ont/vf#'
const OM2 = 'http://www.ontology-of-units-of-measure.org/resource/om-2/'
const XSD = 'http://www.w3.org/2001/XMLSchema#'
const TYPE = '@type'

type Expanded = Array<Record<string, Array<Record<string, unknown>>>>

const offline = async (url: string): Promise<never> => { throw new Error(`the export must need nothing from the network, but ${url} was loaded`) }

const one = (node: Record<string, Array<Record<string, unknown>>>, term: string): Record<string, unknown> => {
  const v = node[term]
  if (v === undefined || v.length !== 1) throw new Error(`${term}: ${JSON.stringify(v)}`)
  return v[0] as Record<string, unknown>
}
const id = (node: Record<string, Array<Record<string, unknown>>>, term: string): string => one(node, term)['@id'] as string
const value = (node: Record<string, unknown>, term: string): unknown => (node as Record<string, Array<Record<string, unknown>>>)[term]?.[0]?.['@value']

/** "1234.50" → 123450 at `exp` decimals, exactly. */
const minor = (text: string, exp: number): number => {
  const [w, f = ''] = text.split('.')
  return Number(`${w as string}${f.padEnd(exp, '0')}`)
}

t.test('hours to six places, rounded half up, each event\'s minutes recoverable', async t => {
  t.same([90, 20, 1, 60, 0, 44_640].map(hoursText), ['1.5', '0.333333', '0.016667', '1', '0', '744'])
  for (let m = 1; m <= 600; m++) t.equal(Math.round(Number(hoursText(m)) * 60), m, `${m} minutes`)
})

t.test('the ValueFlows export expands offline and its totals are disco report\'s', async t => {
  const { coop, members } = await cooperative(t, 2)
  const [ana, bo] = members as [FakeWriter, FakeWriter]
  const day = parseDate
  await coop.write(ana, [
    contribution({ stream: 'love', minutes: 90, day: day('2026-10-05'), project: 'Zine & "Co"' }),
    contribution({ stream: 'livelihood', minutes: 20, day: day('2026-10-06'), project: '', client: 'Acme', money: { amount: 12050, currency: 'EUR' } })
  ])
  const gone = await coop.write(bo, [contribution({ stream: 'care', careFor: 'collective', minutes: 600, day: day('2026-10-07') })])
  await coop.write(bo, [{ type: 'retract', target: gone, reason: 'twice' }])
  await coop.write(bo, [contribution({ stream: 'care', careFor: 'person', minutes: 45, day: day('2026-10-08'), description: 'listened' })])
  await coop.write(ana, [{ type: 'income', money: { amount: 250_000, currency: 'EUR' }, client: 'Acme Co-op', day: day('2026-10-20'), description: 'invoice 7', key: '' }])
  await coop.advance(Date.UTC(2026, 10, 2), members) // October is over on the ledger time: it can be distributed
  const p = await coop.propose(ana, { kind: 'distribute', month: '2026-10', pool: { amount: 100_000, currency: 'EUR' } })
  for (const m of members) if ((await coop.proposal(p)).status === 'open') await coop.vote(m, p, 'yes')
  t.same(await listRejections(coop.view), [], 'every op applied')

  const node = { snapshot: () => coop.view.snapshot(), key: b4a.alloc(32, 7) } as unknown as DiscoNode
  const r = await report(node, { by: 'member', from: '2026-10-01', to: '2026-11-30' })
  const out = await exportBooks(node, { format: 'valueflows', from: '2026-10-01', to: '2026-11-30' })
  t.equal(out.format, 'valueflows')
  const doc = JSON.parse(out.content) as Record<string, unknown>

  const expanded = await jsonld.expand(doc as jsonld.JsonLdDocument, { documentLoader: offline as never, safe: true } as jsonld.Options.Expand) as unknown as Expanded
  const events = expanded.filter(n => (n[TYPE] as unknown as string[] | undefined)?.includes(`${VF}EconomicEvent`))
  const work = events.filter(e => id(e, `${VF}action`) === `${VF}work`)
  const transfers = events.filter(e => id(e, `${VF}action`) === `${VF}transfer`)
  t.equal(work.length, r.total.entries, 'one work event per entry that counts (not the retracted one)')
  t.equal(out.work, work.length)

  // work per member: hours back to minutes, per event, and their sum is the report's
  const coopId = `urn:disco:coop:${'07'.repeat(32)}`
  for (const row of r.rows.filter(x => x.entries > 0)) {
    const mine = work.filter(e => id(e, `${VF}provider`) === `urn:disco:member:${row.key}`)
    let minutes = 0
    for (const e of mine) {
      const q = one(e, `${VF}effortQuantity`) as Record<string, Array<Record<string, unknown>>>
      t.equal(id(q, `${OM2}hasUnit`), `${OM2}hour`)
      t.equal(one(q, `${OM2}hasNumericalValue`)[TYPE], `${XSD}decimal`)
      minutes += Math.round(Number(value(q, `${OM2}hasNumericalValue`)) * 60)
      t.equal(id(e, `${VF}receiver`), coopId, 'the cooperative receives the work')
      t.equal(one(e, `${VF}hasPointInTime`)[TYPE], `${XSD}date`)
    }
    t.equal(minutes, row.minutes, `${row.label}: the events' hours are the report's ${row.minutes} minutes`)
  }
  const classes = work.flatMap(e => (e[`${VF}resourceClassifiedAs`] ?? []).map(c => c['@id']))
  t.ok(classes.includes('urn:disco:stream:love') && classes.includes(`urn:disco:project:${encodeURIComponent('Zine & "Co"')}`), 'the stream and the project classify the work')

  // money: income into the cooperative, payouts out of it
  const sum = (list: typeof transfers): number => list.reduce((n, e) => {
    const q = one(e, `${VF}resourceQuantity`) as Record<string, Array<Record<string, unknown>>>
    t.equal(id(q, `${OM2}hasUnit`), 'urn:iso:std:iso:4217:EUR')
    return n + minor(value(q, `${OM2}hasNumericalValue`) as string, 2)
  }, 0)
  const incoming = transfers.filter(e => id(e, `${VF}receiver`) === coopId)
  const outgoing = transfers.filter(e => id(e, `${VF}provider`) === coopId)
  t.equal(incoming.length + outgoing.length, transfers.length)
  t.same([sum(incoming), 'EUR'], [Number(r.total.income[0]?.amount), r.total.income[0]?.currency], 'income is the report\'s')
  t.same([sum(outgoing), 'EUR'], [Number(r.total.payouts[0]?.amount), r.total.payouts[0]?.currency], 'payouts are the report\'s')
  for (const row of r.rows.filter(x => x.payouts.length > 0)) {
    t.equal(sum(outgoing.filter(e => id(e, `${VF}receiver`) === `urn:disco:member:${row.key}`)), Number(row.payouts[0]?.amount), `${row.label}'s payout`)
  }

  // the agents are named
  const agents = expanded.filter(n => !(n[TYPE] as unknown as string[] | undefined)?.includes(`${VF}EconomicEvent`))
  t.ok(agents.some(a => value(a, 'http://xmlns.com/foaf/0.1/name') === 'Acme Co-op'), 'the client is an agent')

  // a document that needs a remote context is refused by the same loader: the test can fail
  await t.rejects(jsonld.expand({ '@context': 'https://w3id.org/valueflows/context.jsonld', name: 'x' } as jsonld.JsonLdDocument, { documentLoader: offline as never } as jsonld.Options.Expand))
})
