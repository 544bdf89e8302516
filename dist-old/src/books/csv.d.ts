import type { Transaction } from './transactions.js';
/**
 * The books as a CSV file, one row per posting, for spreadsheets and accounting imports.
 * RFC 4180: CRLF line ends, a field holding a comma, a quote, CR or LF is quoted, quotes doubled.
 */
export declare const CSV_HEADER: string[];
export declare function renderCsv(transactions: Transaction[]): string;
