import type { DiscoNode } from '../node.js';
import type { AmendInput } from './contribution-input.js';
import type { EntryView } from './views.js';
/** Correct one of your own entries: a new op that names it and the fields that change. */
export declare function amend(node: DiscoNode, input: AmendInput & {
    id: string;
}): Promise<{
    entry: EntryView;
}>;
