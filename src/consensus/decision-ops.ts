/**
 * The ops of the decision types (docs/governance.md, "Decision types"): a ballot on a poll, an
 * objection to a consent proposal and its objector's resolution, the proposer's decision on an
 * advice proposal. Each is checked against the proposal as the ledger holds it, then the
 * proposal's rule is asked (decision-rule.ts).
 */
import { DiscoError } from '../errors.js'
import { checkBallot, isPoll } from '../ledger/decision.js'
import { HOUR_MS } from '../ledger/ledger-time.js'
import { opId } from '../ledger/ids.js'
import { voteWeight } from '../ledger/roles.js'
import type { Role } from '../ledger/roles.js'
import type { BallotOp, DecideOp, ObjectOp, ResolveOp } from '../ledger/ops.js'
import { author } from './context.js'
import type { OpContext } from './context.js'
import { currentDeliberation } from './deliberation.js'
import { decideTyped, proposalOf } from './governance.js'
import type { Proposal } from './governance.js'
import { emptyTally } from '../ledger/governance.js'
import { ledgerNow } from './ledger-clock.js'
import { openObjections } from './decision-rule.js'
import type { BallotRecord, ObjectionRecord } from './decision-rule.js'
import { keys } from './view-layout.js'

/** Why this participant's ballot on this proposal would be refused, or null (apply and the command). */
export function ballotRefusal (p: Proposal, role: Role, values: readonly number[]): DiscoError | null {
  if (p.status !== 'open') return DiscoError.proposalDecided(p.id, p.status)
  if (voteWeight(role, p.audience) === 'none') return DiscoError.notAllowed(role, p.audience === 'all' ? 'vote' : 'vote-members')
  if (p.decision === undefined || !isPoll(p.decision.type)) return DiscoError.decisionRule('ballot-not-poll', p.id)
  try {
    checkBallot(p.decision, values)
  } catch (err) {
    if (err instanceof DiscoError) return err
    throw err
  }
  return null
}

/** Why this participant's objection would be refused, or null. `open`: they have one open already. */
export function objectRefusal (p: Proposal, role: Role, open: boolean): DiscoError | null {
  if (p.status !== 'open') return DiscoError.proposalDecided(p.id, p.status)
  if (voteWeight(role, p.audience) === 'none') return DiscoError.notAllowed(role, p.audience === 'all' ? 'vote' : 'vote-members')
  if (p.decision?.type !== 'consent') return DiscoError.decisionRule('object-not-consent', p.id)
  if (open) return DiscoError.decisionRule('objection-open', p.id)
  return null
}

/** Why this member's resolution of objection `o` would be refused, or null. */
export function resolveRefusal (p: Proposal, memberId: string, o: ObjectionRecord | null, objectionId: string): DiscoError | null {
  if (p.status !== 'open') return DiscoError.proposalDecided(p.id, p.status)
  if (p.decision?.type !== 'consent') return DiscoError.decisionRule('object-not-consent', p.id)
  if (o === null) return DiscoError.decisionRule('objection-not-found', objectionId)
  if (o.member !== memberId) return DiscoError.decisionRule('objection-not-yours', o.id)
  if (o.status !== 'open') return DiscoError.decisionRule('objection-settled', o.id)
  return null
}

/** Why this participant's decision on this proposal would be refused before its rule is asked. */
export function decideRefusal (p: Proposal): DiscoError | null {
  if (p.status !== 'open') return DiscoError.proposalDecided(p.id, p.status)
  if (p.decision?.type !== 'advice') return DiscoError.decisionRule('decide-not-advice', p.id)
  return null
}

export async function ballot (op: BallotOp, ctx: OpContext): Promise<void> {
  const member = await author(ctx)
  const p = await proposalOf(ctx, opId(op.proposal))
  const refusal = ballotRefusal(p, member.role, op.values)
  if (refusal !== null) throw refusal
  const weight = voteWeight(member.role, p.audience) as BallotRecord['weight']
  // a later ballot by the same member (from any device) replaces the earlier one
  await ctx.tx.put(keys.ballot(p.id, member.id), { member: member.id, values: op.values, reason: op.reason, weight, at: ctx.time, op: ctx.id } satisfies BallotRecord)
  if (weight !== 'binding') return
  await decideTyped(ctx, p, { kind: 'ballot' })
}

/** The member's objection to this proposal that is still open, if any. */
async function openObjectionOf (ctx: OpContext, proposalId: string, memberId: string): Promise<ObjectionRecord | null> {
  const r = keys.objections(proposalId)
  return (await ctx.tx.rangeJson<ObjectionRecord>(r.gt, r.lt)).map(([, o]) => o).find(o => o.member === memberId && o.status === 'open') ?? null
}

export async function object (op: ObjectOp, ctx: OpContext): Promise<void> {
  const member = await author(ctx)
  const p = await proposalOf(ctx, opId(op.proposal))
  const refusal = objectRefusal(p, member.role, await openObjectionOf(ctx, p.id, member.id) !== null)
  if (refusal !== null) throw refusal
  const weight = voteWeight(member.role, p.audience) as ObjectionRecord['weight']
  const round = p.decision?.round ?? 1
  await ctx.tx.put(keys.objection(p.id, ctx.id), {
    id: ctx.id, member: member.id, reason: op.reason, weight, round, at: ctx.time, status: 'open', note: '', settledAt: null, settledBy: null
  } satisfies ObjectionRecord)
  // an objection decides nothing: it holds the proposal open until it is resolved or withdrawn
  if (weight === 'binding' && p.decision !== undefined) {
    await ctx.tx.put(keys.proposal(p.id), { ...p, decision: { ...p.decision, objections: await openObjections(ctx.tx, p) } } satisfies Proposal)
  }
}

export async function resolve (op: ResolveOp, ctx: OpContext): Promise<void> {
  const member = await author(ctx)
  const p = await proposalOf(ctx, opId(op.proposal))
  const objectionId = opId(op.objection)
  const o = await ctx.tx.get<ObjectionRecord>(keys.objection(p.id, objectionId))
  const refusal = resolveRefusal(p, member.id, o, objectionId)
  if (refusal !== null || o === null || p.decision === undefined) throw refusal ?? DiscoError.decisionRule('objection-not-found', objectionId)
  const now = await ledgerNow(ctx.tx)
  await ctx.tx.put(keys.objection(p.id, o.id), { ...o, status: op.outcome, note: op.note, settledAt: now, settledBy: ctx.id } satisfies ObjectionRecord)
  // a recorded (non-binding) objection held nothing: settling it starts no round
  if (o.weight !== 'binding') return
  let next: Proposal = p
  if (op.outcome === 'resolved') {
    // the proposal was changed to meet the objection: a new round, with a whole minimum
    // deliberation for everyone to object to it as it now stands, and consent to give again
    const { hours } = await currentDeliberation(ctx.tx)
    next = {
      ...p,
      tally: emptyTally(),
      deliberateUntil: Math.max(p.deliberateUntil, now + hours * HOUR_MS),
      decision: { ...p.decision, round: p.decision.round + 1 }
    }
  }
  await decideTyped(ctx, next, { kind: 'resolve' })
}

export async function decide (op: DecideOp, ctx: OpContext): Promise<void> {
  const member = await author(ctx)
  const p = await proposalOf(ctx, opId(op.proposal))
  const refusal = decideRefusal(p)
  if (refusal !== null) throw refusal
  await decideTyped(ctx, p, { kind: 'decide', adopt: op.adopt, byProposer: member.id === p.by })
}
