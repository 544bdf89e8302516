import type { Account } from './accounts.js';
/**
 * One double-entry transaction of the books, independent of any file format: what every part of
 * the books (work.ts, transactions.ts) makes and every renderer spells out.
 */
export interface Posting {
    account: Account;
    /** signed minor units (or minutes, credit-minutes: work.ts): positive is a debit (money in the bank, an expense), negative a credit */
    amount: number;
    currency: string;
}
export interface Transaction {
    /** YYYY-MM-DD */
    date: string;
    /** stable across exports: the entry or income op id, `stmt-<month>`, `stmt-<month>-paid` */
    id: string;
    /** who the money came from, where there is one (the client of an income) */
    payee?: string;
    description: string;
    reference?: string;
    postings: Posting[];
}
