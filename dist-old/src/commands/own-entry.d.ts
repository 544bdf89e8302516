import type { Entry } from '../ledger/entries.js';
import type { DiscoNode } from '../node.js';
/** The entry a person named, checked the way apply will check it: exists, is theirs, is live. */
export declare function ownLiveEntry(node: DiscoNode, idText: string): Promise<Entry>;
