import { DiscoError } from '../errors.js'
import { parseMoney } from '../ledger/currency.js'
import type { Money } from '../ledger/currency.js'
import { parseDate, today } from '../ledger/dates.js'
import { checkMinutes, parseDuration } from '../ledger/duration.js'
import { parseCareTarget, parseStream } from '../ledger/streams.js'
import type { CareTarget, Stream } from '../ledger/streams.js'
import type { ContributionOp, ContributionPatch, Output } from '../ledger/ops.js'
import { checkUnitName } from '../ledger/rules.js'
import { MAX_OUTPUT_QUANTITY } from '../ledger/limits.js'

/**
 * A value entry as a person or a script gives it: text where people type text ("3h", "120.50",
 * "2026-11-03"), so that the CLI, the control socket and a web form hand over the same thing.
 */
export interface ContributionInput {
  stream: string
  /** "3h", "90m", "1h30m", "1.5h", "2:30"; or give `minutes` */
  duration?: string
  minutes?: number
  /** YYYY-MM-DD; today when absent */
  date?: string
  description?: string
  project?: string
  tags?: string[]
  /** decimal text in the currency's units, e.g. "120.50"; needs `currency` */
  amount?: string
  currency?: string
  client?: string
  /** love: the commons the work feeds */
  commons?: string
  /** care: "collective" (the default) or "person" */
  for?: string
  /** what the work produced: a whole quantity (e.g. "5000") of a unit the rules name (e.g. "words");
   * give both, with or instead of a duration */
  quantity?: string
  unit?: string
  /** idempotency key: logging again with the same key does not count twice */
  key?: string
  /** work done for a federated cooperative: its name or id (`disco federation` lists them) */
  forCoop?: string
}

export type AmendInput = Partial<Omit<ContributionInput, 'key' | 'forCoop'>> & {
  /** remove the money, the project, the tags or the output */
  clearMoney?: boolean
  clearOutput?: boolean
  clearProject?: boolean
  clearTags?: boolean
}

function minutesOf (input: { duration?: string, minutes?: number }): number | undefined {
  if (input.duration !== undefined && input.minutes !== undefined) {
    throw DiscoError.invalidArgument('give a duration or minutes, not both')
  }
  if (input.duration !== undefined) return parseDuration(input.duration)
  if (input.minutes !== undefined) {
    checkMinutes(input.minutes)
    return input.minutes
  }
  return undefined
}

function moneyOf (input: { amount?: string, currency?: string }): Money | undefined {
  if (input.amount === undefined && input.currency === undefined) return undefined
  if (input.amount === undefined) throw DiscoError.invalidArgument('--currency needs --amount')
  if (input.currency === undefined) throw DiscoError.invalidArgument('--amount needs --currency, e.g. --currency EUR')
  return parseMoney(input.amount, input.currency)
}

function outputOf (input: { quantity?: string, unit?: string }): Output | undefined {
  if (input.quantity === undefined && input.unit === undefined) return undefined
  if (input.quantity === undefined) throw DiscoError.invalidArgument('--unit needs --quantity, e.g. --quantity 5000 --unit words')
  if (input.unit === undefined) throw DiscoError.invalidArgument('--quantity needs --unit, e.g. --unit words (disco rules lists the units)')
  const q = String(input.quantity).trim()
  if (!/^\d{1,10}$/.test(q)) throw DiscoError.invalidField('quantity', 'output-quantity', { max: MAX_OUTPUT_QUANTITY })
  const output = { unit: input.unit.trim().toLowerCase(), quantity: Number(q) }
  checkUnitName(output.unit)
  if (output.quantity < 1 || output.quantity > MAX_OUTPUT_QUANTITY) throw DiscoError.invalidField('quantity', 'output-quantity', { max: MAX_OUTPUT_QUANTITY })
  return output
}

function tagsOf (tags: string[]): string[] {
  return [...new Set(tags.map(t => t.trim()).filter(t => t !== ''))]
}

export function contributionOp (input: ContributionInput): ContributionOp {
  const stream: Stream = parseStream(input.stream)
  const output = outputOf(input) ?? null
  // work measured by its output alone takes no duration
  const minutes = minutesOf(input) ?? (output !== null ? 0 : undefined)
  if (minutes === undefined) throw DiscoError.invalidArgument('a duration is required, e.g. 3h or 90m (or an output: --quantity 5000 --unit words)')
  const money = moneyOf(input) ?? null
  const careFor: CareTarget | null = stream === 'care' ? parseCareTarget(input.for ?? 'collective') : null
  if (stream !== 'care' && input.for !== undefined) throw DiscoError.invalidField('--for', 'for-only-care')
  return {
    type: 'contribution',
    stream,
    minutes,
    day: input.date === undefined ? today() : parseDate(input.date),
    description: (input.description ?? '').trim(),
    project: (input.project ?? '').trim(),
    tags: tagsOf(input.tags ?? []),
    client: (input.client ?? '').trim(),
    commons: (input.commons ?? '').trim(),
    careFor,
    money,
    output,
    key: (input.key ?? '').trim()
  }
}

/** Only the fields given; the merged entry is validated as a whole before anything is written. */
export function contributionPatch (input: AmendInput): ContributionPatch {
  const patch: ContributionPatch = {}
  if (input.stream !== undefined) patch.stream = parseStream(input.stream)
  const minutes = minutesOf(input)
  if (minutes !== undefined) patch.minutes = minutes
  if (input.date !== undefined) patch.day = parseDate(input.date)
  if (input.description !== undefined) patch.description = input.description.trim()
  if (input.project !== undefined) patch.project = input.project.trim()
  if (input.clearProject === true) patch.project = ''
  if (input.tags !== undefined) patch.tags = tagsOf(input.tags)
  if (input.clearTags === true) patch.tags = []
  if (input.client !== undefined) patch.client = input.client.trim()
  if (input.commons !== undefined) patch.commons = input.commons.trim()
  if (input.for !== undefined) patch.careFor = parseCareTarget(input.for)
  const money = moneyOf(input)
  if (money !== undefined) patch.money = money
  const output = outputOf(input)
  if (output !== undefined) patch.output = output
  if (input.clearOutput === true) {
    if (output !== undefined) throw DiscoError.invalidArgument('give --quantity and --unit or --no-output, not both')
    patch.output = null
  }
  if (input.clearMoney === true) {
    if (money !== undefined) throw DiscoError.invalidArgument('give --amount or --no-money, not both')
    patch.money = null
  }
  // Moving an entry to another stream drops what only the old stream has.
  if (patch.stream !== undefined) {
    if (patch.stream !== 'livelihood') { patch.money ??= null; patch.client ??= '' }
    if (patch.stream !== 'love') patch.commons ??= ''
    patch.careFor ??= patch.stream === 'care' ? 'collective' : null
  }
  if (Object.keys(patch).length === 0) throw DiscoError.emptyAmend()
  return patch
}
