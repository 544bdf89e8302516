/**
 * Polls over several options (docs/governance.md, "Polls"): score, ranked choice, dot vote. Each
 * binding voter's latest ballot counts; ballots are checked against the poll before they count
 * (decision.ts, `ballotProblem`). A poll is decided when every binding voter has cast a ballot, or
 * after the deliberation by the next binding ballot or a close; with no binding ballot it fails.
 * Ties go to the option listed first (the proposer's order). Pure.
 */
import { decided } from './governance.js'
import type { Decision } from './governance.js'
import type { PollType } from './decision.js'

/** One round of the instant-runoff count: each option's ballots (null once eliminated), and the
 * option eliminated after it (null in the last round). */
export interface RunoffRound {
  counts: Array<number | null>
  eliminated: number | null
}

export interface PollResult {
  /** score and dots: each option's total; ranked: the first round's first preferences */
  totals: number[]
  /** ranked: every round of the count; [] for the other types */
  rounds: RunoffRound[]
  /** the winning option's index, or null */
  winner: number | null
  /** binding ballots counted */
  ballots: number
}

/** Sum per option (score and dots ballots: one number per option). */
export function sumBallots (options: number, ballots: ReadonlyArray<readonly number[]>): number[] {
  const totals = new Array<number>(options).fill(0)
  for (const b of ballots) b.forEach((v, i) => { if (i < options) totals[i] = (totals[i] as number) + v })
  return totals
}

/** The index of the highest total; the first listed among equals. */
function firstHighest (totals: readonly number[]): number {
  let best = 0
  totals.forEach((v, i) => { if (v > (totals[best] as number)) best = i })
  return best
}

/**
 * Instant-runoff: each ballot counts for its most preferred option still in the count. An option
 * with more than half of the ballots still counting wins. Otherwise the option with the fewest is
 * eliminated — among equals, the one listed last — and the count goes again. A ballot whose
 * ranked options are all eliminated stops counting (options it left out are ranked below them).
 */
export function countRanked (options: number, ballots: ReadonlyArray<readonly number[]>): { rounds: RunoffRound[], winner: number | null } {
  const remaining = new Set<number>(Array.from({ length: options }, (_, i) => i))
  const rounds: RunoffRound[] = []
  if (ballots.length === 0 || options === 0) return { rounds, winner: null }
  for (;;) {
    const counts: Array<number | null> = Array.from({ length: options }, (_, i) => remaining.has(i) ? 0 : null)
    let active = 0
    for (const b of ballots) {
      const first = b.find(i => remaining.has(i))
      if (first === undefined) continue
      counts[first] = (counts[first] as number) + 1
      active++
    }
    const standing = [...remaining]
    const leader = standing.reduce((best, i) => (counts[i] as number) > (counts[best] as number) ? i : best, standing[0] as number)
    if (2 * (counts[leader] as number) > active || standing.length === 1) {
      rounds.push({ counts, eliminated: null })
      return { rounds, winner: leader }
    }
    // the fewest; among equals the one listed last
    const out = standing.reduce((worst, i) => (counts[i] as number) <= (counts[worst] as number) ? i : worst, standing[0] as number)
    rounds.push({ counts, eliminated: out })
    remaining.delete(out)
  }
}

/** Count a poll's binding ballots. */
export function countPoll (type: PollType, options: number, ballots: ReadonlyArray<readonly number[]>): PollResult {
  if (type === 'ranked') {
    const { rounds, winner } = countRanked(options, ballots)
    const totals = rounds[0]?.counts.map(c => c ?? 0) ?? new Array<number>(options).fill(0)
    return { totals, rounds, winner, ballots: ballots.length }
  }
  const totals = sumBallots(options, ballots)
  const best = firstHighest(totals)
  return { totals, rounds: [], winner: ballots.length === 0 || totals[best] === 0 ? null : best, ballots: ballots.length }
}

export interface PollMoment {
  /** binding ballots cast */
  ballots: number
  voters: number
  deliberated: boolean
}

/** Whether the poll is decided at this moment: every binding voter has cast a ballot, or the
 * deliberation is over (the caller asks only at a binding ballot or close). */
export function pollDecides (m: PollMoment): boolean {
  return m.ballots >= m.voters || m.deliberated
}

/** The decision of a counted poll: passed with its winner (named in the outcome by its text, the
 * proposer's words), or failed when nothing won. */
export function pollDecision (type: PollType, result: PollResult, names: readonly string[]): Decision {
  if (result.ballots === 0) return decided('failed', 'poll-no-ballot')
  if (result.winner === null) return decided('failed', 'poll-no-score', { ballots: result.ballots })
  const winner = { option: names[result.winner] ?? String(result.winner), index: result.winner, ballots: result.ballots }
  switch (type) {
    case 'score': return decided('passed', 'poll-score', { ...winner, total: result.totals[result.winner] ?? 0 })
    case 'dots': return decided('passed', 'poll-dots', { ...winner, total: result.totals[result.winner] ?? 0 })
    case 'ranked': {
      const last = result.rounds[result.rounds.length - 1]
      return decided('passed', 'poll-runoff', { ...winner, round: result.rounds.length, votes: last?.counts[result.winner] ?? 0 })
    }
  }
}
