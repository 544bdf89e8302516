import b4a from 'b4a';
import { DiscoError } from '../errors.js';
import { DEFAULT_CHECKIN_DAYS, checkinPeriod } from '../ledger/federation.js';
import { verifyEvidence } from './federate-signatures.js';
import { author } from './context.js';
import { FEDERATION_RULES_KEY, keys } from './view-layout.js';
import { ledgerNow } from './ledger-clock.js';
const hex = (b) => b4a.toString(b, 'hex');
export function signedStateView(s) {
    return { length: s.length, fork: s.fork, treeHash: hex(s.treeHash), signature: hex(s.signature) };
}
const nodeView = (n) => ({ index: n.index, size: n.size, hash: hex(n.hash) });
export async function federationRules(tx) {
    return await tx.get(FEDERATION_RULES_KEY) ?? { days: DEFAULT_CHECKIN_DAYS, proposal: null, since: 0 };
}
export function unknownFederate(id) {
    return DiscoError.unknownFederate(id);
}
async function activeFederate(tx, id) {
    const fed = await tx.get(keys.federate(id));
    if (fed === null || fed.removedAt !== null)
        throw unknownFederate(id);
    return fed;
}
/** Work logged for a federate needs a federate that is one now. */
export async function checkForCoopTarget(id, ctx) {
    await activeFederate(ctx.tx, id);
}
export async function checkin(op, ctx) {
    const member = await author(ctx);
    const id = hex(op.federate);
    const fed = await activeFederate(ctx.tx, id);
    const { days } = await federationRules(ctx.tx);
    // the period by the ledger time: a clock set ahead cannot take a future period's check-in
    const period = checkinPeriod(await ledgerNow(ctx.tx), days);
    const key = keys.checkin(id, period);
    const earlier = await ctx.tx.get(key);
    if (earlier !== null) {
        throw DiscoError.alreadyCheckedIn(fed.name, earlier.length, earlier.op);
    }
    const record = { federate: id, period, ...signedStateView(op), by: member.id, op: ctx.id, at: ctx.time };
    await ctx.tx.put(key, record);
    await ctx.tx.put(keys.federate(id), { ...fed, manifest: fed.manifest ?? hex(op.manifest), checkins: fed.checkins + 1, lastCheckin: record });
}
/** The same two states, in either order, are one dispute. */
export function disputeKey(a, b) {
    const [x, y] = a.length < b.length || (a.length === b.length && hex(a.treeHash) < hex(b.treeHash)) ? [a, b] : [b, a];
    return `${x.length}-${hex(x.treeHash).slice(0, 16)}-${y.length}-${hex(y.treeHash).slice(0, 16)}`;
}
export async function dispute(op, ctx) {
    const member = await author(ctx);
    const id = hex(op.federate);
    // a federation that was ended can still be disputed: the rewrite may have been its reason
    const fed = await ctx.tx.get(keys.federate(id));
    if (fed === null)
        throw unknownFederate(id);
    const kind = verifyEvidence(op);
    const key = keys.dispute(id, disputeKey(op.witnessed, op.observed));
    if (await ctx.tx.get(key) !== null)
        throw DiscoError.disputeRecorded(fed.name);
    await ctx.tx.put(key, {
        id: ctx.id, federate: id, kind, manifest: hex(op.manifest),
        witnessed: signedStateView(op.witnessed), observed: signedStateView(op.observed),
        prefix: op.prefix.map(nodeView), extension: op.extension.map(nodeView), by: member.id, at: ctx.time
    });
    await ctx.tx.put(keys.federate(id), { ...fed, disputes: fed.disputes + 1 });
}
//# sourceMappingURL=federation.js.map