/**
 * The decision types in apply (docs/governance.md, "Decision types"): what a proposal that states a
 * type keeps beside the majority rule's tally, and which rule decides it at a moment. The rules
 * themselves are pure functions in src/ledger (decide-advice.ts, decide-consent.ts,
 * decide-poll.ts); this reads what they need from the view. A proposal without a type never comes
 * here: governance.ts decides it as it always has.
 */
import { DiscoError } from '../errors.js'
import type { DecisionSpec } from '../ledger/decision.js'
import { decideAdvice } from '../ledger/decide-advice.js'
import { decideConsent } from '../ledger/decide-consent.js'
import { countPoll, pollDecides, pollDecision } from '../ledger/decide-poll.js'
import type { PollResult } from '../ledger/decide-poll.js'
import { OPEN } from '../ledger/governance.js'
import type { Audience, Decision, Tally } from '../ledger/governance.js'
import { voteWeight } from '../ledger/roles.js'
import type { Member } from '../ledger/members.js'
import { keys } from './view-layout.js'
import type { ViewTx } from './view-tx.js'

/** What a proposal with a decision type keeps about it (the proposal's `decision`). */
export interface DecisionState extends DecisionSpec {
  /** consent: the round, from 1 (each resolved objection starts the next); 1 for the other types */
  round: number
  /** polls: binding ballots cast, as last counted */
  ballots: number
  /** consent: binding objections still open, as last counted */
  objections: number
  /** polls: the count, once decided */
  result: PollResult | null
}

export function initialState (spec: DecisionSpec): DecisionState {
  return { ...spec, round: 1, ballots: 0, objections: 0, result: null }
}

export interface ObjectionRecord {
  /** the id of the op that raised it */
  id: string
  member: string
  reason: string
  weight: 'binding' | 'recorded'
  /** the round it was raised in */
  round: number
  at: number
  status: 'open' | 'resolved' | 'withdrawn'
  /** the objector's note when they resolved or withdrew it */
  note: string
  /** the ledger time it was resolved or withdrawn, and the op */
  settledAt: number | null
  settledBy: string | null
}

export interface BallotRecord {
  member: string
  values: number[]
  reason: string
  weight: 'binding' | 'recorded'
  at: number
  op: string
}

/** The part of a proposal the rules read (governance.ts's Proposal has it all). */
export interface TypedProposal {
  id: string
  by: string
  audience: Audience
  tally: Tally
  deadline: number
  deliberateUntil: number
  decision: DecisionState
}

/** What happened: the moment at which apply asks the rule. */
export type DecisionEvent =
  | { kind: 'vote' | 'close' | 'ballot' | 'resolve' }
  | { kind: 'decide', adopt: boolean, byProposer: boolean }

export interface Ruling {
  decision: Decision
  /** the state to keep, counts brought up to date */
  state: DecisionState
}

/** Whether a participant's voice still binds on this proposal: not removed, and their role's. */
export async function stillBinding (tx: ViewTx, memberId: string, audience: Audience): Promise<boolean> {
  const m = await tx.get<Member>(keys.member(memberId))
  return m !== null && m.removedAt === undefined && voteWeight(m.role, audience) === 'binding'
}

/** The proposer may still decide an advice proposal: their voice still binds on it. */
export async function proposerActive (tx: ViewTx, memberId: string, audience: Audience): Promise<boolean> {
  return await stillBinding(tx, memberId, audience)
}

/** Open objections whose objector's voice still binds (one removed since no longer stands in the way). */
export async function openObjections (tx: ViewTx, p: Pick<TypedProposal, 'id' | 'audience'>): Promise<number> {
  const r = keys.objections(p.id)
  let n = 0
  for (const [, o] of await tx.rangeJson<ObjectionRecord>(r.gt, r.lt)) {
    if (o.status === 'open' && o.weight === 'binding' && await stillBinding(tx, o.member, p.audience)) n++
  }
  return n
}

/** The binding ballots, each member's latest, in member order. */
export async function bindingBallots (tx: ViewTx, proposalId: string): Promise<number[][]> {
  const r = keys.ballots(proposalId)
  return (await tx.rangeJson<BallotRecord>(r.gt, r.lt)).filter(([, b]) => b.weight === 'binding').map(([, b]) => b.values)
}

/**
 * The rule of the proposal's type at this moment. A DiscoError when the type does not take this
 * act now (apply records it as the op's rejection); otherwise the decision ('open' when it stands
 * open) and the state to keep.
 */
export async function ruleAt (tx: ViewTx, p: TypedProposal, voters: number, now: number, event: DecisionEvent): Promise<Ruling | DiscoError> {
  const d = p.decision
  const deliberated = now > p.deliberateUntil
  switch (d.type) {
    case 'advice': {
      const act = event.kind === 'decide' ? { decide: event.adopt } : event.kind === 'close' ? 'close' as const : 'vote' as const
      const out = decideAdvice({
        act,
        byProposer: event.kind === 'decide' && event.byProposer,
        proposerActive: await proposerActive(tx, p.by, p.audience),
        deliberated,
        advice: p.tally,
        voters
      })
      if ('refused' in out) return DiscoError.decisionRule(out.refused, p.id)
      return { decision: out, state: d }
    }
    case 'consent': {
      const objections = await openObjections(tx, p)
      const state = { ...d, objections }
      const decision = decideConsent({
        consents: p.tally.yes,
        standAsides: p.tally.abstain,
        objections,
        voters,
        deliberated,
        closing: event.kind === 'close',
        deadline: p.deadline !== 0,
        round: d.round
      })
      if (event.kind === 'close' && decision.status === 'open') return DiscoError.decisionRule('objections-open', p.id)
      return { decision, state }
    }
    case 'score':
    case 'ranked':
    case 'dots': {
      const ballots = await bindingBallots(tx, p.id)
      const state = { ...d, ballots: ballots.length }
      if (!pollDecides({ ballots: ballots.length, voters, deliberated: deliberated || event.kind === 'close' })) {
        return { decision: OPEN, state }
      }
      const result = countPoll(d.type, d.options.length, ballots)
      return { decision: pollDecision(d.type, result, d.options), state: { ...state, result } }
    }
  }
}
