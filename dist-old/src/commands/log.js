import { findByIdempotencyKey, getEntry, listMembers } from '../consensus/queries.js';
import { opId } from '../ledger/ids.js';
import { canLogValue } from '../ledger/roles.js';
import { DiscoError } from '../errors.js';
import { contributionOp } from './contribution-input.js';
import { localMember } from './session.js';
import { readBack } from './read-back.js';
import { entryView } from './views.js';
import { resolveFederate } from '../consensus/federation-queries.js';
/** Log a value entry for this device's member. */
export async function log(node, input) {
    const op = contributionOp(input);
    const me = await localMember(node);
    if (!canLogValue(me.role))
        throw DiscoError.notAllowed(me.role, 'log-value');
    if (input.confirm === true && !node.online) {
        throw new DiscoError('OFFLINE', '--confirm waits for a peer to hold the entry: run it against a running node (disco start)', 'state');
    }
    if (input.forCoop !== undefined) {
        const snap = node.snapshot();
        try {
            op.forCoop = (await resolveFederate(snap, input.forCoop)).id;
        }
        finally {
            await snap.close();
        }
    }
    if (op.key !== '') {
        const snap = node.snapshot();
        try {
            const existing = await findByIdempotencyKey(snap, me.id, op.key);
            const entry = existing === null ? null : await getEntry(snap, existing);
            if (entry !== null)
                return { entry: entryView(entry, new Map((await listMembers(snap)).map(m => [m.id, m]))), duplicate: true };
        }
        finally {
            await snap.close();
        }
    }
    const [ref] = await node.append([op]);
    const entry = await readBack(node, opId(ref));
    if (input.confirm !== true)
        return { entry, duplicate: false };
    await node.heldByPeer(ref.seq, input.confirmTimeoutMs ?? 30_000);
    return { entry, duplicate: false, confirmed: true };
}
//# sourceMappingURL=log.js.map