import { refFromFullId } from '../ledger/ids.js'
import type { DiscoNode } from '../node.js'
import { appendOnProposal } from './proposal-view.js'
import type { ProposalView } from './proposal-view.js'

/** Close a proposal past its deadline: decided by lazy consensus. */
export async function close (node: DiscoNode, input: { id: string }): Promise<{ proposal: ProposalView }> {
  return await appendOnProposal(node, input.id, id => ({ type: 'close', proposal: refFromFullId(id) }))
}
