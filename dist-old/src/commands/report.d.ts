import type { DiscoNode } from '../node.js';
import type { Period, PeriodInput } from './period.js';
import type { MoneyView } from './views.js';
export declare const REPORT_BY: readonly ["member", "stream", "project", "client", "coop"];
export type ReportBy = typeof REPORT_BY[number];
export interface ReportInput extends PeriodInput {
    by?: string;
}
export interface ReportRow {
    key: string;
    label: string;
    minutes: number;
    entries: number;
    /** credit-minutes under the rules in force: an exact integer as decimal text */
    credits: string;
    /** what livelihood entries say they earned */
    money: MoneyView[];
    /** income received */
    income: MoneyView[];
    /** what statements dated in the period distributed */
    payouts: MoneyView[];
}
export interface ReportOutput {
    period: Period;
    by: ReportBy;
    rulesVersion: number;
    rows: ReportRow[];
    total: ReportRow;
}
/**
 * `disco report`: hours, credits, money, income and payouts over a period, grouped. Income and
 * payouts that belong to no group of the kind asked for (income by stream, say) get a row of their own.
 */
export declare function report(node: DiscoNode, input: ReportInput): Promise<ReportOutput>;
