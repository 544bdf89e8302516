import { currencyExponent } from '../ledger/currency.js';
import { accountNamer, memberNames } from './accounts.js';
import { decimal, singleLine } from './text.js';
import { isWorkUnit } from './work.js';
/**
 * The books as an hledger journal (read as is by hledger 1.25: `hledger -f FILE bal`, also with
 * --strict, since every account and commodity is declared).
 *
 * hledger decodes the file by the locale: with LANG=C it stops at the first non-ASCII byte
 * ("invalid byte sequence"). Read it under a UTF-8 locale (LC_ALL=C.UTF-8).
 */
/**
 * In a description ';' starts a comment (the rest would be lost) and the first '|' splits payee from
 * note: the member's text gets ',' and '/' instead.
 */
const text = (s) => singleLine(s).replaceAll(';', ',').replaceAll('|', '/');
/** The code, in parentheses: ends at ')'. Ids are ours, but nothing may break the line. */
const code = (id) => id.replace(/[^\x21-\x7e]|[()]/g, '_');
/**
 * One commodity directive per currency fixes its decimals (JPY 0, BHD 3) for display; hledger 1.25
 * refuses a directive with no decimal mark ("1000 JPY"), so a bare "1000." declares zero decimals.
 * Work units are whole minutes.
 */
const commodity = (c) => `commodity 1000.${'0'.repeat(isWorkUnit(c) ? 0 : currencyExponent(c))} ${c}`;
export function renderHledger(transactions, opts) {
    const all = transactions.flatMap(tx => tx.postings.map(p => p.account));
    const nameOf = accountNamer(all);
    const names = memberNames(all, nameOf);
    const currencies = [...new Set(transactions.flatMap(tx => tx.postings.map(p => p.currency)))].sort();
    const accounts = [...new Set(all.map(nameOf))].sort();
    const out = [`; ${singleLine(opts.title)}`, '', '; amounts use a decimal point and no thousands separator', 'decimal-mark .', ''];
    for (const c of currencies)
        out.push(commodity(c));
    if (currencies.length > 0)
        out.push('');
    // a member's accounts are named by id: the name they go by now is the comment
    for (const a of accounts)
        out.push(names.has(a) ? `account ${a}  ; ${text(names.get(a))}` : `account ${a}`);
    for (const tx of transactions) {
        const payee = text(tx.payee ?? '');
        const description = payee === '' ? text(tx.description) : `${payee} | ${text(tx.description)}`;
        out.push('', `${tx.date} (${code(tx.id)}) ${description}`.trimEnd());
        if (tx.reference !== undefined)
            out.push(`    ; reference: ${singleLine(tx.reference)}`);
        for (const p of tx.postings)
            out.push(`    ${nameOf(p.account)}  ${decimal(p.amount, p.currency)} ${p.currency}`);
    }
    return out.join('\n') + '\n';
}
//# sourceMappingURL=hledger.js.map