import { DiscoError } from '../errors.js'
import { formatDay, parseDate } from '../ledger/dates.js'
import { firstDayOfPeriod, lastDayOfPeriod, parsePeriod } from '../ledger/periods.js'
import type { DateRange } from '../consensus/accounting-queries.js'

/** What a report or an export covers: a month, a span of dates, or everything. */
export interface PeriodInput {
  month?: string
  from?: string
  to?: string
}

export interface Period extends DateRange {
  /** how to say it: "2026-11", "2026-01-01 … 2026-03-31", "all time" */
  label: string
}

export function periodOf (input: PeriodInput): Period {
  if (input.month !== undefined) {
    if (input.from !== undefined || input.to !== undefined) throw DiscoError.invalidArgument('give --month, or --from and --to, not both')
    // a month or a quarter
    const m = parsePeriod(input.month)
    return { from: firstDayOfPeriod(m), to: lastDayOfPeriod(m), label: m }
  }
  const from = input.from === undefined ? '0000-00-00' : formatDay(parseDate(input.from))
  const to = input.to === undefined ? '9999-99-99' : formatDay(parseDate(input.to))
  if (from > to) throw DiscoError.invalidArgument(`--from ${from} is after --to ${to}`)
  const label = input.from === undefined && input.to === undefined ? 'all time' : `${input.from === undefined ? '…' : from} … ${input.to === undefined ? '…' : to}`
  return { from, to, label }
}

export function inPeriod (date: string, p: DateRange): boolean {
  return date >= p.from && date <= p.to
}
