import { distribute } from './distribution.js'
import type { Credits } from './distribution.js'
import type { Entry } from './entries.js'
import type { Role } from './roles.js'
import { unitOf } from './rules.js'
import type { CapExcess, Rules } from './rules.js'
import { applyCap } from './cap.js'
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
  /** whether any of their credits had weight (false: a dater under `daterCredits: recorded`, a
   * supporter, a stage that pays nothing) */
  paid: boolean
  /** the participant's onboarding stage then (0: none) */
  stage: number
  /** the percentage of their credits that counted, per stream: 100, a stage's share, or 0 for
   * credits only recorded (historical: a dater's care, say) */
  shares: Record<Stream, number>
  /** credit-minutes per stream, late changes carried in included: exact integers as decimal
   * text (money credits make them pass 2^53). All of them, counted or only recorded. */
  credits: Record<Stream, string>
  /** minor units per stream, before the cap */
  amounts: Record<Stream, number>
  /** taken above the cap, and received of the others' excess (0 without a cap) */
  capped: number
  received: number
  /** the payout: the amounts − capped + received */
  total: number
}

/** The cap as a distribution applied it (docs/accounting.md, "A cap on one payout"). */
export interface CapRecord {
  /** minor units, in the statement's currency */
  amount: number
  excess: CapExcess
  /** everything taken above the cap */
  over: number
  /** what nobody under the cap could take, or all of it under `keep`: not paid out */
  kept: number
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
  /** every participant with credits, by name (then id): the payouts and cap.kept sum to the pool */
  lines: StatementLine[]
  /** the cap, when one applied (the rules name one in this currency); null otherwise */
  cap: CapRecord | null
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
  /** onboarding stage, 0 or absent: none */
  stage?: number
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
export function entryCredits (entry: CreditFields, rules: Rules, currency: string): bigint {
  if (entry.status !== 'active') return 0n
  if (rules.needsEndorsement && entry.endorsedBy.length === 0) return 0n
  let credits = BigInt(entry.minutes) * BigInt(rules.rate[entry.stream])
  if (entry.money !== null && entry.money.currency === currency && rules.moneyRate > 0) {
    // up to 10^15 minor units × 100,000: past 2^53, so exact only in BigInt
    credits += BigInt(entry.money.amount) * BigInt(rules.moneyRate) / 100n
  }
  return credits + outputCredits(entry, rules)
}

/** An entry's output in credit-minutes: floor(quantity × credits / per) of its unit; 0 when the
 * rules in force name no such unit (any more). */
export function outputCredits (entry: Pick<Entry, 'output'>, rules: Rules): bigint {
  if (entry.output === null || entry.output === undefined) return 0n
  const unit = unitOf(rules, entry.output.unit)
  if (unit === undefined) return 0n
  return BigInt(entry.output.quantity) * BigInt(unit.credits) / BigInt(unit.per)
}

/** What an entry earns credits by (entryCredits). */
export type CreditFields = Pick<Entry, 'status' | 'endorsedBy' | 'minutes' | 'stream' | 'money' | 'output'>

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

const NONE: Record<Stream, number> = { livelihood: 0, love: 0, care: 0 }
const ALL: Record<Stream, number> = { livelihood: 100, love: 100, care: 100 }

/**
 * The percentage of a participant's credits that counts in a distribution, per stream
 * (docs/accounting.md, "Onboarding stages" and "Care paid or recorded"): none for a supporter or
 * a dater under `daterCredits: recorded`; a dater's stage's shares (stage 1 when they have none,
 * the last stage past it) when the rules have stages; 0 for care the role only records.
 */
export function sharesOf (role: Role, stage: number, rules: Rules): Record<Stream, number> {
  if (!isPaid(role, rules)) return { ...NONE }
  const n = rules.stages.length
  const shares = role === 'dater' && n > 0 ? { ...rules.stages[Math.min(Math.max(stage, 1), n) - 1] as Record<Stream, number> } : { ...ALL }
  if (role !== 'supporter' && rules.care[role] === 'recorded') shares.care = 0
  return shares
}

/** Lines in a stable order people can read: by name, then by id (names need not be unique). */
function byName (a: StatementLine, b: StatementLine): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1
  return a.member < b.member ? -1 : a.member > b.member ? 1 : 0
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
 * The month's credits per member and stream, added up one entry at a time (computeStatement) or
 * from the running totals the view keeps (credit-totals.ts; apply: src/consensus/distribution-effect.ts).
 * The order they are added in does not matter: integer sums.
 */
export class MonthCredits {
  readonly perMember = new Map<string, StreamCredits>()
  /** entries that earned credits */
  counted = 0

  constructor (readonly rules: Rules, readonly currency: string) {}

  /** An entry of the month, by its author (the member) and what earns credits. */
  addEntry (member: string, entry: CreditFields): void {
    const n = entryCredits(entry, this.rules, this.currency)
    if (n > 0n) { this.add(member, entry.stream, n); this.counted++ }
  }

  /** Entries added up already (credit-totals.ts): their credits, and how many of them earned any. */
  addCounted (member: string, stream: Stream, credits: bigint, counted: number): void {
    if (credits > 0n) this.add(member, stream, credits)
    this.counted += counted
  }

  add (member: string, stream: Stream, n: bigint): void {
    const c = this.perMember.get(member)
    if (c === undefined) this.perMember.set(member, { ...noCredits(), [stream]: n })
    else c[stream] += n
  }
}

export type StatementResult =
  | { ok: true, streams: Record<Stream, number>, lines: StatementLine[], entries: number, cap: CapRecord | null }
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
  // by member id: nothing below may depend on the order the credits were added in (a batch's own
  // writes come after the stored ones: ViewTx.eachJson)
  for (const [member, c] of [...credits].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // a retraction carried in can take more than the month gave: credits never go below 0
    for (const s of STREAMS) if (c[s] < 0n) c[s] = 0n
    if (STREAMS.every(s => c[s] === 0n)) continue
    const p = who.get(member)
    const role: Role = p?.role ?? 'supporter'
    const stage = p?.stage ?? 0
    const shares = sharesOf(role, stage, input.rules)
    const line: StatementLine = {
      member, name: p?.name ?? member.slice(0, 8), role, paid: STREAMS.some(s => shares[s] > 0), stage, shares,
      credits: creditsText(c), amounts: zero(), capped: 0, received: 0, total: 0
    }
    weighed.push({ line, credits: c })
  }
  const lines = weighed.map(w => w.line).sort(byName)

  const paid: Credits[] = weighed.filter(w => w.line.paid).map(w => ({ member: w.line.member, credits: w.credits, shares: w.line.shares }))
  const d = distribute(BigInt(input.pool), input.rules, paid)
  if (d === null) return { ok: false, problem: effectFailed('nothing-to-distribute', { month: input.month }) }
  const lineOf = new Map(lines.map(l => [l.member, l]))
  for (const p of d.payouts) {
    const line = lineOf.get(p.member) as StatementLine
    for (const s of STREAMS) line.amounts[s] = Number(p.streams[s])
    line.total = Number(p.total)
  }
  const streams = zero()
  for (const s of STREAMS) streams[s] = Number(d.streams[s])
  return { ok: true, streams, lines, entries: counted, cap: capPayouts(d.payouts.map(p => lineOf.get(p.member) as StatementLine), input) }
}

/** The cap, when the rules name one in the distribution's currency: applied to the payouts (in
 * member id order, the order of its ties), its record for the statement. */
function capPayouts (paid: StatementLine[], input: Omit<StatementInput, 'entries'>): CapRecord | null {
  const { cap } = input.rules
  if (cap.amount === 0 || cap.currency !== input.currency) return null
  const r = applyCap(paid.map(l => BigInt(l.total)), BigInt(cap.amount), cap.excess)
  paid.forEach((l, i) => {
    l.capped = Number(r.capped[i])
    l.received = Number(r.received[i])
    l.total = Number(r.totals[i])
  })
  return { amount: cap.amount, excess: cap.excess, over: Number(r.over), kept: Number(r.kept) }
}
