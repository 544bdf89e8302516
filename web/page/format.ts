/**
 * How the page writes figures: the CLI's own functions for what the ledger defines (durations as
 * 2h05m, amounts with the currency's decimals from the ledger's ISO 4217 table, never Intl's), and
 * the locale's conventions (Intl) only for what is the reader's: dates, counts, the decimal mark.
 * Amounts stay exact: their digits come from formatAmount on integers; only the mark is swapped.
 */
import { formatMinutes } from '../../src/ledger/duration.js'
import { currencyExponent, formatAmount } from '../../src/ledger/currency.js'
import type { ExactMoney } from '../../src/ledger/currency.js'

export { formatMinutes, currencyExponent }

/** minutes as the CLI writes them: 125 → "2h05m"; nothing → "0m" */
export function durationText (minutes: number): string {
  return formatMinutes(minutes)
}

/** The locale's decimal mark ("." in English, "," in Spanish). */
export function decimalMark (locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find(p => p.type === 'decimal')?.value ?? '.'
}

/** An exact amount in the locale's decimal mark, without the currency: 12050 EUR → "120,50" (es). */
export function amountText (money: ExactMoney, locale: string): string {
  const text = formatAmount(money)
  const mark = decimalMark(locale)
  return mark === '.' ? text : text.replace('.', mark)
}

/** A count in the locale's digits and grouping. */
export function numberText (n: number | bigint, locale: string): string {
  return new Intl.NumberFormat(locale).format(n)
}

/** Credits are exact integers as decimal text: grouped for the locale, digit by digit (BigInt). */
export function creditsText (credits: string, locale: string): string {
  return /^-?\d+$/.test(credits) ? numberText(BigInt(credits), locale) : credits
}

/** A moment (ms since 1970) in the locale's words, in UTC as the ledger keeps time. */
export function momentText (ms: number, locale: string): string {
  // (dateStyle cannot be combined with timeZoneName: the fields one by one)
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC', timeZoneName: 'short' }).format(ms)
}

/** A ledger day (YYYY-MM-DD) in the locale's words. */
export function dayText (day: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (m === null) return day
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
}

/** A month (YYYY-MM) in the locale's words: "November 2026", "noviembre de 2026". */
export function monthText (month: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month)
  if (m === null) return month
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1))
}

const pad = (n: number): string => String(n).padStart(2, '0')

/** The month (YYYY-MM) of a date, by this computer's calendar (as `disco log` dates "today"). */
export function monthOf (d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`
}

/** The twelve months that end with `month`, oldest first. */
export function lastTwelve (month: string): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const out: string[] = []
  for (let i = 11; i >= 0; i--) out.push(monthOf(new Date(y, m - 1 - i, 1)))
  return out
}

/** Hours for a chart's scale: a chart needs proportions only, the tables carry the exact figures. */
export function chartHours (minutes: number): number {
  return Math.round(minutes / 60 * 100) / 100
}

/** Minor units as a chart's number: proportions only (the table shows the exact amount). */
export function chartAmount (minor: number, currency: string): number {
  return minor / 10 ** currencyExponent(currency)
}
