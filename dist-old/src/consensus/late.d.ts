import type { Entry } from '../ledger/entries.js';
import type { CreditDelta } from '../ledger/statement.js';
import type { OpContext } from './context.js';
/**
 * Late changes (docs/accounting.md, "Closing the month"): a statement never changes, so an entry
 * logged, amended, retracted or endorsed later for a distributed month is recorded here instead,
 * with the credits it would have added or taken away. Under `late: carry` the next distribution
 * counts them; under `ignore` it settles them without counting.
 */
export type LateKind = 'logged' | 'amended' | 'retracted' | 'endorsed';
export interface LateChange {
    /** the op that made the change */
    id: string;
    entry: string;
    member: string;
    kind: LateKind;
    /** the distributed month it reached */
    month: string;
    at: number;
    /** the credits it changes, under the rules and in the currency of when it happened */
    deltas: CreditDelta[];
    /** the month whose distribution settled it, and whether that one counted it */
    settledIn: string | null;
    counted: boolean;
}
/** Record the change from `before` to `after` (null: the entry did not exist / no longer counts)
 * for each distributed month it touches. */
export declare function noteLate(ctx: OpContext, kind: LateKind, before: Entry | null, after: Entry | null): Promise<void>;
