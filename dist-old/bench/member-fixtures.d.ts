import type { ContributionOp, IncomeOp } from '../src/ledger/ops.js';
/** the months the spread ledgers cover: 2023-11 … 2026-10, all over */
export declare const MONTHS = 36;
export declare const LAST_MONTH = "2026-10";
/** the i-th of `count` contributions: month i % 36, so that each month holds count / 36 */
export declare function spreadContribution(i: number): ContributionOp;
export declare function spreadIncome(i: number): IncomeOp;
/**
 * A closed ledger (its storage folder) of `count` ops made by `make`, founded by Ana, built once a
 * run and removed when the process exits.
 */
export declare function spreadLedger(kind: 'entries' | 'income', count: number, say: (line: string) => void, copy?: string): Promise<string>;
export interface ChildRun {
    ms: number;
    rssMB: number;
    stdout: string;
}
/** Run `node <flags> <args>` from spawn to exit: its wall time, its peak RSS and its output. */
export declare function runChild(args: string[], flags?: string[]): Promise<ChildRun>;
