import type { BeeReader } from 'hyperbee'
import { entriesBetween, getRules, getStatement, listStatements } from '../consensus/accounting-queries.js'
import { listMembers, resolveMember } from '../consensus/queries.js'
import { monthOfDay, parseMonth, today } from '../ledger/dates.js'
import type { Entry } from '../ledger/entries.js'
import type { Rules } from '../ledger/rules.js'
import { creditsText, entryCredits, isPaid, noCredits } from '../ledger/statement.js'
import type { StreamCredits } from '../ledger/statement.js'
import type { Stream } from '../ledger/streams.js'
import type { LedgerNode } from '../node/ledger-node.js'

export interface CreditsInput {
  /** YYYY-MM; this month when absent */
  month?: string
  /** name or id */
  member?: string
  /** every month, not one */
  lifetime?: boolean
}

export interface CreditsRow {
  member: string
  name: string
  /** whether these credits have weight in a distribution (the role, under the rules) */
  paid: boolean
  /** credit-minutes, exact integers as decimal text */
  credits: Record<Stream, string>
}

export interface CreditsOutput {
  /** YYYY-MM, or 'lifetime' */
  period: string
  /** 'statement': the month is distributed, these are the credits that counted; 'entries': computed now under rules `rulesVersion` */
  source: 'statement' | 'entries'
  rulesVersion: number
  /** the currency whose money earned credits (moneyRate), if any */
  currency: string | null
  rows: CreditsRow[]
}

/** The currency money credits are counted in outside a distribution: the latest statement's. */
export async function accountingCurrency (r: BeeReader): Promise<string | null> {
  return (await listStatements(r)).at(-1)?.currency ?? null
}

/** Credit-minutes per participant and stream, from entries under the rules in force. */
export function creditsOf (entries: Entry[], rules: Rules, currency: string | null): Map<string, StreamCredits> {
  const out = new Map<string, StreamCredits>()
  for (const e of entries) {
    const n = entryCredits(e, rules, currency ?? '')
    if (n === 0n) continue
    const c = out.get(e.member) ?? noCredits()
    c[e.stream] += n
    out.set(e.member, c)
  }
  return out
}

/** `disco credits`: what each participant's work earns, per stream, in credit-minutes. */
export async function credits (node: LedgerNode, input: CreditsInput): Promise<CreditsOutput> {
  const snap = node.snapshot()
  try {
    const month = input.lifetime === true ? null : input.month === undefined ? monthOfDay(today()) : parseMonth(input.month)
    const only = input.member === undefined ? null : (await resolveMember(snap, input.member)).id
    const members = await listMembers(snap)
    const { version, rules } = await getRules(snap)
    const statement = month === null ? null : await getStatement(snap, month)
    const keep = (id: string): boolean => only === null || id === only
    if (statement !== null) {
      return {
        period: statement.month,
        source: 'statement',
        rulesVersion: statement.rulesVersion,
        currency: statement.currency,
        rows: statement.lines.filter(l => keep(l.member)).map(l => ({ member: l.member, name: l.name, paid: l.paid, credits: l.credits }))
      }
    }
    const currency = await accountingCurrency(snap)
    const range = month === null ? { from: '0000', to: '9999' } : { from: month, to: month }
    const byMember = creditsOf(await entriesBetween(snap, range), rules, currency)
    const rows: CreditsRow[] = []
    for (const m of members) {
      const c = byMember.get(m.id)
      if (c === undefined || !keep(m.id)) continue
      rows.push({ member: m.id, name: m.name, paid: isPaid(m.role, rules), credits: creditsText(c) })
    }
    return { period: month ?? 'lifetime', source: 'entries', rulesVersion: version, currency, rows }
  } finally {
    await snap.close()
  }
}
