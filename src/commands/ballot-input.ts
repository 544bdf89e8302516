import { DiscoError } from '../errors.js'
import type { DecisionSpec } from '../ledger/decision.js'

/**
 * A ballot as a member writes it, into the numbers the ledger keeps (ledger/decision.ts):
 * - ranked: the options in order of preference, best first, each by its name or its number
 *   (1 = the first option);
 * - score and dots: `option=n` for each option given (by name or number; the others get 0), or
 *   plain numbers, one per option in the poll's order.
 * The numbers are then checked against the poll (budget, duplicates) by `checkBallot`.
 */
export function ballotValues (d: DecisionSpec, choices: readonly string[]): number[] {
  const given = choices.map(c => c.trim()).filter(c => c !== '')
  if (given.length === 0) throw DiscoError.invalidArgument(`give your ballot: ${d.type === 'ranked' ? 'the options, best first' : 'option=n for each option you score'}`)
  if (d.type === 'ranked') return given.map(c => optionIndex(d, c))
  if (given.every(c => /^\d+$/.test(c))) return given.map(Number)
  const values = new Array<number>(d.options.length).fill(0)
  const seen = new Set<number>()
  for (const c of given) {
    const eq = c.lastIndexOf('=')
    const n = c.slice(eq + 1).trim()
    if (eq < 1 || !/^\d+$/.test(n)) throw DiscoError.invalidArgument(`"${c}": write option=n, e.g. "${d.options[0] ?? 'first'}=3"`)
    const i = optionIndex(d, c.slice(0, eq))
    if (seen.has(i)) throw DiscoError.invalidArgument(`option "${d.options[i] ?? ''}" is given twice`)
    seen.add(i)
    values[i] = Number(n)
  }
  return values
}

/** An option by its exact name, or its number from 1. */
function optionIndex (d: DecisionSpec, text: string): number {
  const t = text.trim()
  const byName = d.options.indexOf(t)
  if (byName >= 0) return byName
  if (/^\d+$/.test(t) && Number(t) >= 1 && Number(t) <= d.options.length) return Number(t) - 1
  throw DiscoError.invalidArgument(`"${t}" is not an option of this poll: ${d.options.map((o, i) => `${i + 1} ${o}`).join(', ')}`)
}
