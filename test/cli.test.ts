import t from 'tap'
import type { Test } from 'tap'
import { execFile } from 'node:child_process'
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BalanceOutput } from '../src/commands/balance.js'
import type { ImportOutput } from '../src/commands/import.js'
import type { InitOutput } from '../src/commands/init.js'
import type { LogOutput } from '../src/commands/log.js'
import type { StatusOutput } from '../src/commands/status.js'
import type { BalanceView, EntryView } from '../src/commands/views.js'
import type { Rejection, RejectionCount } from '../src/consensus/apply.js'
import type { DiscoErrorJson } from '../src/errors.js'
import type { Member } from '../src/ledger/members.js'
import { bin } from './helpers/processes.js'

/**
 * The CLI as a person types it: the built binary, one process per command, against a storage
 * folder of this run's own. Each call opens and closes the store, so the calls on one
 * storage run one after another.
 */

const root = fileURLToPath(new URL('..', import.meta.url))
const fixture = (name: string): string => path.join(root, 'test', 'fixtures', name)

const COMMANDS = ['init', 'log', 'amend', 'retract', 'entries', 'balance', 'import', 'status', 'members', 'profile', 'rejections']

// A folder of this run's own rather than t.testdir(): that one has a fixed path, which another run
// of this file (a colleague's `npm test`) would wipe and reuse under our feet.
const dir = await mkdtemp(path.join(os.tmpdir(), 'disco-cli-test-'))
t.teardown(async () => { await rm(dir, { recursive: true, force: true }) })
const S = path.join(dir, 'ledger')
const HOME = path.join(dir, 'home')
const EMPTY = path.join(dir, 'empty')
for (const d of [S, HOME, EMPTY]) await mkdir(d)

// The child gets a home of its own, so that a CLI that ignored --storage would write where the last
// test looks.
const env: NodeJS.ProcessEnv = { ...process.env, HOME, XDG_DATA_HOME: path.join(HOME, '.local', 'share') }

interface Run { exit: number, stdout: string, stderr: string }

async function run (storage: string | null, args: string[]): Promise<Run> {
  // tap puts its process-tracking loader into every child's NODE_OPTIONS, whatever env it is
  // given; that loader is no part of the binary and costs ~0.2 s a call, so `env -u` drops it.
  const argv = ['-u', 'NODE_OPTIONS', process.execPath, bin, ...(storage === null ? [] : ['--storage', storage]), ...args]
  return await new Promise((resolve, reject) => {
    execFile('env', argv, { cwd: root, env, timeout: 30_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err !== null && typeof err.code !== 'number') {
        reject(new Error(`disco ${args.join(' ')} did not exit normally (${String(err.signal ?? err.code)}): ${stderr}`))
        return
      }
      resolve({ exit: err === null ? 0 : err.code as number, stdout, stderr })
    })
  })
}

/** A command that should succeed: run with --json, exit 0, stdout is the JSON answer. */
async function ok<T> (t: Test, args: string[], opts: { storage?: string | null, stderr?: RegExp } = {}): Promise<T> {
  const r = await run(opts.storage === undefined ? S : opts.storage, [...args, '--json'])
  t.equal(r.exit, 0, `disco ${args.join(' ')} exits 0`, { stderr: r.stderr, stdout: r.stdout })
  if (opts.stderr !== undefined) t.match(r.stderr, opts.stderr, 'stderr')
  else t.equal(r.stderr, '', 'nothing on stderr')
  if (r.exit !== 0) throw new Error(`disco ${args.join(' ')} failed: ${r.stdout}${r.stderr}`)
  return JSON.parse(r.stdout) as T
}

interface Failure { exit: number, code: string, says: RegExp }

/**
 * A command that should fail, run twice (or only the second way): as a person (one line on stderr
 * naming the problem, no stack, nothing on stdout) and with --json (`{ error: { code, message } }`
 * on stdout, the same exit code, nothing on stderr).
 */
async function fails (t: Test, args: string[], want: Failure, storage: string = S, only?: 'json'): Promise<DiscoErrorJson> {
  const what = `disco ${args.join(' ')}`
  const plain = only === 'json' ? null : await run(storage, args)
  if (plain !== null) {
    t.equal(plain.exit, want.exit, `${what}: exit ${want.exit}`, { stderr: plain.stderr })
    t.equal(plain.stdout, '', `${what}: nothing on stdout`)
    t.match(plain.stderr, /^[^\n]+\n$/, `${what}: one line on stderr`)
    t.match(plain.stderr, want.says, `${what}: stderr names the problem`)
    t.notMatch(plain.stderr, /\n\s+at |\.js:\d+:\d+/, `${what}: no stack trace`)
  }

  const json = await run(storage, [...args, '--json'])
  t.equal(json.exit, want.exit, `${what} --json: exit ${want.exit}`)
  t.equal(json.stderr, '', `${what} --json: nothing on stderr`)
  const body = JSON.parse(json.stdout) as { error: DiscoErrorJson }
  t.same(Object.keys(body), ['error'], `${what} --json: an error object`)
  t.same(Object.keys(body.error).sort(), ['code', 'message'], `${what} --json: code and message`)
  t.equal(body.error.code, want.code, `${what} --json: code ${want.code}`)
  t.match(body.error.message, want.says, `${what} --json: the message names the problem`)
  if (plain !== null) {
    t.ok(plain.stderr.trimEnd().endsWith(body.error.message), `${what}: stderr and --json say the same`, { stderr: plain.stderr, message: body.error.message })
  }
  return body.error
}

interface EntriesOut { entries: EntryView[] }
interface MembersOut { members: Member[] }

const streamOf = (b: BalanceView[], stream: string): BalanceView | undefined => b.find(s => s.stream === stream)
const mine = (b: BalanceOutput): BalanceView[] => b.members.find(m => m.name === 'Ana')?.streams ?? []
const minutesIn = (b: BalanceOutput, stream: string): number | undefined => streamOf(mine(b), stream)?.minutes

function localToday (): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

// Ids shared by the subtests, filled in as the user logs.
let love = ''
let livelihood = ''
let care = ''
let keyed = ''
let writerPrefix = ''

t.test('init founds a cooperative in an owner-only folder', async t => {
  // an existing folder with lax modes, as a user might have made it
  await chmod(S, 0o755)
  const out = await ok<InitOutput>(t, ['init', '--name', 'Guerrilla Translation', '--me', 'Ana'])
  t.equal(out.cooperative, 'Guerrilla Translation')
  t.equal(out.member.name, 'Ana')
  t.equal(out.storage, S)
  t.match(out.ledger, /^[0-9a-f]{64}$/)

  const s = await ok<StatusOutput>(t, ['status'])
  t.equal(s.cooperative, 'Guerrilla Translation')
  t.same(s.member, { id: out.member.id, name: 'Ana', role: 'member' })
  t.equal(s.protocol.active, 1)
  t.equal(s.members, 1)
  t.equal(s.devices, 1)
  t.equal(s.ledger, out.ledger)
  t.equal(s.writable, true)

  // --json before the command, as a global option, works the same
  const early = await run(S, ['--json', 'status'])
  t.equal(early.exit, 0)
  t.equal((JSON.parse(early.stdout) as StatusOutput).ledger, out.ledger, '--json before the command')

  t.equal((await stat(S)).mode & 0o777, 0o700, 'storage folder is 0700')
  const configFile = path.join(S, 'config.json')
  t.equal((await stat(configFile)).mode & 0o777, 0o600, 'config.json is 0600')
  // the key material lives in corestore/ (the device's key pair, the ledger's encryption key)
  const open: string[] = []
  for (const f of await readdir(S, { recursive: true, withFileTypes: true })) {
    const full = path.join(f.parentPath, f.name)
    if (((await stat(full)).mode & 0o077) !== 0) open.push(full)
  }
  t.strictSame(open, [], 'no file or folder in the storage is readable by anyone but its owner')
  const config = await readFile(configFile, 'utf8')
  t.hasStrict(JSON.parse(config), { format: 1, ledger: out.ledger })

  const again = await run(S, ['init', '--name', 'Another Coop', '--me', 'Bo'])
  t.equal(again.exit, 1, 'a second init exits 1')
  t.match(again.stderr, /already holds a ledger/)
  const againJson = await run(S, ['init', '--name', 'Another Coop', '--me', 'Bo', '--json'])
  t.equal(againJson.exit, 1)
  t.equal((JSON.parse(againJson.stdout) as { error: DiscoErrorJson }).error.code, 'ALREADY_INITIALISED')
  t.equal(await readFile(configFile, 'utf8'), config, 'the second init left config.json alone')
})

t.test('log in all three streams', async t => {
  const l = await ok<LogOutput>(t, ['log', 'love', '3h', '--project', 'zine', '--tag', 'translation', '--tag', 'zine',
    '-m', 'translated the zine', '--date', '2026-11-10'])
  t.equal(l.duplicate, false)
  t.hasStrict(l.entry, {
    stream: 'love', minutes: 180, date: '2026-11-10', project: 'zine', description: 'translated the zine',
    money: null, careFor: null, status: 'active', memberName: 'Ana', amends: 0
  })
  t.same(l.entry.tags, ['translation', 'zine'])
  t.match(l.entry.shortId, /^[0-9a-f]{8}-\d+-\d+$/)
  t.equal(l.entry.id.slice(0, 8), l.entry.shortId.slice(0, 8), 'the short id is a prefix of the id')
  love = l.entry.shortId
  writerPrefix = l.entry.shortId.slice(0, 8)

  const p = await ok<LogOutput>(t, ['log', 'livelihood', '1h30m', '--amount', '120.50', '--currency', 'EUR',
    '--client', 'Acme', '-m', 'subtitles for Acme', '--date', '2026-11-12'])
  t.hasStrict(p.entry, { stream: 'livelihood', minutes: 90, date: '2026-11-12', client: 'Acme', careFor: null })
  t.same(p.entry.money, { amount: '12050', currency: 'EUR', display: '120.50' }, '120.50 EUR is 12050 minor units')
  t.same(p.entry.tags, [])
  livelihood = p.entry.shortId

  const c = await ok<LogOutput>(t, ['log', 'care', '45m', '--for', 'person', '--date', '2026-11-03', '-m', 'listened to Jo'])
  t.hasStrict(c.entry, { stream: 'care', minutes: 45, date: '2026-11-03', careFor: 'person', money: null, description: 'listened to Jo' })
  care = c.entry.shortId
  t.equal(new Set([love, livelihood, care]).size, 3, 'three different ids')

  const k1 = await ok<LogOutput>(t, ['log', 'love', '1h', '--key', 'k1', '-m', 'glossary', '--date', '2026-10-20'])
  t.equal(k1.duplicate, false)
  t.equal(k1.entry.key, 'k1')
  keyed = k1.entry.shortId
  const before = await ok<EntriesOut>(t, ['entries'])
  t.equal(before.entries.length, 4)
  const k1again = await ok<LogOutput>(t, ['log', 'love', '1h', '--key', 'k1', '-m', 'glossary', '--date', '2026-10-20'])
  t.equal(k1again.duplicate, true, 'the same --key is a duplicate')
  t.equal(k1again.entry.id, k1.entry.id, 'and answers with the first entry')
  const after = await ok<EntriesOut>(t, ['entries'])
  t.equal(after.entries.length, 4, 'nothing new was logged')

  const text = await run(S, ['log', 'love', '1h', '--key', 'k1', '-m', 'glossary', '--date', '2026-10-20'])
  t.equal(text.exit, 0)
  t.match(text.stdout, /^already logged \(same --key\): /, 'people are told it was already logged')
})

t.test('entries and balance', async t => {
  const table = await run(S, ['entries'])
  t.equal(table.exit, 0)
  t.equal(table.stderr, '')
  t.match(table.stdout, /^ID\s+DATE\s+MEMBER\s+STREAM\s+TIME/)
  for (const [id, text] of [[love, 'translated the zine'], [livelihood, '120.50 EUR.*subtitles for Acme'], [care, 'listened to Jo'], [keyed, 'glossary']] as const) {
    t.match(table.stdout, new RegExp(`^${id}\\s.*${text}`, 'm'), `the table shows ${id} with "${text}"`)
  }

  const all = await ok<EntriesOut>(t, ['entries'])
  t.same(all.entries.map(e => e.date), ['2026-10-20', '2026-11-03', '2026-11-10', '2026-11-12'], 'oldest first, by work date')

  const ids = (o: EntriesOut): string[] => o.entries.map(e => e.shortId).sort()
  t.same(ids(await ok<EntriesOut>(t, ['entries', '--stream', 'love'])), [love, keyed].sort(), '--stream love')
  t.same(ids(await ok<EntriesOut>(t, ['entries', '--month', '2026-11'])), [love, livelihood, care].sort(), '--month 2026-11')
  t.same(ids(await ok<EntriesOut>(t, ['entries', '--member', 'Ana'])), [love, livelihood, care, keyed].sort(), '--member Ana')
  t.same(ids(await ok<EntriesOut>(t, ['entries', '--project', 'zine'])), [love], '--project zine')
  t.same(ids(await ok<EntriesOut>(t, ['entries', '--limit', '1'])), [livelihood], '--limit 1 is the most recent by date')

  const b = await ok<BalanceOutput>(t, ['balance'])
  t.equal(b.period, 'all')
  t.equal(b.members.length, 1)
  t.same(mine(b), [
    { stream: 'livelihood', minutes: 90, entries: 1, money: [{ amount: '12050', currency: 'EUR', display: '120.50' }] },
    { stream: 'love', minutes: 240, entries: 2, money: [] },
    { stream: 'care', minutes: 45, entries: 1, money: [] }
  ])
  for (const stream of ['livelihood', 'love', 'care']) {
    const sum = b.members.reduce((n, m) => n + (streamOf(m.streams, stream)?.minutes ?? 0), 0)
    const entries = b.members.reduce((n, m) => n + (streamOf(m.streams, stream)?.entries ?? 0), 0)
    t.equal(streamOf(b.total, stream)?.minutes, sum, `total ${stream} minutes sum the members`)
    t.equal(streamOf(b.total, stream)?.entries, entries, `total ${stream} entries sum the members`)
  }
  t.same(streamOf(b.total, 'livelihood')?.money, [{ amount: '12050', currency: 'EUR', display: '120.50' }])

  const nov = await ok<BalanceOutput>(t, ['balance', '--month', '2026-11'])
  t.equal(nov.period, '2026-11')
  t.equal(minutesIn(nov, 'love'), 180, 'November love leaves out the October entry')
  t.equal(streamOf(mine(nov), 'love')?.entries, 1)
  t.equal(minutesIn(nov, 'care'), 45)
  const oct = await ok<BalanceOutput>(t, ['balance', '--month', '2026-10', '--member', 'Ana'])
  t.same(mine(oct).map(s => [s.stream, s.minutes]), [['livelihood', 0], ['love', 60], ['care', 0]])

  const text = await run(S, ['balance'])
  t.equal(text.exit, 0)
  t.match(text.stdout, /^Ana\s+1h30m \(1\)\s+4h \(2\)\s+45m \(1\)\s+120\.50 EUR$/m, 'the balance table')
})

t.test('amend and retract by short id', async t => {
  const a = await ok<{ entry: EntryView }>(t, ['amend', love, '--duration', '2h30m', '-m', 'translated and proofread the zine'])
  t.equal(a.entry.shortId, love, 'the same entry')
  t.hasStrict(a.entry, { minutes: 150, description: 'translated and proofread the zine', project: 'zine', amends: 1, status: 'active' })
  t.same(a.entry.tags, ['translation', 'zine'], 'fields not given stay')
  t.equal(minutesIn(await ok<BalanceOutput>(t, ['balance']), 'love'), 150 + 60, 'the balance counts the amended duration')

  const n = await ok<{ entry: EntryView }>(t, ['amend', love, '--no-tags'])
  t.same(n.entry.tags, [], '--no-tags clears the tags')
  t.hasStrict(n.entry, { minutes: 150, description: 'translated and proofread the zine', project: 'zine', amends: 2 })

  // --amount alone keeps the entry's currency; an entry with no money has none to keep
  const priced = await ok<{ entry: EntryView }>(t, ['amend', livelihood, '--amount', '99'])
  t.same(priced.entry.money, { amount: 9900, currency: 'EUR', display: '99.00' }, '--amount takes the entry\'s own currency')
  t.equal(priced.entry.date, '2026-11-12', 'and the entry keeps its date')
  t.same((await ok<{ entry: EntryView }>(t, ['amend', livelihood, '--amount', '120.50'])).entry.money, { amount: 12050, currency: 'EUR', display: '120.50' })
  await fails(t, ['amend', love, '--amount', '5'], { exit: 2, code: 'INVALID_ARGUMENT', says: /--amount needs --currency: this entry has no amount yet/ })

  const r = await ok<{ entry: EntryView }>(t, ['retract', care, '-m', 'logged twice'])
  t.equal(r.entry.shortId, care)
  t.equal(r.entry.status, 'retracted')
  t.equal(r.entry.retractReason, 'logged twice')
  const b = await ok<BalanceOutput>(t, ['balance'])
  t.same(streamOf(mine(b), 'care'), { stream: 'care', minutes: 0, entries: 0, money: [] }, 'a retracted entry stops counting')
  t.equal(minutesIn(b, 'love'), 210)
  const listed = (await ok<EntriesOut>(t, ['entries'])).entries.find(e => e.shortId === care)
  t.equal(listed?.status, 'retracted', 'it is still listed, marked')
  const table = await run(S, ['entries'])
  t.match(table.stdout, new RegExp(`^${care}\\s.*\\[retracted\\] listened to Jo`, 'm'))

  const { localLength } = await ok<StatusOutput>(t, ['status'])
  await fails(t, ['amend', care, '--duration', '1h'], { exit: 2, code: 'ENTRY_RETRACTED', says: new RegExp(`${care} is retracted`) })
  await fails(t, ['retract', care], { exit: 2, code: 'ENTRY_RETRACTED', says: new RegExp(`${care} is retracted`) }, S, 'json')
  await fails(t, ['amend', `${writerPrefix}-999-0`, '--duration', '1h'], { exit: 2, code: 'ENTRY_NOT_FOUND', says: /no entry .*-999-0/ })
  await fails(t, ['retract', 'not-an-id'], { exit: 2, code: 'INVALID_ENTRY_ID', says: /invalid entry id "not-an-id"/ })
  t.equal((await ok<StatusOutput>(t, ['status'])).localLength, localLength, 'the refused amends and retracts wrote nothing')
})

t.test('import a Clockify report', async t => {
  const list = async (): Promise<EntryView[]> => (await ok<EntriesOut>(t, ['entries'])).entries
  const countEntries = async (): Promise<number> => (await list()).length
  const start = await countEntries()
  const before = await ok<BalanceOutput>(t, ['balance'])

  // a team export: Ana's rows in, Bob's left for him, no flags needed
  const first = await ok<ImportOutput>(t, ['import', fixture('cli-clockify-ana.csv'), '--stream', 'love'], { stderr: /imported 3\/3 rows/ })
  t.hasStrict(first, { rows: 4, imported: 3, alreadyImported: 0, notYours: 1 })
  t.same(first.others, ['Bob Roe'])
  t.same(first.skipped, [])
  t.same(first.layout, { source: 'clockify', tool: 'Clockify', report: 'detailed report', delimiter: ',', decimalMark: '.', notes: ['durations from "Duration (h)"', 'amounts in EUR'] })
  const afterFirst = await list()
  t.equal(afterFirst.length, start + 3)
  const oct = afterFirst.filter(e => e.date.startsWith('2026-10') && e.project === 'Zine')
  t.same(oct.map(e => [e.date, e.stream, e.minutes, e.description]), [
    ['2026-10-05', 'love', 60, 'Translated chapter 1 — Translation'],
    ['2026-10-06', 'love', 150, 'Proofread chapter 1\nand fixed the glossary']
  ])
  t.same(oct[1]?.tags, ['proofreading', 'zine'])
  t.equal(oct[1]?.money, null, 'love rows carry no money, whatever the file bills')
  t.match(oct[0]?.key, /^clockify:[0-9a-f]{32}$/)
  const imported = await ok<BalanceOutput>(t, ['balance'])
  t.equal(minutesIn(imported, 'love'), (minutesIn(before, 'love') ?? 0) + 60 + 150 + 45)

  const second = await ok<ImportOutput>(t, ['import', fixture('cli-clockify-ana.csv'), '--stream', 'love'], { stderr: /^$/ })
  t.hasStrict(second, { rows: 4, imported: 0, alreadyImported: 3 }, 'a re-run imports nothing')
  const asLivelihood = await ok<ImportOutput>(t, ['import', fixture('cli-clockify-ana.csv'), '--stream', 'livelihood'], { stderr: /^$/ })
  t.hasStrict(asLivelihood, { imported: 0, alreadyImported: 3 }, 'the same hours under another stream are still the same hours')
  t.same(await ok<BalanceOutput>(t, ['balance']), imported, 'the balance is unchanged')

  // one bad date (line 3) and a row by someone else (line 5, not an error): all or nothing
  const bad = await run(S, ['import', fixture('cli-clockify-bad.csv'), '--stream', 'love'])
  t.equal(bad.exit, 2)
  t.equal(bad.stdout, '')
  t.match(bad.stderr, /^disco: 1 bad row, nothing imported/)
  t.match(bad.stderr, /line 3: invalid date "2026-02-30"/, 'stderr names the bad date\'s line')
  t.notMatch(bad.stderr, /line [245]:/, 'and no good line, nor the colleague\'s')
  t.notMatch(bad.stderr, /\n\s+at /, 'no stack trace')
  const badJson = await run(S, ['import', fixture('cli-clockify-bad.csv'), '--stream', 'love', '--json'])
  t.equal(badJson.exit, 2)
  const err = (JSON.parse(badJson.stdout) as { error: DiscoErrorJson }).error
  t.equal(err.code, 'BAD_ROWS')
  t.same(err.rows?.map(r => [r.line, r.code]), [[3, 'INVALID_DATE']])
  t.equal(await countEntries(), start + 3, 'nothing imported')

  const skip = await run(S, ['import', fixture('cli-clockify-bad.csv'), '--stream', 'love', '--skip-bad'])
  t.equal(skip.exit, 0, '--skip-bad imports the good rows')
  t.equal(skip.stdout, 'read as a Clockify detailed report (comma-separated, decimal point, durations from "Duration (h)", amounts in EUR)\n' +
    '2 rows imported, 0 already in the ledger, 1 bad row skipped\n' +
    '1 row by other people (Bob Roe) left for them to import\n' +
    '  skipped line 3: invalid date "2026-02-30": no such day\n', 'and reports the bad one, and the colleague\'s row apart')
  const skipped = await list()
  t.equal(skipped.length, start + 5)
  t.same(skipped.filter(e => ['Layout', 'Distribution', 'Printing run'].includes(e.description)).map(e => [e.date, e.minutes]),
    [['2026-10-12', 60], ['2026-10-13', 30]], 'the good rows, and not the bad one')

  // the file calls Ana "Ana Pérez": not her rows until she says so
  await fails(t, ['import', fixture('cli-clockify-other-name.csv'), '--stream', 'livelihood'], {
    exit: 2, code: 'NO_ROWS_OF_YOURS', says: /none of the 2 rows is by "Ana": the file has rows by "Ana Pérez"\. Pass --user with your name or email as the file writes it/
  })
  const mapped = await ok<ImportOutput>(t, ['import', fixture('cli-clockify-other-name.csv'), '--stream', 'livelihood', '--user', 'Ana Pérez'], { stderr: /imported 2\/2 rows/ })
  t.hasStrict(mapped, { rows: 2, imported: 2, alreadyImported: 0 })
  const sept = (await ok<EntriesOut>(t, ['entries', '--month', '2026-09'])).entries
  t.same(sept.map(e => [e.date, e.stream, e.minutes, e.client, e.memberName]), [
    ['2026-09-01', 'livelihood', 120, 'Acme', 'Ana'],
    ['2026-09-02', 'livelihood', 20, 'Acme', 'Ana']
  ])
  t.same(sept[0]?.money, { amount: '12050', currency: 'EUR', display: '120.50' }, 'the billable amount in the column\'s currency')
  t.equal(sept[1]?.money, null, 'a zero amount is no money')
  const b = await ok<BalanceOutput>(t, ['balance'])
  t.same(streamOf(mine(b), 'livelihood'), {
    stream: 'livelihood', minutes: 90 + 120 + 20, entries: 3, money: [{ amount: '24100', currency: 'EUR', display: '241.00' }]
  })

  // a Toggl Track workspace export, her rows found by her email
  const toggl = await run(S, ['import', fixture('toggl-detailed.csv'), '--stream', 'care', '--user', 'ana@example.org'])
  t.equal(toggl.exit, 0, toggl.stderr)
  t.equal(toggl.stdout, 'read as a Toggl Track detailed report (comma-separated, decimal point, amounts in USD)\n' +
    '3 rows imported, 0 already in the ledger, 0 bad rows skipped\n' +
    '2 rows by other people (Bob Roe, Carol Diaz) left for them to import\n')
  const march = (await ok<EntriesOut>(t, ['entries', '--month', '2026-03'])).entries
  t.same(march.map(e => [e.date, e.stream, e.minutes, e.memberName]), [
    ['2026-03-02', 'care', 90, 'Ana'], ['2026-03-03', 'care', 46, 'Ana'], ['2026-03-04', 'care', 120, 'Ana']
  ])
  await fails(t, ['import', fixture('clockify-summary.csv'), '--stream', 'love'], { exit: 2, code: 'SUMMARY_REPORT', says: /Clockify summary report: it holds totals/ }, S, 'json')
})

t.test('bad input is refused and writes nothing', async t => {
  const before = await ok<StatusOutput>(t, ['status'])
  const cases: Array<[string[], string, RegExp, 'json'?]> = [
    [['log', 'love', '3x'], 'INVALID_DURATION', /invalid duration "3x"/],
    [['log', 'fun', '3h'], 'INVALID_STREAM', /invalid stream "fun"/],
    [['log', 'livelihood', '1h', '--amount', '50'], 'INVALID_ARGUMENT', /--amount needs --currency/],
    [['log', 'livelihood', '1h', '--amount', '50', '--currency', 'XYZ'], 'UNKNOWN_CURRENCY', /unknown currency "XYZ"/],
    [['log', 'livelihood', '1h', '--amount', '1.234', '--currency', 'EUR'], 'INVALID_AMOUNT', /invalid amount "1\.234": EUR has 2 decimal places/],
    [['log', 'love', '1h', '--amount', '5', '--currency', 'EUR'], 'INVALID_FIELD', /only livelihood entries carry money/],
    [['log', 'love', '1h', '--date', '2026-02-30'], 'INVALID_DATE', /invalid date "2026-02-30"/],
    [['entries', '--month', '2026-13'], 'INVALID_MONTH', /invalid month "2026-13"/],
    // the duration may be left out for an output (--quantity, --unit): without either the handler refuses
    [['log', 'love'], 'INVALID_ARGUMENT', /a duration is required, e\.g\. 3h or 90m \(or an output/],
    [['log', 'love', '1h', '--bogus'], 'USAGE', /unknown option '--bogus'/],
    [['log', 'care', '1h', '--for', 'nobody'], 'INVALID_FIELD', /"nobody" is not collective or person/, 'json'],
    [['entries', '--limit', '0'], 'INVALID_ARGUMENT', /--limit must be a whole number/, 'json']
  ]
  for (const [args, code, says, only] of cases) await fails(t, args, { exit: 2, code, says }, S, only)
  const after = await ok<StatusOutput>(t, ['status'])
  t.equal(after.localLength, before.localLength, 'this device appended nothing')
  t.equal(after.length, before.length, 'the ledger did not grow')
  t.equal(after.digest, before.digest, 'the view is the same')
})

t.test('a command on an empty storage folder', async t => {
  await fails(t, ['status'], { exit: 1, code: 'NOT_INITIALISED', says: /no ledger in .*run "disco init/ }, EMPTY)
  await fails(t, ['log', 'love', '1h'], { exit: 1, code: 'NOT_INITIALISED', says: /run "disco init/ }, EMPTY, 'json')
  t.same(await readdir(EMPTY), [], 'the folder is left empty')
  const missing = path.join(dir, 'missing')
  await fails(t, ['entries'], { exit: 1, code: 'NOT_INITIALISED', says: /run "disco init/ }, missing, 'json')
  await t.rejects(stat(missing), { code: 'ENOENT' }, 'a missing folder is not created')
})

t.test('--help', async t => {
  const top = await run(null, ['--help'])
  t.equal(top.exit, 0)
  t.equal(top.stderr, '')
  const listed = top.stdout.split(/^Commands:$/m)[1]?.split('\n').map(l => /^ {2}([a-z]+)\b/.exec(l)?.[1]).filter(Boolean) ?? []
  for (const name of COMMANDS) t.ok(listed.includes(name), `disco --help lists ${name}`, { listed })

  const helps = await Promise.all(COMMANDS.map(async name => [name, await run(null, [name, '--help'])] as const))
  for (const [name, h] of helps) {
    t.equal(h.exit, 0, `${name} --help exits 0`)
    t.equal(h.stderr, '', `${name} --help: nothing on stderr`)
    t.match(h.stdout, new RegExp(`^Usage: disco ${name}\\b`), `${name} --help shows its usage`)
    t.match(h.stdout, new RegExp(`\\nExamples:\\n {2}\\$ disco ${name}\\b`), `${name} --help shows examples`)
    t.match(h.stdout, /--storage <dir>/, `${name} --help shows the global options`)
  }
})

t.test('CLI manners', async t => {
  // a word that is no command is a usage error, whatever follows it
  for (const args of [['bogus', '--help'], ['help', 'bogus'], ['bogus', '-h']]) {
    const r = await run(null, args)
    t.equal(r.exit, 2, `disco ${args.join(' ')} exits 2`)
    t.equal(r.stdout, '', `disco ${args.join(' ')}: no help on stdout`)
    t.equal(r.stderr, "error: unknown command 'bogus'\n", `disco ${args.join(' ')} names the unknown command`)
  }
  t.equal((await run(null, ['help', 'log'])).exit, 0, 'help of a real command still works')

  await fails(t, ['log', 'love', '-2h'], { exit: 2, code: 'INVALID_DURATION', says: /invalid duration "-2h": a negative duration/ })
  await fails(t, ['log', 'care', '-90m', '-m', 'x'], { exit: 2, code: 'INVALID_DURATION', says: /"-90m": a negative duration/ }, S, 'json')

  const file = path.join(dir, 'a-file')
  await writeFile(file, 'not a folder\n')
  await fails(t, ['status'], { exit: 2, code: 'STORAGE_NOT_A_FOLDER', says: /storage folder ".*a-file" is a file: give --storage a folder/ }, file)
  await fails(t, ['entries'], { exit: 2, code: 'STORAGE_NOT_A_FOLDER', says: /".*a-file[/\\]x" cannot be a folder: ".*a-file" is a file/ }, path.join(file, 'x'), 'json')
  await fails(t, ['init', '--name', 'X'], { exit: 2, code: 'STORAGE_NOT_A_FOLDER', says: /is a file/ }, file, 'json')
  t.equal(await readFile(file, 'utf8'), 'not a folder\n', 'the file is left alone')

  const amendHelp = (await run(null, ['amend', '--help'])).stdout.replace(/\s+/g, ' ')
  t.match(amendHelp, /--date <YYYY-MM-DD> the corrected date \(default: the entry keeps its date\)/, 'amend --help says the date is kept')
  t.notMatch(amendHelp, /default: today/)
  t.match(amendHelp, /in the entry's own currency unless --currency is given/)

  const feb = await ok<{ period: { from: string, to: string } }>(t, ['report', '--month', '2026-02'])
  t.same(feb.period, { from: '2026-02-01', to: '2026-02-28', label: '2026-02' }, 'a month ends on its last day')
  const leap = await ok<{ period: { to: string } }>(t, ['export', '--format', 'csv', '--month', '2028-02'])
  t.equal(leap.period.to, '2028-02-29')
})

t.test('profile, members and rejections', async t => {
  const p = await ok<{ member: Member }>(t, ['profile', '--name', 'Ana Pérez'])
  t.equal(p.member.name, 'Ana Pérez')
  const m = await ok<MembersOut>(t, ['members'])
  t.equal(m.members.length, 1)
  t.hasStrict(m.members[0], { name: 'Ana Pérez', role: 'member' })
  t.equal(m.members[0]?.devices.length, 1)
  const hers = await ok<EntriesOut>(t, ['entries', '--member', 'Ana Pérez'])
  t.ok(hers.entries.length > 0 && hers.entries.every(e => e.memberName === 'Ana Pérez'), 'her entries carry her new name')

  // without --date an entry is dated today (local time)
  const day = localToday()
  const today = await ok<LogOutput>(t, ['log', 'care', '20m', '-m', 'tidied the shared drive'])
  t.ok([day, localToday()].includes(today.entry.date), 'dated today', { date: today.entry.date, day })
  t.equal(today.entry.careFor, 'collective', 'care is for the collective by default')

  const r = await ok<{ rejections: Rejection[], count: RejectionCount }>(t, ['rejections'])
  t.same(r, { rejections: [], count: { stored: 0, total: 0 } }, 'nothing this user did was refused by the ledger')
  const text = await run(S, ['rejections'])
  t.equal(text.stdout, 'no rejected ops\n')
})

t.test('nothing was written outside --storage', async t => {
  t.same(await readdir(HOME), [])
})
