import type { DiscoNode } from '../node.js';
import type { EntryView } from './views.js';
export interface EntriesInput {
    /** a member's name or id */
    member?: string;
    stream?: string;
    /** YYYY-MM */
    month?: string;
    project?: string;
    /** the most recent n */
    limit?: number;
    /** only active entries no other member has endorsed yet */
    unendorsed?: boolean;
}
/** The ledger's value entries, oldest first, retracted ones included and marked. */
export declare function entries(node: DiscoNode, input: EntriesInput): Promise<{
    entries: EntryView[];
}>;
