/**
 * The advice process (docs/governance.md, "Advice"): the proposer asks, every voter may advise —
 * support (`yes`), discourage (`no`; a `block` is heard as a discourage: in the advice process
 * nobody blocks), or abstain — and the proposer decides, once they have heard the advice: after the
 * deliberation, or sooner if every binding voter has advised. Votes decide nothing. Pure.
 */
import { OPEN, decided } from './governance.js'
import type { Decision, Tally } from './governance.js'

/** The moment apply asks the advice rule. */
export interface AdviceMoment {
  /** the proposer's `decide` op (adopt it or not), a binding `close`, or a binding vote */
  act: { decide: boolean } | 'close' | 'vote'
  /** the op is by the proposer (any of their devices) */
  byProposer: boolean
  /** the proposer may still decide: not removed, and their vote still binds on it (only a binding
   * voter may make an advice proposal) */
  proposerActive: boolean
  /** the ledger time has passed the deadline or, without one, the minimum deliberation */
  deliberated: boolean
  /** binding advice so far (each voter's latest) */
  advice: Tally
  /** how many participants' advice binds */
  voters: number
}

/** Why the act does not count: only the proposer decides, after hearing advice; another binding
 * voter closes only a proposal whose proposer can no longer decide. */
export type AdviceRefusal = 'not-proposer' | 'advice-pending' | 'proposer-active'

export type AdviceOutcome = Decision | { refused: AdviceRefusal }

/** support (yes), discourage (no and block), abstain: what the outcome says was heard */
export function adviceHeard (t: Tally): { support: number, discourage: number, abstain: number } {
  return { support: t.yes, discourage: t.no + t.block, abstain: t.abstain }
}

export function decideAdvice (m: AdviceMoment): AdviceOutcome {
  if (m.act === 'vote') return OPEN
  const heard = m.deliberated || m.advice.yes + m.advice.no + m.advice.abstain + m.advice.block >= m.voters
  if (m.act === 'close') {
    if (m.proposerActive) return { refused: 'proposer-active' }
    if (!m.deliberated) return { refused: 'advice-pending' }
    return decided('failed', 'advice-orphaned', adviceHeard(m.advice))
  }
  if (!m.byProposer) return { refused: 'not-proposer' }
  if (!heard) return { refused: 'advice-pending' }
  return m.act.decide ? decided('passed', 'advice-adopted', adviceHeard(m.advice)) : decided('failed', 'advice-dropped', adviceHeard(m.advice))
}
