import type { Stream } from './streams.js';
/**
 * The cooperative's accounting rules (docs/accounting.md, "The rules"). They change only by a
 * passed `rules` proposal, which carries the whole new set; every version is kept, numbered from
 * 0 (the defaults, before any proposal), and every statement names the version it used.
 */
export declare const DATER_CREDITS: readonly ["paid", "recorded"];
export type DaterCredits = typeof DATER_CREDITS[number];
export declare const LATE_POLICIES: readonly ["carry", "ignore"];
export type LatePolicy = typeof LATE_POLICIES[number];
export interface Rules {
    /** whole credits per hour of work, per stream */
    rate: Record<Stream, number>;
    /** credit-minutes per 100 minor units a livelihood entry earned, in the distribution's currency */
    moneyRate: number;
    /** whole weights of a pool's split between the streams */
    split: Record<Stream, number>;
    /** the care rebalancing, in thousandths */
    careWeight: number;
    daterCredits: DaterCredits;
    /** only entries endorsed by another member earn credits */
    needsEndorsement: boolean;
    /** what late changes to a distributed month do */
    late: LatePolicy;
}
export declare const DEFAULT_RULES: Rules;
/** The bounds keep every product in apply far inside what BigInt and JSON numbers hold exactly. */
export declare const RULE_LIMITS: {
    readonly rate: 1000;
    readonly moneyRate: 100000;
    readonly split: 1000000;
    readonly careWeight: 10000;
};
/** The rules in force, as the view keeps them. */
export interface RulesRecord {
    version: number;
    rules: Rules;
    /** the proposal that set them (null for the defaults) */
    proposal: string | null;
    /** ledger time they took effect (0 for the defaults) */
    since: number;
}
export declare const DEFAULT_RULES_RECORD: RulesRecord;
export declare function validateRules(r: Rules): void;
