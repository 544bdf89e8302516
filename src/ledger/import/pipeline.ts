import { createHash } from 'node:crypto'
import { DiscoError, isDiscoError } from '../../errors.js'
import { validateOp } from '../validate.js'
import type { ContributionOp } from '../ops.js'
import type { Stream } from '../streams.js'
import { readCsv } from './csv.js'
import type { Delimiter } from './csv.js'
import { Header } from './source.js'
import type { Layout, RowText, Source, SourceId } from './source.js'
import { amountDigits, detectDateFormat, detectDecimalMark, minutesFromHours, parseAmount, parseDay } from './values.js'
import type { DateFormat, DecimalMark } from './values.js'

/**
 * A time tracker's export → contribution ops for one member, the same way for every source. Pure:
 * no I/O, no clock. Rows by other people are someone else's to import: counted, never errors. The
 * caller decides what to do with bad rows (refuse the whole file, or skip them); every bad row is
 * reported with its line, so nothing is dropped silently.
 */

export interface ImportOptions {
  /** the file has no stream column: the user says which stream the rows are */
  stream: Stream
  /** the names or emails in the file that are this member (trimmed, case-insensitive) */
  users: string[]
  /** absent: year-first dates as such, other dates' order detected from the whole file */
  dateFormat?: DateFormat
}

/** What the import saw, to tell the person: which tool's report, in which layout. */
export interface DetectedLayout {
  source: SourceId
  tool: string
  report: string
  delimiter: Delimiter
  /** the order of the file's dates; undefined: year first, or none whose order matters */
  dates?: DateFormat
  /** undefined: no number in the file shows its mark */
  decimalMark?: DecimalMark
  notes: string[]
}

export interface ImportedRow { line: number, user: string, op: ContributionOp }

export interface ImportResult {
  layout: DetectedLayout
  /** every key starts with this */
  keyPrefix: string
  rows: ImportedRow[]
  bad: DiscoError[]
  /** rows by other people: theirs to import */
  notYours: number
  /** their names (or emails) as the file writes them, sorted */
  others: string[]
}

const fold = (s: string): string => s.normalize('NFC').trim().toLowerCase()

export function parseTimeReport (text: string, sources: readonly Source[], opts: ImportOptions): ImportResult {
  const users = new Set(opts.users.map(fold).filter(u => u !== ''))
  if (users.size === 0) throw DiscoError.invalidArgument('no user names given: pass --user with your name (or email) as the file shows it')

  const csv = readCsv(text)
  const header = new Header(csv.header)
  const { source, layout } = findSource(header, sources)
  const width = header.length

  const wellFormed = csv.records.filter(r => r.cells.length === width).map(r => layout.read(r.cells))
  const dates = opts.dateFormat ?? detectDateFormat(wellFormed.map(r => r.date))
  const mark = detectDecimalMark(wellFormed.flatMap(r => [r.hours, r.amount]).filter(n => !n.includes(':')))

  const result: ImportResult = {
    layout: {
      source: source.id,
      tool: source.tool,
      report: layout.report,
      delimiter: csv.delimiter,
      ...(dates !== undefined ? { dates } : {}),
      ...(mark !== undefined ? { decimalMark: mark } : {}),
      notes: layout.notes
    },
    keyPrefix: source.keyPrefix,
    rows: [],
    bad: [],
    notYours: 0,
    others: []
  }
  // by folded name, as first written: "Bob" and "bob" are one person
  const others = new Map<string, string>()
  const seen = new Map<string, number>()
  for (const { line, cells } of csv.records) {
    try {
      if (cells.length !== width) {
        throw new DiscoError('COLUMN_COUNT', `${cells.length} columns where the header has ${width}`)
      }
      const row = layout.read(cells)
      // The key is computed before any check, so that fixing a bad row later never renumbers the
      // identical rows after it.
      const canonical = JSON.stringify(row.identity)
      const n = (seen.get(canonical) ?? 0) + 1
      seen.set(canonical, n)
      const key = source.keyPrefix + createHash('sha256').update(canonical).digest('hex').slice(0, 32) + (n === 1 ? '' : `#${n}`)

      if (row.person === '' && row.email === '') throw DiscoError.invalidField(layout.personColumn, 'empty')
      if (!users.has(fold(row.person)) && !users.has(fold(row.email))) {
        result.notYours++
        const who = row.person !== '' ? row.person : row.email
        if (!others.has(fold(who))) others.set(fold(who), who)
        continue
      }
      const op = opOf(row, key, opts.stream, { format: dates, strict: opts.dateFormat !== undefined }, mark)
      validateOp(op)
      result.rows.push({ line, user: row.person !== '' ? row.person : row.email, op })
    } catch (err) {
      if (!isDiscoError(err)) throw err
      result.bad.push(new DiscoError(err.code, err.message, err.kind, line))
    }
  }
  result.others = [...others.values()].sort()
  return result
}

function opOf (row: RowText, key: string, stream: Stream, dates: { format: DateFormat | undefined, strict: boolean }, mark: DecimalMark | undefined): ContributionOp {
  const livelihood = stream === 'livelihood'
  let money: ContributionOp['money'] = null
  if (livelihood && row.amount !== '') {
    if (row.currency === null) {
      if (amountDigits(row.amount, mark) !== null) throw DiscoError.invalidAmount(row.amount, 'no-currency')
    } else {
      money = parseAmount(row.amount, row.currency, mark)
    }
  }
  return {
    type: 'contribution',
    stream,
    minutes: minutesFromHours(row.hours, mark),
    day: parseDay(row.date, dates.format, dates.strict),
    description: row.description,
    project: row.project,
    tags: [...new Set(row.tags.split(',').map(t => t.trim()).filter(t => t !== ''))],
    client: livelihood ? row.client : '',
    commons: '',
    careFor: stream === 'care' ? 'collective' : null,
    money,
    output: null,
    key
  }
}

/** The first source that claims the header; a file none claims is named for what it lacks. */
function findSource (header: Header, sources: readonly Source[]): { source: Source, layout: Layout } {
  if (header.length === 0) throw new DiscoError('BAD_FILE', 'the file is empty: export a detailed report from your time tracker')
  for (const source of sources) {
    const layout = source.layout(header)
    if (layout !== null) return { source, layout }
  }
  const columns = header.raw.slice(0, 8).map(h => `"${h.trim()}"`).join(', ') + (header.length > 8 ? ', …' : '')
  throw new DiscoError('BAD_FILE', `not a time report this import knows (its columns: ${columns}): export a ${sources.map(s => `${s.tool} detailed report`).join(', ').replace(/, ([^,]*)$/, ' or $1')} as CSV`)
}
