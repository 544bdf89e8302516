import type { BeeReader } from 'hyperbee';
import type { Op } from '../ledger/ops.js';
import type { Proposal, VoteRecord } from '../consensus/governance.js';
import type { Member } from '../ledger/members.js';
import type { DiscoNode } from '../node.js';
import { DiscoError } from '../errors.js';
/** A proposal as commands hand it out: with names, the votes, and whether its decision is signed. */
export interface ProposalView extends Proposal {
    shortId: string;
    byName: string;
    /** the participant an admit/role/remove proposal is about, by name */
    subjectName: string | null;
    /** decided, but not yet in the part of the ledger the indexers have signed */
    provisional: boolean;
    votes: Array<VoteRecord & {
        name: string;
    }>;
}
export declare function nameOf(members: Map<string, Member>, id: string): string;
export declare function proposalView(node: DiscoNode, r: BeeReader, entry: {
    proposal: Proposal;
    seq: number;
}, members?: Map<string, Member>): Promise<ProposalView>;
export declare function readProposal(node: DiscoNode, r: BeeReader, id: string): Promise<ProposalView>;
/** Why apply would refuse the op, as this node's view knows it now: the command then appends nothing. */
export type ProposalPrecheck = (r: BeeReader, proposal: Proposal, me: Member) => Promise<DiscoError | null>;
/** Append an op about a proposal (a vote, a close) and return the proposal as it now stands. */
export declare function appendOnProposal(node: DiscoNode, idText: string, op: (id: string) => Op, precheck: ProposalPrecheck): Promise<{
    proposal: ProposalView;
}>;
