import type { BeeReader } from 'hyperbee'
import { getProposal, listBallots, listMembers, listObjections, listVotes, resolveProposalId } from '../consensus/queries.js'
import type { BallotRecord, ObjectionRecord } from '../consensus/decision-rule.js'
import { throwIfRejected } from './read-back.js'
import { opId } from '../ledger/ids.js'
import type { Op } from '../ledger/ops.js'
import type { Proposal, VoteRecord } from '../consensus/governance.js'
import { shortId } from '../ledger/ids.js'
import type { Member } from '../ledger/members.js'
import type { LedgerNode } from '../node/ledger-node.js'
import { DiscoError } from '../errors.js'
import { renderError } from '../error-messages.js'
import { localMember } from './session.js'

/** A proposal as commands hand it out: with names, the votes, and whether its decision is signed. */
export interface ProposalView extends Proposal {
  shortId: string
  byName: string
  /** the participant an admit/role/remove proposal is about, by name */
  subjectName: string | null
  /** why it stands as it does, in this release's words ('' while open) */
  reason: string
  /** decided, but not yet in the part of the ledger the indexers have signed */
  provisional: boolean
  votes: Array<VoteRecord & { name: string }>
  /** a poll's ballots ([] for other types) */
  ballots: Array<BallotRecord & { name: string }>
  /** a consent proposal's objections, open, resolved or withdrawn ([] for other types) */
  objections: Array<ObjectionRecord & { name: string }>
}

/** A proposal's outcome in words: the view keeps it as a code and params (PROTOCOL.md). */
export function proposalReason (p: Proposal): string {
  return p.outcome === null ? '' : renderError(p.outcome.code, p.outcome.params)
}

export function nameOf (members: Map<string, Member>, id: string): string {
  return members.get(id)?.name ?? id.slice(0, 8)
}

export async function proposalView (node: LedgerNode, r: BeeReader, entry: { proposal: Proposal, seq: number }, members?: Map<string, Member>): Promise<ProposalView> {
  const byId = members ?? new Map((await listMembers(r)).map(m => [m.id, m]))
  const p = entry.proposal
  const a = p.action
  const subject = a.kind === 'role' || a.kind === 'remove' || a.kind === 'onboarding' ? nameOf(byId, a.member) : a.kind === 'admit' ? a.name : null
  return {
    ...p,
    shortId: shortId(p.id),
    byName: nameOf(byId, p.by),
    subjectName: subject,
    reason: proposalReason(p),
    // the view block that recorded the decision is signed once the view core's signed length passes it
    provisional: p.status !== 'open' && entry.seq >= node.lengths().viewSignedLength,
    votes: (await listVotes(r, p.id)).map(v => ({ ...v, name: nameOf(byId, v.member) })),
    ballots: p.decision === undefined ? [] : (await listBallots(r, p.id)).map(b => ({ ...b, name: nameOf(byId, b.member) })),
    objections: p.decision?.type !== 'consent' ? [] : (await listObjections(r, p.id)).map(o => ({ ...o, name: nameOf(byId, o.member) }))
  }
}

export async function readProposal (node: LedgerNode, r: BeeReader, id: string): Promise<ProposalView> {
  const got = await getProposal(r, id)
  if (got === null) throw new Error(`proposal ${id} vanished`)
  return await proposalView(node, r, got)
}

/** Why apply would refuse the op, as this node's view knows it now: the command then appends nothing. */
export type ProposalPrecheck = (r: BeeReader, proposal: Proposal, me: Member) => Promise<DiscoError | null>

/** Append an op about a proposal (a vote, a close) and return the proposal as it now stands. */
export async function appendOnProposal (node: LedgerNode, idText: string, op: (id: string) => Op, precheck: ProposalPrecheck): Promise<{ proposal: ProposalView }> {
  const me = await localMember(node)
  let snap = node.snapshot()
  let id: string
  try {
    id = await resolveProposalId(snap, idText)
    const got = await getProposal(snap, id)
    if (got === null) throw DiscoError.proposalNotFound(id)
    const refusal = await precheck(snap, got.proposal, me)
    if (refusal !== null) throw refusal
  } finally {
    await snap.close()
  }
  const [ref] = await node.append([op(id)])
  snap = node.snapshot()
  try {
    await throwIfRejected(snap, opId(ref!))
    return { proposal: await readProposal(node, snap, id) }
  } finally {
    await snap.close()
  }
}
