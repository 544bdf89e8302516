import { renderBeancount } from './beancount.js'
import { renderCsv } from './csv.js'
import { renderHledger } from './hledger.js'
import type { Transaction } from './transactions.js'

/**
 * The books layer: a cooperative's income and distribution statements as accounting books
 * (transactions.ts), spelled out as CSV, an hledger journal or a beancount ledger. Pure: strings in,
 * a string out; writing files is the caller's.
 */
export type { Account } from './accounts.js'
export { ACCOUNT_NAME, accountName, accountNamer } from './accounts.js'
export type { BooksInput, Posting, Transaction } from './transactions.js'
export { booksOf } from './transactions.js'

export const BOOK_FORMATS = ['csv', 'hledger', 'beancount'] as const
export type BookFormat = typeof BOOK_FORMATS[number]

export function renderBooks (format: BookFormat, transactions: Transaction[], opts: { title: string }): string {
  switch (format) {
    case 'csv': return renderCsv(transactions)
    case 'hledger': return renderHledger(transactions, opts)
    case 'beancount': return renderBeancount(transactions, opts)
  }
}
