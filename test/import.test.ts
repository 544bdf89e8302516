import t from 'tap'
import { readFileSync } from 'node:fs'
import { parseImportFile, SOURCES } from '../src/ledger/import/index.js'
import type { ImportOptions, ImportResult } from '../src/ledger/import/index.js'
import { parseDate } from '../src/ledger/dates.js'

/**
 * The import family on files laid out as each tool exports them. There is no internet here: the
 * fixtures are written from the tools' documented export columns (Clockify's detailed and summary
 * report CSV, Toggl Track's detailed report CSV in its classic "User/End date" and newer
 * "Member/Stop date" headers, Harvest's detailed time report CSV), not downloaded exports.
 */
const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
const ANA: ImportOptions = { stream: 'livelihood', users: ['Ana Pérez'] }
const summary = (r: ImportResult): unknown[][] => r.rows.map(({ line, op }) => [line, op.day, op.minutes, op.description, op.project, op.client, op.money])
const day = parseDate

t.test('Toggl Track detailed report, a workspace export', async t => {
  const r = parseImportFile(fixture('toggl-detailed.csv'), ANA)
  t.same(r.layout, { source: 'toggl', tool: 'Toggl Track', report: 'detailed report', delimiter: ',', decimalMark: '.', notes: ['amounts in USD'] })
  t.same(summary(r), [
    [2, day('2026-03-02'), 90, 'Fix login, then deploy — Backend', 'Website', 'Acme', { amount: 12000, currency: 'USD' }],
    [4, day('2026-03-03'), 46, 'Proofread chapter 2\nand the glossary', 'Zine', '', null],
    [6, day('2026-03-04'), 120, 'Code review', 'Website', 'Acme', { amount: 120050, currency: 'USD' }]
  ], '00:45:40 is 46 minutes, 02:00:29 is 120')
  t.same(r.rows[0]?.op.tags, ['dev', 'urgent'])
  t.same(r.bad, [])
  t.equal(r.notYours, 2, 'Bob\'s and Carol\'s rows are theirs')
  t.same(r.others, ['Bob Roe', 'Carol Diaz'])
  t.match(r.rows[0]?.op.key, /^toggl:[0-9a-f]{32}$/)
  const byEmail = parseImportFile(fixture('toggl-detailed.csv'), { ...ANA, users: ['ANA@example.org'] })
  t.same(byEmail.rows.map(x => x.op.key), r.rows.map(x => x.op.key), 'the email finds the same rows, with the same keys')
})

t.test('Toggl Track: the newer Member/Stop date header, semicolons, CRLF, day-first dates, no currency', async t => {
  const r = parseImportFile(fixture('toggl-member-ddmm.csv'), { stream: 'love', users: ['Ana'] })
  t.same(r.layout, { source: 'toggl', tool: 'Toggl Track', report: 'detailed report', delimiter: ';', dates: 'DD/MM/YYYY', notes: ['no amounts (no currency in the file)'] })
  t.same(summary(r), [
    [2, day('2026-02-03'), 75, 'Übersetzung Kapitel 1', 'Zine', '', null],
    [3, day('2026-02-16'), 30, 'Layout', 'Zine', '', null]
  ])
})

t.test('Harvest detailed time report', async t => {
  const r = parseImportFile(fixture('harvest-detailed.csv'), ANA)
  t.same(r.layout, { source: 'harvest', tool: 'Harvest', report: 'detailed time report', delimiter: ',', decimalMark: '.', notes: ['durations from "Hours" (not "Hours Rounded")'] })
  t.same(summary(r), [
    [2, day('2026-04-01'), 90, 'Chapter 5 — Translation', 'Translation', 'Riseup', { amount: 12000, currency: 'EUR' }],
    [4, day('2026-04-02'), 45, 'Weekly call — Meetings', 'Internal', '', null],
    [5, day('2026-04-03'), 140, 'Chapter 6, first half — Translation', 'Translation', 'Riseup', { amount: 18640, currency: 'EUR' }]
  ], '2.33 hours round to 140 minutes; the currency comes from "Euro - EUR"')
  t.equal(r.notYours, 1)
  t.same(r.others, ['Bob Roe'], 'first and last name together')
  t.match(r.rows[0]?.op.key, /^harvest:[0-9a-f]{32}$/)

  const hm = parseImportFile(fixture('harvest-detailed.csv').replace(',1.5,1.5,', ',1:30,1:30,').replace('2.33,2.5', '2:20,2:30'), ANA)
  t.same(hm.rows.map(x => x.op.minutes), [90, 45, 140], 'hours as H:MM under Harvest\'s hh:mm setting')
  const noCurrency = parseImportFile(fixture('harvest-detailed.csv').replaceAll('Euro - EUR', ''), ANA)
  t.same(noCurrency.bad.map(e => [e.line, e.code]), [[2, 'INVALID_AMOUNT'], [5, 'INVALID_AMOUNT']], 'an amount with no currency is not guessed')
  t.same(noCurrency.rows.map(x => x.line), [4], 'a zero amount needs none')
})

t.test('Clockify team export: semicolons, dotted dates, decimal comma', async t => {
  const r = parseImportFile(fixture('clockify-team-semicolon.csv'), ANA)
  t.same(r.layout, {
    source: 'clockify', tool: 'Clockify', report: 'detailed report', delimiter: ';', dates: 'DD/MM/YYYY', decimalMark: ',',
    notes: ['durations from "Duration (h)"', 'amounts in EUR']
  })
  t.same(summary(r), [
    [2, day('2026-03-05'), 90, 'Übersetzung; Kapitel 3', 'Zine', '', null],
    [4, day('2026-03-12'), 135, 'Deploy — Backend', 'Website', 'Acme', { amount: 113500, currency: 'EUR' }]
  ])
  t.same([r.notYours, r.others, r.bad], [1, ['Bob Roe'], []], 'the colleague\'s row is counted, not an error')
})

t.test('summary reports are refused, naming what to export instead', async t => {
  t.throws(() => parseImportFile(fixture('clockify-summary.csv'), ANA), { code: 'SUMMARY_REPORT', message: /Clockify summary report.*Reports → Detailed, then Export → Save as CSV/ })
  t.throws(() => parseImportFile(fixture('toggl-summary.csv'), ANA), { code: 'SUMMARY_REPORT', message: /Toggl Track summary report.*Reports → Detailed/ })
  t.throws(() => parseImportFile(fixture('harvest-summary.csv'), ANA), { code: 'SUMMARY_REPORT', message: /Harvest summary report.*"Detailed report"/ })
})

t.test('each source claims only its own files', async t => {
  const files: Record<string, string> = {
    'toggl-detailed.csv': 'toggl',
    'toggl-member-ddmm.csv': 'toggl',
    'harvest-detailed.csv': 'harvest',
    'clockify-team-semicolon.csv': 'clockify',
    'clockify-detailed.csv': 'clockify',
    'clockify-ddmm-jpy.csv': 'clockify'
  }
  for (const [file, source] of Object.entries(files)) {
    t.equal(parseImportFile(fixture(file), { stream: 'love', users: ['x'] }).layout.source, source, `${file} is ${source}'s`)
  }
  t.same(SOURCES.map(s => s.keyPrefix), ['harvest:', 'toggl:', 'clockify:'], 'one key prefix per source')
})

t.test('a tab-separated file', async t => {
  const tabbed = fixture('toggl-detailed.csv').split('\n').map(l => l.includes('"') ? l : l.replaceAll(',', '\t')).join('\n')
  const lines = tabbed.split('\n')
  // keep it simple: only the unquoted lines become tab-separated; take those
  const text = [lines[0], lines[2]].join('\n') + '\n'
  const r = parseImportFile(text, { stream: 'love', users: ['Bob Roe'] })
  t.equal(r.layout.delimiter, '\t')
  t.same(r.rows.map(x => [x.op.minutes, x.op.description]), [[60, 'Pairing']])
})
