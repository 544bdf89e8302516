import { DiscoError } from '../errors.js'
import { decide, emptyTally } from '../ledger/governance.js'
import type { Audience, Choice, Decision, ProposalKind, ProposalStatus, Tally } from '../ledger/governance.js'
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
import type { ViewTx } from './view-tx.js'

/** A proposal as the view keeps it. Keys in `action` are hex. */
export interface Proposal {
  id: string
  kind: ProposalKind
  action: ActionView
  text: string
  audience: Audience
  deadline: number
  by: string
  at: number
  status: ProposalStatus
  reason: string
  /** binding votes, as last counted */
  tally: Tally
  /** participants whose vote bound, when last counted */
  voters: number
  decidedAt: number | null
  /** the vote or close op that decided it */
  decidedBy: string | null
}

export interface VoteRecord {
  member: string
  choice: Choice
  reason: string
  weight: 'binding' | 'recorded'
  at: number
  op: string
}

export async function propose (op: ProposeOp, ctx: OpContext): Promise<void> {
  const member = await author(ctx)
  if (!canPropose(member.role)) throw DiscoError.notAllowed(member.role, 'propose')
  if (op.action.kind === 'distribute') {
    const problem = await distributable(op.action.month, ctx)
    if (problem !== null) throw problem
  }
  await ctx.tx.put(keys.proposal(ctx.id), {
    id: ctx.id,
    kind: op.action.kind,
    action: actionView(op.action),
    text: op.text,
    audience: op.audience,
    deadline: op.deadline,
    by: member.id,
    at: ctx.time,
    status: 'open',
    reason: '',
    tally: emptyTally(),
    voters: await voters(ctx.tx, op.audience),
    decidedAt: null,
    decidedBy: null
  } satisfies Proposal)
}

async function openProposal (ctx: OpContext, id: string): Promise<Proposal> {
  const p = await ctx.tx.get<Proposal>(keys.proposal(id))
  if (p === null) throw DiscoError.proposalNotFound(id)
  if (p.status !== 'open') throw DiscoError.proposalDecided(id, p.status)
  return p
}

export async function vote (op: VoteOp, ctx: OpContext): Promise<void> {
  const member = await author(ctx)
  const id = opId(op.proposal)
  const p = await openProposal(ctx, id)
  const weight = voteWeight(member.role, p.audience)
  if (weight === 'none') throw DiscoError.notAllowed(member.role, p.audience === 'all' ? 'vote' : 'vote-members')

  // A later vote by the same member (from any device) replaces the earlier one.
  const key = keys.vote(id, member.id)
  const previous = await ctx.tx.get<VoteRecord>(key)
  const tally = { ...p.tally }
  if (previous !== null && previous.weight === 'binding') tally[previous.choice]--
  if (weight === 'binding') tally[op.choice]++
  await ctx.tx.put(key, { member: member.id, choice: op.choice, reason: op.reason, weight, at: ctx.time, op: ctx.id } satisfies VoteRecord)
  await settle(ctx, { ...p, tally }, false)
}

export async function close (op: CloseOp, ctx: OpContext): Promise<void> {
  await author(ctx)
  const id = opId(op.proposal)
  const p = await openProposal(ctx, id)
  if (p.deadline === 0) throw DiscoError.noDeadline(id)
  if (ctx.time <= p.deadline) throw DiscoError.closeTooEarly(id, p.deadline)
  await settle(ctx, p, true)
}

/** Apply the rule; a passed proposal takes effect now, or fails with the reason it cannot. */
async function settle (ctx: OpContext, p: Proposal, closing: boolean): Promise<void> {
  const count = await voters(ctx.tx, p.audience)
  let decision: Decision = decide(p.tally, count, closing)
  let effect: (() => Promise<void>) | null = null
  if (decision.status === 'passed') {
    const prepared = await prepareEffect(p.action, ctx, p.id)
    if (typeof prepared === 'string') decision = { status: 'failed', reason: prepared }
    else effect = prepared
  }
  const decided = decision.status !== 'open'
  await ctx.tx.put(keys.proposal(p.id), {
    ...p,
    voters: count,
    status: decision.status,
    reason: decision.reason,
    decidedAt: decided ? ctx.time : null,
    decidedBy: decided ? ctx.id : null
  } satisfies Proposal)
  // last: it may add or remove writers, which no rollback undoes
  if (effect !== null) await effect()
}

async function voters (tx: ViewTx, audience: Audience): Promise<number> {
  const counts = await tx.get<RoleCounts>(ROLE_COUNTS_KEY) ?? {}
  return bindingRoles(audience).reduce((n, role: Role) => n + (counts[role] ?? 0), 0)
}
