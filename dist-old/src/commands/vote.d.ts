import type { DiscoNode } from '../node.js';
import type { ProposalView } from './proposal-view.js';
/** Vote on a proposal: yes, no, abstain or block. A later vote replaces yours until it is decided. */
export declare function vote(node: DiscoNode, input: {
    id: string;
    choice: string;
    reason?: string;
}): Promise<{
    proposal: ProposalView;
}>;
