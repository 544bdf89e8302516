import type { Transaction } from './transactions.js';
export declare function renderHledger(transactions: Transaction[], opts: {
    title: string;
}): string;
