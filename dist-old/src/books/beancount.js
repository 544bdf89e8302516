import { accountNamer, memberNames } from './accounts.js';
import { decimal, singleLine } from './text.js';
import { isWorkUnit } from './work.js';
/**
 * The books as a beancount 2 ledger, which `bean-check FILE` accepts silently: every account is
 * opened on the day of its first posting (a member's with the member's current name as metadata),
 * amounts carry exactly their currency's decimals, work is in whole MINUTES and CREDITS.
 */
/** A beancount string: backslash and double quote escaped, on one line. */
const str = (s) => `"${singleLine(s).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
export function renderBeancount(transactions, opts) {
    const all = transactions.flatMap(tx => tx.postings.map(p => p.account));
    const nameOf = accountNamer(all);
    const names = memberNames(all, nameOf);
    // the money: work units (MINUTES, CREDITS) are commodities of their own, no operating currency
    const currencies = [...new Set(transactions.flatMap(tx => tx.postings.map(p => p.currency)))].filter(c => !isWorkUnit(c)).sort();
    // transactions come sorted by date, so the first date seen is the account's first use
    const opened = new Map();
    for (const tx of transactions) {
        for (const p of tx.postings) {
            const name = nameOf(p.account);
            const seen = opened.get(name);
            if (seen === undefined || tx.date < seen)
                opened.set(name, tx.date);
        }
    }
    const out = [`option "title" ${str(opts.title)}`];
    for (const c of currencies)
        out.push(`option "operating_currency" ${str(c)}`);
    out.push('');
    const opens = [...opened].sort(([a, da], [b, db]) => da < db ? -1 : da > db ? 1 : a < b ? -1 : a > b ? 1 : 0);
    for (const [name, date] of opens) {
        out.push(`${date} open ${name}`);
        // a member's accounts are named by id: the name they go by now is metadata
        if (names.has(name))
            out.push(`  name: ${str(names.get(name))}`);
    }
    for (const tx of transactions) {
        const head = tx.payee === undefined ? str(tx.description) : `${str(tx.payee)} ${str(tx.description)}`;
        out.push('', `${tx.date} * ${head}`, `  txn_id: ${str(tx.id)}`);
        if (tx.reference !== undefined)
            out.push(`  reference: ${str(tx.reference)}`);
        for (const p of tx.postings)
            out.push(`  ${nameOf(p.account)}  ${decimal(p.amount, p.currency)} ${p.currency}`);
    }
    return out.join('\n') + '\n';
}
//# sourceMappingURL=beancount.js.map