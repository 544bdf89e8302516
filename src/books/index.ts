import { beancountHeader, beancountTransaction, renderBeancount } from './beancount.js'
import { csvHeader, csvTransaction, renderCsv } from './csv.js'
import { hledgerHeader, hledgerTransaction, renderHledger } from './hledger.js'
import { ChunkWriter, summarise } from './stream.js'
import { namesOf } from './summary.js'
import type { BooksSummary } from './summary.js'
import type { Transaction } from './transactions.js'

/**
 * The books layer: a cooperative's income and distribution statements as accounting books
 * (transactions.ts), spelled out as CSV, an hledger journal or a beancount ledger: whole (renderBooks,
 * pure: transactions in, a string out) or streamed (writeBooks: pieces handed to a writer as they
 * are made). Writing files is the caller's.
 */
export type { Account } from './accounts.js'
export { ACCOUNT_NAME, accountName, accountNamer } from './accounts.js'
export type { BooksInput, Posting, Transaction } from './transactions.js'
export { booksOf } from './transactions.js'
export type { BooksSources } from './stream.js'
export { booksStream } from './stream.js'

export const BOOK_FORMATS = ['csv', 'hledger', 'beancount'] as const
export type BookFormat = typeof BOOK_FORMATS[number]

export function renderBooks (format: BookFormat, transactions: Transaction[], opts: { title: string }): string {
  switch (format) {
    case 'csv': return renderCsv(transactions)
    case 'hledger': return renderHledger(transactions, opts)
    case 'beancount': return renderBeancount(transactions, opts)
  }
}

/**
 * The books written in pieces (about 64 KiB each, awaited in turn), the same bytes as renderBooks:
 * `transactions` is called twice, once for what the header names (every account and currency),
 * once to write, so no more than a piece and the header's sets are held at a time.
 */
export async function writeBooks (format: BookFormat, transactions: () => AsyncIterable<Transaction>, opts: { title: string }, write: (chunk: string) => void | Promise<void>): Promise<BooksSummary> {
  const summary = await summarise(transactions())
  const { nameOf } = namesOf(summary)
  const out = new ChunkWriter(write)
  const [header, each, end] = format === 'csv'
    ? [csvHeader(), csvTransaction, '']
    : format === 'hledger' ? [hledgerHeader(summary, opts), hledgerTransaction, '\n'] : [beancountHeader(summary, opts), beancountTransaction, '\n']
  await out.push(header)
  for await (const tx of transactions()) await out.push(each(tx, nameOf))
  await out.push(end)
  await out.flush()
  return summary
}
