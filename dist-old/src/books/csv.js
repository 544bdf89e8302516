import { accountNamer } from './accounts.js';
import { decimal } from './text.js';
/**
 * The books as a CSV file, one row per posting, for spreadsheets and accounting imports.
 * RFC 4180: CRLF line ends, a field holding a comma, a quote, CR or LF is quoted, quotes doubled.
 */
export const CSV_HEADER = ['date', 'transaction', 'description', 'account', 'amount', 'currency'];
/**
 * Spreadsheet formula injection (OWASP, "CSV Injection"): a cell starting with = + - @ (or a tab or
 * CR, which some spreadsheets skip before one) is run as a formula, and a description comes from a
 * member. A leading ' makes the spreadsheet show it as text. Amounts are ours, so are not touched.
 */
function neutralised(text) {
    return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
function field(text) {
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
/** The client and what the money was for, as hledger shows a payee and a note. */
function describe(tx) {
    return tx.payee === undefined ? tx.description : `${tx.payee} | ${tx.description}`;
}
export function renderCsv(transactions) {
    const nameOf = accountNamer(transactions.flatMap(tx => tx.postings.map(p => p.account)));
    const rows = [CSV_HEADER.join(',')];
    for (const tx of transactions) {
        for (const p of tx.postings) {
            const text = [tx.date, tx.id, describe(tx), nameOf(p.account)].map(v => field(neutralised(v)));
            rows.push([...text, decimal(p.amount, p.currency), field(neutralised(p.currency))].join(','));
        }
    }
    return rows.map(r => `${r}\r\n`).join('');
}
//# sourceMappingURL=csv.js.map