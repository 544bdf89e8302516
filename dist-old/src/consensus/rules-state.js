import { DEFAULT_RULES_RECORD } from '../ledger/rules.js';
import { RULES_KEY } from './view-layout.js';
/** The accounting rules in force at this point of the ledger: version 0, the defaults, until a
 * `rules` proposal passes. */
export async function currentRules(tx) {
    return await tx.get(RULES_KEY) ?? DEFAULT_RULES_RECORD;
}
//# sourceMappingURL=rules-state.js.map