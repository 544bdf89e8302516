import { DiscoError } from '../errors.js'
import { CAP_EXCESS, CARE_CREDITS, DATER_CREDITS, LATE_POLICIES, VALUE_ROLES, checkUnitName, copyRules, validateRules } from '../ledger/rules.js'
import type { CapExcess, CareCredits, DaterCredits, LatePolicy, Rules, StageShares, ValueRole } from '../ledger/rules.js'
import { PERIOD_KINDS } from '../ledger/periods.js'
import type { PeriodKind } from '../ledger/periods.js'
import { parseMoney } from '../ledger/currency.js'
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
  /** distributions by month or quarter */
  period?: string
  /** onboarding stages in order, each livelihood/love/care percentages: "0/100/0,50/100/0,75/100/0"; "none" for none */
  stages?: string
  /** "role=paid" or "role=recorded": whether the role's care credits are paid or only recorded */
  care?: string[]
  /** "role=credit-minutes" or "role=400h" (400 hours at rate 1: 24,000 credit-minutes); 0 for none */
  quota?: string[]
  quotaPeriod?: string
  /** "3000.00 EUR", or "none" */
  cap?: string
  capExcess?: string
  /** "name=credits/per": `per` units of it earn `credits` credit-minutes, e.g. words=4800/1000 */
  unit?: string[]
  removeUnit?: string[]
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

function rolePair (pair: string, flag: string, example: string): [ValueRole, string] {
  const m = /^([a-z]+)=(.+)$/i.exec(pair.trim())
  if (m === null) throw DiscoError.invalidArgument(`${flag} takes role=value, e.g. ${example}, not "${pair}"`)
  return [oneOf<ValueRole>(VALUE_ROLES, m[1] as string, `the role in ${flag}`), (m[2] as string).trim()]
}

function stagesOf (text: string): StageShares[] {
  if (text.trim().toLowerCase() === 'none') return []
  return text.split(',').map((stage, i) => {
    const parts = stage.trim().split('/')
    if (parts.length !== 3) throw DiscoError.invalidArgument(`--stages takes livelihood/love/care percentages per stage, e.g. 0/100/0,50/100/0, not "${stage}"`)
    return { livelihood: whole(parts[0] as string, `stage ${i + 1}'s livelihood share`), love: whole(parts[1] as string, `stage ${i + 1}'s love share`), care: whole(parts[2] as string, `stage ${i + 1}'s care share`) }
  })
}

/** credit-minutes as typed: a whole number, or whole hours at rate 1 (400h = 24,000) */
function quotaOf (text: string, role: string): number {
  const hours = /^(\d{1,7})h$/i.exec(text)
  if (hours !== null) return Number(hours[1]) * 60
  return whole(text, `the quota of ${role} (credit-minutes, or hours such as 400h)`)
}

export function changedRules (current: Rules, change: RulesChange): Rules {
  const next = copyRules(current)
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
  if (change.period !== undefined) { next.period = oneOf<PeriodKind>(PERIOD_KINDS, change.period, '--period'); changed = true }
  if (change.stages !== undefined) { next.stages = stagesOf(change.stages); changed = true }
  for (const pair of change.care ?? []) {
    const [role, v] = rolePair(pair, '--care', 'dater=recorded')
    next.care[role] = oneOf<CareCredits>(CARE_CREDITS, v, `--care ${role}`)
    changed = true
  }
  for (const pair of change.quota ?? []) {
    const [role, v] = rolePair(pair, '--quota', 'member=400h')
    next.quota.credits[role] = quotaOf(v, role)
    changed = true
  }
  if (change.quotaPeriod !== undefined) { next.quota.period = oneOf<PeriodKind>(PERIOD_KINDS, change.quotaPeriod, '--quota-period'); changed = true }
  if (change.cap !== undefined) {
    if (change.cap.trim().toLowerCase() === 'none') next.cap = { ...next.cap, amount: 0, currency: '' }
    else {
      const m = /^(\S+)\s+(\S+)$/.exec(change.cap.trim())
      if (m === null) throw DiscoError.invalidArgument(`--cap takes an amount and its currency, e.g. "3000.00 EUR", or none, not "${change.cap}"`)
      const money = parseMoney(m[1] as string, m[2] as string)
      if (money.amount === 0) throw DiscoError.invalidArgument('a cap of 0 would pay nobody: say --cap none for no cap')
      next.cap = { ...next.cap, amount: money.amount, currency: money.currency }
    }
    changed = true
  }
  if (change.capExcess !== undefined) { next.cap.excess = oneOf<CapExcess>(CAP_EXCESS, change.capExcess, '--cap-excess'); changed = true }
  for (const name of change.removeUnit ?? []) {
    const n = name.trim().toLowerCase()
    if (!next.units.some(u => u.name === n)) throw DiscoError.unknownUnit(n)
    next.units = next.units.filter(u => u.name !== n)
    changed = true
  }
  for (const spec of change.unit ?? []) {
    const m = /^([^=]+)=(\d+)\/(\d+)$/.exec(spec.trim())
    if (m === null) throw DiscoError.invalidArgument(`--unit takes name=credit-minutes/units, e.g. words=4800/1000 (1,000 words earn 4,800 credit-minutes), not "${spec}"`)
    const name = (m[1] as string).trim().toLowerCase()
    checkUnitName(name)
    const unit = { name, credits: whole(m[2] as string, `the credits of ${name}`), per: whole(m[3] as string, `the units of ${name}`) }
    const at = next.units.findIndex(u => u.name === name)
    if (at >= 0) next.units[at] = unit
    else next.units.push(unit)
    changed = true
  }
  if (!changed) throw DiscoError.invalidArgument('name at least one rule to change (see disco propose rules --help)')
  validateRules(next)
  return next
}
