import { DiscoNode } from '../node.js';
import { defaultStorage } from '../storage.js';
import { DiscoError } from '../errors.js';
import { getDevice, getMember } from '../consensus/queries.js';
import b4a from 'b4a';
export function storageOf(opts) {
    return opts.storage ?? defaultStorage();
}
/** Open the storage's node, run a handler against it, and close it whatever happens. */
export async function withNode(opts, fn) {
    const node = await DiscoNode.open({ storage: storageOf(opts) });
    try {
        return await fn(node);
    }
    finally {
        await node.close();
    }
}
/** The member this device writes for. */
export async function localMember(node) {
    const snap = node.snapshot();
    try {
        const device = await getDevice(snap, b4a.toString(node.localKey, 'hex'));
        const member = device === null ? null : await getMember(snap, device.member);
        if (member === null)
            throw new DiscoError('NOT_A_MEMBER', 'this device does not write for any member of the cooperative yet', 'state');
        return member;
    }
    finally {
        await snap.close();
    }
}
//# sourceMappingURL=session.js.map