import { DiscoError } from '../errors.js'
import { checkDay, formatDay, monthEndTime, parseDate } from './dates.js'

/**
 * Distribution and evaluation periods (docs/accounting.md, "Periods"): a month, `2026-11`, or a
 * calendar quarter, `2026-Q4` (October to December). A period is named by text so that it travels
 * in the fields that named a month before; the two forms never overlap as text, and a quarter's
 * months are exactly three months.
 */
export const PERIOD_KINDS = ['month', 'quarter'] as const
export type PeriodKind = typeof PERIOD_KINDS[number]

const MS_PER_DAY = 86_400_000

/** `2026-11` or `2026-Q4` (any case, trimmed), as the canonical text; anything else is INVALID_PERIOD. */
export function parsePeriod (text: string): string {
  const s = String(text).trim().toUpperCase()
  let m = /^(\d{4})-(\d{2})$/.exec(s)
  if (m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12) return checked(`${m[1] as string}-${m[2] as string}`, text)
  m = /^(\d{4})-Q([1-4])$/.exec(s)
  if (m !== null) return checked(`${m[1] as string}-Q${m[2] as string}`, text)
  throw DiscoError.invalidPeriod(String(text))
}

/** Within the dates the ledger accepts (its first and last day). */
function checked (period: string, text: string): string {
  const months = periodMonths(period)
  try {
    checkDay(parseDate(`${months[0] as string}-01`))
    checkDay(monthEndTime(months[months.length - 1] as string) / MS_PER_DAY - 1)
  } catch {
    throw DiscoError.invalidPeriod(String(text))
  }
  return period
}

export function periodKind (period: string): PeriodKind {
  return period.includes('Q') ? 'quarter' : 'month'
}

/** The months of a period, in order (YYYY-MM). */
export function periodMonths (period: string): string[] {
  if (periodKind(period) === 'month') return [period]
  const year = period.slice(0, 4)
  const q = Number(period.slice(6))
  return [1, 2, 3].map(i => `${year}-${String((q - 1) * 3 + i).padStart(2, '0')}`)
}

/** The quarter a month (YYYY-MM) is in. */
export function quarterOf (month: string): string {
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`
}

/** The period of this kind that holds a month. */
export function periodOfMonth (month: string, kind: PeriodKind): string {
  return kind === 'month' ? month : quarterOf(month)
}

/** The first instant of a period (ms since the epoch, UTC). */
export function periodStartTime (period: string): number {
  return parseDate(`${periodMonths(period)[0] as string}-01`) * MS_PER_DAY
}

/** The first instant after a period: when it is over. */
export function periodEndTime (period: string): number {
  return monthEndTime(periodMonths(period).at(-1) as string)
}

export function firstDayOfPeriod (period: string): string {
  return `${periodMonths(period)[0] as string}-01`
}

/** The last day of a period, YYYY-MM-DD: the day its statement's payouts belong to. */
export function lastDayOfPeriod (period: string): string {
  return formatDay(periodEndTime(period) / MS_PER_DAY - 1)
}

/** The period of this kind holding an instant (ms). */
export function periodAt (time: number, kind: PeriodKind): string {
  return periodOfMonth(formatDay(Math.floor(time / MS_PER_DAY)).slice(0, 7), kind)
}

/** The periods whose statements would pay for some of the same work as one of `period`: itself
 * first, then a month's quarter, or a quarter's months. */
export function overlappingPeriods (period: string): string[] {
  return periodKind(period) === 'month' ? [period, quarterOf(period)] : [period, ...periodMonths(period)]
}

/** The periods that may hold a statement paying for work dated in this month: the month, its quarter. */
export function periodsHolding (month: string): string[] {
  return [month, quarterOf(month)]
}
