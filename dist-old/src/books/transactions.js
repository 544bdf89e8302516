import { lastDayOfMonth } from '../ledger/dates.js';
import { STREAMS } from '../ledger/streams.js';
import { workTransactions } from './work.js';
const BANK = { kind: 'bank' };
/**
 * Every transaction sums to zero in each currency: double entry. Summed in big integers so that no
 * rounding can hide an imbalance. A failure here is a bug (or a statement whose lines do not sum
 * to its pool), never a user error.
 */
export function assertBalanced(tx) {
    const sums = new Map();
    for (const p of tx.postings) {
        if (!Number.isSafeInteger(p.amount))
            throw new Error(`books: ${tx.id}: amount ${p.amount} is not a whole number of minor units`);
        sums.set(p.currency, (sums.get(p.currency) ?? 0n) + BigInt(p.amount));
    }
    for (const [currency, sum] of sums) {
        if (sum !== 0n)
            throw new Error(`books: transaction ${tx.id} does not balance: ${sum} ${currency} (minor units) left over`);
    }
}
function incomeTx(income) {
    const c = income.currency;
    const tx = {
        date: income.date,
        id: income.id,
        description: income.description.trim() === '' ? 'Income' : income.description,
        postings: [
            { account: BANK, amount: income.amount, currency: c },
            { account: { kind: 'income', client: income.client }, amount: -income.amount, currency: c }
        ]
    };
    // a blank client still has its account (by its exact text) but is no payee worth showing
    if (income.client.trim() !== '')
        tx.payee = income.client;
    return tx;
}
/** The month's distribution: the streams are the expense, what each member is owed the liability. */
function statementTx(s, nameOf) {
    const c = s.currency;
    const postings = [];
    for (const stream of STREAMS) {
        if (s.streams[stream] > 0)
            postings.push({ account: { kind: 'distribution', stream }, amount: s.streams[stream], currency: c });
    }
    for (const l of s.lines) {
        if (l.total > 0)
            postings.push({ account: { kind: 'payable', member: l.member, name: nameOf(l.member, l.name) }, amount: -l.total, currency: c });
    }
    return { date: lastDayOfMonth(s.month), id: `stmt-${s.month}`, description: `Distribution ${s.month} (rules v${s.rulesVersion})`, postings };
}
/** Paying the statement out settles every member's payable from the bank. */
function paymentTx(s, paid, nameOf) {
    const c = s.currency;
    const postings = [];
    for (const l of s.lines) {
        if (l.total > 0)
            postings.push({ account: { kind: 'payable', member: l.member, name: nameOf(l.member, l.name) }, amount: l.total, currency: c });
    }
    if (s.pool > 0)
        postings.push({ account: BANK, amount: -s.pool, currency: c });
    const tx = {
        date: paid.date,
        id: `stmt-${s.month}-paid`,
        description: paid.reference === '' ? `Payment of distribution ${s.month}` : `Payment of distribution ${s.month}, reference ${paid.reference}`,
        postings
    };
    if (paid.reference !== '')
        tx.reference = paid.reference;
    return tx;
}
/**
 * The books of a cooperative: its work (when given), its income, its monthly distributions and their
 * payment, sorted by
 * date then id (ids sort a statement's payment after the statement on the same day). Zero postings
 * are left out and a transaction left with none (an empty pool) is dropped: nothing happened.
 */
export function booksOf(input) {
    const names = new Map(input.members.map(m => [m.id, m.name]));
    const nameOf = (id, fallback) => names.get(id) ?? fallback;
    const txs = [];
    if (input.work !== undefined)
        txs.push(...workTransactions({ ...input.work, members: input.members }));
    for (const income of input.income)
        txs.push(incomeTx(income));
    for (const s of input.statements) {
        txs.push(statementTx(s, nameOf));
        if (s.paid !== null)
            txs.push(paymentTx(s, s.paid, nameOf));
    }
    const books = txs
        .map(tx => ({ ...tx, postings: tx.postings.filter(p => p.amount !== 0) }))
        .filter(tx => tx.postings.length > 0);
    for (const tx of books)
        assertBalanced(tx);
    return books.sort((a, b) => a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
//# sourceMappingURL=transactions.js.map