import { DiscoError } from '../errors.js'
import { refFromFullId } from '../ledger/ids.js'
import { RESOLUTIONS } from '../ledger/ops.js'
import type { Resolution } from '../ledger/ops.js'
import type { LedgerNode } from '../node/ledger-node.js'
import { ballotRefusal, decideRefusal, objectRefusal, resolveRefusal } from '../consensus/decision-ops.js'
import { getLedgerTime, getRoleCounts, listObjections } from '../consensus/queries.js'
import { bindingVoters } from '../consensus/governance.js'
import type { Proposal } from '../consensus/governance.js'
import { votesCast } from '../ledger/governance.js'
import type { BeeReader } from 'hyperbee'
import { appendOnProposal } from './proposal-view.js'
import type { ProposalView } from './proposal-view.js'
import { ballotValues } from './ballot-input.js'

/**
 * The steps of the decision types (docs/governance.md, "Decision types"), each refused before
 * anything is appended when this node's view already shows apply would refuse it.
 */

/** Cast (or replace) your ballot on a poll. */
export async function ballot (node: LedgerNode, input: { id: string, choices: string[], reason?: string }): Promise<{ proposal: ProposalView }> {
  let values: number[] = []
  return await appendOnProposal(node, input.id, id => ({ type: 'ballot', proposal: refFromFullId(id), values, reason: (input.reason ?? '').trim() }),
    async (_r, proposal, me) => {
      if (proposal.decision === undefined) return DiscoError.decisionRule('ballot-not-poll', proposal.id)
      values = ballotValues(proposal.decision, input.choices)
      return ballotRefusal(proposal, me.role, values)
    })
}

/** Object to a consent proposal, with your reason: it stands until you resolve or withdraw it. */
export async function object (node: LedgerNode, input: { id: string, reason: string }): Promise<{ proposal: ProposalView }> {
  const reason = input.reason.trim()
  if (reason === '') throw DiscoError.invalidArgument('an objection says why: -m "…"')
  return await appendOnProposal(node, input.id, id => ({ type: 'object', proposal: refFromFullId(id), reason }),
    async (r, proposal, me) => {
      const open = (await listObjections(r, proposal.id)).some(o => o.member === me.id && o.status === 'open')
      return objectRefusal(proposal, me.role, open)
    })
}

/** Mark your open objection to a consent proposal resolved (a new round starts) or withdrawn. */
export async function resolve (node: LedgerNode, input: { id: string, outcome: string, note?: string }): Promise<{ proposal: ProposalView }> {
  const outcome = input.outcome.trim().toLowerCase() as Resolution
  if (!RESOLUTIONS.includes(outcome)) throw DiscoError.invalidArgument(`say resolved or withdrawn, not "${input.outcome}"`)
  let objection = ''
  return await appendOnProposal(node, input.id,
    id => ({ type: 'resolve', proposal: refFromFullId(id), objection: refFromFullId(objection), outcome, note: (input.note ?? '').trim() }),
    async (r, proposal, me) => {
      // a member has at most one open objection to a proposal: that is the one
      const mine = (await listObjections(r, proposal.id)).find(o => o.member === me.id && o.status === 'open') ?? null
      if (mine === null) return DiscoError.decisionRule('objection-not-found', proposal.id)
      objection = mine.id
      return resolveRefusal(proposal, me.id, mine, mine.id)
    })
}

/** The proposer's decision on an advice proposal, after hearing the advice: adopt or drop. */
export async function decide (node: LedgerNode, input: { id: string, outcome: string, reason?: string }): Promise<{ proposal: ProposalView }> {
  const said = input.outcome.trim().toLowerCase()
  if (said !== 'adopt' && said !== 'drop') throw DiscoError.invalidArgument(`say adopt or drop, not "${input.outcome}"`)
  return await appendOnProposal(node, input.id, id => ({ type: 'decide', proposal: refFromFullId(id), adopt: said === 'adopt', reason: (input.reason ?? '').trim() }),
    async (r, proposal, me) => decideRefusal(proposal) ?? await adviceRefusal(r, proposal, me.id))
}

/** What apply's advice rule would refuse, as this node's view knows it: not the proposer, or not
 * yet heard (before the deliberation, with advice still to come). */
async function adviceRefusal (r: BeeReader, proposal: Proposal, memberId: string): Promise<DiscoError | null> {
  if (proposal.by !== memberId) return DiscoError.decisionRule('not-proposer', proposal.id)
  const now = await getLedgerTime(r)
  if (now <= proposal.deliberateUntil && votesCast(proposal.tally) < bindingVoters(await getRoleCounts(r), proposal.audience)) {
    return DiscoError.decisionRule('advice-pending', proposal.id)
  }
  return null
}
