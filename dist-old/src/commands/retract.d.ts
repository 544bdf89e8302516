import type { DiscoNode } from '../node.js';
import type { EntryView } from './views.js';
/** Withdraw one of your own entries: it stays in the ledger, marked, and stops counting. */
export declare function retract(node: DiscoNode, input: {
    id: string;
    reason?: string;
}): Promise<{
    entry: EntryView;
}>;
