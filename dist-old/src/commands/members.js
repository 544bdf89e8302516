import { listMembers } from '../consensus/queries.js';
/** Everyone in the cooperative: id, name, role and devices. */
export async function members(node) {
    const snap = node.snapshot();
    try {
        return { members: await listMembers(snap) };
    }
    finally {
        await snap.close();
    }
}
//# sourceMappingURL=members.js.map