import type { BeeReader } from 'hyperbee';
import type { Entry } from '../ledger/entries.js';
import type { IncomeRecord } from '../ledger/income.js';
import type { RulesRecord } from '../ledger/rules.js';
import type { Statement } from '../ledger/statement.js';
import type { LateChange } from './late.js';
/** Reads of the accounting part of the view: rules, income, statements, late changes. */
export declare function getRules(r: BeeReader): Promise<RulesRecord>;
/** Every version of the rules, the defaults (version 0) first. */
export declare function listRulesVersions(r: BeeReader): Promise<RulesRecord[]>;
export declare function getStatement(r: BeeReader, month: string): Promise<Statement | null>;
/** Statements in month order, optionally those of months in [from, to] (YYYY-MM). */
export declare function listStatements(r: BeeReader, from?: string, to?: string): Promise<Statement[]>;
/** Late changes to one distributed month, or to all of them. */
export declare function listLate(r: BeeReader, month?: string): Promise<LateChange[]>;
/** A date range, inclusive, as YYYY-MM-DD (or a prefix of one: '2026-11' is the month). */
export interface DateRange {
    from: string;
    to: string;
}
export declare function getIncome(r: BeeReader, id: string): Promise<IncomeRecord | null>;
/** The income a member recorded with an idempotency key, if any. */
export declare function incomeByKey(r: BeeReader, member: string, key: string): Promise<IncomeRecord | null>;
/** Income received in the range, by date. */
export declare function listIncome(r: BeeReader, range: DateRange): Promise<IncomeRecord[]>;
/** Entries dated in the range (retracted ones included), by date. */
export declare function entriesBetween(r: BeeReader, range: DateRange): Promise<Entry[]>;
