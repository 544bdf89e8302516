import type { Member } from '../ledger/members.js';
import type { DiscoNode } from '../node.js';
/** Change the name the cooperative sees for this device's member. */
export declare function profile(node: DiscoNode, input: {
    name: string;
}): Promise<{
    member: Member;
}>;
