import type { DiscoNode } from '../node.js';
import type { EntryView } from './views.js';
/** Confirm another member's entry. Checked here the way apply checks it, so a refusal appends nothing. */
export declare function endorse(node: DiscoNode, input: {
    id: string;
}): Promise<{
    entry: EntryView;
}>;
