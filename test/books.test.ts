import t from 'tap'
import type { Test } from 'tap'
import fc from 'fast-check'
import { parse } from 'csv-parse/sync'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { beanCheck, beanTotals, csvRows, hledgerTotals, run, withoutZeros } from './helpers/books-tools.js'
import type { Totals } from './helpers/books-tools.js'
import { holds, seeds } from './helpers/seeds.js'
import { ACCOUNT_NAME, accountKey, accountNamer } from '../src/books/accounts.js'
import type { Account } from '../src/books/accounts.js'
import { renderBooks } from '../src/books/index.js'
import type { BookFormat } from '../src/books/index.js'
import { booksOf } from '../src/books/transactions.js'
import type { BooksInput, Transaction } from '../src/books/transactions.js'
import type { IncomeRecord } from '../src/ledger/income.js'
import type { Statement, StatementLine } from '../src/ledger/statement.js'
import { STREAMS } from '../src/ledger/streams.js'
import type { Stream } from '../src/ledger/streams.js'

/**
 * The books layer, checked by the real tools: hledger 1.25 and beancount 2.3.5 must read every
 * file as is, and report per account exactly the totals the inputs add up to. The tools are a
 * requirement of this test, not an option: a machine without them fails it.
 */

const dir = await mkdtemp(path.join(os.tmpdir(), 'disco-books-test-'))
t.teardown(async () => { await rm(dir, { recursive: true, force: true }) })

// ---- inputs ----

const hex = (prefix: string): string => prefix + '0'.repeat(64 - prefix.length)
const ANA = hex('1a2b3c4d')
const BO = hex('5e6f7a8b')
const CY = hex('9c0d1e2f')

const line = (member: string, name: string, role: StatementLine['role'], credits: [number, number, number], amounts: [number, number, number]): StatementLine => ({
  member,
  name,
  role,
  paid: true,
  stage: 0,
  shares: { livelihood: 100, love: 100, care: 100 },
  credits: { livelihood: String(credits[0]), love: String(credits[1]), care: String(credits[2]) },
  amounts: { livelihood: amounts[0], love: amounts[1], care: amounts[2] },
  capped: 0,
  received: 0,
  total: amounts[0] + amounts[1] + amounts[2]
})

/** docs/accounting.md, "Worked example": November, 1,000.00 EUR, the default rules; paid on 3 December. */
const NOVEMBER: Statement = {
  month: '2026-11',
  currency: 'EUR',
  pool: 100_000,
  cap: null,
  rulesVersion: 1,
  proposal: hex('aa') + '-1-0',
  decidedBy: hex('bb') + '-2-0',
  closedAt: 1_790_000_000_000,
  streams: { livelihood: 50_000, love: 30_000, care: 20_000 },
  lines: [
    line(ANA, 'Ana', 'member', [600, 300, 120], [27_500, 9_474, 5_000]),
    line(BO, 'Bo', 'member', [360, 0, 360], [22_500, 4_737, 15_000]),
    line(CY, 'Cy', 'dater', [0, 600, 0], [0, 15_789, 0])
  ],
  entries: 7,
  carried: [],
  paid: { by: ANA, date: '2026-12-03', reference: 'SEPA batch 12; "Nov"\nsecond line', op: hex('cc') + '-3-0', at: 1_790_100_000_000 }
}

/** An unpaid month under an old name ("Ana Old"): the payable stays with Ana's one account. */
const DECEMBER: Statement = {
  ...NOVEMBER,
  month: '2026-12',
  pool: 10_001,
  rulesVersion: 2,
  streams: { livelihood: 10_001, love: 0, care: 0 },
  lines: [line(ANA, 'Ana Old', 'member', [60, 0, 0], [10_001, 0, 0]), line(BO, 'Bo', 'member', [0, 0, 0], [0, 0, 0])],
  paid: null
}

const income = (id: string, date: string, amount: number, currency: string, client: string, description: string): IncomeRecord =>
  ({ id, by: ANA, date, amount, currency, client, description, key: '', time: 0 })

const INCOME: IncomeRecord[] = [
  income(hex('d1') + '-4-0', '2026-11-05', 123_450, 'EUR', 'Acme Corp', 'Website, phase 1'),
  income(hex('d1') + '-4-1', '2026-11-12', 150_000, 'JPY', 'Café "Ünï"; Ltd | Tōkyō', 'consulting; "rush"\r\njob \\ back'),
  income(hex('d1') + '-4-2', '2026-11-12', 5_000, 'JPY', '', ''),
  income(hex('d1') + '-4-3', '2026-11-13', 7_000, 'JPY', '東京', 'non-ASCII only'),
  income(hex('d1') + '-4-4', '2026-11-20', 1_234_567, 'BHD', '=HYPERLINK("http://x")', '@SUM(A1)'),
  income(hex('d1') + '-4-5', '2026-11-21', 100, 'EUR', 'acme corp', 'same words, other case'),
  income(hex('d1') + '-4-6', '2026-11-22', 250, 'EUR', 'Acme Corp', 'second invoice')
]

const EXAMPLE: BooksInput = {
  members: [{ id: ANA, name: 'Ana' }, { id: BO, name: 'Bo' }, { id: CY, name: 'Cy' }],
  income: INCOME,
  statements: [NOVEMBER, DECEMBER]
}

// ---- what the inputs add up to, computed without booksOf ----

function expectedTotals (input: BooksInput): Totals {
  const names = new Map(input.members.map(m => [m.id, m.name]))
  const entries: Array<[Account, string, number]> = []
  const payable = (l: StatementLine): Account => ({ kind: 'payable', member: l.member, name: names.get(l.member) ?? l.name })
  for (const i of input.income) entries.push([{ kind: 'bank' }, i.currency, i.amount], [{ kind: 'income', client: i.client }, i.currency, -i.amount])
  for (const s of input.statements) {
    for (const stream of STREAMS) entries.push([{ kind: 'distribution', stream }, s.currency, s.streams[stream]])
    for (const l of s.lines) entries.push([payable(l), s.currency, -l.total])
    if (s.paid !== null) {
      for (const l of s.lines) entries.push([payable(l), s.currency, l.total])
      entries.push([{ kind: 'bank' }, s.currency, -s.pool])
    }
  }
  // names over the accounts that have postings, as the books have them
  const nameOf = accountNamer(entries.filter(([, , n]) => n !== 0).map(([a]) => a))
  const totals: Totals = new Map()
  for (const [account, currency, n] of entries) {
    if (n === 0) continue
    const byCurrency = totals.get(nameOf(account)) ?? new Map<string, bigint>()
    byCurrency.set(currency, (byCurrency.get(currency) ?? 0n) + BigInt(n))
    totals.set(nameOf(account), byCurrency)
  }
  return withoutZeros(totals)
}

const plain = (totals: Totals): Record<string, Record<string, string>> =>
  Object.fromEntries([...totals].sort(([a], [b]) => a < b ? -1 : 1).map(([a, m]) => [a, Object.fromEntries([...m].sort(([x], [y]) => x < y ? -1 : 1).map(([c, n]) => [c, n.toString()]))]))

// ---- the tools ----

let files = 0
async function write (format: BookFormat, books: Transaction[]): Promise<string> {
  const file = path.join(dir, `books-${++files}.${format === 'hledger' ? 'journal' : format}`)
  await writeFile(file, renderBooks(format, books, { title: 'Coop "Books" \\ 2026; Zürich\nline two' }))
  return file
}

/** All three formats of one set of books through the tools: read as is, totals as the inputs say. */
async function checkWithTools (t: Test, input: BooksInput, label: string): Promise<void> {
  const books = booksOf(input)
  const expected = plain(expectedTotals(input))

  const journal = await write('hledger', books)
  t.same(plain(await hledgerTotals(journal)), expected, `${label}: hledger's totals per account`)

  const ledger = await write('beancount', books)
  const check = await beanCheck(ledger)
  t.same(check, { exit: 0, stdout: '', stderr: '' }, `${label}: bean-check accepts the file, silently`)
  t.same(plain(await beanTotals(ledger)), expected, `${label}: bean-query's totals per account`)

  const csv = csvRows(renderBooks('csv', books, { title: '' }))
  t.equal(csv.length - 1, books.reduce((n, tx) => n + tx.postings.length, 0), `${label}: one CSV row per posting`)
}

t.test('hledger, bean-check and bean-query are installed', async t => {
  for (const [cmd, arg] of [['hledger', '--version'], ['bean-check', '--version'], ['bean-query', '--version']] as const) {
    try {
      const r = await run(cmd, [arg])
      t.equal(r.exit, 0, `${cmd} ${arg}`)
    } catch (err) {
      t.fail((err as Error).message)
    }
  }
})

// ---- the worked example ----

t.test('the worked example: transactions as docs/accounting.md says', async t => {
  const books = booksOf(EXAMPLE)
  const nov = books.find(tx => tx.id === 'stmt-2026-11')
  t.equal(nov?.date, '2026-11-30', 'a statement is dated on the last day of its month')
  t.equal(nov?.description, 'Distribution 2026-11 (rules v1)')
  t.same(nov?.postings.map(p => [p.account.kind, p.amount]), [
    ['distribution', 50_000], ['distribution', 30_000], ['distribution', 20_000],
    ['payable', -41_974], ['payable', -42_237], ['payable', -15_789]
  ])
  const paid = books.find(tx => tx.id === 'stmt-2026-11-paid')
  t.equal(paid?.date, '2026-12-03')
  t.equal(paid?.reference, NOVEMBER.paid?.reference)
  t.match(paid?.description, /^Payment of distribution 2026-11, reference SEPA batch 12/)
  t.same(paid?.postings.map(p => p.amount), [41_974, 42_237, 15_789, -100_000])
  const dec = books.find(tx => tx.id === 'stmt-2026-12')
  t.same(dec?.postings.map(p => p.account.kind), ['distribution', 'payable'], 'empty streams and lines of 0 leave no posting')
  t.same(dec?.postings[1]?.account, { kind: 'payable', member: ANA, name: 'Ana' }, 'the current name, not the one on the statement')
  t.same(books.map(tx => tx.date), [...books.map(tx => tx.date)].sort(), 'sorted by date')
  t.ok(books.findIndex(tx => tx.id === 'stmt-2026-12') > books.findIndex(tx => tx.id === 'stmt-2026-11-paid'), 'then by id')
})

t.test('account names: readable, valid in both tools, one per account', async t => {
  const books = booksOf(EXAMPLE)
  const nameOf = accountNamer(books.flatMap(tx => tx.postings.map(p => p.account)))
  const names = new Map(books.flatMap(tx => tx.postings.map(p => [accountKey(p.account), nameOf(p.account)])))
  // the hashes are sha256 of the exact client text, first 8 hex (printf '%s' 'acme corp' | sha256sum)
  t.same([...new Set(names.values())].sort(), [
    'Assets:Bank',
    'Expenses:Distribution:Care',
    'Expenses:Distribution:Livelihood',
    'Expenses:Distribution:Love',
    'Income:Clients:Acme-Corp',
    'Income:Clients:Acme-corp--ea6f9c07',
    'Income:Clients:Cafe-Uni-Ltd-Tokyo--20973f7e',
    'Income:Clients:Client--130016b2',
    'Income:Clients:Client--e3b0c442',
    'Income:Clients:HYPERLINK-http-x--b3daf0ae',
    'Liabilities:Payable:Member-1a2b3c4d',
    'Liabilities:Payable:Member-5e6f7a8b',
    'Liabilities:Payable:Member-9c0d1e2f'
  ].sort())
  t.equal(new Set(names.values()).size, names.size, 'distinct accounts, distinct names')
  for (const name of names.values()) t.match(name, ACCOUNT_NAME)

  // a rename changes no account: the books of one member stay on one account
  const renamed = booksOf({ ...EXAMPLE, members: EXAMPLE.members.map(m => ({ ...m, name: `${m.name} Renamed` })) })
  const renamedOf = accountNamer(renamed.flatMap(tx => tx.postings.map(p => p.account)))
  t.same([...new Set(renamed.flatMap(tx => tx.postings.map(p => renamedOf(p.account))))].sort(), [...new Set(names.values())].sort(), 'the same accounts after every member is renamed')

  // two members whose ids share their first 8 hex: both fall back to the whole id, in all their accounts
  const twin = hex('1a2b3c4dff')
  const twins = accountNamer([
    { kind: 'payable', member: ANA, name: 'Ana' }, { kind: 'payable', member: twin, name: 'Ana' }, { kind: 'payable', member: BO, name: 'Ana' },
    { kind: 'work', member: ANA, name: 'Ana', stream: 'love', project: '' }
  ])
  t.equal(twins({ kind: 'payable', member: ANA, name: 'Ana' }), `Liabilities:Payable:Member-${ANA}`)
  t.equal(twins({ kind: 'payable', member: twin, name: 'Ana' }), `Liabilities:Payable:Member-${twin}`)
  t.equal(twins({ kind: 'work', member: ANA, name: 'Ana', stream: 'love', project: '' }), `Assets:Work:Member-${ANA}:Love`, 'her work account too')
  t.equal(twins({ kind: 'payable', member: BO, name: 'Ana' }), 'Liabilities:Payable:Member-5e6f7a8b', 'the other member keeps the short name')
})

t.test('the worked example through hledger and beancount', async t => {
  await checkWithTools(t, EXAMPLE, 'worked example')
  const expected = expectedTotals(EXAMPLE)
  const p = plain(expected)
  t.same(p['Expenses:Distribution:Livelihood'], { EUR: '60001' })
  t.same(p['Liabilities:Payable:Member-1a2b3c4d'], { EUR: '-10001' }, 'November paid, December owed')
  t.same(p['Assets:Bank'], { BHD: '1234567', EUR: '23800', JPY: '162000' })
  t.same(p['Income:Clients:Acme-Corp'], { EUR: '-123700' })

  // what the tools read back of the texts: descriptions and references survive, escaped
  const journal = await write('hledger', booksOf(EXAMPLE))
  const printed = await run('hledger', ['-f', journal, 'print', '-O', 'csv'])
  t.equal(printed.exit, 0)
  const [head, ...rows] = csvRows(printed.stdout)
  const at = (name: string): number => head?.indexOf(name) ?? -1
  const described = new Map(rows.map(r => [r[at('code')], r[at('description')]]))
  t.same([...described.keys()].sort(), booksOf(EXAMPLE).map(tx => tx.id).sort(), 'every transaction, its id as the code')
  t.equal(described.get(hex('d1') + '-4-1'), 'Café "Ünï", Ltd / Tōkyō | consulting, "rush"  job \\ back', "hledger: ';' and '|' replaced, one line")

  const ledger = await write('beancount', booksOf(EXAMPLE))
  const q = await run('bean-query', ['-f', 'csv', ledger, "SELECT DISTINCT entry_meta('txn_id') AS id, payee, narration, entry_meta('reference') AS ref"])
  t.equal(q.exit, 0, q.stderr)
  const texts = new Map(csvRows(q.stdout).slice(1).map(([id, payee, narration, ref]) => [id, { payee, narration, ref }]))
  t.same(texts.get(hex('d1') + '-4-1'), { payee: 'Café "Ünï"; Ltd | Tōkyō', narration: 'consulting; "rush"  job \\ back', ref: '' })
  t.same(texts.get('stmt-2026-11-paid')?.ref, 'SEPA batch 12; "Nov" second line')
})

t.test('CSV: one row per posting, RFC 4180 quoting, no formulas', async t => {
  const books = booksOf(EXAMPLE)
  const text = renderBooks('csv', books, { title: 'ignored' })
  t.match(text, /^date,transaction,description,account,amount,currency\r\n/, 'the header, CRLF line ends')
  const rows = parse(text) as string[][]
  t.equal(rows.length - 1, books.reduce((n, tx) => n + tx.postings.length, 0))
  const byTx = (id: string): string[][] => rows.filter(r => r[1] === id)
  t.same(byTx('stmt-2026-11').map(r => [r[3], r[4], r[5]]), [
    ['Expenses:Distribution:Livelihood', '500.00', 'EUR'],
    ['Expenses:Distribution:Love', '300.00', 'EUR'],
    ['Expenses:Distribution:Care', '200.00', 'EUR'],
    ['Liabilities:Payable:Member-1a2b3c4d', '-419.74', 'EUR'],
    ['Liabilities:Payable:Member-5e6f7a8b', '-422.37', 'EUR'],
    ['Liabilities:Payable:Member-9c0d1e2f', '-157.89', 'EUR']
  ], 'amounts as decimals with the currency\'s places; negatives not quoted as text')
  t.same(byTx(hex('d1') + '-4-1')[0]?.slice(2, 6), ['Café "Ünï"; Ltd | Tōkyō | consulting; "rush"\r\njob \\ back', 'Assets:Bank', '150000', 'JPY'], 'quotes, CR LF and commas survive the quoting')
  t.same(byTx(hex('d1') + '-4-4')[1]?.slice(2, 6), ['\'=HYPERLINK("http://x") | @SUM(A1)', 'Income:Clients:HYPERLINK-http-x--b3daf0ae', '-1234.567', 'BHD'], 'a formula gets a leading quote')
  t.same(byTx(hex('d1') + '-4-2')[0]?.[2], 'Income', 'no client: no payee')
  t.ok(text.includes(',"Café ""Ünï""; Ltd | Tōkyō | consulting; ""rush""\r\njob \\ back",'), 'quotes doubled in the file')

  const injected = booksOf({ members: [], income: ['=1+1', '+1', '-1', '@x', '\tx', '\t'].map((c, i) => income(`i${i}`, '2026-01-01', 1, 'EUR', c, 'x')), statements: [] })
  const cells = (parse(renderBooks('csv', injected, { title: '' })) as string[][]).slice(1).map(r => r[2])
  t.same([...new Set(cells)], ["'=1+1 | x", "'+1 | x", "'-1 | x", "'@x | x", "'\tx | x", 'x'], 'every formula start is neutralised (a blank-ish client is no payee)')
})

// ---- random cooperatives ----

const CURRENCIES = ['EUR', 'JPY', 'BHD'] as const
const nameArb = fc.oneof(
  fc.constantFrom('Ana', 'Ana', 'Bo', '', '"; DROP TABLE', 'Ünï Çödé', '東京', '=cmd|', 'a\nb', '--', '-'),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 })
)
// few prefixes, so that short ids collide and the namer has to fall back to whole ids
const idArb = fc.oneof(
  fc.tuple(fc.constantFrom('1a2b3c4d', '00000000'), fc.stringMatching(/^[0-9a-f]{56}$/)).map(([a, b]) => a + b),
  fc.string({ minLength: 1, maxLength: 10 })
)

/** `amount` split into `n` parts by random weights, the rest to the first: the parts sum to it. */
function split (amount: number, weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0)
  if (total === 0) return weights.map((_, i) => i === 0 ? amount : 0)
  const parts = weights.map(w => Math.floor(amount * w / total))
  parts[0] = (parts[0] as number) + amount - parts.reduce((a, b) => a + b, 0)
  return parts
}

const dayArb = fc.tuple(fc.integer({ min: 2024, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)

const cooperativeArb: fc.Arbitrary<BooksInput> = fc.record({
  // `oldName`: the name on the statements, which the books use for members no longer in the list
  members: fc.uniqueArray(fc.record({ id: idArb, name: nameArb, oldName: nameArb }), { selector: m => m.id, minLength: 1, maxLength: 8 }),
  months: fc.uniqueArray(dayArb.map(d => d.slice(0, 7)), { maxLength: 4 }),
  income: fc.array(fc.record({ date: dayArb, amount: fc.integer({ min: 0, max: 10 ** 12 }), currency: fc.constantFrom(...CURRENCIES), client: nameArb, description: nameArb }), { maxLength: 8 })
}).chain(({ members, months, income: incomes }) => fc.record({
  statements: fc.tuple(...months.map(month => fc.record({
    currency: fc.constantFrom(...CURRENCIES),
    pool: fc.integer({ min: 0, max: 10 ** 12 }),
    streamWeights: fc.tuple(fc.nat(100), fc.nat(100), fc.nat(100)),
    lineWeights: fc.array(fc.nat(1000), { minLength: members.length, maxLength: members.length }),
    paid: fc.option(fc.record({ date: dayArb, reference: nameArb }))
  }).map(s => statementOf(month, members, s))))
}).map(({ statements }): BooksInput => ({
  members: members.slice(0, Math.ceil(members.length / 2)).map(m => ({ id: m.id, name: m.name })),
  income: incomes.map((i, n) => income(`${hex('e0')}-9-${n}`, i.date, i.amount, i.currency, i.client, i.description)),
  statements
})))

interface StatementShape {
  currency: string
  pool: number
  streamWeights: [number, number, number]
  lineWeights: number[]
  paid: { date: string, reference: string } | null
}

function statementOf (month: string, members: Array<{ id: string, oldName: string }>, s: StatementShape): Statement {
  const streams = split(s.pool, s.streamWeights)
  const totals = split(s.pool, s.lineWeights)
  const zero = (): Record<Stream, number> => ({ livelihood: 0, love: 0, care: 0 })
  return {
    ...NOVEMBER,
    month,
    currency: s.currency,
    pool: s.pool,
    streams: { livelihood: streams[0] as number, love: streams[1] as number, care: streams[2] as number },
    lines: members.map(({ id: member, oldName: name }, i) => ({ member, name, role: 'member', paid: true, stage: 0, shares: { livelihood: 100, love: 100, care: 100 }, capped: 0, received: 0, credits: { livelihood: '0', love: '0', care: '0' }, amounts: { ...zero(), livelihood: totals[i] as number }, total: totals[i] as number })),
    paid: s.paid === null ? null : { ...s.paid, by: members[0]?.id ?? '', op: 'op', at: 0 }
  }
}

t.test('property: every transaction balances, every name is valid and its own, every format renders', async t => {
  await holds(t, 'every transaction balances, every name is valid and its own, every format renders', fc.property(cooperativeArb, input => {
    const books = booksOf(input)
    for (const tx of books) {
      const sums = new Map<string, bigint>()
      for (const p of tx.postings) sums.set(p.currency, (sums.get(p.currency) ?? 0n) + BigInt(p.amount))
      if ([...sums.values()].some(s => s !== 0n)) return false
      if (tx.postings.some(p => p.amount === 0)) return false
    }
    const accounts = books.flatMap(tx => tx.postings.map(p => p.account))
    const nameOf = accountNamer(accounts)
    const names = new Map(accounts.map(a => [accountKey(a), nameOf(a)]))
    if ([...names.values()].some(n => !ACCOUNT_NAME.test(n))) return false
    if (new Set(names.values()).size !== names.size) return false
    const csv = parse(renderBooks('csv', books, { title: '' })) as string[][]
    if (csv.length - 1 !== accounts.length) return false
    renderBooks('hledger', books, { title: 'x' })
    renderBooks('beancount', books, { title: 'x' })
    return true
  }), 300, [20261130])
})

t.test('a few random cooperatives through hledger and beancount', async t => {
  for (const seed of seeds(t, [42])) {
    const samples = fc.sample(cooperativeArb, { numRuns: 4, seed })
    for (const [i, input] of samples.entries()) await checkWithTools(t, input, `random cooperative ${i + 1} (seed ${seed})`)
  }
})

t.test('a statement whose lines do not sum to its pool is a bug, not books', async t => {
  const broken: Statement = { ...NOVEMBER, pool: 100_001, paid: null }
  t.throws(() => booksOf({ members: [], income: [], statements: [{ ...broken, streams: { ...broken.streams, care: 20_001 } }] }), /does not balance/)
  t.equal(booksOf({ members: [], income: [], statements: [{ ...NOVEMBER, month: '2028-02', paid: null }] })[0]?.date, '2028-02-29', 'leap year')
})
