import type { Entry } from '../ledger/entries.js';
import type { OpRef } from '../ledger/ops.js';
import type { OpContext } from './context.js';
export declare function findEntry(ctx: OpContext, ref: OpRef): Promise<Entry | null>;
/** The entry the op being applied logs (a fresh id: nothing to read first). */
export declare function addEntry(ctx: OpContext, entry: Entry): void;
/** `before`, the entry `ref` names, becomes `next`; a new work date moves its key. */
export declare function replaceEntry(ctx: OpContext, ref: OpRef, before: Entry, next: Entry): Promise<void>;
