import { DiscoError } from '../errors.js'
import { CHOICES } from '../ledger/governance.js'
import type { Choice } from '../ledger/governance.js'
import { refFromFullId } from '../ledger/ids.js'
import type { LedgerNode } from '../node/ledger-node.js'
import { appendOnProposal } from './proposal-view.js'
import { voteRefusal } from '../consensus/governance.js'
import type { ProposalView } from './proposal-view.js'

/** Vote on a proposal: yes, no, abstain or block. A later vote replaces yours until it is decided. */
export async function vote (node: LedgerNode, input: { id: string, choice: string, reason?: string }): Promise<{ proposal: ProposalView }> {
  const choice = input.choice.trim().toLowerCase() as Choice
  if (!CHOICES.includes(choice)) throw DiscoError.invalidArgument(`vote ${CHOICES.join(', ')}, not "${input.choice}"`)
  return await appendOnProposal(node, input.id, id => ({ type: 'vote', proposal: refFromFullId(id), choice, reason: (input.reason ?? '').trim() }),
    async (_r, proposal, me) => voteRefusal(proposal, me.role, choice))
}
