/**
 * The page's forms as the CLI's commands take them: what a member typed → the command's JSON input,
 * checked before it is sent by the very functions the handlers use (contributionOp for log,
 * contributionPatch for amend, parseMoney, parseMonth, parseDate, changedRules), so the page refuses
 * what the CLI refuses, with the CLI's message. What needs the ledger (a member's name, the ledger
 * time) the handler checks, and the page shows its answer.
 */
import { DiscoError } from '../../src/errors.js'
import { contributionOp, contributionPatch } from '../../src/commands/contribution-input.js'
import type { AmendInput } from '../../src/commands/contribution-input.js'
import type { LogInput } from '../../src/commands/log.js'
import type { ProposeInput } from '../../src/commands/propose.js'
import type { IncomeInput } from '../../src/commands/income.js'
import { changedRules } from '../../src/commands/rules-change.js'
import type { RulesChange } from '../../src/commands/rules-change.js'
import { parseMoney } from '../../src/ledger/currency.js'
import { parseDate } from '../../src/ledger/dates.js'
import { PERIOD_KINDS, parsePeriod } from '../../src/ledger/periods.js'
import { ROLES } from '../../src/ledger/roles.js'
import { CAP_EXCESS, DATER_CREDITS, LATE_POLICIES } from '../../src/ledger/rules.js'
import type { Rules } from '../../src/ledger/rules.js'
import type { ProposalKind } from '../../src/ledger/governance.js'
import type { MessageKey } from './messages-en.js'

/** A form's fields as typed: name → text. */
export type Fields = Record<string, string>

const text = (f: Fields, name: string): string => (f[name] ?? '').trim()
/** the named fields that are filled in, as text */
function given<K extends string> (f: Fields, names: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {}
  for (const n of names) if (text(f, n) !== '') out[n] = text(f, n)
  return out
}
const tagList = (s: string): string[] => s.split(',').map(t => t.trim()).filter(t => t !== '')

/** `disco log`: only what was filled in, and only the chosen stream's own fields. */
export function logInput (f: Fields): LogInput {
  const stream = text(f, 'stream')
  const input: LogInput = { stream, ...given(f, ['duration', 'date', 'description', 'project', 'quantity', 'unit']) }
  if (text(f, 'tags') !== '') input.tags = tagList(text(f, 'tags'))
  if (stream === 'livelihood') Object.assign(input, given(f, ['client', 'amount', 'currency']))
  if (stream === 'love' && text(f, 'commons') !== '') input.commons = text(f, 'commons')
  if (stream === 'care') input.for = text(f, 'for') === '' ? 'collective' : text(f, 'for')
  contributionOp(input)
  return input
}

/** `disco amend <id>`: the fields filled in change, the rest stay. */
export function amendInput (id: string, f: Fields): AmendInput & { id: string } {
  const input: AmendInput & { id: string } = { id, ...given(f, ['duration', 'date', 'description', 'project', 'amount', 'currency', 'client', 'commons', 'quantity', 'unit']) }
  if (text(f, 'tags') !== '') input.tags = tagList(text(f, 'tags'))
  contributionPatch(input)
  return input
}

/** `disco retract <id> --reason …` */
export function retractInput (id: string, f: Fields): { id: string, reason?: string } {
  return text(f, 'reason') === '' ? { id } : { id, reason: text(f, 'reason') }
}

/** `disco income <amount> <currency> --from …` */
export function incomeInput (f: Fields): IncomeInput {
  const input: IncomeInput = { amount: text(f, 'amount'), currency: text(f, 'currency'), from: text(f, 'from'), ...given(f, ['date', 'message']) }
  parseMoney(input.amount, input.currency)
  if (input.date !== undefined) parseDate(input.date)
  return input
}

/** `disco paid <period> --reference …` */
export function paidInput (f: Fields): { month: string, reference: string, date?: string } {
  const input: { month: string, reference: string, date?: string } = { month: text(f, 'month'), reference: text(f, 'reference'), ...given(f, ['date']) }
  parsePeriod(input.month)
  if (input.date !== undefined) parseDate(input.date)
  return input
}

/** `disco vote <id> <choice> --reason …` */
export function voteInput (id: string, choice: string, reason: string): { id: string, choice: string, reason?: string } {
  return reason.trim() === '' ? { id, choice } : { id, choice, reason: reason.trim() }
}

// --- proposals ----------------------------------------------------------------------------------

type RulesField = keyof RulesChange
/** One field of a proposal kind's form: a ProposeInput field, or a rule (under `rules`). */
export interface ProposeField {
  name: keyof ProposeInput | `rules.${RulesField}`
  label: MessageKey
  /** text; a whole number; a comma-separated list; one of `options` */
  type: 'text' | 'number' | 'list' | 'choice'
  options?: readonly string[]
  /** required by the CLI for this kind */
  required?: boolean
}

/**
 * Each proposal kind's own fields, as `disco propose <kind>` takes them. The form is built from
 * this table: a new kind, or a new field of one, is an entry here (typed: a kind of the ledger
 * missing here does not compile), its words a catalogue key.
 */
export const PROPOSE_FIELDS: Record<ProposalKind, ProposeField[]> = {
  motion: [],
  admit: [
    { name: 'device', label: 'field.device', type: 'text', required: true },
    { name: 'name', label: 'field.name', type: 'text', required: true },
    { name: 'role', label: 'field.role', type: 'choice', options: ROLES, required: true }
  ],
  role: [
    { name: 'member', label: 'field.member', type: 'text', required: true },
    { name: 'role', label: 'field.role', type: 'choice', options: ROLES, required: true }
  ],
  remove: [{ name: 'member', label: 'field.member', type: 'text', required: true }],
  indexers: [{ name: 'devices', label: 'field.devices', type: 'list', required: true }],
  protocol: [{ name: 'version', label: 'field.version', type: 'number', required: true }],
  rules: [
    { name: 'rules.rate', label: 'field.rate', type: 'list' },
    { name: 'rules.split', label: 'field.split', type: 'text' },
    { name: 'rules.moneyRate', label: 'field.moneyRate', type: 'text' },
    { name: 'rules.careWeight', label: 'field.careWeight', type: 'text' },
    { name: 'rules.daterCredits', label: 'field.daterCredits', type: 'choice', options: DATER_CREDITS },
    { name: 'rules.needsEndorsement', label: 'field.needsEndorsement', type: 'choice', options: ['yes', 'no'] },
    { name: 'rules.late', label: 'field.late', type: 'choice', options: LATE_POLICIES },
    // the accounting rules of issue 22 (docs/accounting.md), as `disco propose rules` takes them
    { name: 'rules.period', label: 'field.period', type: 'choice', options: PERIOD_KINDS },
    { name: 'rules.stages', label: 'field.stages', type: 'text' },
    { name: 'rules.care', label: 'field.care', type: 'list' },
    { name: 'rules.quota', label: 'field.quota', type: 'list' },
    { name: 'rules.quotaPeriod', label: 'field.quotaPeriod', type: 'choice', options: PERIOD_KINDS },
    { name: 'rules.cap', label: 'field.cap', type: 'text' },
    { name: 'rules.capExcess', label: 'field.capExcess', type: 'choice', options: CAP_EXCESS },
    { name: 'rules.unit', label: 'field.unit', type: 'list' },
    { name: 'rules.removeUnit', label: 'field.removeUnit', type: 'list' }
  ],
  distribute: [
    { name: 'month', label: 'field.period', type: 'text', required: true },
    { name: 'amount', label: 'field.amount', type: 'text', required: true },
    { name: 'currency', label: 'field.currency', type: 'text', required: true }
  ],
  federate: [
    { name: 'code', label: 'field.code', type: 'text', required: true },
    { name: 'name', label: 'field.name', type: 'text', required: true }
  ],
  unfederate: [{ name: 'federate', label: 'field.federate', type: 'text', required: true }],
  trust: [
    { name: 'federate', label: 'field.federate', type: 'text', required: true },
    { name: 'value', label: 'field.value', type: 'number' },
    { name: 'stage', label: 'field.stage', type: 'number' }
  ],
  checkins: [{ name: 'days', label: 'field.days', type: 'number', required: true }],
  deliberation: [{ name: 'hours', label: 'field.hours', type: 'number', required: true }],
  mirrors: [
    { name: 'addMirror', label: 'field.addMirror', type: 'text' },
    { name: 'removeMirror', label: 'field.removeMirror', type: 'text' }
  ],
  onboarding: [
    { name: 'member', label: 'field.member', type: 'text', required: true },
    { name: 'stage', label: 'field.onboardingStage', type: 'number', required: true }
  ]
}

export const PROPOSAL_KIND_NAMES = Object.keys(PROPOSE_FIELDS) as ProposalKind[]

/** A whole number as the web API reads one (src/web/api.ts, queryInput): the same words. */
function wholeNumber (name: string, value: string): number {
  if (!/^-?\d{1,15}$/.test(value)) throw DiscoError.invalidField(name, 'not-whole', { value: value.slice(0, 40) })
  return Number(value)
}

/**
 * `disco propose <kind>`: the kind's fields from the table (empty ones absent, as an option not
 * given), and the common ones: the text, a deadline, all constituents. `rules`: the change is
 * checked against the rules in force, as the handler will (changedRules).
 */
export function proposeInput (kind: ProposalKind, f: Fields, currentRules?: Rules): ProposeInput {
  const fields = PROPOSE_FIELDS[kind]
  const input: ProposeInput = { kind, ...given(f, ['text', 'deadline']) }
  if (text(f, 'all') === 'yes' || text(f, 'all') === 'on') input.all = true
  const rules: RulesChange = {}
  for (const field of fields) {
    const value = text(f, field.name)
    if (value === '') continue
    const parsed = field.type === 'number' ? wholeNumber(field.name, value) : field.type === 'list' ? tagList(value) : value
    if (field.name.startsWith('rules.')) (rules as Record<string, unknown>)[field.name.slice(6)] = parsed
    else (input as unknown as Record<string, unknown>)[field.name] = parsed
  }
  if (kind === 'rules') {
    input.rules = rules
    if (currentRules !== undefined) changedRules(currentRules, rules)
  }
  if (kind === 'distribute') {
    parsePeriod(input.month ?? '')
    const pool = parseMoney(input.amount ?? '', input.currency ?? '')
    if (pool.amount === 0) throw DiscoError.invalidAmount(input.amount ?? '', 'pool-nothing')
  }
  return input
}
