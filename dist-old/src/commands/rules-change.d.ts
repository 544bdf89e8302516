import type { Rules } from '../ledger/rules.js';
/**
 * What a member asks to change in the accounting rules, as typed: `--rate love=2`, `--split 50/30/20`.
 * A `rules` proposal carries the whole new set: the current rules with these changes.
 */
export interface RulesChange {
    /** "stream=credits per hour", one per stream to change */
    rate?: string[];
    /** livelihood/love/care weights, e.g. "50/30/20" */
    split?: string;
    moneyRate?: string | number;
    careWeight?: string | number;
    daterCredits?: string;
    /** yes or no */
    needsEndorsement?: string | boolean;
    late?: string;
}
export declare function changedRules(current: Rules, change: RulesChange): Rules;
