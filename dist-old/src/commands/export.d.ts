import type { DiscoNode } from '../node.js';
import type { Period, PeriodInput } from './period.js';
export interface ExportInput extends PeriodInput {
    format: string;
}
/** The books' formats, and ValueFlows: the work and the money as economic events (JSON-LD). */
export declare const EXPORT_FORMATS: readonly ["csv", "hledger", "beancount", "valueflows"];
export type ExportFormat = typeof EXPORT_FORMATS[number];
export interface ExportOutput {
    format: ExportFormat;
    period: Period;
    transactions: number;
    /** of which the work entries (hledger, beancount and valueflows; the CSV carries money only) */
    work: number;
    /** the rules version the work's CREDITS are counted under */
    rulesVersion: number;
    /** the books, ready to write to a file */
    content: string;
}
/**
 * `disco export`: the books for a treasurer's tools. Money: income, distributions and payments; a
 * transaction belongs to the period by its date: an income by the day it came in, a distribution by
 * its month's last day, a payment by the day it was paid. Work (hledger and beancount): every active
 * entry dated in the period, in MINUTES and CREDITS (src/books/work.ts), so that the tools show
 * what `disco balance` and `disco credits` show.
 */
export declare function exportBooks(node: DiscoNode, input: ExportInput): Promise<ExportOutput>;
