import b4a from 'b4a';
import { getCooperative, getDevice, getDigest, getProtocolVersion, listMembers, rejectionTotals } from '../consensus/queries.js';
import { PROTOCOL_VERSION } from '../ledger/ops.js';
export async function status(node) {
    const snap = node.snapshot();
    try {
        const device = b4a.toString(node.localKey, 'hex');
        const members = await listMembers(snap);
        const mine = await getDevice(snap, device);
        const me = mine === null ? undefined : members.find(m => m.id === mine.member);
        return {
            storage: node.storage,
            cooperative: (await getCooperative(snap))?.name ?? null,
            ledger: b4a.toString(node.key, 'hex'),
            device,
            member: me === undefined ? null : { id: me.id, name: me.name, role: me.role },
            writable: node.base.writable,
            indexer: node.base.isIndexer,
            members: members.length,
            devices: members.reduce((n, m) => n + m.devices.length, 0),
            localLength: node.base.local.length,
            length: node.base.length,
            signedLength: node.base.signedLength,
            unsignedChanges: node.view.core.length - node.view.core.signedLength,
            digest: await getDigest(snap),
            protocol: { active: await getProtocolVersion(snap), supported: PROTOCOL_VERSION },
            rejected: await rejectionTotals(snap),
            mirrors: await node.mirrors()
        };
    }
    finally {
        await snap.close();
    }
}
//# sourceMappingURL=status.js.map