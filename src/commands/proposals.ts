import { listMembers, listProposals } from '../consensus/queries.js'
import type { LedgerNode } from '../node/ledger-node.js'
import { proposalView } from './proposal-view.js'
import type { ProposalView } from './proposal-view.js'

/** The cooperative's proposals, oldest first, with their votes and decisions. */
export async function proposals (node: LedgerNode, input: { open?: boolean }): Promise<{ proposals: ProposalView[] }> {
  const snap = node.snapshot()
  try {
    const members = new Map((await listMembers(snap)).map(m => [m.id, m]))
    const out: ProposalView[] = []
    for (const entry of await listProposals(snap)) {
      if (input.open === true && entry.proposal.status !== 'open') continue
      out.push(await proposalView(node, snap, entry, members))
    }
    return { proposals: out }
  } finally {
    await snap.close()
  }
}
