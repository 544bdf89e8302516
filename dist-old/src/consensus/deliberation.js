import { DEFAULT_DELIBERATION_HOURS } from '../ledger/ledger-time.js';
import { GOVERNANCE_RULES_KEY } from './view-layout.js';
export const DEFAULT_DELIBERATION = { hours: DEFAULT_DELIBERATION_HOURS, proposal: null, since: 0 };
export async function currentDeliberation(tx) {
    return await tx.get(GOVERNANCE_RULES_KEY) ?? DEFAULT_DELIBERATION;
}
//# sourceMappingURL=deliberation.js.map