import { getProposal, listMembers, listVotes, resolveProposalId } from '../consensus/queries.js';
import { throwIfRejected } from './read-back.js';
import { opId } from '../ledger/ids.js';
import { shortId } from '../ledger/ids.js';
import { DiscoError } from '../errors.js';
import { localMember } from './session.js';
export function nameOf(members, id) {
    return members.get(id)?.name ?? id.slice(0, 8);
}
export async function proposalView(node, r, entry, members) {
    const byId = members ?? new Map((await listMembers(r)).map(m => [m.id, m]));
    const p = entry.proposal;
    const a = p.action;
    const subject = a.kind === 'role' || a.kind === 'remove' ? nameOf(byId, a.member) : a.kind === 'admit' ? a.name : null;
    return {
        ...p,
        shortId: shortId(p.id),
        byName: nameOf(byId, p.by),
        subjectName: subject,
        // the view block that recorded the decision is signed once the view core's signed length passes it
        provisional: p.status !== 'open' && entry.seq >= node.view.core.signedLength,
        votes: (await listVotes(r, p.id)).map(v => ({ ...v, name: nameOf(byId, v.member) }))
    };
}
export async function readProposal(node, r, id) {
    const got = await getProposal(r, id);
    if (got === null)
        throw new Error(`proposal ${id} vanished`);
    return await proposalView(node, r, got);
}
/** Append an op about a proposal (a vote, a close) and return the proposal as it now stands. */
export async function appendOnProposal(node, idText, op, precheck) {
    const me = await localMember(node);
    let snap = node.snapshot();
    let id;
    try {
        id = await resolveProposalId(snap, idText);
        const got = await getProposal(snap, id);
        if (got === null)
            throw DiscoError.proposalNotFound(id);
        const refusal = await precheck(snap, got.proposal, me);
        if (refusal !== null)
            throw refusal;
    }
    finally {
        await snap.close();
    }
    const [ref] = await node.append([op(id)]);
    snap = node.snapshot();
    try {
        await throwIfRejected(snap, opId(ref));
        return { proposal: await readProposal(node, snap, id) };
    }
    finally {
        await snap.close();
    }
}
//# sourceMappingURL=proposal-view.js.map