/**
 * How a proposal is decided (docs/governance.md, with its truth table). Pure: apply calls it
 * with the binding votes counted at that point of the ledger and the number of participants
 * whose vote binds, after every vote and at a close.
 */
export const CHOICES = ['yes', 'no', 'abstain', 'block'];
/** The order is the wire tag: append, never reorder. */
export const PROPOSAL_KINDS = ['admit', 'role', 'remove', 'indexers', 'protocol', 'motion', 'rules', 'distribute',
    'federate', 'unfederate', 'trust', 'checkins', 'deliberation', 'mirrors'];
/** Who a proposal asks: the members (the default), or all constituents (supporters vote too). */
export const AUDIENCES = ['members', 'all'];
export function emptyTally() {
    return { yes: 0, no: 0, abstain: 0, block: 0 };
}
/** How many binding votes were cast (each voter's latest). */
export function votesCast(tally) {
    return tally.yes + tally.no + tally.abstain + tally.block;
}
/**
 * The rule with deliberation: before the ledger time passes a proposal's deadline (or its minimum
 * deliberation), only every binding voter having voted decides it; after, the votes decide as
 * `decide` says.
 */
export function decideAt(tally, voters, at) {
    if (!at.deliberated && votesCast(tally) < voters)
        return { status: 'open', reason: '' };
    return decide(tally, voters, at.lazy);
}
/**
 * @param tally   binding votes only
 * @param voters  how many participants' votes bind (members; members and supporters when the
 *                proposal asks all constituents)
 * @param closing true at a valid `close` (past the deadline): silence then counts as consent
 */
export function decide(tally, voters, closing) {
    if (tally.block > 0)
        return { status: 'blocked', reason: 'a binding block' };
    if (2 * tally.yes > voters)
        return { status: 'passed', reason: `${tally.yes} of ${voters} binding votes yes` };
    const silent = Math.max(0, voters - tally.yes - tally.no - tally.abstain);
    if (2 * (tally.yes + silent) <= voters) {
        return { status: 'failed', reason: `a majority is out of reach: ${tally.yes} yes and ${silent} not voted, of ${voters}` };
    }
    if (closing) {
        if (tally.no > 0)
            return { status: 'failed', reason: `closed with ${tally.no} binding no` };
        return { status: 'passed', reason: 'closed after the deadline with no objection (lazy consensus)' };
    }
    return { status: 'open', reason: '' };
}
//# sourceMappingURL=governance.js.map