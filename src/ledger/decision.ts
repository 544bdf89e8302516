/**
 * Decision types (docs/governance.md, "Decision types"): how a proposal is decided. A proposal
 * that states none is decided by the majority rule with lazy consensus and blocks (governance.ts);
 * one that states a type is decided by that type's rule (decide-advice.ts, decide-consent.ts,
 * decide-poll.ts). Pure: what a proposal says and what a ballot says, checked without the ledger.
 */
import { DiscoError } from '../errors.js'
import type { FieldReason } from '../error-messages.js'

/** The order is the wire tag: append, never reorder. The majority rule has no tag: it is what a
 * proposal without a decision type gets. */
export const DECISION_TYPES = ['advice', 'consent', 'score', 'ranked', 'dots'] as const
export type DecisionType = typeof DECISION_TYPES[number]

/** The types whose voters fill in a ballot over the proposal's options instead of voting. */
export const POLL_TYPES = ['score', 'ranked', 'dots'] as const satisfies readonly DecisionType[]
export type PollType = typeof POLL_TYPES[number]

export function isPoll (type: DecisionType): type is PollType {
  return (POLL_TYPES as readonly string[]).includes(type)
}

/** What a proposal says about how it is decided. */
export interface DecisionSpec {
  type: DecisionType
  /** the options of a poll, in the proposer's order (which breaks ties); [] for advice and consent */
  options: string[]
  /** score: the highest score a voter may give an option; dots: the dots each voter has to spread;
   * 0 for the other types */
  budget: number
}

/** The range of a poll's budget, by type. */
export const BUDGET_RANGE: Readonly<Record<PollType, { min: number, max: number, default: number }>> = {
  score: { min: 1, max: 10, default: 5 },
  ranked: { min: 0, max: 0, default: 0 },
  dots: { min: 1, max: 100, default: 10 }
}

/** Which proposal kinds a type may decide. The advice process lets one person (the proposer)
 * decide, and a poll picks an option, not yes or no: both are for motions only, so neither can
 * change who holds rights in the ledger. Consent decides any kind. */
export function typeDecidesKind (type: DecisionType, kind: string): boolean {
  return type === 'consent' || kind === 'motion'
}

/**
 * Why a ballot does not fit its poll, or null. A ballot is a list of whole numbers:
 * - score: one score per option, in the options' order, each 0 to the budget;
 * - dots: one count of dots per option, each 0 or more, together 1 to the budget;
 * - ranked: the options' indexes (0 = the first option) in order of preference, best first: at
 *   least one, each at most once (options left out are ranked below every ranked one).
 */
export function ballotProblem (d: DecisionSpec, values: readonly number[]): { reason: FieldReason, max?: number } | null {
  const n = d.options.length
  if (values.some(v => !Number.isSafeInteger(v) || v < 0)) return { reason: 'ballot-whole' }
  switch (d.type) {
    case 'score':
      if (values.length !== n) return { reason: 'ballot-length', max: n }
      if (values.some(v => v > d.budget)) return { reason: 'ballot-score', max: d.budget }
      return null
    case 'dots': {
      if (values.length !== n) return { reason: 'ballot-length', max: n }
      const sum = values.reduce((a, b) => a + b, 0)
      if (sum < 1 || sum > d.budget) return { reason: 'ballot-dots', max: d.budget }
      return null
    }
    case 'ranked': {
      if (values.length < 1 || values.length > n) return { reason: 'ballot-ranks', max: n }
      if (values.some(v => v >= n)) return { reason: 'ballot-option', max: n }
      if (new Set(values).size !== values.length) return { reason: 'ballot-rank-twice' }
      return null
    }
    default:
      return { reason: 'ballot-not-poll' }
  }
}

/** The ballot checked against its poll, as a DiscoError naming the problem. */
export function checkBallot (d: DecisionSpec, values: readonly number[]): void {
  const problem = ballotProblem(d, values)
  if (problem !== null) throw DiscoError.invalidField('ballot', problem.reason, problem.max !== undefined ? { max: problem.max } : {})
}
