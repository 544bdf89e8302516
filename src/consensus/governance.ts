import { DiscoError } from '../errors.js'
import { decideAt, emptyTally, votesCast } from '../ledger/governance.js'
import type { Audience, Choice, Decision, Moment, Outcome, ProposalKind, ProposalStatus, Tally } from '../ledger/governance.js'
import { HOUR_MS } from '../ledger/ledger-time.js'
import { opId } from '../ledger/ids.js'
import { bindingRoles, canPropose, voteWeight } from '../ledger/roles.js'
import type { Role } from '../ledger/roles.js'
import type { RoleCounts } from '../ledger/members.js'
import type { CloseOp, ProposeOp, VoteOp } from '../ledger/ops.js'
import { author } from './context.js'
import type { OpContext } from './context.js'
import { prepareEffect } from './effects.js'
import { actionView } from './proposal-action.js'
import { distributable } from './distribution-effect.js'
import type { ActionView } from './proposal-action.js'
import { ROLE_COUNTS_KEY, keys } from './view-layout.js'
import { ledgerNow } from './ledger-clock.js'
import { currentDeliberation } from './deliberation.js'
import { initialState, openObjections, proposerActive, ruleAt } from './decision-rule.js'
import type { DecisionEvent, DecisionState, TypedProposal } from './decision-rule.js'

/** How far before the ledger time a proposer's own claimed time may start its deliberation: the
 * time a command takes between reading the clock and writing. */
const CLAIM_SLACK_MS = 60_000
import type { ViewTx } from './view-tx.js'

/** A proposal as the view keeps it. Keys in `action` are hex. */
export interface Proposal {
  id: string
  kind: ProposalKind
  action: ActionView
  text: string
  audience: Audience
  /** ms since the epoch; 0 for none */
  deadline: number
  /** the ledger time it must pass before anything but every binding vote decides: the deadline,
   * or without one the end of the minimum deliberation */
  deliberateUntil: number
  by: string
  at: number
  status: ProposalStatus
  /** why it stands as it does (null while open): a code and params, put into words when read */
  outcome: Outcome | null
  /** binding votes, as last counted */
  tally: Tally
  /** participants whose vote bound, when last counted */
  voters: number
  /** the ledger time of the decision */
  decidedAt: number | null
  /** the vote or close op that decided it */
  decidedBy: string | null
  /** the decision type it states and what that type keeps (docs/governance.md, "Decision types");
   * absent for the majority rule */
  decision?: DecisionState
}

export interface VoteRecord {
  member: string
  choice: Choice
  reason: string
  weight: 'binding' | 'recorded'
  at: number
  op: string
  /** consent: the round it was given in (a new round asks for consent again) */
  round?: number
}

export async function propose (op: ProposeOp, ctx: OpContext): Promise<void> {
  const member = await author(ctx)
  if (!canPropose(member.role)) throw DiscoError.notAllowed(member.role, 'propose')
  // the advice process lets its proposer decide: only for someone whose vote binds on it
  if (op.decision?.type === 'advice' && voteWeight(member.role, op.audience) !== 'binding') throw DiscoError.notAllowed(member.role, 'decide-advice')
  if (op.action.kind === 'distribute') {
    const problem = await distributable(op.action.month, ctx)
    if (problem !== null) throw problem
  }
  const { hours } = await currentDeliberation(ctx.tx)
  // Deliberation starts at the ledger time, or at the proposer's own claim when that is later (less
  // a minute for the command's own run): a proposer's clock can only lengthen their deliberation.
  const start = Math.max(await ledgerNow(ctx.tx), ctx.time - CLAIM_SLACK_MS)
  const earliest = start + hours * HOUR_MS
  if (op.deadline !== 0 && op.deadline < earliest) throw DiscoError.deadlineTooSoon(op.deadline, earliest)
  await ctx.tx.put(keys.proposal(ctx.id), {
    id: ctx.id,
    kind: op.action.kind,
    action: actionView(op.action),
    text: op.text,
    audience: op.audience,
    deadline: op.deadline,
    deliberateUntil: op.deadline !== 0 ? op.deadline : earliest,
    by: member.id,
    at: ctx.time,
    status: 'open',
    outcome: null,
    tally: emptyTally(),
    voters: await voters(ctx.tx, op.audience),
    decidedAt: null,
    decidedBy: null,
    ...(op.decision !== undefined ? { decision: initialState(op.decision) } : {})
  } satisfies Proposal)
}

export async function proposalOf (ctx: OpContext, id: string): Promise<Proposal> {
  const p = await ctx.tx.get<Proposal>(keys.proposal(id))
  if (p === null) throw DiscoError.proposalNotFound(id)
  return p
}

/** Why this participant's vote on this proposal would be refused, or null. Shared by apply and by
 * the command, which refuses before appending what apply would refuse. */
export function voteRefusal (p: Proposal, role: Role, choice?: Choice): DiscoError | null {
  if (p.status !== 'open') return DiscoError.proposalDecided(p.id, p.status)
  if (voteWeight(role, p.audience) === 'none') return DiscoError.notAllowed(role, p.audience === 'all' ? 'vote' : 'vote-members')
  const type = p.decision?.type
  if (type === 'score' || type === 'ranked' || type === 'dots') return DiscoError.decisionRule('vote-on-poll', p.id, { type })
  if (type === 'consent' && (choice === 'no' || choice === 'block')) return DiscoError.decisionRule('consent-choice', p.id)
  return null
}

/**
 * Why this participant's close would be refused at ledger time `now` with `voters` binding voters,
 * or null. A close decides a proposal once the ledger time has passed its deadline (lazy consensus:
 * silence is consent) or, without a deadline, its minimum deliberation (the binding votes alone).
 * Only a participant whose vote binds on it may close it.
 */
export function closeRefusal (p: Proposal, role: Role, now: number, voters: number, proposerActive = true): DiscoError | null {
  if (p.status !== 'open') return DiscoError.proposalDecided(p.id, p.status)
  if (voteWeight(role, p.audience) !== 'binding') return DiscoError.notAllowed(role, 'close')
  if (p.decision !== undefined) return typedCloseRefusal(p, p.decision, now, proposerActive)
  if (now <= p.deliberateUntil && votesCast(p.tally) < voters) return DiscoError.closeTooEarly(p.id, p.deliberateUntil, now)
  if (decideAt(p.tally, voters, closeMoment(p)).status === 'open') return DiscoError.proposalUndecided(p.id)
  return null
}

/** A close of a proposal with a decision type: after its deliberation, and (advice) only once its
 * proposer can no longer decide, (consent) with no objection open unless its deadline has passed.
 * Apply counts the objections again; this reads them as last counted. */
function typedCloseRefusal (p: Proposal, d: DecisionState, now: number, proposerActive: boolean): DiscoError | null {
  if (d.type === 'advice' && proposerActive) return DiscoError.decisionRule('proposer-active', p.id)
  if (now <= p.deliberateUntil) return DiscoError.closeTooEarly(p.id, p.deliberateUntil, now)
  if (d.type === 'consent' && d.objections > 0 && p.deadline === 0) return DiscoError.decisionRule('objections-open', p.id)
  return null
}

function closeMoment (p: Proposal): Moment {
  return { deliberated: true, lazy: p.deadline !== 0 }
}

export async function vote (op: VoteOp, ctx: OpContext): Promise<void> {
  const member = await author(ctx)
  const p = await proposalOf(ctx, opId(op.proposal))
  const refusal = voteRefusal(p, member.role, op.choice)
  if (refusal !== null) throw refusal
  const weight = voteWeight(member.role, p.audience) as VoteRecord['weight']

  // A later vote by the same member (from any device) replaces the earlier one; on a consent
  // proposal only within a round: a new round's tally starts empty.
  const round = p.decision?.type === 'consent' ? p.decision.round : undefined
  const key = keys.vote(p.id, member.id)
  const previous = await ctx.tx.get<VoteRecord>(key)
  const tally = { ...p.tally }
  if (previous !== null && previous.weight === 'binding' && previous.round === round) tally[previous.choice]--
  if (weight === 'binding') tally[op.choice]++
  await ctx.tx.put(key, { member: member.id, choice: op.choice, reason: op.reason, weight, at: ctx.time, op: ctx.id, ...(round !== undefined ? { round } : {}) } satisfies VoteRecord)
  // a recorded (non-binding) vote is heard, and decides nothing
  if (weight !== 'binding') return
  if (p.decision !== undefined) {
    await decideTyped(ctx, { ...p, tally }, { kind: 'vote' })
    return
  }
  const now = await ledgerNow(ctx.tx)
  const settled = await settle(ctx, { ...p, tally }, { deliberated: now > p.deliberateUntil, lazy: false })
  if (!settled) await ctx.tx.put(keys.proposal(p.id), { ...p, tally, voters: await voters(ctx.tx, p.audience) } satisfies Proposal)
}

/**
 * Ask a typed proposal's rule at this moment (decision-rule.ts): it is decided and takes effect,
 * or stays open with its counts brought up to date. Throws the rule's refusal.
 */
export async function decideTyped (ctx: OpContext, p: Proposal, event: DecisionEvent): Promise<void> {
  const count = await voters(ctx.tx, p.audience)
  const ruling = await ruleAt(ctx.tx, p as TypedProposal, count, await ledgerNow(ctx.tx), event)
  if (ruling instanceof DiscoError) throw ruling
  const next: Proposal = { ...p, decision: ruling.state }
  if (!await settleWith(ctx, next, count, ruling.decision)) await ctx.tx.put(keys.proposal(p.id), { ...next, voters: count } satisfies Proposal)
}

export async function close (op: CloseOp, ctx: OpContext): Promise<void> {
  const member = await author(ctx)
  const found = await proposalOf(ctx, opId(op.proposal))
  // consent: the objections counted now (an objector removed since no longer counts)
  const p = found.decision?.type === 'consent' ? { ...found, decision: { ...found.decision, objections: await openObjections(ctx.tx, found) } } : found
  const active = p.decision?.type === 'advice' ? await proposerActive(ctx.tx, p.by, p.audience) : true
  const refusal = closeRefusal(p, member.role, await ledgerNow(ctx.tx), await voters(ctx.tx, p.audience), active)
  if (refusal !== null) throw refusal
  if (p.decision !== undefined) {
    await decideTyped(ctx, p, { kind: 'close' })
    return
  }
  await settle(ctx, p, closeMoment(p))
}

/**
 * Apply the rule at this moment; a passed proposal takes effect now, or fails with the reason it
 * cannot. Returns false, writing nothing, when the proposal stays open.
 */
async function settle (ctx: OpContext, p: Proposal, at: Moment): Promise<boolean> {
  const count = await voters(ctx.tx, p.audience)
  return await settleWith(ctx, p, count, decideAt(p.tally, count, at))
}

/** Record `decision` (with `count` binding voters); false, writing nothing, when it is 'open'. */
async function settleWith (ctx: OpContext, p: Proposal, count: number, decided: Decision): Promise<boolean> {
  let decision = decided
  if (decision.status === 'open') return false
  let effect: (() => Promise<void>) | null = null
  if (decision.status === 'passed') {
    const prepared = await prepareEffect(p.action, ctx, p.id)
    if (typeof prepared !== 'function') decision = { status: 'failed', outcome: prepared }
    else effect = prepared
  }
  await ctx.tx.put(keys.proposal(p.id), {
    ...p,
    voters: count,
    status: decision.status,
    outcome: decision.outcome,
    decidedAt: await ledgerNow(ctx.tx),
    decidedBy: ctx.id
  } satisfies Proposal)
  // last: it may add or remove writers, which no rollback undoes
  if (effect !== null) await effect()
  return true
}

export async function voters (tx: ViewTx, audience: Audience): Promise<number> {
  return bindingVoters(await tx.get<RoleCounts>(ROLE_COUNTS_KEY) ?? {}, audience)
}

/** How many participants' votes bind on a proposal for this audience. */
export function bindingVoters (counts: RoleCounts, audience: Audience): number {
  return bindingRoles(audience).reduce((n, role: Role) => n + (counts[role] ?? 0), 0)
}
