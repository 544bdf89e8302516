import t from 'tap'
import { discoCli } from './helpers/processes.js'
import type { Run } from './helpers/processes.js'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { bookTotals } from './helpers/books-tools.js'
import type { CommandName, CommandOutput } from '../src/service/handlers.js'

const cli = discoCli({ env: process.env })
const disco = async (storage: string, ...args: string[]): Promise<Run> => await cli.run(storage, args)

t.test('accounting through the CLI: bad input is refused with exit 2 and nothing written', async t => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'disco-acc-cli-'))
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }))
  const s = path.join(dir, 'node')
  /** a command's --json output, typed as its handler's */
  const json = async <K extends CommandName>(command: K, ...args: string[]): Promise<CommandOutput<K>> => {
    const r = await disco(s, command, ...args, '--json')
    t.equal(r.exit, 0, `${command} ${args.join(' ')}: ${r.stderr}${r.stdout.slice(0, 300)}`)
    return JSON.parse(r.stdout) as CommandOutput<K>
  }
  const refused = async (code: string, ...args: string[]): Promise<void> => {
    const r = await disco(s, ...args, '--json')
    t.equal(r.exit, 2, `${args.join(' ')} exits 2`)
    t.equal(JSON.parse(r.stdout).error.code, code, `${args.join(' ')}: ${code}`)
  }
  const length = async (): Promise<number> => (await json('status')).length

  t.equal((await disco(s, 'init', '--name', 'Coop', '--me', 'Ana')).exit, 0)
  const love = (await json('log', 'love', '2h', '--date', '2026-10-05', '-m', 'zine')).entry
  await json('log', 'livelihood', '3h', '--date', '2026-10-06', '--amount', '300', '--currency', 'EUR', '--client', 'Acme')

  const before = await length()
  await refused('INVALID_AMOUNT', 'income', '12,00', 'EUR', '--from', 'Acme')
  await refused('INVALID_AMOUNT', 'income', '1.001', 'EUR', '--from', 'Acme')
  await refused('INVALID_AMOUNT', 'income', '0', 'EUR', '--from', 'Acme')
  await refused('UNKNOWN_CURRENCY', 'income', '12', 'XYZ', '--from', 'Acme')
  await refused('INVALID_FIELD', 'income', '12', 'EUR', '--from', '  ')
  await refused('INVALID_ARGUMENT', 'propose', 'rules')
  await refused('INVALID_ARGUMENT', 'propose', 'rules', '--split', '50/50')
  await refused('INVALID_FIELD', 'propose', 'rules', '--split', '0/0/0')
  await refused('INVALID_ARGUMENT', 'propose', 'rules', '--rate', 'love=-1')
  await refused('INVALID_STREAM', 'propose', 'rules', '--rate', 'joy=2')
  await refused('MONTH_NOT_OVER', 'propose', 'distribute', '2099-12', '100', 'EUR')
  await refused('INVALID_PERIOD', 'propose', 'distribute', '2026-13', '100', 'EUR')
  await refused('PERIOD_KIND', 'propose', 'distribute', '2026-Q3', '100', 'EUR')
  await refused('INVALID_FIELD', 'propose', 'rules', '--stages', '101/0/0')
  await refused('UNKNOWN_UNIT', 'log', 'love', '--quantity', '5000', '--unit', 'words')
  await refused('INVALID_PERIOD', 'evaluate', '2026-Q5')
  await refused('UNKNOWN_CURRENCY', 'propose', 'distribute', '2026-10', '100', 'EURO')
  await refused('OWN_ENTRY', 'endorse', love.shortId)
  await refused('STATEMENT_NOT_FOUND', 'paid', '2026-10', '--reference', 'x')
  await refused('STATEMENT_NOT_FOUND', 'statement', '2026-10')
  await refused('INVALID_ARGUMENT', 'export', '--format', 'xlsx')
  await refused('INVALID_ARGUMENT', 'report', '--by', 'colour')
  await refused('INVALID_ARGUMENT', 'report', '--month', '2026-10', '--from', '2026-10-01')
  t.equal(await length(), before, 'nothing was appended by any refused command')

  await json('income', '2500.00', 'EUR', '--from', 'Acme Co-op', '--date', '2026-10-20', '-m', 'invoice 7', '--key', 'inv-7')
  t.equal((await json('income', '2500.00', 'EUR', '--from', 'Acme Co-op', '--date', '2026-10-20', '--key', 'inv-7')).duplicate, true)

  const rules = (await json('propose', 'rules', '--rate', 'love=2', '--needs-endorsement', 'no', '-m', 'love counts double')).proposal
  t.match(rules.action, { kind: 'rules', rules: { rate: { livelihood: 1, love: 2, care: 1 } } })
  await json('vote', rules.shortId, 'yes')
  t.equal((await json('rules')).current.version, 1)
  t.match((await disco(s, 'rules')).stdout, /rules v1: rate 1\/2\/1 per hour/)

  const dist = (await json('propose', 'distribute', '2026-10', '1000', 'EUR')).proposal
  t.equal((await json('vote', dist.shortId, 'yes')).proposal.status, 'passed')
  await refused('MONTH_DISTRIBUTED', 'propose', 'distribute', '2026-10', '5', 'EUR')
  const st = (await json('statement', '2026-10')).statements[0]
  t.match(st, { month: '2026-10', pool: 100_000, poolDisplay: '1000.00', rulesVersion: 1, paid: null })
  t.same(st?.lines.map(l => [l.credits, l.total]), [[{ livelihood: '180', love: '240', care: '0' }, 100_000]])
  t.match((await disco(s, 'statement', '2026-10')).stdout, /not paid yet/)

  await json('paid', '2026-10', '--reference', 'SEPA 12', '--date', '2026-11-03')
  await refused('ALREADY_PAID', 'paid', '2026-10', '--reference', 'again')
  t.match((await disco(s, 'statement')).stdout, /paid 2026-11-03 by Ana: SEPA 12/)

  // a late entry: listed on October's statement, which does not change
  await json('log', 'care', '1h', '--date', '2026-10-30')
  const again = (await json('statement', '2026-10')).statements[0]
  t.same(again?.lines, st?.lines)
  t.match(again?.late, [{ kind: 'logged', deltas: [{ stream: 'care', credits: '60' }], settledIn: null }])

  t.match(await json('credits', '--month', '2026-10'), { source: 'statement', rows: [{ name: 'Ana', credits: { love: '240' } }] })
  t.match(await json('credits', '--lifetime'), { source: 'entries', rows: [{ name: 'Ana', credits: { livelihood: '180', love: '240', care: '60' } }] })

  const report = await json('report', '--month', '2026-10')
  t.match(report.total, { minutes: 360, credits: '480', income: [{ amount: '250000', currency: 'EUR' }], payouts: [{ amount: '100000', currency: 'EUR' }] })
  t.match((await disco(s, 'report', '--by', 'client')).stdout, /Acme Co-op/)

  const file = path.join(dir, 'books.journal')
  const written = await disco(s, 'export', '--format', 'hledger', '--from', '2026-10-01', '--to', '2026-11-30', '-o', file)
  t.equal(written.exit, 0, written.stderr)
  t.match(written.stderr, /wrote 6 transactions, 3 of them work/)
  const sums = await bookTotals('hledger', fs.readFileSync(file, 'utf8'), dir)
  const work = { MINUTES: report.total.minutes, CREDITS: report.total.credits }
  t.same(sums, {
    income: { EUR: -250_000 },
    distribution: { EUR: 100_000 },
    payable: {},
    bank: { EUR: 150_000 },
    work,
    contributed: { MINUTES: -work.MINUTES, CREDITS: -work.CREDITS }
  }, 'the money, and the work with the report\'s minutes and credits')
  t.same(work, { MINUTES: 360, CREDITS: 180 + 240 + 60 })
  const csv = await disco(s, 'export', '--format', 'csv', '--month', '2026-10')
  t.match(csv.stdout, /^date,transaction,description,account,amount,currency\r\n/)
  t.equal(csv.stdout.trim().split('\n').length, 1 + 2 + 3, 'the income and the distribution; the payment is in November')

  t.equal((await json('entries', '--unendorsed')).entries.length, 3, 'nobody has endorsed anything yet')
  t.match((await disco(s, 'entries')).stdout, /ENDORSED/)
})
