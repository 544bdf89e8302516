import type { Rejection, RejectionCount } from '../consensus/apply.js';
import type { DiscoNode } from '../node.js';
/** Ops the ledger refused, with their reasons: nothing a member wrote disappears unexplained. The
 * view keeps each reason as a code and params; the words are this release's (renderRejection). */
export declare function rejections(node: DiscoNode, input: {
    limit?: number;
}): Promise<{
    rejections: Rejection[];
    count: RejectionCount;
}>;
