import { renderBeancount } from './beancount.js';
import { renderCsv } from './csv.js';
import { renderHledger } from './hledger.js';
export { ACCOUNT_NAME, accountName, accountNamer } from './accounts.js';
export { booksOf } from './transactions.js';
export const BOOK_FORMATS = ['csv', 'hledger', 'beancount'];
export function renderBooks(format, transactions, opts) {
    switch (format) {
        case 'csv': return renderCsv(transactions);
        case 'hledger': return renderHledger(transactions, opts);
        case 'beancount': return renderBeancount(transactions, opts);
    }
}
//# sourceMappingURL=index.js.map