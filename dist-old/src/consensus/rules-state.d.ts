import type { RulesRecord } from '../ledger/rules.js';
import type { ViewTx } from './view-tx.js';
/** The accounting rules in force at this point of the ledger: version 0, the defaults, until a
 * `rules` proposal passes. */
export declare function currentRules(tx: ViewTx): Promise<RulesRecord>;
