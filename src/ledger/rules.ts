import { DiscoError } from '../errors.js'
import { STREAMS } from './streams.js'
import type { Stream } from './streams.js'
import { PERIOD_KINDS } from './periods.js'
import type { PeriodKind } from './periods.js'
import { currencyExponent } from './currency.js'
import { MAX_MONEY_MINOR } from './limits.js'

/**
 * The cooperative's accounting rules (docs/accounting.md, "The rules"). They change only by a
 * passed `rules` proposal, which carries the whole new set; every version is kept, numbered from
 * 0 (the defaults, before any proposal), and every statement names the version it used.
 */
export const DATER_CREDITS = ['paid', 'recorded'] as const
export type DaterCredits = typeof DATER_CREDITS[number]

export const LATE_POLICIES = ['carry', 'ignore'] as const
export type LatePolicy = typeof LATE_POLICIES[number]

/** The roles that log value, and so earn credits and may have a quota. */
export const VALUE_ROLES = ['member', 'dater', 'contributor'] as const
export type ValueRole = typeof VALUE_ROLES[number]

/** Whether a role's care credits count in a distribution or are only recorded (historical). */
export const CARE_CREDITS = ['paid', 'recorded'] as const
export type CareCredits = typeof CARE_CREDITS[number]

/** Where the part of a payout above the cap goes: shared among the others, or kept by the cooperative. */
export const CAP_EXCESS = ['share', 'keep'] as const
export type CapExcess = typeof CAP_EXCESS[number]

/** An onboarding stage: the percentage (0-100) of a dater's credits that counts, per stream. */
export type StageShares = Record<Stream, number>

/** The credits each participant of a role is expected to reach per period (docs/accounting.md, "Evaluation"). */
export interface Quota {
  period: PeriodKind
  /** credit-minutes per period; 0: no quota for the role */
  credits: Record<ValueRole, number>
}

/** The most one participant takes from one distribution in `currency`; amount 0 (and currency ''): no cap. */
export interface Cap {
  /** minor units */
  amount: number
  currency: string
  excess: CapExcess
}

/** An output measure: `quantity` units of it earn floor(quantity × credits / per) credit-minutes. */
export interface OutputUnit {
  /** lowercase letters, digits and '-', e.g. words, pages, sessions */
  name: string
  credits: number
  per: number
}

export interface Rules {
  /** whole credits per hour of work, per stream */
  rate: Record<Stream, number>
  /** credit-minutes per 100 minor units a livelihood entry earned, in the distribution's currency */
  moneyRate: number
  /** whole weights of a pool's split between the streams */
  split: Record<Stream, number>
  /** the care rebalancing, in thousandths */
  careWeight: number
  daterCredits: DaterCredits
  /** only entries endorsed by another member earn credits */
  needsEndorsement: boolean
  /** what late changes to a distributed month do */
  late: LatePolicy
  /** how long a distribution's period is */
  period: PeriodKind
  /** onboarding stages 1…n: the share of a dater's credits that counts at each (empty: all of it) */
  stages: StageShares[]
  /** per role: whether care credits are paid or only recorded */
  care: Record<ValueRole, CareCredits>
  quota: Quota
  cap: Cap
  /** output measures an entry may carry beside or instead of minutes */
  units: OutputUnit[]
}

export const DEFAULT_RULES: Rules = {
  rate: { livelihood: 1, love: 1, care: 1 },
  moneyRate: 0,
  split: { livelihood: 50, love: 30, care: 20 },
  careWeight: 500,
  daterCredits: 'paid',
  needsEndorsement: false,
  late: 'carry',
  period: 'month',
  stages: [],
  care: { member: 'paid', dater: 'paid', contributor: 'paid' },
  quota: { period: 'quarter', credits: { member: 0, dater: 0, contributor: 0 } },
  cap: { amount: 0, currency: '', excess: 'share' },
  units: []
}

/** The bounds keep every product in apply far inside what BigInt and JSON numbers hold exactly. */
export const RULE_LIMITS = {
  rate: 1000,
  moneyRate: 100_000,
  split: 1_000_000,
  careWeight: 10_000,
  /** onboarding stages, and a stage's share in percent */
  stages: 9,
  share: 100,
  /** a quota in credit-minutes: 10^9 is 16 million hours */
  quota: 1_000_000_000,
  /** output units, a unit's name in bytes, its credits and its `per` */
  units: 16,
  unitName: 40,
  unitCredits: 1_000_000,
  unitPer: 1_000_000
} as const

/** A unit's name: what people type after --unit. */
export const UNIT_NAME = /^[a-z][a-z0-9-]*$/

/** The rules in force, as the view keeps them. */
export interface RulesRecord {
  version: number
  rules: Rules
  /** the proposal that set them (null for the defaults) */
  proposal: string | null
  /** ledger time they took effect (0 for the defaults) */
  since: number
}

export const DEFAULT_RULES_RECORD: RulesRecord = { version: 0, rules: DEFAULT_RULES, proposal: null, since: 0 }

/** A deep copy of a rule set, of plain objects only: one to change without touching the rules in
 * force, or one that compares equal to what the decoder builds (from a constant's readonly lists too). */
export function copyRules (r: Omit<Rules, 'stages' | 'units'> & { stages: readonly StageShares[], units: readonly OutputUnit[] }): Rules {
  return {
    ...r,
    rate: { ...r.rate },
    split: { ...r.split },
    stages: r.stages.map(s => ({ ...s })),
    care: { ...r.care },
    quota: { period: r.quota.period, credits: { ...r.quota.credits } },
    cap: { ...r.cap },
    units: r.units.map(u => ({ ...u }))
  }
}

function wholeIn (field: string, value: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > max) {
    throw DiscoError.invalidField(field, 'whole-up-to', { max })
  }
}

export function validateRules (r: Rules): void {
  for (const s of STREAMS) {
    wholeIn(`rate.${s}`, r.rate[s], RULE_LIMITS.rate)
    wholeIn(`split.${s}`, r.split[s], RULE_LIMITS.split)
  }
  if (STREAMS.every(s => r.split[s] === 0)) throw DiscoError.invalidField('split', 'split-none')
  wholeIn('moneyRate', r.moneyRate, RULE_LIMITS.moneyRate)
  wholeIn('careWeight', r.careWeight, RULE_LIMITS.careWeight)
  if (!DATER_CREDITS.includes(r.daterCredits)) throw DiscoError.invalidField('daterCredits', 'dater-credits')
  if (!LATE_POLICIES.includes(r.late)) throw DiscoError.invalidField('late', 'late-policy')
  if (typeof r.needsEndorsement !== 'boolean') throw DiscoError.invalidField('needsEndorsement', 'yes-or-no')
  if (!PERIOD_KINDS.includes(r.period)) throw DiscoError.invalidField('period', 'period-kind')
  if (!Array.isArray(r.stages) || r.stages.length > RULE_LIMITS.stages) throw DiscoError.invalidField('stages', 'stages-too-many', { max: RULE_LIMITS.stages })
  r.stages.forEach((stage, i) => { for (const s of STREAMS) wholeIn(`stages.${i + 1}.${s}`, stage[s], RULE_LIMITS.share) })
  for (const role of VALUE_ROLES) {
    if (!CARE_CREDITS.includes(r.care[role])) throw DiscoError.invalidField(`care.${role}`, 'dater-credits')
    wholeIn(`quota.${role}`, r.quota.credits[role], RULE_LIMITS.quota)
  }
  if (!PERIOD_KINDS.includes(r.quota.period)) throw DiscoError.invalidField('quota.period', 'period-kind')
  validateCap(r.cap)
  validateUnits(r.units)
}

function validateCap (cap: Cap): void {
  if (!CAP_EXCESS.includes(cap.excess)) throw DiscoError.invalidField('cap.excess', 'cap-excess')
  // one form for "no cap", so that the same rules have the same bytes
  if (cap.amount === 0) {
    if (cap.currency !== '') throw DiscoError.invalidField('cap', 'cap-none')
    return
  }
  wholeIn('cap', cap.amount, MAX_MONEY_MINOR)
  currencyExponent(cap.currency)
}

function validateUnits (units: OutputUnit[]): void {
  if (!Array.isArray(units) || units.length > RULE_LIMITS.units) throw DiscoError.invalidField('units', 'units-too-many', { max: RULE_LIMITS.units })
  const seen = new Set<string>()
  for (const u of units) {
    checkUnitName(u.name)
    if (seen.has(u.name)) throw DiscoError.invalidField('units', 'unit-twice', { value: u.name })
    seen.add(u.name)
    wholeIn(`units.${u.name}.credits`, u.credits, RULE_LIMITS.unitCredits)
    if (!Number.isSafeInteger(u.per) || u.per < 1 || u.per > RULE_LIMITS.unitPer) throw DiscoError.invalidField(`units.${u.name}.per`, 'unit-per', { max: RULE_LIMITS.unitPer })
  }
}

export function checkUnitName (name: string): void {
  if (typeof name !== 'string' || name.length > RULE_LIMITS.unitName || !UNIT_NAME.test(name)) throw DiscoError.invalidField('unit', 'unit-name', { max: RULE_LIMITS.unitName })
}

/** The unit of this name in the rules, if any. */
export function unitOf (rules: Rules, name: string): OutputUnit | undefined {
  return rules.units.find(u => u.name === name)
}
