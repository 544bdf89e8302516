import type { DecisionReason, EffectReason, ErrorParams } from '../error-messages.js'

/**
 * How a proposal is decided (docs/governance.md, with its truth table). Pure: apply calls it
 * with the binding votes counted at that point of the ledger and the number of participants
 * whose vote binds, after every vote and at a close.
 */
export const CHOICES = ['yes', 'no', 'abstain', 'block'] as const
export type Choice = typeof CHOICES[number]

/** The order is the wire tag: append, never reorder. */
export const PROPOSAL_KINDS = ['admit', 'role', 'remove', 'indexers', 'protocol', 'motion', 'rules', 'distribute',
  'federate', 'unfederate', 'trust', 'checkins', 'deliberation', 'mirrors', 'onboarding'] as const
export type ProposalKind = typeof PROPOSAL_KINDS[number]

/** Who a proposal asks: the members (the default), or all constituents (supporters vote too). */
export const AUDIENCES = ['members', 'all'] as const
export type Audience = typeof AUDIENCES[number]

export type ProposalStatus = 'open' | 'passed' | 'failed' | 'blocked'

export interface Tally {
  yes: number
  no: number
  abstain: number
  block: number
}

export function emptyTally (): Tally {
  return { yes: 0, no: 0, abstain: 0, block: 0 }
}

/**
 * Why a proposal stands as it does, as a code and params: apply stores it in the view and it is
 * put into words when read (src/error-messages.ts, DECIDED and EFFECT_FAILED), so that rewording
 * it changes no node's view (PROTOCOL.md, "Rejections and outcomes").
 */
export interface Outcome {
  code: string
  params: ErrorParams
}

export interface Decision {
  status: ProposalStatus
  /** null while the proposal stays open */
  outcome: Outcome | null
}

/** A decision with its outcome: the DECIDED code, the reason's key and its params. */
export const decided = (status: ProposalStatus, reason: DecisionReason, params: Record<string, string | number> = {}): Decision =>
  ({ status, outcome: { code: 'DECIDED', params: { reason, ...params } } })
export const OPEN: Decision = { status: 'open', outcome: null }

/** Why a passed proposal's effect cannot happen (it then fails with this outcome). */
export const effectFailed = (reason: EffectReason, params: Record<string, string | number> = {}): Outcome =>
  ({ code: 'EFFECT_FAILED', params: { reason, ...params } })

/** How many binding votes were cast (each voter's latest). */
export function votesCast (tally: Tally): number {
  return tally.yes + tally.no + tally.abstain + tally.block
}

/** The moment at which apply asks for a decision (docs/governance.md, "Deliberation"). */
export interface Moment {
  /** the ledger time has passed the proposal's deadline or, without one, its minimum deliberation */
  deliberated: boolean
  /** a `close` by a binding voter, of a proposal with a deadline: silence is then consent */
  lazy: boolean
}

/**
 * The rule with deliberation: before the ledger time passes a proposal's deadline (or its minimum
 * deliberation), only every binding voter having voted decides it; after, the votes decide as
 * `decide` says.
 */
export function decideAt (tally: Tally, voters: number, at: Moment): Decision {
  if (!at.deliberated && votesCast(tally) < voters) return OPEN
  return decide(tally, voters, at.lazy)
}

/**
 * @param tally   binding votes only
 * @param voters  how many participants' votes bind (members; members and supporters when the
 *                proposal asks all constituents)
 * @param closing true at a valid `close` (past the deadline): silence then counts as consent
 */
export function decide (tally: Tally, voters: number, closing: boolean): Decision {
  if (tally.block > 0) return decided('blocked', 'block')
  if (2 * tally.yes > voters) return decided('passed', 'majority', { yes: tally.yes, voters })
  const silent = Math.max(0, voters - tally.yes - tally.no - tally.abstain)
  if (2 * (tally.yes + silent) <= voters) return decided('failed', 'out-of-reach', { yes: tally.yes, silent, voters })
  if (closing) {
    if (tally.no > 0) return decided('failed', 'closed-with-no', { no: tally.no })
    return decided('passed', 'lazy')
  }
  return OPEN
}
