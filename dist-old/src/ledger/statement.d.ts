import type { Entry } from './entries.js';
import type { Role } from './roles.js';
import type { Rules } from './rules.js';
import type { Stream } from './streams.js';
/**
 * A month's distribution statement (docs/accounting.md): computed once, in apply, when a
 * `distribute` proposal passes, and never changed after but for its payment record. Pure and
 * integer-only: the same ledger gives every node the same bytes.
 */
export interface StatementLine {
    member: string;
    /** the participant's name and role when the month was distributed */
    name: string;
    role: Role;
    /** whether their credits had weight (false: a dater under `daterCredits: recorded`, a supporter) */
    paid: boolean;
    /** credit-minutes per stream that counted, late changes carried in included: exact integers as
     * decimal text (money credits make them pass 2^53) */
    credits: Record<Stream, string>;
    /** minor units per stream */
    amounts: Record<Stream, number>;
    total: number;
}
export interface Payment {
    /** the member who recorded the payment */
    by: string;
    /** the day it was paid, YYYY-MM-DD */
    date: string;
    reference: string;
    /** the `paid` op */
    op: string;
    at: number;
}
export interface Statement {
    month: string;
    currency: string;
    /** minor units */
    pool: number;
    rulesVersion: number;
    /** the `distribute` proposal, and the op whose vote or close decided it */
    proposal: string;
    decidedBy: string;
    /** ledger time of that op */
    closedAt: number;
    /** what each stream received of the pool */
    streams: Record<Stream, number>;
    /** every participant with credits, by member id */
    lines: StatementLine[];
    /** how many of the month's entries earned credits */
    entries: number;
    /** the late changes (to earlier distributed months) this statement counted or settled */
    carried: string[];
    paid: Payment | null;
}
/** Who a participant was when the month is distributed. */
export interface Participant {
    id: string;
    name: string;
    role: Role;
}
/** One credit change that reaches a distribution from outside its month: a late change carried in. */
export interface CreditDelta {
    member: string;
    stream: Stream;
    /** exact integer credit-minutes as decimal text, negative for credits taken away */
    credits: string;
}
/**
 * The credit-minutes one entry earns (docs/accounting.md, "What earns credits"): 0 unless it is
 * active, and endorsed where the rules require it; minutes × rate, plus, for money earned in the
 * distribution's currency, floor(amount × moneyRate / 100).
 */
export declare function entryCredits(entry: Entry, rules: Rules, currency: string): bigint;
/** Credits per stream, exact. */
export type StreamCredits = Record<Stream, bigint>;
export declare function noCredits(): StreamCredits;
/** Credits as the view and the commands write them: exact integers as decimal text. */
export declare function creditsText(c: StreamCredits): Record<Stream, string>;
/** Whether a participant's credits have weight in a distribution under these rules. */
export declare function isPaid(role: Role, rules: Rules): boolean;
export interface StatementInput {
    month: string;
    currency: string;
    pool: number;
    rules: Rules;
    rulesVersion: number;
    participants: Participant[];
    /** the entries dated in the month (any order; inactive ones earn nothing) */
    entries: Entry[];
    /** credit changes carried in from late changes to earlier statements */
    carried: CreditDelta[];
}
export type StatementResult = {
    ok: true;
    streams: Record<Stream, number>;
    lines: StatementLine[];
    entries: number;
} | {
    ok: false;
    problem: string;
};
/** The money part of a statement: credits per participant and stream, then the split. */
export declare function computeStatement(input: StatementInput): StatementResult;
