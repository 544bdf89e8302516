import type { Entry } from '../ledger/entries.js'
import type { IncomeRecord } from '../ledger/income.js'
import type { Statement } from '../ledger/statement.js'
import { addTransaction, emptySummary } from './summary.js'
import type { BooksSummary } from './summary.js'
import { cleaned, incomeTx, statementTxs, txOrder } from './transactions.js'
import type { Transaction } from './transaction.js'
import { workTx } from './work.js'
import type { WorkInput } from './work.js'

/**
 * The books as a stream, for exports of any size: the transactions come one at a time, in the
 * books' order (date, then id), merged from sources that are each in that order already (the
 * entries as the view's range read gives them, the income sorted, the statements), so nothing
 * holds every transaction. A renderer's header names every account and currency before the first
 * transaction, so the books are read twice: once for what the header needs (`summarise`, a few
 * sets), once to write.
 */

export interface BooksSources {
  /** current names: a member renamed since a statement keeps one payable account */
  members: Array<{ id: string, name: string }>
  /** income in the books' order (date, then id) */
  income: Iterable<IncomeRecord>
  statements: Statement[]
  /** entries in the books' order (the view's `entry/<date>/<id>` range), with the rules they count under */
  work?: Omit<WorkInput, 'members' | 'entries'> & { entries: AsyncIterable<Entry> | Iterable<Entry> }
}

/** The books' transactions in order, each with its zero postings left out and checked balanced. */
export async function * booksStream (input: BooksSources): AsyncGenerator<Transaction> {
  const names = new Map(input.members.map(m => [m.id, m.name]))
  const nameOf = (id: string, fallback: string): string => names.get(id) ?? fallback
  const statements = input.statements.flatMap(s => statementTxs(s, nameOf)).sort(txOrder)
  // the order of booksOf's (stable) sort for equal dates and ids, were there any: work, income, statements
  const sources: Array<AsyncIterator<Transaction> | Iterator<Transaction>> = []
  if (input.work !== undefined) sources.push(workStream(input.work, names))
  sources.push(mapped(input.income, incomeTx), statements[Symbol.iterator]())
  for await (const tx of merged(sources)) {
    const tidy = cleaned(tx)
    if (tidy !== null) yield tidy
  }
}

function * mapped<A, B> (xs: Iterable<A>, f: (x: A) => B): Iterator<B> {
  for (const x of xs) yield f(x)
}

async function * workStream (work: NonNullable<BooksSources['work']>, names: Map<string, string>): AsyncGenerator<Transaction> {
  for await (const e of work.entries) {
    const tx = workTx(e, names, work.rules, work.currency)
    if (tx !== null) yield tx
  }
}

/** A merge of sources each sorted by txOrder: the smallest head first (ties: the earlier source). */
async function * merged (sources: Array<AsyncIterator<Transaction> | Iterator<Transaction>>): AsyncGenerator<Transaction> {
  const heads: Array<Transaction | null> = []
  for (const s of sources) heads.push(await next(s))
  while (true) {
    let min = -1
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i]
      if (h !== null && h !== undefined && (min === -1 || txOrder(h, heads[min] as Transaction) < 0)) min = i
    }
    if (min === -1) return
    yield heads[min] as Transaction
    heads[min] = await next(sources[min] as AsyncIterator<Transaction>)
  }
}

async function next (s: AsyncIterator<Transaction> | Iterator<Transaction>): Promise<Transaction | null> {
  const r = await s.next()
  return r.done === true ? null : r.value
}

/** The summary a renderer's header needs (summary.ts), from one pass over a stream. */
export async function summarise (txs: AsyncIterable<Transaction>): Promise<BooksSummary> {
  const s = emptySummary()
  for await (const tx of txs) addTransaction(s, tx)
  return s
}

/**
 * Collects text and hands it on in pieces of about 64 KiB: a write per transaction would cost more
 * than the transaction. `write` may be slow (a file): each piece is awaited before the next.
 */
export class ChunkWriter {
  private parts: string[] = []
  private size = 0
  constructor (private readonly write: (chunk: string) => void | Promise<void>, private readonly chunkSize = 64 * 1024) {}

  async push (text: string): Promise<void> {
    this.parts.push(text)
    this.size += text.length
    if (this.size >= this.chunkSize) await this.flush()
  }

  async flush (): Promise<void> {
    if (this.parts.length === 0) return
    const chunk = this.parts.join('')
    this.parts = []
    this.size = 0
    await this.write(chunk)
  }
}
