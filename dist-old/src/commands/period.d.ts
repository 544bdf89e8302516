import type { DateRange } from '../consensus/accounting-queries.js';
/** What a report or an export covers: a month, a span of dates, or everything. */
export interface PeriodInput {
    month?: string;
    from?: string;
    to?: string;
}
export interface Period extends DateRange {
    /** how to say it: "2026-11", "2026-01-01 … 2026-03-31", "all time" */
    label: string;
}
export declare function periodOf(input: PeriodInput): Period;
export declare function inPeriod(date: string, p: DateRange): boolean;
