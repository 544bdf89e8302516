import type { ViewTx } from './view-tx.js';
/** The minimum deliberation in force, as the view keeps it: set by a passed `deliberation` proposal. */
export interface DeliberationRecord {
    hours: number;
    /** the proposal that set it (null for the default) */
    proposal: string | null;
    /** the ledger time it took effect (0 for the default) */
    since: number;
}
export declare const DEFAULT_DELIBERATION: DeliberationRecord;
export declare function currentDeliberation(tx: ViewTx): Promise<DeliberationRecord>;
