/**
 * Consent with rounds (docs/governance.md, "Consent"): a proposal passes when nobody objects. Each
 * voter consents (`yes`) or stands aside (`abstain`); an objection is raised with a reason
 * (`object`) and stays until its objector marks it resolved (the proposal was changed to meet it:
 * a new round starts, with a new minimum deliberation and consents to give again) or withdrawn.
 * An objection is never outvoted. Pure.
 */
import { OPEN, decided } from './governance.js'
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
  const heard = { round: m.round, consents: m.consents, standAsides: m.standAsides, voters: m.voters }
  if (m.objections > 0) {
    if (m.closing && m.deadline && m.deliberated) return decided('failed', 'consent-unresolved', { objections: m.objections, ...heard })
    return OPEN
  }
  if (m.consents + m.standAsides >= m.voters) return decided('passed', 'consent-all', heard)
  if (m.deliberated) return decided('passed', 'consent-silence', heard)
  return OPEN
}
