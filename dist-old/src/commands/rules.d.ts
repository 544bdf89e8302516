import type { RulesRecord } from '../ledger/rules.js';
import type { DiscoNode } from '../node.js';
/** The accounting rules in force, and every earlier version. */
export declare function rules(node: DiscoNode): Promise<{
    current: RulesRecord;
    versions: RulesRecord[];
}>;
