import type { Entry } from '../ledger/entries.js';
import type { Rules } from '../ledger/rules.js';
import type { Transaction } from './transaction.js';
/**
 * The work in the books: every active entry as a transaction in two commodities of its own,
 * MINUTES (the entry's minutes: exact, where hours would need rounding) and CREDITS (the
 * credit-minutes it earns under the rules in force, when it earns any). The member's side is
 * `Assets:Work:<member>:<Stream>[:<project>]`, so that `hledger bal Assets:Work --depth 4` shows
 * per member and stream what `disco balance` shows; the other side is `Equity:Work:<Stream>`, what
 * the members contributed. Retracted entries stop counting, as in every report.
 */
export declare const MINUTES = "MINUTES";
export declare const CREDITS = "CREDITS";
export declare const WORK_UNITS: readonly string[];
export declare function isWorkUnit(commodity: string): boolean;
export interface WorkInput {
    /** current names, for reading: accounts are by member id */
    members: Array<{
        id: string;
        name: string;
    }>;
    entries: Entry[];
    /** the rules credits are counted under, and the currency money credits count in */
    rules: Rules;
    currency: string | null;
}
export declare function workTransactions(input: WorkInput): Transaction[];
