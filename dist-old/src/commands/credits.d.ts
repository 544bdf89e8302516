import type { BeeReader } from 'hyperbee';
import type { Entry } from '../ledger/entries.js';
import type { Rules } from '../ledger/rules.js';
import type { StreamCredits } from '../ledger/statement.js';
import type { Stream } from '../ledger/streams.js';
import type { DiscoNode } from '../node.js';
export interface CreditsInput {
    /** YYYY-MM; this month when absent */
    month?: string;
    /** name or id */
    member?: string;
    /** every month, not one */
    lifetime?: boolean;
}
export interface CreditsRow {
    member: string;
    name: string;
    /** whether these credits have weight in a distribution (the role, under the rules) */
    paid: boolean;
    /** credit-minutes, exact integers as decimal text */
    credits: Record<Stream, string>;
}
export interface CreditsOutput {
    /** YYYY-MM, or 'lifetime' */
    period: string;
    /** 'statement': the month is distributed, these are the credits that counted; 'entries': computed now under rules `rulesVersion` */
    source: 'statement' | 'entries';
    rulesVersion: number;
    /** the currency whose money earned credits (moneyRate), if any */
    currency: string | null;
    rows: CreditsRow[];
}
/** The currency money credits are counted in outside a distribution: the latest statement's. */
export declare function accountingCurrency(r: BeeReader): Promise<string | null>;
/** Credit-minutes per participant and stream, from entries under the rules in force. */
export declare function creditsOf(entries: Entry[], rules: Rules, currency: string | null): Map<string, StreamCredits>;
/** `disco credits`: what each participant's work earns, per stream, in credit-minutes. */
export declare function credits(node: DiscoNode, input: CreditsInput): Promise<CreditsOutput>;
