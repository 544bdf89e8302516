import type { Transaction } from './transactions.js';
/**
 * The books layer: a cooperative's income and distribution statements as accounting books
 * (transactions.ts), spelled out as CSV, an hledger journal or a beancount ledger. Pure: strings in,
 * a string out; writing files is the caller's.
 */
export type { Account } from './accounts.js';
export { ACCOUNT_NAME, accountName, accountNamer } from './accounts.js';
export type { BooksInput, Posting, Transaction } from './transactions.js';
export { booksOf } from './transactions.js';
export declare const BOOK_FORMATS: readonly ["csv", "hledger", "beancount"];
export type BookFormat = typeof BOOK_FORMATS[number];
export declare function renderBooks(format: BookFormat, transactions: Transaction[], opts: {
    title: string;
}): string;
