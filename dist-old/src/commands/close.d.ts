import type { DiscoNode } from '../node.js';
import type { ProposalView } from './proposal-view.js';
/**
 * Close a proposal once the ledger time has passed its deadline (lazy consensus) or, without one,
 * its minimum deliberation (decided by the binding votes). Refused before appending when this
 * node's view already shows apply would refuse it: decided, not a binding voter, too early.
 */
export declare function close(node: DiscoNode, input: {
    id: string;
}): Promise<{
    proposal: ProposalView;
}>;
