import { DiscoError } from '../errors.js'
import { DATER_CREDITS, LATE_POLICIES, validateRules } from '../ledger/rules.js'
import type { DaterCredits, LatePolicy, Rules } from '../ledger/rules.js'
import { STREAMS, parseStream } from '../ledger/streams.js'
import type { Stream } from '../ledger/streams.js'

/**
 * What a member asks to change in the accounting rules, as typed: `--rate love=2`, `--split 50/30/20`.
 * A `rules` proposal carries the whole new set: the current rules with these changes.
 */
export interface RulesChange {
  /** "stream=credits per hour", one per stream to change */
  rate?: string[]
  /** livelihood/love/care weights, e.g. "50/30/20" */
  split?: string
  moneyRate?: string | number
  careWeight?: string | number
  daterCredits?: string
  /** yes or no */
  needsEndorsement?: string | boolean
  late?: string
}

function whole (text: string | number, what: string): number {
  const s = String(text).trim()
  if (!/^\d{1,9}$/.test(s)) throw DiscoError.invalidArgument(`${what} must be a whole number, not "${s}"`)
  return Number(s)
}

function oneOf<T extends string> (values: readonly T[], text: string, what: string): T {
  const v = text.trim().toLowerCase() as T
  if (!values.includes(v)) throw DiscoError.invalidArgument(`${what} must be ${values.join(' or ')}, not "${text}"`)
  return v
}

function yesNo (v: string | boolean, what: string): boolean {
  if (typeof v === 'boolean') return v
  return oneOf(['yes', 'no'] as const, v, what) === 'yes'
}

export function changedRules (current: Rules, change: RulesChange): Rules {
  const next: Rules = { ...current, rate: { ...current.rate }, split: { ...current.split } }
  let changed = false
  for (const pair of change.rate ?? []) {
    const m = /^([a-z]+)=(.+)$/i.exec(pair.trim())
    if (m === null) throw DiscoError.invalidArgument(`--rate takes stream=credits per hour, e.g. love=2, not "${pair}"`)
    next.rate[parseStream(m[1] as string)] = whole(m[2] as string, `the rate of ${m[1] as string}`)
    changed = true
  }
  if (change.split !== undefined) {
    const parts = change.split.split('/')
    if (parts.length !== 3) throw DiscoError.invalidArgument(`--split takes three weights, livelihood/love/care, e.g. 50/30/20, not "${change.split}"`)
    STREAMS.forEach((s: Stream, i) => { next.split[s] = whole(parts[i] as string, `the split of ${s}`) })
    changed = true
  }
  if (change.moneyRate !== undefined) { next.moneyRate = whole(change.moneyRate, '--money-rate'); changed = true }
  if (change.careWeight !== undefined) { next.careWeight = whole(change.careWeight, '--care-weight'); changed = true }
  if (change.daterCredits !== undefined) { next.daterCredits = oneOf<DaterCredits>(DATER_CREDITS, change.daterCredits, '--dater-credits'); changed = true }
  if (change.needsEndorsement !== undefined) { next.needsEndorsement = yesNo(change.needsEndorsement, '--needs-endorsement'); changed = true }
  if (change.late !== undefined) { next.late = oneOf<LatePolicy>(LATE_POLICIES, change.late, '--late'); changed = true }
  if (!changed) throw DiscoError.invalidArgument('name at least one rule to change (see disco propose rules --help)')
  validateRules(next)
  return next
}
