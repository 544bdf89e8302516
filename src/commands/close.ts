import { refFromFullId } from '../ledger/ids.js'
import type { LedgerNode } from '../node/ledger-node.js'
import { appendOnProposal } from './proposal-view.js'
import { bindingVoters, closeRefusal } from '../consensus/governance.js'
import { getLedgerTime, getMember, getRoleCounts } from '../consensus/queries.js'
import { voteWeight } from '../ledger/roles.js'
import type { ProposalView } from './proposal-view.js'

/**
 * Close a proposal once the ledger time has passed its deadline (lazy consensus) or, without one,
 * its minimum deliberation (decided by the binding votes). Refused before appending when this
 * node's view already shows apply would refuse it: decided, not a binding voter, too early.
 */
export async function close (node: LedgerNode, input: { id: string }): Promise<{ proposal: ProposalView }> {
  return await appendOnProposal(node, input.id, id => ({ type: 'close', proposal: refFromFullId(id) }),
    async (r, proposal, me) => {
      // an advice proposal is closed only once its proposer can no longer decide it
      const proposer = await getMember(r, proposal.by)
      const active = proposer !== null && proposer.removedAt === undefined && voteWeight(proposer.role, proposal.audience) === 'binding'
      return closeRefusal(proposal, me.role, await getLedgerTime(r), bindingVoters(await getRoleCounts(r), proposal.audience), active)
    })
}
