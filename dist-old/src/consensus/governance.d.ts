import { DiscoError } from '../errors.js';
import type { Audience, Choice, ProposalKind, ProposalStatus, Tally } from '../ledger/governance.js';
import type { Role } from '../ledger/roles.js';
import type { RoleCounts } from '../ledger/members.js';
import type { CloseOp, ProposeOp, VoteOp } from '../ledger/ops.js';
import type { OpContext } from './context.js';
import type { ActionView } from './proposal-action.js';
/** A proposal as the view keeps it. Keys in `action` are hex. */
export interface Proposal {
    id: string;
    kind: ProposalKind;
    action: ActionView;
    text: string;
    audience: Audience;
    /** ms since the epoch; 0 for none */
    deadline: number;
    /** the ledger time it must pass before anything but every binding vote decides: the deadline,
     * or without one the end of the minimum deliberation */
    deliberateUntil: number;
    by: string;
    at: number;
    status: ProposalStatus;
    reason: string;
    /** binding votes, as last counted */
    tally: Tally;
    /** participants whose vote bound, when last counted */
    voters: number;
    /** the ledger time of the decision */
    decidedAt: number | null;
    /** the vote or close op that decided it */
    decidedBy: string | null;
}
export interface VoteRecord {
    member: string;
    choice: Choice;
    reason: string;
    weight: 'binding' | 'recorded';
    at: number;
    op: string;
}
export declare function propose(op: ProposeOp, ctx: OpContext): Promise<void>;
/** Why this participant's vote on this proposal would be refused, or null. Shared by apply and by
 * the command, which refuses before appending what apply would refuse. */
export declare function voteRefusal(p: Proposal, role: Role): DiscoError | null;
/**
 * Why this participant's close would be refused at ledger time `now` with `voters` binding voters,
 * or null. A close decides a proposal once the ledger time has passed its deadline (lazy consensus:
 * silence is consent) or, without a deadline, its minimum deliberation (the binding votes alone).
 * Only a participant whose vote binds on it may close it.
 */
export declare function closeRefusal(p: Proposal, role: Role, now: number, voters: number): DiscoError | null;
export declare function vote(op: VoteOp, ctx: OpContext): Promise<void>;
export declare function close(op: CloseOp, ctx: OpContext): Promise<void>;
/** How many participants' votes bind on a proposal for this audience. */
export declare function bindingVoters(counts: RoleCounts, audience: Audience): number;
