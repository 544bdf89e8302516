import type { Member } from '../ledger/members.js';
import type { DiscoNode } from '../node.js';
/** Everyone in the cooperative: id, name, role and devices. */
export declare function members(node: DiscoNode): Promise<{
    members: Member[];
}>;
