/**
 * How a proposal is decided (docs/governance.md, with its truth table). Pure: apply calls it
 * with the binding votes counted at that point of the ledger and the number of participants
 * whose vote binds, after every vote and at a close.
 */
export declare const CHOICES: readonly ["yes", "no", "abstain", "block"];
export type Choice = typeof CHOICES[number];
/** The order is the wire tag: append, never reorder. */
export declare const PROPOSAL_KINDS: readonly ["admit", "role", "remove", "indexers", "protocol", "motion", "rules", "distribute", "federate", "unfederate", "trust", "checkins", "deliberation", "mirrors"];
export type ProposalKind = typeof PROPOSAL_KINDS[number];
/** Who a proposal asks: the members (the default), or all constituents (supporters vote too). */
export declare const AUDIENCES: readonly ["members", "all"];
export type Audience = typeof AUDIENCES[number];
export type ProposalStatus = 'open' | 'passed' | 'failed' | 'blocked';
export interface Tally {
    yes: number;
    no: number;
    abstain: number;
    block: number;
}
export declare function emptyTally(): Tally;
export interface Decision {
    status: ProposalStatus;
    reason: string;
}
/** How many binding votes were cast (each voter's latest). */
export declare function votesCast(tally: Tally): number;
/** The moment at which apply asks for a decision (docs/governance.md, "Deliberation"). */
export interface Moment {
    /** the ledger time has passed the proposal's deadline or, without one, its minimum deliberation */
    deliberated: boolean;
    /** a `close` by a binding voter, of a proposal with a deadline: silence is then consent */
    lazy: boolean;
}
/**
 * The rule with deliberation: before the ledger time passes a proposal's deadline (or its minimum
 * deliberation), only every binding voter having voted decides it; after, the votes decide as
 * `decide` says.
 */
export declare function decideAt(tally: Tally, voters: number, at: Moment): Decision;
/**
 * @param tally   binding votes only
 * @param voters  how many participants' votes bind (members; members and supporters when the
 *                proposal asks all constituents)
 * @param closing true at a valid `close` (past the deadline): silence then counts as consent
 */
export declare function decide(tally: Tally, voters: number, closing: boolean): Decision;
