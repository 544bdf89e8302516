import { opId, refFromFullId } from '../ledger/ids.js';
import { ownLiveEntry } from './own-entry.js';
import { readBack } from './read-back.js';
/** Withdraw one of your own entries: it stays in the ledger, marked, and stops counting. */
export async function retract(node, input) {
    const entry = await ownLiveEntry(node, input.id);
    const [ref] = await node.append([{ type: 'retract', target: refFromFullId(entry.id), reason: (input.reason ?? '').trim() }]);
    return { entry: await readBack(node, opId(ref), entry.id) };
}
//# sourceMappingURL=retract.js.map