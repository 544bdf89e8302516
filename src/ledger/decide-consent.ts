/**
 * Consent with rounds (docs/governance.md, "Consent"): a proposal passes when nobody objects. Each
 * voter consents (`yes`) or stands aside (`abstain`); an objection is raised with a reason
 * (`object`) and stays until its objector marks it resolved (the proposal was changed to meet it:
 * a new round starts, with a new minimum deliberation and consents to give again) or withdrawn.
 * An objection is never outvoted. Pure.
 */
import type { Decision } from './governance.js'

export interface ConsentMoment {
  /** binding consents (`yes`) in this round */
  consents: number
  /** binding stand-asides (`abstain`) in this round */
  standAsides: number
  /** binding objections still open */
  objections: number
  /** how many participants' voice binds */
  voters: number
  /** the ledger time has passed the deadline (or the minimum deliberation) of this round */
  deliberated: boolean
  /** this is a binding `close` */
  closing: boolean
  /** the proposal has a deadline */
  deadline: boolean
  /** the round, from 1 */
  round: number
}

/**
 * In order, the first row that holds:
 * 1. an open objection, at a close past the deadline: failed (unresolved);
 * 2. an open objection: open (it must be resolved or withdrawn first);
 * 3. every binding voter consented or stood aside: passed, at once;
 * 4. deliberated, at a binding vote or close: passed (no objection: silence is consent);
 * 5. otherwise open.
 */
export function decideConsent (m: ConsentMoment): Decision {
  const of = `round ${m.round}: ${m.consents} consent, ${m.standAsides} stand aside, of ${m.voters}`
  if (m.objections > 0) {
    if (m.closing && m.deadline && m.deliberated) return { status: 'failed', reason: `${m.objections} objection${m.objections === 1 ? '' : 's'} unresolved at the deadline (${of})` }
    return { status: 'open', reason: '' }
  }
  if (m.consents + m.standAsides >= m.voters) return { status: 'passed', reason: `every binding voter consented or stood aside (${of})` }
  if (m.deliberated) return { status: 'passed', reason: `no objection after the deliberation (${of}; silence is consent)` }
  return { status: 'open', reason: '' }
}
