import t from 'tap'
import { readFileSync } from 'node:fs'
import { parseImportFile } from '../src/ledger/import/index.js'
import type { ImportOptions, ImportResult } from '../src/ledger/import/index.js'
import { DiscoError } from '../src/errors.js'
import { parseDate } from '../src/ledger/dates.js'

// Clockify through the import family: the family detects the file as Clockify's
const parseClockifyCsv = (text: string, opts: ImportOptions): ImportResult => {
  const r = parseImportFile(text, opts)
  if (r.layout.source !== 'clockify') throw new Error(`read as ${r.layout.source}`)
  return r
}
const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
const ALICE: ImportOptions = { stream: 'livelihood', users: ['Alice Doe'] }

// A small Clockify-shaped file: each row is the defaults below with some cells overridden.
const HEADER = ['Project', 'Client', 'Description', 'Task', 'User', 'Tags', 'Start Date', 'Start Time',
  'End Date', 'End Time', 'Duration (h)', 'Duration (decimal)', 'Billable Amount (EUR)']
const DEFAULTS: Record<string, string> = {
  Project: 'P', Client: 'C', Description: 'work', Task: '', User: 'Alice Doe', Tags: '', 'Start Date': '2024-03-05',
  'Start Time': '09:00:00', 'End Date': '2024-03-05', 'End Time': '10:00:00', 'Duration (h)': '01:00:00',
  'Duration (decimal)': '1.00', 'Billable Amount (EUR)': '0.00'
}
const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`
function csv (rows: Array<Record<string, string>>, header = HEADER): string {
  const lines = [header, ...rows.map(r => header.map(h => r[h] ?? DEFAULTS[h] ?? ''))]
  return lines.map(cells => cells.map(quote).join(',')).join('\n') + '\n'
}
const lines = (r: ImportResult): number[] => r.rows.map(row => row.line)
const badLines = (r: ImportResult): Array<[number | undefined, string]> => r.bad.map(e => [e.line, e.code])
const keys = (r: ImportResult): string[] => r.rows.map(row => row.op.key)

t.test('a realistic detailed report', async t => {
  const r = parseClockifyCsv(fixture('clockify-detailed.csv'), ALICE)
  t.same(lines(r), [2, 3, 5, 7], 'row lines count the multi-line description')
  t.same(badLines(r), [], 'a colleague\'s row is no error')
  t.equal(r.notYours, 1, 'it is counted as someone else\'s')
  t.same(r.others, ['Bob Roe'])
  t.same(r.layout, { source: 'clockify', tool: 'Clockify', report: 'detailed report', delimiter: ',', notes: ['durations from "Duration (h)"', 'amounts in USD'], decimalMark: '.' })
  t.same(r.rows[0], {
    line: 2,
    user: 'Alice Doe',
    op: {
      type: 'contribution',
      stream: 'livelihood',
      minutes: 90,
      day: parseDate('2024-03-05'),
      description: 'Fix login, then deploy — Backend',
      project: 'Website',
      tags: ['dev', 'urgent'],
      client: 'Acme',
      commons: '',
      careFor: null,
      money: { amount: 12000, currency: 'USD' },
      key: r.rows[0]?.op.key,
      output: null
    }
  })
  t.match(r.rows[0]?.op.key, /^clockify:[0-9a-f]{32}$/)
  const [, nl, review, retro] = r.rows.map(row => row.op)
  t.equal(nl?.description, 'Draft issue 12\nwith images', 'embedded newline kept, no task suffix')
  t.equal(nl?.minutes, 45, '00:45:29 rounds down')
  t.equal(nl?.money, null, 'a zero amount is no money')
  t.equal(nl?.client, '')
  t.equal(review?.minutes, 121, '02:00:30 rounds up')
  t.same(review?.money, { amount: 120050, currency: 'USD' }, '"1,200.50" has a thousands comma')
  t.equal(r.rows[2]?.user, 'alice doe', 'the user as written in the file')
  t.same(retro?.tags, ['meeting', 'retro'], 'tags trimmed, empty and duplicate dropped')
  t.equal(retro?.minutes, 600)
  t.equal(retro?.description, 'Retro — Meetings')
  t.equal(retro?.day, parseDate('2024-03-08'), 'the day is the start date')
})

t.test('CRLF line endings and a BOM change nothing', async t => {
  const plain = parseClockifyCsv(fixture('clockify-detailed.csv'), ALICE)
  const windows = parseClockifyCsv('\uFEFF' + fixture('clockify-detailed.csv').replace(/\n/g, '\r\n'), ALICE)
  t.same(windows, plain)
  t.equal(windows.rows.length, 4)
  const bom = parseClockifyCsv('\uFEFF' + csv([{}]), ALICE)
  t.same(bom.bad, [], 'the BOM does not hide the first column')
  t.equal(bom.rows[0]?.op.project, 'P')
})

t.test('streams other than livelihood', async t => {
  const care = parseClockifyCsv(fixture('clockify-detailed.csv'), { ...ALICE, stream: 'care' })
  t.equal(care.rows.length, 4)
  for (const { op } of care.rows) {
    t.equal(op.stream, 'care')
    t.equal(op.careFor, 'collective')
    t.equal(op.client, '', 'client only on livelihood')
    t.equal(op.money, null, 'money only on livelihood')
  }
  const love = parseClockifyCsv(fixture('clockify-detailed.csv'), { ...ALICE, stream: 'love' })
  t.same(love.rows.map(r => [r.op.stream, r.op.careFor, r.op.client, r.op.commons, r.op.money]),
    Array(4).fill(['love', null, '', '', null]))
})

t.test('minutes from H:MM:SS', async t => {
  const r = parseClockifyCsv(csv(['1:30:00', '0:00:30', '0:00:29', '1:59:30', '25:00:00', '744:00:00', '744:00:30', '1:30', 'abc', '1:75:00']
    .map(d => ({ 'Duration (h)': d, 'Duration (decimal)': '9.00' }))), ALICE)
  t.same(r.rows.map(x => [x.line, x.op.minutes]), [[2, 90], [3, 1], [5, 120], [6, 1500], [7, 744 * 60], [9, 90]],
    'Duration (h) wins over Duration (decimal)')
  t.same(badLines(r), [[4, 'INVALID_DURATION'], [8, 'INVALID_DURATION'], [10, 'INVALID_DURATION'], [11, 'INVALID_DURATION']])
  t.match(r.bad[0]?.message, /"0:00:29".*at least one minute/)
  t.match(r.bad[1]?.message, /at most 744 hours/)
})

t.test('minutes from decimal hours', async t => {
  const header = HEADER.filter(h => h !== 'Duration (h)')
  const r = parseClockifyCsv(csv(['1.5', '0.25', '1.01', '0.175', '0.1749', '2', '0.0083', '', '-1.00', '1.2.3']
    .map(d => ({ 'Duration (decimal)': d })), header), ALICE)
  t.same(r.rows.map(x => x.op.minutes), [90, 15, 61, 11, 10, 120], 'rounded to the nearest minute, half up')
  t.same(badLines(r), [[8, 'INVALID_DURATION'], [9, 'INVALID_DURATION'], [10, 'INVALID_DURATION'], [11, 'INVALID_DURATION']])

  // a decimal comma, and "Duration (h)" in decimal (Clockify's decimal duration setting)
  const comma = parseClockifyCsv(csv(['1,5', '0,25', '1,50'].map(d => ({ 'Duration (decimal)': d, 'Billable Amount (EUR)': '0,00' })), header), ALICE)
  t.same(comma.rows.map(x => x.op.minutes), [90, 15, 90])
  t.equal(comma.layout.decimalMark, ',')
  const decimalH = parseClockifyCsv(csv([{ 'Duration (h)': '1.50', 'Duration (decimal)': '1.50' }, { 'Duration (h)': '0.75', 'Duration (decimal)': '0.75' }]), ALICE)
  t.same(decimalH.rows.map(x => x.op.minutes), [90, 45], '"Duration (h)" of 1.50 is an hour and a half')
  t.same(decimalH.bad, [])
})

t.test('date formats', async t => {
  const file = (dates: string[], user = 'Alice Doe'): string => csv(dates.map(d => ({ 'Start Date': d, User: user })))
  const days = (r: ImportResult): number[] => r.rows.map(x => x.op.day)
  const ambiguous = file(['03/05/2024', '04/06/2024'])
  t.same(days(parseClockifyCsv(ambiguous, { ...ALICE, dateFormat: 'MM/DD/YYYY' })), [parseDate('2024-03-05'), parseDate('2024-04-06')])
  t.same(days(parseClockifyCsv(ambiguous, { ...ALICE, dateFormat: 'DD/MM/YYYY' })), [parseDate('2024-05-03'), parseDate('2024-06-04')])
  t.throws(() => parseClockifyCsv(ambiguous, ALICE), { code: 'AMBIGUOUS_DATES', kind: 'input', message: /--date-format MM\/DD\/YYYY or --date-format DD\/MM\/YYYY/ })
  t.throws(() => parseClockifyCsv(file(['13/05/2024', '05/13/2024']), ALICE), { code: 'AMBIGUOUS_DATES' }, 'contradictory dates')

  t.same(days(parseClockifyCsv(file(['03/05/2024', '13/05/2024']), ALICE)), [parseDate('2024-05-03'), parseDate('2024-05-13')], 'detected DD/MM')
  t.same(days(parseClockifyCsv(file(['03/05/2024', '05/13/2024']), ALICE)), [parseDate('2024-03-05'), parseDate('2024-05-13')], 'detected MM/DD')
  t.same(days(parseClockifyCsv(file(['3/3/2024']), ALICE)), [parseDate('2024-03-03')], 'same day either way')
  // another user's row still tells the file's format
  const mixed = file(['03/05/2024']).trimEnd() + '\n' + file(['13/05/2024'], 'Bob').split('\n')[1] + '\n'
  const m = parseClockifyCsv(mixed, ALICE)
  t.same(days(m), [parseDate('2024-05-03')])
  t.same(badLines(m), [])
  t.equal(m.notYours, 1)

  const jpy = parseClockifyCsv(fixture('clockify-ddmm-jpy.csv'), ALICE)
  t.same(days(jpy), [parseDate('2024-03-04'), parseDate('2024-03-25')], 'a DD/MM export detected')

  const iso = parseClockifyCsv(file(['2024-03-05', '2024-02-30', '1999-12-31', '03/05/2024', '5.3.2024']), { ...ALICE, dateFormat: 'YYYY-MM-DD' })
  t.same(days(iso), [parseDate('2024-03-05')])
  t.same(badLines(iso), [[3, 'INVALID_DATE'], [4, 'INVALID_DATE'], [5, 'INVALID_DATE'], [6, 'INVALID_DATE']])
  const strict = parseClockifyCsv(file(['13/05/2024', '2024-05-13']), { ...ALICE, dateFormat: 'MM/DD/YYYY' })
  t.same(badLines(strict), [[2, 'INVALID_DATE'], [3, 'INVALID_DATE']], 'an explicit format is the only one read')
  const dotted = parseClockifyCsv(file(['2024-03-05', '5.3.2024', '05.03.2024', '2024/03/05', '05-03-2024']), ALICE)
  t.same(days(dotted), Array(5).fill(parseDate('2024-03-05')), 'a dotted date is day first; a year-first date reads as such beside it')
  t.equal(dotted.layout.dates, 'DD/MM/YYYY')
  t.same(badLines(parseClockifyCsv(file(['2024-03-05', '5 March 2024', '2024-13-01']), ALICE)), [[3, 'INVALID_DATE'], [4, 'INVALID_DATE']])
})

t.test('users: case-insensitive, by name or email; other users\' rows counted, not errors', async t => {
  const text = csv([
    { User: 'ALICE DOE ' },
    { User: 'Bob', Description: 'a\nthree-line\ndescription' },
    { User: 'A. Doe' },
    { User: '' },
    { User: 'Bob' },
    { User: 'Carol', 'Start Date': 'not a date', 'Duration (h)': 'x' },
    { User: 'Alice D.', Email: 'Alice@Example.com' },
    { User: 'Ali\u0301ce Doe' }
  ], [...HEADER, 'Email'])
  const r = parseClockifyCsv(text, { ...ALICE, users: [' alice doe', 'a. doe', 'alice@example.COM'] })
  t.same(lines(r), [2, 6, 10], 'a row of yours by name, another by email')
  t.same(badLines(r), [[7, 'INVALID_FIELD']], 'a row by nobody is bad')
  t.ok(r.bad[0] instanceof DiscoError)
  t.equal(r.notYours, 4, 'Bob twice, Carol (whose row is not checked: it is hers), and an accented name that is not hers')
  t.same(r.others, ['Ali\u0301ce Doe', 'Bob', 'Carol'], 'as the file writes them')
  t.throws(() => parseClockifyCsv(text, { ...ALICE, users: [' '] }), { code: 'INVALID_ARGUMENT' })
  const nfd = parseClockifyCsv(csv([{ User: 'Zoe\u0308' }]), { ...ALICE, users: ['Zo\u00eb'] })
  t.equal(nfd.rows.length, 1, 'names compare in one Unicode form')
})

t.test('columns found by name; a missing one is a bad file', async t => {
  const shuffled = [...HEADER].reverse().map(h => ` ${h.toUpperCase()} `)
  const r = parseClockifyCsv(csv([{}]).split('\n').map((l, i) => i === 0 ? shuffled.map(quote).join(',') : l.split(',').reverse().join(',')).join('\n'), ALICE)
  t.same(r.bad, [])
  t.equal(r.rows[0]?.op.minutes, 60)
  t.equal(r.rows[0]?.op.project, 'P')
  const without = (...cols: string[]): string => csv([{}], HEADER.filter(h => !cols.includes(h)))
  t.throws(() => parseClockifyCsv(without('User'), ALICE), { code: 'BAD_FILE', message: /"User"/ })
  t.throws(() => parseClockifyCsv(without('Start Date'), ALICE), { code: 'BAD_FILE', message: /"Start Date"/ })
  t.throws(() => parseClockifyCsv(without('Duration (h)', 'Duration (decimal)'), ALICE), { code: 'BAD_FILE', message: /"Duration \(h\)" or "Duration \(decimal\)"/ })
  t.throws(() => parseClockifyCsv(without('User') + '"x",\n', ALICE), { code: 'BAD_FILE' }, 'header checked before any row')
  t.throws(() => parseClockifyCsv('Name,Amount\nx,1\n', ALICE), { code: 'BAD_FILE', message: /not a time report this import knows \(its columns: "Name", "Amount"\): export a Harvest detailed report, Toggl Track detailed report or Clockify detailed report as CSV/ })
  const minimal = parseClockifyCsv('User,Start Date,Duration (decimal)\nAlice Doe,2024-03-05,0.5\n', ALICE)
  const op = minimal.rows[0]?.op
  t.same([op?.description, op?.project, op?.tags, op?.client, op?.money, op?.minutes], ['', '', [], '', null, 30],
    'the optional columns may be absent')
})

t.test('malformed rows and files', async t => {
  const text = csv([{}, {}]).replace(/\n(?=.)/, '\n"P","C","too short"\n\n  \n')
  const r = parseClockifyCsv(text, ALICE)
  t.same(lines(r), [5, 6], 'blank lines skipped but counted')
  t.same(badLines(r), [[2, 'COLUMN_COUNT']])
  t.match(r.bad[0]?.message, /3 columns where the header has 13/)
  t.throws(() => parseClockifyCsv('', ALICE), { code: 'BAD_FILE', message: /the file is empty/ })
  t.throws(() => parseClockifyCsv('\n\n', ALICE), { code: 'BAD_FILE', message: /the file is empty/ })
  const none = parseClockifyCsv(csv([]), ALICE)
  t.same([none.rows, none.bad, none.notYours], [[], [], 0], 'a header alone imports nothing')
  t.throws(() => parseClockifyCsv(csv([{}]) + '"P","unclosed\n', ALICE), { code: 'BAD_FILE' })
})

t.test('validateOp makes a row bad, with its line', async t => {
  const r = parseClockifyCsv(csv([
    {},
    { Project: 'x'.repeat(101) },
    { Description: 'bell\u0007' },
    { Tags: 't'.repeat(41) },
    { Tags: Array.from({ length: 17 }, (_, i) => `t${i}`).join(',') }
  ]), ALICE)
  t.same(lines(r), [2])
  t.same(badLines(r), [[3, 'FIELD_TOO_LONG'], [4, 'INVALID_FIELD'], [5, 'FIELD_TOO_LONG'], [6, 'INVALID_FIELD']])
  t.match(r.bad[0]?.message, /project/)
})

t.test('livelihood money', async t => {
  // each number that shows its decimal mark is read by it; this file shows both, so "1.234" and
  // "1,200" (a thousands group, or three decimals?) are refused rather than guessed
  const amounts = ['120.00', '1,200.50', '12,345,678.9', '0', '', '1.200,50', '1,5', '0,00', '1,20.00', '1.234', '1,200', '1.2.3', '12.345']
  const r = parseClockifyCsv(csv(amounts.map(a => ({ 'Billable Amount (EUR)': a }))), ALICE)
  t.same(r.rows.map(x => x.op.money), [
    { amount: 12000, currency: 'EUR' }, { amount: 120050, currency: 'EUR' }, { amount: 1234567890, currency: 'EUR' }, null, null,
    { amount: 120050, currency: 'EUR' }, { amount: 150, currency: 'EUR' }, null
  ])
  t.same(badLines(r), [[10, 'INVALID_AMOUNT'], [11, 'INVALID_AMOUNT'], [12, 'INVALID_AMOUNT'], [13, 'INVALID_AMOUNT'], [14, 'INVALID_AMOUNT']])
  t.match(r.bad[1]?.message, /"1\.234".*could be read with "\." as a decimal mark or as a thousands separator/)
  // a file that shows one mark settles the others
  const point = parseClockifyCsv(csv(['1,200', '5.50'].map(a => ({ 'Billable Amount (EUR)': a }))), ALICE)
  t.same(point.rows.map(x => x.op.money?.amount), [120000, 550], 'a decimal-point file: "1,200" is twelve hundred')
  const comma = parseClockifyCsv(csv(['1.200', '5,50'].map(a => ({ 'Billable Amount (EUR)': a }))), ALICE)
  t.same(comma.rows.map(x => x.op.money?.amount), [120000, 550], 'a decimal-comma file: "1.200" is twelve hundred')

  const jpy = parseClockifyCsv(fixture('clockify-ddmm-jpy.csv'), ALICE)
  t.same(jpy.rows.map(x => x.op.money), [{ amount: 15000, currency: 'JPY' }, { amount: 7500, currency: 'JPY' }])
  const sen = parseClockifyCsv(fixture('clockify-ddmm-jpy.csv').replace('"15000"', '"15000.50"'), ALICE)
  t.same(badLines(sen), [[2, 'INVALID_AMOUNT']], 'yen have no minor unit')
  t.same(parseClockifyCsv(csv([{}]), ALICE).rows[0]?.op.money, null)
  const none = csv([{}], HEADER.filter(h => !h.startsWith('Billable')))
  t.equal(parseClockifyCsv(none, ALICE).rows[0]?.op.money, null, 'no amount column')
  const odd = parseClockifyCsv(csv([{ 'Billable Amount (XYZ)': '5.00' }], [...HEADER.slice(0, -1), 'Billable Amount (XYZ)']), ALICE)
  t.same(badLines(odd), [[2, 'UNKNOWN_CURRENCY']])
})

t.test('idempotency keys', async t => {
  const base = [{ Description: 'a' }, { Description: 'b' }, { Description: 'a' }, { Description: 'c' }]
  const first = keys(parseClockifyCsv(csv(base), ALICE))
  t.same(keys(parseClockifyCsv(csv(base), ALICE)), first, 'a re-run gives the same keys')
  t.equal(new Set(first).size, 4, 'identical rows get distinct keys')
  t.equal(first[2], `${first[0] as string}#2`, 'the second identical row is #2')
  t.match(first[1], /^clockify:[0-9a-f]{32}$/)

  const inserted = keys(parseClockifyCsv(csv([{ Description: 'new' }, ...base.slice(0, 2), { Description: 'x' }, ...base.slice(2)]), ALICE))
  t.same([inserted[1], inserted[2], inserted[4], inserted[5]], first, 'inserting rows keeps the other keys')
  t.notOk(first.includes(inserted[0] as string))

  t.same(keys(parseClockifyCsv(csv(base), { ...ALICE, stream: 'care' })), first, 'the stream is not part of the key')
  t.same(keys(parseClockifyCsv(csv(base.map(r => ({ ...r, User: 'ALICE DOE' }))), ALICE)), first, 'nor the case of the user')
  const changes: Record<string, string> = {
    'Start Date': '2024-03-06', 'Start Time': '11', 'End Date': '11', 'End Time': '11', 'Duration (h)': '02:00:00',
    Task: '11', Project: '11', Client: '11', Tags: '11', User: 'A. Doe'
  }
  for (const [field, value] of Object.entries(changes)) {
    const changed = keys(parseClockifyCsv(csv([{ ...base[0], [field]: value }]), { ...ALICE, users: ['Alice Doe', 'A. Doe'] }))
    t.equal(changed.length, 1)
    t.not(changed[0], first[0], `${field} is part of the key`)
  }
  // a bad row still takes its number, so fixing it later does not renumber the rows after it
  const afterBad = parseClockifyCsv(csv([{ Description: 'a', 'Billable Amount (EUR)': '1,20.00' }, { Description: 'a' }]), ALICE)
  t.same(badLines(afterBad), [[2, 'INVALID_AMOUNT']])
  t.same(keys(afterBad), [`${first[0] as string}#2`])
})
