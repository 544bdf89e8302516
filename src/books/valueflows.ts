import { createHash } from 'node:crypto'
import { formatAmount } from '../ledger/currency.js'
import { lastDayOfPeriod } from '../ledger/periods.js'
import type { Entry } from '../ledger/entries.js'
import type { IncomeRecord } from '../ledger/income.js'
import type { Statement } from '../ledger/statement.js'

/**
 * The ledger as ValueFlows (REA) economic events, in JSON-LD (docs/valueflows.md): each active work
 * entry is an EconomicEvent with action `work` from the member to the cooperative, its effort in
 * hours; each income a `transfer` from the client to the cooperative; each payout of a distribution
 * a `transfer` from the cooperative to the member. The context is embedded, so a JSON-LD processor
 * needs nothing from the network to read it. Pure: the same ledger gives the same document.
 */

/** The embedded context: ValueFlows terms, OM 2 units and measures, FOAF agents. */
export const VALUEFLOWS_CONTEXT = {
  vf: 'https://w3id.org/valueflows/ont/vf#',
  om2: 'http://www.ontology-of-units-of-measure.org/resource/om-2/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  EconomicEvent: 'vf:EconomicEvent',
  Measure: 'om2:Measure',
  Person: 'foaf:Person',
  Organization: 'foaf:Organization',
  name: 'foaf:name',
  action: { '@id': 'vf:action', '@type': '@id' },
  provider: { '@id': 'vf:provider', '@type': '@id' },
  receiver: { '@id': 'vf:receiver', '@type': '@id' },
  inScopeOf: { '@id': 'vf:inScopeOf', '@type': '@id' },
  effortQuantity: 'vf:effortQuantity',
  resourceQuantity: 'vf:resourceQuantity',
  resourceClassifiedAs: { '@id': 'vf:resourceClassifiedAs', '@type': '@id', '@container': '@set' },
  hasPointInTime: { '@id': 'vf:hasPointInTime', '@type': 'xsd:date' },
  note: 'vf:note',
  hasNumericalValue: { '@id': 'om2:hasNumericalValue', '@type': 'xsd:decimal' },
  hasUnit: { '@id': 'om2:hasUnit', '@type': '@id' },
  minutes: { '@id': 'urn:disco:term:minutes', '@type': 'xsd:integer' }
} as const

export interface ValueFlowsInput {
  /** the ledger's key (hex): the cooperative's IRI */
  ledger: string
  coopName: string
  members: Array<{ id: string, name: string }>
  /** the entries dated in the period (inactive ones are left out) */
  entries: Entry[]
  income: IncomeRecord[]
  /** the statements whose month's last day is in the period, as disco report counts payouts */
  statements: Statement[]
}

type Node = Record<string, unknown>

const HOUR = 'om2:hour'
/** ISO 4217 codes as URNs (RFC 5141 names ISO standards): OM 2 has units for only a few currencies. */
const currencyUnit = (code: string): string => `urn:iso:std:iso:4217:${code}`
const hash = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16)

/**
 * Minutes as decimal hours, to six places: 90 → "1.5", 20 → "0.333333". Six places keep every
 * event's minutes recoverable (round(hours × 60)); the exact minutes are also given (`minutes`).
 */
export function hoursText (minutes: number): string {
  const micro = (BigInt(minutes) * 1_000_000n * 2n + 60n) / 120n // rounded half up
  const whole = micro / 1_000_000n
  const frac = (micro % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '')
  return frac === '' ? whole.toString() : `${whole.toString()}.${frac}`
}

export function valueFlowsDocument (input: ValueFlowsInput): Record<string, unknown> {
  const coop = `urn:disco:coop:${input.ledger}`
  const member = (id: string): string => `urn:disco:member:${id}`
  const names = new Map(input.members.map(m => [m.id, m.name]))
  const graph: Node[] = [{ '@id': coop, '@type': 'Organization', name: input.coopName }]
  const agents = new Set<string>()
  const agent = (id: string, type: 'Person' | 'Organization', name: string): string => {
    if (!agents.has(id)) {
      agents.add(id)
      graph.push({ '@id': id, '@type': type, name })
    }
    return id
  }
  for (const m of input.members) agent(member(m.id), 'Person', m.name)

  for (const e of input.entries) {
    if (e.status !== 'active') continue
    const classes = [`urn:disco:stream:${e.stream}`]
    if (e.project !== '') classes.push(`urn:disco:project:${encodeURIComponent(e.project)}`)
    const event: Node = {
      '@id': `urn:disco:entry:${e.id}`,
      '@type': 'EconomicEvent',
      action: 'vf:work',
      provider: agent(member(e.member), 'Person', names.get(e.member) ?? e.member.slice(0, 8)),
      receiver: coop,
      inScopeOf: coop,
      effortQuantity: { '@type': 'Measure', hasNumericalValue: hoursText(e.minutes), hasUnit: HOUR },
      minutes: e.minutes,
      hasPointInTime: e.date,
      resourceClassifiedAs: classes
    }
    if (e.description !== '') event.note = e.description
    graph.push(event)
  }

  for (const i of input.income) {
    const client = agent(`urn:disco:client:${hash(i.client)}`, 'Organization', i.client)
    const event: Node = {
      '@id': `urn:disco:income:${i.id}`,
      '@type': 'EconomicEvent',
      action: 'vf:transfer',
      provider: client,
      receiver: coop,
      inScopeOf: coop,
      resourceQuantity: { '@type': 'Measure', hasNumericalValue: formatAmount({ amount: i.amount, currency: i.currency }), hasUnit: currencyUnit(i.currency) },
      hasPointInTime: i.date
    }
    if (i.description !== '') event.note = i.description
    graph.push(event)
  }

  for (const s of input.statements) {
    const paid = s.paid === null ? 'not paid yet' : `paid ${s.paid.date}${s.paid.reference === '' ? '' : `, reference ${s.paid.reference}`}`
    for (const l of s.lines) {
      if (l.total <= 0) continue
      graph.push({
        '@id': `urn:disco:payout:${s.month}:${l.member}`,
        '@type': 'EconomicEvent',
        action: 'vf:transfer',
        provider: coop,
        receiver: agent(member(l.member), 'Person', names.get(l.member) ?? l.name),
        inScopeOf: coop,
        resourceQuantity: { '@type': 'Measure', hasNumericalValue: formatAmount({ amount: l.total, currency: s.currency }), hasUnit: currencyUnit(s.currency) },
        hasPointInTime: lastDayOfPeriod(s.month),
        note: `distribution ${s.month} (rules v${s.rulesVersion}), ${paid}`
      })
    }
  }
  return { '@context': VALUEFLOWS_CONTEXT, '@graph': graph }
}
