import type { DiscoNode } from './node.js';
/**
 * Wait until every node holds the same view (length and digest) and the indexers have signed every
 * change to it. The view's signed length is the measure, not the system core's: the indexers' last
 * acknowledgements are system blocks that nothing signs after them, and a node may hold a few
 * unlinearised acknowledgements of its own, so system lengths differ while the ledgers agree.
 * Re-checks on each ledger update, and at least every half second (a signature can land on a node
 * without an update).
 */
export declare function converge(nodes: DiscoNode[], timeoutMs: number): Promise<void>;
