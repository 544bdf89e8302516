import type { DiscoNode } from '../node.js';
import type { ProposalView } from './proposal-view.js';
/** The cooperative's proposals, oldest first, with their votes and decisions. */
export declare function proposals(node: DiscoNode, input: {
    open?: boolean;
}): Promise<{
    proposals: ProposalView[];
}>;
