/**
 * How a proposal is decided (docs/governance.md, with its truth table). Pure: apply calls it
 * with the binding votes counted at that point of the ledger and the number of participants
 * whose vote binds, after every vote and at a close.
 */
export const CHOICES = ['yes', 'no', 'abstain', 'block'] as const
export type Choice = typeof CHOICES[number]

/** The order is the wire tag: append, never reorder. */
export const PROPOSAL_KINDS = ['admit', 'role', 'remove', 'indexers', 'protocol', 'motion', 'rules', 'distribute',
  'federate', 'unfederate', 'trust', 'checkins', 'mirrors'] as const
export type ProposalKind = typeof PROPOSAL_KINDS[number]

/** Who a proposal asks: the members (the default), or all constituents (supporters vote too). */
export const AUDIENCES = ['members', 'all'] as const
export type Audience = typeof AUDIENCES[number]

export type ProposalStatus = 'open' | 'passed' | 'failed' | 'blocked'

export interface Tally {
  yes: number
  no: number
  abstain: number
  block: number
}

export function emptyTally (): Tally {
  return { yes: 0, no: 0, abstain: 0, block: 0 }
}

export interface Decision {
  status: ProposalStatus
  reason: string
}

/**
 * @param tally   binding votes only
 * @param voters  how many participants' votes bind (members; members and supporters when the
 *                proposal asks all constituents)
 * @param closing true at a valid `close` (past the deadline): silence then counts as consent
 */
export function decide (tally: Tally, voters: number, closing: boolean): Decision {
  if (tally.block > 0) return { status: 'blocked', reason: 'a binding block' }
  if (2 * tally.yes > voters) return { status: 'passed', reason: `${tally.yes} of ${voters} binding votes yes` }
  const silent = Math.max(0, voters - tally.yes - tally.no - tally.abstain)
  if (2 * (tally.yes + silent) <= voters) {
    return { status: 'failed', reason: `a majority is out of reach: ${tally.yes} yes and ${silent} not voted, of ${voters}` }
  }
  if (closing) {
    if (tally.no > 0) return { status: 'failed', reason: `closed with ${tally.no} binding no` }
    return { status: 'passed', reason: 'closed after the deadline with no objection (lazy consensus)' }
  }
  return { status: 'open', reason: '' }
}
