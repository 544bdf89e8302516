/**
 * P14: reading a lot, cold (no node running, a new process each, as a member's shell runs it):
 * `disco entries --month --json` of the last month of a ledger whose entries spread over 36
 * months (100,000 ops: 2,777 entries; outside --quick also 1,000,000 ops: 27,777), and `disco
 * export --format hledger -o file` of a ledger of 100,000 income records. Against the raw stack
 * reading the same rows straight from the view of the same store (bench/raw-member.ts
 * month / income): a range read, JSON.parse of each row, written out. Interleaved; wall time and
 * peak RSS.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { DISCO_BIN, removeDir, tempDir } from './fixtures.js'
import { median } from './harness.js'
import type { Measure, Scenario, BenchOptions } from './harness.js'
import { LAST_MONTH, MONTHS, runChild, spreadLedger } from './member-fixtures.js'
import type { ChildRun } from './member-fixtures.js'
import { RAW_MEMBER } from './p12-cold-command.js'

async function interleave (reps: number, disco: () => Promise<ChildRun>, raw: () => Promise<ChildRun>): Promise<{ disco: ChildRun[], raw: ChildRun[] }> {
  const d: ChildRun[] = []
  const r: ChildRun[] = []
  for (let i = 0; i < reps; i++) {
    d.push(await disco())
    r.push(await raw())
  }
  return { disco: d, raw: r }
}

const med = (xs: ChildRun[], k: 'ms' | 'cpuMs' | 'rssMB'): number => median(xs.map(x => x[k]))

async function month (opts: BenchOptions, ops: number, reps: number): Promise<Measure[]> {
  const storage = await spreadLedger('entries', ops, opts.say)
  const expected = Math.floor(ops / MONTHS)
  const runs = await interleave(reps,
    async () => {
      const run = await runChild([DISCO_BIN, '--storage', storage, 'entries', '--month', LAST_MONTH, '--json'], opts.childFlags)
      const n = (JSON.parse(run.stdout) as { entries: unknown[] }).entries.length
      if (n !== expected) throw new Error(`disco entries --month: ${n} entries, not ${expected}`)
      return run
    },
    async () => {
      const run = await runChild([RAW_MEMBER, 'month', storage, LAST_MONTH], opts.childFlags)
      const n = (JSON.parse(run.stdout) as unknown[]).length
      if (n !== expected) throw new Error(`raw month: ${n} rows, not ${expected}`)
      return run
    })
  opts.say(`  P14 entries --month (${expected} entries): disco ${Math.round(med(runs.disco, 'ms'))} ms ${med(runs.disco, 'rssMB').toFixed(0)} MB, raw ${Math.round(med(runs.raw, 'ms'))} ms ${med(runs.raw, 'rssMB').toFixed(0)} MB`)
  const what = `${expected.toLocaleString('en')} entries of a ${ops.toLocaleString('en')}-op ledger`
  return [
    { metric: `cold \`entries --month --json\`, ${what}`, unit: 'ms', disco: med(runs.disco, 'ms'), baseline: med(runs.raw, 'ms'), target: { ratioAtMost: 2 }, detail: { disco: runs.disco.map(x => Math.round(x.ms)), raw: runs.raw.map(x => Math.round(x.ms)) } },
    { metric: '… its CPU time (user + system)', unit: 'ms', disco: med(runs.disco, 'cpuMs'), baseline: med(runs.raw, 'cpuMs'), target: { none: true } },
    { metric: '… its peak RSS', unit: 'MB', disco: med(runs.disco, 'rssMB'), baseline: med(runs.raw, 'rssMB'), target: { none: true } }
  ]
}

async function exportBooks (opts: BenchOptions, records: number, reps: number): Promise<Measure[]> {
  const ledger = await spreadLedger('income', records, opts.say)
  const out = await tempDir('p14-out')
  try {
    const runs = await interleave(reps,
      async () => await runChild([DISCO_BIN, '--storage', ledger, 'export', '--format', 'hledger', '-o', path.join(out, 'books.journal'), '--json'], opts.childFlags),
      async () => await runChild([RAW_MEMBER, 'income', ledger, path.join(out, 'raw.txt')], opts.childFlags))
    const journal = await fs.readFile(path.join(out, 'books.journal'), 'utf8')
    const transactions = journal.split('\n').filter(l => /^\d{4}-\d\d-\d\d /.test(l)).length
    if (transactions !== records) throw new Error(`the journal holds ${transactions} transactions, not ${records}`)
    opts.say(`  P14 export hledger (${records} income records): disco ${Math.round(med(runs.disco, 'ms'))} ms ${med(runs.disco, 'rssMB').toFixed(0)} MB, raw ${Math.round(med(runs.raw, 'ms'))} ms ${med(runs.raw, 'rssMB').toFixed(0)} MB`)
    const what = `${records.toLocaleString('en')} income records`
    return [
      { metric: `cold \`export --format hledger -o\`, ${what}`, unit: 'ms', disco: med(runs.disco, 'ms'), baseline: med(runs.raw, 'ms'), target: records >= 100_000 ? { atMost: 5000 } : { none: true }, detail: { disco: runs.disco.map(x => Math.round(x.ms)), raw: runs.raw.map(x => Math.round(x.ms)) } },
      { metric: '… its CPU time (user + system)', unit: 'ms', disco: med(runs.disco, 'cpuMs'), baseline: med(runs.raw, 'cpuMs'), target: { none: true } },
      { metric: '… its peak RSS', unit: 'MB', disco: med(runs.disco, 'rssMB'), baseline: med(runs.raw, 'rssMB'), target: records >= 100_000 ? { atMost: 150 } : { none: true } }
    ]
  } finally {
    await removeDir(out)
  }
}

export const scenario: Scenario = {
  id: 'P14',
  title: 'a month of entries and the books, cold',
  baseline: 'the same rows read straight from the view of the same store (bench/raw-member.ts)',
  async run (opts) {
    const reps = opts.quick ? 3 : 5
    const rows = [...await month(opts, opts.quick ? 5_000 : 100_000, reps)]
    if (!opts.quick) rows.push(...await month(opts, 1_000_000, 3))
    rows.push(...await exportBooks(opts, opts.quick ? 5_000 : 100_000, reps))
    return rows
  }
}
