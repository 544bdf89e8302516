import type { InviteRole } from '../ledger/ops.js';
import type { DiscoNode } from '../node.js';
export interface InviteInput {
    /** contributor or dater; or device, for another device of your own */
    role: string;
    /** how long the code is valid: 24h by default (e.g. 30m, 2h, 168h) */
    expires?: string;
}
export interface InviteOutput {
    /** the one-time code to hand over: whoever has it can join, once, until it expires */
    code: string;
    id: string;
    role: InviteRole;
    expires: string;
}
/** Record an invite in the ledger, so that any member's running node can answer it. */
export declare function invite(node: DiscoNode, input: InviteInput, now?: number): Promise<InviteOutput>;
