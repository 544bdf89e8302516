import { createHash } from 'node:crypto'
import { parse } from 'csv-parse/sync'
import type { Info } from 'csv-parse/sync'
import { DiscoError, isDiscoError } from '../../errors.js'
import { checkMinutes } from '../duration.js'
import { dayFromParts, parseDate } from '../dates.js'
import { parseMoney } from '../currency.js'
import type { Money } from '../currency.js'
import { validateOp } from '../validate.js'
import type { ContributionOp } from '../ops.js'
import type { Stream } from '../streams.js'

/**
 * Clockify "detailed report" CSV → contribution ops for one member. Pure: no I/O, no clock. The
 * caller decides what to do with bad rows (refuse the whole file, or skip them); every bad row is
 * reported with its line, so nothing is dropped silently.
 */

/** Every imported row's idempotency key starts with this, so a re-run finds them in one range read. */
export const IMPORT_KEY_PREFIX = 'clockify:'

export type DateFormat = 'YYYY-MM-DD' | 'MM/DD/YYYY' | 'DD/MM/YYYY'

export interface ImportOptions {
  /** the file has no stream column: the user says which stream the rows are */
  stream: Stream
  /** the CSV "User" names that are this member (trimmed, case-insensitive) */
  users: string[]
  /** absent: ISO dates as such, slash dates detected from the whole file when unambiguous */
  dateFormat?: DateFormat
}

export interface ImportedRow { line: number, user: string, op: ContributionOp }
export interface ImportResult { rows: ImportedRow[], bad: DiscoError[] }

type Row = Array<{ record: string[], info: Info }>
type Cell = (record: string[]) => string

export function parseClockifyCsv (text: string, opts: ImportOptions): ImportResult {
  const given = opts.users.map(u => u.trim()).filter(u => u !== '')
  const users = new Set(given.map(u => u.toLowerCase()))
  if (users.size === 0) throw DiscoError.invalidArgument('no user names given: pass --user with your name as Clockify shows it')

  // One line ending for the whole file: csv-parse miscounts lines when a quoted field holds
  // "\r\n", and a "\r" left in a description would fail validation as a control character.
  const parsed = parseCsv(text.replace(/\r\n?/g, '\n'))

  // Each record's first line is the line after the previous record's last one. Blank lines are
  // not skipped by csv-parse (that would break this count): they come through as [''] and are
  // skipped here.
  const records: Array<{ line: number, record: string[] }> = []
  let next = 1
  for (const { record, info } of parsed) {
    const blank = record.length === 1 && (record[0] as string).trim() === ''
    if (!blank) records.push({ line: next, record })
    next = info.lines + 1
  }
  const header = records.shift()
  if (header === undefined) return { rows: [], bad: [] }

  const names = header.record.map(h => h.trim().toLowerCase())
  const column = (name: string): Cell | null => {
    const i = names.indexOf(name)
    return i === -1 ? null : r => (r[i] as string).trim()
  }
  const missing = (label: string): DiscoError => new DiscoError('BAD_FILE', `not a Clockify detailed report: no ${label} column`)
  const need = (name: string): Cell => {
    const cell = column(name.toLowerCase())
    if (cell === null) throw missing(`"${name}"`)
    return cell
  }
  const optional = (name: string): Cell => column(name.toLowerCase()) ?? (() => '')
  const user = need('User')
  const startDate = need('Start Date')
  const durationH = column('duration (h)')
  const durationDecimal = column('duration (decimal)')
  if (durationH === null && durationDecimal === null) throw missing('"Duration (h)" or "Duration (decimal)"')
  const project = optional('Project')
  const client = optional('Client')
  const description = optional('Description')
  const task = optional('Task')
  const tags = optional('Tags')
  const startTime = optional('Start Time')
  const endDate = optional('End Date')
  const endTime = optional('End Time')
  // The amount column carries its currency in its name: "Billable Amount (USD)".
  const amountIndex = names.findIndex(n => /^billable amount \([a-z]{3}\)$/.test(n))
  const currency = amountIndex === -1 ? null : (header.record[amountIndex] as string).trim().slice(-4, -1)

  const wellFormed = records.filter(r => r.record.length === names.length)
  const format = opts.dateFormat ?? detectDateFormat(wellFormed.map(r => startDate(r.record)))

  const rows: ImportedRow[] = []
  const bad: DiscoError[] = []
  const seen = new Map<string, number>()
  for (const { line, record: r } of records) {
    try {
      if (r.length !== names.length) {
        throw new DiscoError('COLUMN_COUNT', `${r.length} columns where the header has ${names.length}`)
      }
      // The key is what the row says, not where it is (no line number), so a re-export with rows
      // added keeps the others' keys; the stream is left out, as the same hours stay the same
      // hours under another stream. It is computed before any check, so that fixing a bad row
      // later never renumbers the identical rows after it.
      const canonical = JSON.stringify([
        user(r).toLowerCase(), startDate(r), startTime(r), endDate(r), endTime(r),
        durationH?.(r) ?? '', durationDecimal?.(r) ?? '', description(r), task(r), project(r), client(r), tags(r)
      ])
      const n = (seen.get(canonical) ?? 0) + 1
      seen.set(canonical, n)
      const key = IMPORT_KEY_PREFIX + createHash('sha256').update(canonical).digest('hex').slice(0, 32) + (n === 1 ? '' : `#${n}`)

      const name = user(r)
      if (name === '') throw DiscoError.invalidField('User', 'blank')
      if (!users.has(name.toLowerCase())) {
        throw new DiscoError('OTHER_USER', `row is by "${name}", not by ${given.join(' or ')}: pass --user "${name}" if these are your hours`)
      }
      const livelihood = opts.stream === 'livelihood'
      const op: ContributionOp = {
        type: 'contribution',
        stream: opts.stream,
        // "Duration (h)" when the file has it: it keeps the seconds, the decimal is rounded
        minutes: durationH !== null ? minutesFromHms(durationH(r)) : minutesFromDecimal((durationDecimal as Cell)(r)),
        day: parseDay(startDate(r), format),
        description: description(r) + (task(r) === '' ? '' : ` — ${task(r)}`),
        project: project(r),
        tags: [...new Set(tags(r).split(',').map(t => t.trim()).filter(t => t !== ''))],
        client: livelihood ? client(r) : '',
        commons: '',
        careFor: opts.stream === 'care' ? 'collective' : null,
        money: livelihood && currency !== null ? parseAmount((r[amountIndex] as string).trim(), currency) : null,
        key
      }
      validateOp(op)
      rows.push({ line, user: name, op })
    } catch (err) {
      if (!isDiscoError(err)) throw err
      bad.push(err.atLine(line))
    }
  }
  return { rows, bad }
}

function parseCsv (text: string): Row {
  try {
    // relax_column_count: a short or long row is reported as a bad row, not a failed file.
    return parse(text, { bom: true, info: true, relax_column_count: true }) as Row
  } catch (err) {
    // A broken quote leaves the rest of the file unreadable: nothing after it can be trusted.
    const e = err as { message?: string, lines?: number }
    throw new DiscoError('BAD_FILE', `not a readable CSV file: ${e.message ?? String(err)}`, 'input', e.lines)
  }
}

/**
 * "1:30:00" → 90. Clockify keeps seconds but entries are whole minutes: 30 seconds or more count
 * as the next minute (half up), so that a 0:00:45 timer is one minute rather than none.
 */
function minutesFromHms (text: string): number {
  const m = /^(\d{1,6}):([0-5]\d)(?::([0-5]\d))?$/.exec(text)
  if (m === null) throw DiscoError.invalidDuration(text, 'clockify-hms')
  const minutes = Number(m[1]) * 60 + Number(m[2]) + (Number(m[3] ?? 0) >= 30 ? 1 : 0)
  checkMinutes(minutes, text)
  return minutes
}

/** "1.25" hours → 75. Parsed on the digits (BigInt: no float, no overflow), rounded half up. */
function minutesFromDecimal (text: string): number {
  const m = /^(\d{1,6})(?:\.(\d{1,12}))?$/.exec(text)
  if (m === null) throw DiscoError.invalidDuration(text, 'clockify-decimal')
  const frac = m[2] ?? ''
  const denom = 10n ** BigInt(frac.length)
  const minutes = Number((BigInt((m[1] as string) + frac) * 60n * 2n + denom) / (2n * denom))
  checkMinutes(minutes, text)
  return minutes
}

/** Slash dates say nothing about their order; the file as a whole may. */
function detectDateFormat (dates: string[]): DateFormat | undefined {
  let dayFirst: string | undefined
  let monthFirst: string | undefined
  let ambiguous: string | undefined
  for (const text of dates) {
    const m = /^(\d{1,2})\/(\d{1,2})\/\d{4}$/.exec(text)
    if (m === null) continue
    const a = Number(m[1])
    const b = Number(m[2])
    if (a > 12) dayFirst ??= text
    else if (b > 12) monthFirst ??= text
    else if (a !== b) ambiguous ??= text // 03/03 reads the same either way
  }
  const pass = 'pass --date-format MM/DD/YYYY or --date-format DD/MM/YYYY'
  if (dayFirst !== undefined && monthFirst !== undefined) {
    throw new DiscoError('AMBIGUOUS_DATES', `the dates in this file fit neither MM/DD/YYYY ("${dayFirst}") nor DD/MM/YYYY ("${monthFirst}") throughout: ${pass}`)
  }
  if (dayFirst !== undefined) return 'DD/MM/YYYY'
  if (monthFirst !== undefined) return 'MM/DD/YYYY'
  if (ambiguous !== undefined) {
    throw new DiscoError('AMBIGUOUS_DATES', `the dates in this file (e.g. "${ambiguous}") could be month first or day first: ${pass}`)
  }
  return undefined // no slash dates, or none whose order matters
}

function parseDay (text: string, format: DateFormat | undefined): number {
  if (format === 'YYYY-MM-DD' || (format === undefined && !text.includes('/'))) return parseDate(text)
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text)
  if (m === null) throw DiscoError.invalidDate(text, 'expected-format', { format: format ?? null })
  const [a, b] = [Number(m[1]), Number(m[2])]
  return format === 'DD/MM/YYYY' ? dayFromParts(Number(m[3]), b, a, text) : dayFromParts(Number(m[3]), a, b, text)
}

/** "1,200.50" → 120050 cents. Commas are dropped only as clean thousands groups; "1,5" is refused. */
function parseAmount (text: string, currency: string): Money | null {
  const plain = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text) ? text.replace(/,/g, '') : text
  if (/^0*(?:\.0+)?$/.test(plain)) return null // empty or zero: not billed
  return parseMoney(plain, currency)
}
