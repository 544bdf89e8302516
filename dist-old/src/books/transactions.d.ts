import type { IncomeRecord } from '../ledger/income.js';
import type { Statement } from '../ledger/statement.js';
import type { WorkInput } from './work.js';
import type { Transaction } from './transaction.js';
export type { Posting, Transaction } from './transaction.js';
/**
 * The books as double-entry transactions, independent of any file format: the renderers (csv,
 * hledger, beancount) only spell these out. Pure: the same ledger gives the same books.
 */
export interface BooksInput {
    /** current names: a member renamed since a statement keeps one payable account */
    members: Array<{
        id: string;
        name: string;
    }>;
    income: IncomeRecord[];
    statements: Statement[];
    /** the work (work.ts): left out of books that carry money only */
    work?: Omit<WorkInput, 'members'>;
}
/**
 * Every transaction sums to zero in each currency: double entry. Summed in big integers so that no
 * rounding can hide an imbalance. A failure here is a bug (or a statement whose lines do not sum
 * to its pool), never a user error.
 */
export declare function assertBalanced(tx: Transaction): void;
/**
 * The books of a cooperative: its work (when given), its income, its monthly distributions and their
 * payment, sorted by
 * date then id (ids sort a statement's payment after the statement on the same day). Zero postings
 * are left out and a transaction left with none (an empty pool) is dropped: nothing happened.
 */
export declare function booksOf(input: BooksInput): Transaction[];
