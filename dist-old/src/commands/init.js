import b4a from 'b4a';
import os from 'node:os';
import { DiscoNode } from '../node.js';
import { storageOf } from './session.js';
/** Found a cooperative's ledger: this device becomes its first member's first device and indexer. */
export async function init(input) {
    const storage = storageOf(input);
    const memberName = input.me ?? os.userInfo().username;
    const node = await DiscoNode.create({ storage, coopName: input.name.trim(), memberName: memberName.trim() });
    try {
        const id = b4a.toString(node.localKey, 'hex');
        return {
            storage,
            ledger: b4a.toString(node.key, 'hex'),
            cooperative: input.name.trim(),
            member: { id, name: memberName.trim(), role: 'member' }
        };
    }
    finally {
        await node.close();
    }
}
//# sourceMappingURL=init.js.map