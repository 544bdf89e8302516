import type { Balance } from '../ledger/balances.js';
import type { Entry } from '../ledger/entries.js';
import type { Member } from '../ledger/members.js';
import type { Stream } from '../ledger/streams.js';
/** An entry as commands hand it out: the ledger's record, plus its short id and author's name. */
export interface EntryView extends Omit<Entry, 'money'> {
    shortId: string;
    memberName: string;
    money: MoneyView | null;
}
export interface MoneyView {
    /** integer minor units, as decimal digits ("12050", "-2"): exact at any size, where a JSON
     * number is not past 2^53 */
    amount: string;
    currency: string;
    /** the amount as decimal text, e.g. "120.50" */
    display: string;
}
export declare function moneyView(amount: number | bigint | string, currency: string): MoneyView;
export declare function entryView(entry: Entry, members: Map<string, Member>): EntryView;
export interface BalanceView {
    stream: Stream;
    minutes: number;
    entries: number;
    money: MoneyView[];
}
export declare function balanceView(stream: Stream, balance: Balance): BalanceView;
