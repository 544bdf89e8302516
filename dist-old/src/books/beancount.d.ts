import type { Transaction } from './transactions.js';
export declare function renderBeancount(transactions: Transaction[], opts: {
    title: string;
}): string;
