import { distribute } from './distribution.js'
import type { Credits } from './distribution.js'
import type { Entry } from './entries.js'
import type { Role } from './roles.js'
import type { Rules } from './rules.js'
import { STREAMS } from './streams.js'
import { effectFailed } from './governance.js'
import type { Outcome } from './governance.js'
import type { Stream } from './streams.js'

/**
 * A month's distribution statement (docs/accounting.md): computed once, in apply, when a
 * `distribute` proposal passes, and never changed after but for its payment record. Pure and
 * integer-only: the same ledger gives every node the same bytes.
 */
export interface StatementLine {
  member: string
  /** the participant's name and role when the month was distributed */
  name: string
  role: Role
  /** whether their credits had weight (false: a dater under `daterCredits: recorded`, a supporter) */
  paid: boolean
  /** credit-minutes per stream that counted, late changes carried in included: exact integers as
   * decimal text (money credits make them pass 2^53) */
  credits: Record<Stream, string>
  /** minor units per stream */
  amounts: Record<Stream, number>
  total: number
}

export interface Payment {
  /** the member who recorded the payment */
  by: string
  /** the day it was paid, YYYY-MM-DD */
  date: string
  reference: string
  /** the `paid` op */
  op: string
  at: number
}

export interface Statement {
  month: string
  currency: string
  /** minor units */
  pool: number
  rulesVersion: number
  /** the `distribute` proposal, and the op whose vote or close decided it */
  proposal: string
  decidedBy: string
  /** ledger time of that op */
  closedAt: number
  /** what each stream received of the pool */
  streams: Record<Stream, number>
  /** every participant with credits, by member id */
  lines: StatementLine[]
  /** how many of the month's entries earned credits */
  entries: number
  /** the late changes (to earlier distributed months) this statement counted or settled */
  carried: string[]
  paid: Payment | null
}

/** Who a participant was when the month is distributed. */
export interface Participant {
  id: string
  name: string
  role: Role
}

/** One credit change that reaches a distribution from outside its month: a late change carried in. */
export interface CreditDelta {
  member: string
  stream: Stream
  /** exact integer credit-minutes as decimal text, negative for credits taken away */
  credits: string
}

/**
 * The credit-minutes one entry earns (docs/accounting.md, "What earns credits"): 0 unless it is
 * active, and endorsed where the rules require it; minutes × rate, plus, for money earned in the
 * distribution's currency, floor(amount × moneyRate / 100).
 */
export function entryCredits (entry: Pick<Entry, 'status' | 'endorsedBy' | 'minutes' | 'stream' | 'money'>, rules: Rules, currency: string): bigint {
  if (entry.status !== 'active') return 0n
  if (rules.needsEndorsement && entry.endorsedBy.length === 0) return 0n
  let credits = BigInt(entry.minutes) * BigInt(rules.rate[entry.stream])
  if (entry.money !== null && entry.money.currency === currency && rules.moneyRate > 0) {
    // up to 10^15 minor units × 100,000: past 2^53, so exact only in BigInt
    credits += BigInt(entry.money.amount) * BigInt(rules.moneyRate) / 100n
  }
  return credits
}

/** Credits per stream, exact. */
export type StreamCredits = Record<Stream, bigint>

export function noCredits (): StreamCredits {
  return { livelihood: 0n, love: 0n, care: 0n }
}

/** Credits as the view and the commands write them: exact integers as decimal text. */
export function creditsText (c: StreamCredits): Record<Stream, string> {
  return { livelihood: c.livelihood.toString(), love: c.love.toString(), care: c.care.toString() }
}

/** Whether a participant's credits have weight in a distribution under these rules. */
export function isPaid (role: Role, rules: Rules): boolean {
  if (role === 'member' || role === 'contributor') return true
  if (role === 'dater') return rules.daterCredits === 'paid'
  return false
}

export interface StatementInput {
  month: string
  currency: string
  pool: number
  rules: Rules
  rulesVersion: number
  participants: Participant[]
  /** the entries dated in the month (any order; inactive ones earn nothing) */
  entries: Iterable<Entry>
  /** credit changes carried in from late changes to earlier statements */
  carried: CreditDelta[]
}

/**
 * The month's credits per member and stream, added up one entry at a time, so that a month of any
 * size is counted as it is read (apply: src/consensus/distribution-effect.ts) and never held.
 * The order entries are added in does not matter: integer sums.
 */
export class MonthCredits {
  readonly perMember = new Map<string, StreamCredits>()
  /** entries that earned credits */
  counted = 0

  constructor (private readonly rules: Rules, private readonly currency: string) {}

  /** An entry of the month, by its author (the member) and what earns credits. */
  addEntry (member: string, entry: Pick<Entry, 'status' | 'endorsedBy' | 'minutes' | 'stream' | 'money'>): void {
    const n = entryCredits(entry, this.rules, this.currency)
    if (n > 0n) { this.add(member, entry.stream, n); this.counted++ }
  }

  add (member: string, stream: Stream, n: bigint): void {
    const c = this.perMember.get(member)
    if (c === undefined) this.perMember.set(member, { ...noCredits(), [stream]: n })
    else c[stream] += n
  }
}

export type StatementResult =
  | { ok: true, streams: Record<Stream, number>, lines: StatementLine[], entries: number }
  | { ok: false, problem: Outcome }

const zero = (): Record<Stream, number> => ({ livelihood: 0, love: 0, care: 0 })

/** The money part of a statement: credits per participant and stream, then the split. */
export function computeStatement (input: StatementInput): StatementResult {
  const month = new MonthCredits(input.rules, input.currency)
  for (const e of input.entries) month.addEntry(e.member, e)
  const { entries: _, ...rest } = input
  return statementOf(rest, month)
}

/** The same, from the month's credits already added up (MonthCredits). */
export function statementOf (input: Omit<StatementInput, 'entries'>, month: MonthCredits): StatementResult {
  const credits = month.perMember
  const counted = month.counted
  for (const d of input.carried) month.add(d.member, d.stream, BigInt(d.credits))

  const who = new Map(input.participants.map(p => [p.id, p]))
  const weighed: Array<{ line: StatementLine, credits: StreamCredits }> = []
  for (const [member, c] of credits) {
    // a retraction carried in can take more than the month gave: credits never go below 0
    for (const s of STREAMS) if (c[s] < 0n) c[s] = 0n
    if (STREAMS.every(s => c[s] === 0n)) continue
    const p = who.get(member)
    const role: Role = p?.role ?? 'supporter'
    const line = { member, name: p?.name ?? member.slice(0, 8), role, paid: isPaid(role, input.rules), credits: creditsText(c), amounts: zero(), total: 0 }
    weighed.push({ line, credits: c })
  }
  weighed.sort((a, b) => (a.line.member < b.line.member ? -1 : a.line.member > b.line.member ? 1 : 0))
  const lines = weighed.map(w => w.line)

  const paid: Credits[] = weighed.filter(w => w.line.paid).map(w => ({ member: w.line.member, credits: w.credits }))
  const d = distribute(BigInt(input.pool), input.rules, paid)
  if (d === null) return { ok: false, problem: effectFailed('nothing-to-distribute', { month: input.month }) }
  for (const p of d.payouts) {
    const line = lines.find(l => l.member === p.member) as StatementLine
    for (const s of STREAMS) line.amounts[s] = Number(p.streams[s])
    line.total = Number(p.total)
  }
  const streams = zero()
  for (const s of STREAMS) streams[s] = Number(d.streams[s])
  return { ok: true, streams, lines, entries: counted }
}
