import { getJson } from '../consensus/queries.js';
import { MIRRORS_KEY } from '../consensus/view-layout.js';
/** The cooperative's mirrors as the ledger names them (hex keys): set by passed `mirrors` proposals. */
export async function readMirrors(r) {
    return (await getJson(r, MIRRORS_KEY))?.keys ?? [];
}
//# sourceMappingURL=rule.js.map