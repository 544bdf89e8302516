import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { currencyExponent } from '../../src/ledger/currency.js'
import { isWorkUnit } from '../../src/books/work.js'

/**
 * The real accounting tools, run on books files: hledger 1.25 and beancount 2.3.5 (Debian
 * packages). The tools are a requirement of the tests that use this, not an option: a machine
 * without them fails.
 */
export const INSTALL = 'install the Debian packages hledger and beancount (apt-get install hledger beancount); CI installs them'

export interface Run { exit: number, stdout: string, stderr: string }

// hledger 1.25 decodes its input by the locale and fails on UTF-8 under LANG=C: give it a UTF-8 one.
const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C.UTF-8' }

export async function run (cmd: string, args: string[]): Promise<Run> {
  return await new Promise((resolve, reject) => {
    execFile(cmd, args, { env, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err !== null && err.code === 'ENOENT') { reject(new Error(`${cmd} is not installed: ${INSTALL}`)); return }
      if (err !== null && typeof err.code !== 'number') {
        reject(new Error(`${cmd} ${args.join(' ')} did not exit normally (${String(err.signal ?? err.code)}): ${stderr}`))
        return
      }
      resolve({ exit: err === null ? 0 : err.code as number, stdout, stderr })
    })
  })
}

/** Per account, per currency, in minor units. */
export type Totals = Map<string, Map<string, bigint>>

/** The tools leave out (hledger) or keep (bean-query) accounts that come to zero: compare without. */
export function withoutZeros (totals: Totals): Totals {
  const out: Totals = new Map()
  for (const [account, byCurrency] of totals) {
    const kept = new Map([...byCurrency].filter(([, n]) => n !== 0n))
    if (kept.size > 0) out.set(account, kept)
  }
  return out
}

/** "-1234.50" EUR → -123450n; `exact` also wants exactly the currency's decimals. */
export function minor (text: string, currency: string, exact: boolean): bigint {
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text.trim())
  if (m === null) throw new Error(`not a decimal: "${text}"`)
  const exp = isWorkUnit(currency) ? 0 : currencyExponent(currency)
  const frac = m[3] ?? ''
  if (exact && (m[3] === undefined ? 0 : frac.length) !== exp) throw new Error(`"${text}" ${currency} should have ${exp} decimals`)
  if (/[^0]/.test(frac.slice(exp))) throw new Error(`"${text}" ${currency} has more than ${exp} decimals`)
  const n = BigInt((m[2] as string) + frac.padEnd(exp, '0').slice(0, exp))
  return m[1] === '-' ? -n : n
}

export function totalsFrom (rows: string[][], exact: boolean): Totals {
  const totals: Totals = new Map()
  for (const [account, currency, amount] of rows) {
    if (account === undefined || currency === undefined || amount === undefined) throw new Error(`short row: ${JSON.stringify(rows)}`)
    const byCurrency = totals.get(account) ?? new Map<string, bigint>()
    byCurrency.set(currency, (byCurrency.get(currency) ?? 0n) + minor(amount, currency, exact))
    totals.set(account, byCurrency)
  }
  return withoutZeros(totals)
}

/** A tool's CSV output; bean-query pads its cells to the column's width, inside the quotes too. */
export const csvRows = (text: string): string[][] => (parse(text) as string[][]).map(row => row.map(cell => cell.trim()))

/** `hledger bal` per account and commodity, with --strict: every account and commodity declared. */
export async function hledgerTotals (file: string): Promise<Totals> {
  const r = await run('hledger', ['-f', file, 'bal', '-O', 'csv', '--no-total', '--layout=bare', '--strict'])
  if (r.exit !== 0) throw new Error(`hledger bal exited ${r.exit}: ${r.stderr}\n(file ${file})`)
  const [header, ...rows] = csvRows(r.stdout)
  if (JSON.stringify(header) !== '["account","commodity","balance"]') throw new Error(`hledger bal csv header: ${JSON.stringify(header)}`)
  return totalsFrom(rows, true)
}

export async function beanCheck (file: string): Promise<Run> {
  return await run('bean-check', [file])
}

/**
 * bean-query's totals, as str(Decimal): bean-query renders a number column with one precision for
 * the whole column (the most common one), so a plain sum(number) over JPY and EUR rows comes back
 * rounded to whole units. The Decimal's repr is exact.
 */
export async function beanTotals (file: string): Promise<Totals> {
  const r = await run('bean-query', ['-f', 'csv', file, 'SELECT account, currency, str(sum(number)) AS total GROUP BY account, currency'])
  if (r.exit !== 0) throw new Error(`bean-query exited ${r.exit}: ${r.stderr}`)
  const [header, ...rows] = csvRows(r.stdout)
  if (JSON.stringify(header) !== '["account","currency","total"]') throw new Error(`bean-query csv header: ${JSON.stringify(header)}`)
  return totalsFrom(rows.map(([account = '', currency = '', total = '']) => {
    const m = /^Decimal\('(-?\d+(?:\.\d+)?)'\)$/.exec(total)
    if (m === null) throw new Error(`bean-query total not a plain Decimal: ${total}`)
    return [account, currency, m[1] as string]
  }), false)
}

/** A books file's totals by kind of account, per currency in minor units: what a report shows. */
export interface BookSums {
  /** Income:* (negative: credits) */
  income: Record<string, number>
  /** Expenses:Distribution:* */
  distribution: Record<string, number>
  /** Liabilities:Payable:* (what is owed to members) */
  payable: Record<string, number>
  /** Assets:Bank */
  bank: Record<string, number>
  /** Assets:Work:* (MINUTES and CREDITS) */
  work: Record<string, number>
  /** Equity:Work:* (negative: the members' side of the work) */
  contributed: Record<string, number>
}

/**
 * Write `content` to a file, have the tool read it (bean-check must accept a beancount file
 * silently) and sum its totals by kind of account.
 */
let written = 0

export async function bookTotals (format: 'hledger' | 'beancount', content: string, dir: string): Promise<BookSums> {
  const file = path.join(dir, `books-${++written}.${format === 'hledger' ? 'journal' : 'beancount'}`)
  await writeFile(file, content)
  if (format === 'beancount') {
    const check = await beanCheck(file)
    if (check.exit !== 0 || check.stdout !== '' || check.stderr !== '') throw new Error(`bean-check refused ${file}: ${check.stdout}${check.stderr}`)
  }
  const totals = format === 'hledger' ? await hledgerTotals(file) : await beanTotals(file)
  const sums: BookSums = { income: {}, distribution: {}, payable: {}, bank: {}, work: {}, contributed: {} }
  for (const [account, byCurrency] of totals) {
    const kind: keyof BookSums | null = account.startsWith('Income:') ? 'income'
      : account.startsWith('Expenses:Distribution:') ? 'distribution'
        : account.startsWith('Liabilities:Payable:') ? 'payable'
          : account === 'Assets:Bank' ? 'bank'
            : account.startsWith('Assets:Work:') ? 'work'
              : account.startsWith('Equity:Work:') ? 'contributed' : null
    if (kind === null) throw new Error(`an account the books should not have: ${account}`)
    for (const [currency, n] of byCurrency) {
      sums[kind][currency] = (sums[kind][currency] ?? 0) + Number(n)
      if (sums[kind][currency] === 0) delete sums[kind][currency]
    }
  }
  return sums
}
