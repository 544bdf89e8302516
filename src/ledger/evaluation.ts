import type { Entry } from './entries.js'
import { periodEndTime, periodStartTime } from './periods.js'
import type { Role } from './roles.js'
import { VALUE_ROLES } from './rules.js'
import type { Rules, ValueRole } from './rules.js'
import { creditsText, entryCredits, noCredits } from './statement.js'
import type { StreamCredits } from './statement.js'
import { STREAMS } from './streams.js'
import type { Stream } from './streams.js'

/**
 * The evaluation of a period against the quotas (docs/accounting.md, "Evaluation"): each
 * participant's credits over the period (every stream, counted or only recorded: a quota measures
 * the work done, not what it is paid) against their role's quota, who is short and by how much.
 * Pure: from the view's entries, members, rules and ledger time, so every node computes the same.
 */
export interface EvaluationRow {
  member: string
  name: string
  role: Role
  /** credit-minutes: exact integers as decimal text */
  quota: string
  credits: string
  byStream: Record<Stream, string>
  /** what is missing to the quota (0 when met) */
  short: string
  met: boolean
  /** while the period runs: the credits an even pace reaches by now (null once it is over) */
  expected: string | null
  /** below that pace, once a third of the period has passed */
  behind: boolean
}

export type PeriodState = 'over' | 'running' | 'ahead'

export interface Evaluation {
  period: string
  state: PeriodState
  /** thousandths of the period passed on the ledger time (0 to 1000) */
  elapsed: number
  rows: EvaluationRow[]
}

export interface EvaluationInput {
  period: string
  rules: Rules
  participants: Array<{ id: string, name: string, role: Role, removed: boolean }>
  /** the entries dated in the period (any order; inactive ones earn nothing) */
  entries: Entry[]
  /** the currency whose money earns credits (moneyRate), if any */
  currency: string | null
  /** the ledger time */
  now: number
}

/** A member is noted as behind only once this much of the period has passed (thousandths): before, a pace says little. */
export const BEHIND_FROM = 333

const isValueRole = (role: Role): role is ValueRole => (VALUE_ROLES as readonly string[]).includes(role)

export function evaluate (input: EvaluationInput): Evaluation {
  const start = periodStartTime(input.period)
  const end = periodEndTime(input.period)
  const state: PeriodState = input.now >= end ? 'over' : input.now < start ? 'ahead' : 'running'
  const elapsed = state === 'over' ? 1000 : state === 'ahead' ? 0 : Math.floor((input.now - start) * 1000 / (end - start))

  const credits = new Map<string, StreamCredits>()
  for (const e of input.entries) {
    const n = entryCredits(e, input.rules, input.currency ?? '')
    if (n === 0n) continue
    const c = credits.get(e.member) ?? noCredits()
    c[e.stream] += n
    credits.set(e.member, c)
  }

  const rows: EvaluationRow[] = []
  for (const p of input.participants) {
    if (p.removed || !isValueRole(p.role)) continue
    const quota = BigInt(input.rules.quota.credits[p.role])
    const c = credits.get(p.id) ?? noCredits()
    const total = STREAMS.reduce((sum, s) => sum + c[s], 0n)
    const short = total >= quota ? 0n : quota - total
    // even pace: quota × (now − start) / length, in whole credit-minutes (floor)
    const expected = state === 'over' ? null : quota * BigInt(Math.max(0, input.now - start)) / BigInt(end - start)
    rows.push({
      member: p.id,
      name: p.name,
      role: p.role,
      quota: quota.toString(),
      credits: total.toString(),
      byStream: creditsText(c),
      short: short.toString(),
      met: short === 0n,
      expected: expected === null ? null : expected.toString(),
      behind: state === 'running' && elapsed >= BEHIND_FROM && expected !== null && total < expected
    })
  }
  rows.sort((a, b) => a.name !== b.name ? (a.name < b.name ? -1 : 1) : (a.member < b.member ? -1 : a.member > b.member ? 1 : 0))
  return { period: input.period, state, elapsed, rows }
}
