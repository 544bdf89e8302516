import type { Entry } from './entries.js';
/**
 * What a member has logged in one stream over one period (a month, or their whole history):
 * minutes, the number of entries, and money per currency in minor units. Money is kept as the
 * decimal digits of an exact integer: one entry's amount is a safe JavaScript number (at most
 * MAX_MONEY_MINOR), but a sum of them is not, so sums are taken with BigInt and stored as text.
 * Minutes stay numbers: one entry has at most MAX_MINUTES, and no balance can reach 2^53 minutes
 * (apply refuses an entry that would carry one there: BALANCE_LIMIT).
 */
export interface Balance {
    minutes: number;
    entries: number;
    /** currency → exact integer minor units, as decimal text ("-2", "9999999999999997") */
    money: Record<string, string>;
}
export declare function emptyBalance(): Balance;
/** Add (sign 1) or take away (sign -1) one entry. Zero amounts are dropped, so that logging and
 * retracting an entry leaves the balance exactly as it was. */
export declare function applyEntry(balance: Balance, entry: Entry, sign: 1 | -1): Balance;
export declare function isEmptyBalance(balance: Balance): boolean;
export declare function sumBalances(a: Balance, b: Balance): Balance;
