/**
 * What the member-facing scenarios (P12–P15) share: ledgers as a member's grows over three years
 * (entries spread over 36 months, income records), commands run as child processes with their
 * peak RSS. A store cannot be copied (its device file
 * refuses a store that was moved or copied): a scenario that needs two of one size builds two.
 */
import { execFile } from 'node:child_process'
import fsSync from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { DiscoNode } from '../src/node/node.js'
import type { ContributionOp, IncomeOp, Op } from '../src/ledger/ops.js'
import { contribution, tempDir } from './fixtures.js'
import { msSince } from './harness.js'

/** the months the spread ledgers cover: 2023-11 … 2026-10, all over */
export const MONTHS = 36
export const LAST_MONTH = '2026-10'
const FIRST_MONTH_INDEX = 2023 * 12 + 10 // 2023-11, zero-based month

/** day number (days since 1970-01-01) of day `d` (0-based) of the m-th month of the spread */
function dayOf (m: number, d: number): number {
  const month = FIRST_MONTH_INDEX + m
  return Date.UTC(Math.floor(month / 12), month % 12, 1) / 86_400_000 + d
}

/** the i-th of `count` contributions: month i % 36, so that each month holds count / 36; else as
 * the other scenarios' `contribution(i)`, with one tag */
export function spreadContribution (i: number): ContributionOp {
  return { ...contribution(i), day: dayOf(i % MONTHS, Math.floor(i / MONTHS) % 28), tags: ['docs'] }
}

export function spreadIncome (i: number): IncomeOp {
  return {
    type: 'income',
    money: { amount: 10_000 + (i % 90_000), currency: 'EUR' },
    client: `client-${i % 50}`,
    day: dayOf(i % MONTHS, Math.floor(i / MONTHS) % 28),
    description: `invoice ${i}`,
    key: ''
  }
}

const built = new Map<string, Promise<string>>()

/**
 * A closed ledger (its storage folder) of `count` ops made by `make`, founded by Ana, built once a
 * run and removed when the process exits.
 */
export async function spreadLedger (kind: 'entries' | 'income', count: number, say: (line: string) => void, copy = ''): Promise<string> {
  const name = `${kind}-${count}${copy === '' ? '' : `-${copy}`}`
  let made = built.get(name)
  if (made === undefined) {
    made = (async () => {
      const dir = await tempDir(`spread-${name}`)
      process.once('exit', () => fsSync.rmSync(dir, { recursive: true, force: true }))
      const storage = path.join(dir, 'ana')
      const make = kind === 'entries' ? spreadContribution : spreadIncome
      const start = process.hrtime.bigint()
      const node = await DiscoNode.create({ storage, coopName: 'Bench', memberName: 'Ana' })
      try {
        for (let i = 0; i < count; i += 1000) {
          const ops: Op[] = []
          for (let k = i; k < Math.min(count, i + 1000); k++) ops.push(make(k))
          await node.append(ops)
        }
        await node.base.update()
      } finally {
        await node.close()
      }
      say(`  built a ledger of ${count.toLocaleString('en')} ${kind} ops in ${Math.round(msSince(start) / 1000)} s`)
      return storage
    })()
    built.set(name, made)
  }
  return await made
}

/** preloaded into every timed child: prints its peak RSS on stderr as it exits */
const MAX_RSS = fileURLToPath(new URL('./max-rss.js', import.meta.url))

const childEnv = { ...process.env }
delete childEnv.NODE_OPTIONS

export interface ChildRun { ms: number, cpuMs: number, rssMB: number, stdout: string }

/** Run `node <flags> <args>` from spawn to exit: its wall time, CPU time, peak RSS and output. `env`: more variables for it. */
export async function runChild (args: string[], flags: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<ChildRun> {
  const start = process.hrtime.bigint()
  const { stdout, stderr } = await new Promise<{ stdout: string, stderr: string }>((resolve, reject) => {
    execFile(process.execPath, [...flags, '--import', MAX_RSS, ...args], { env: { ...childEnv, ...env }, maxBuffer: 1024 * 2 ** 20 }, (err, out, errOut) => {
      if (err !== null) reject(new Error(`node ${args.join(' ')} failed: ${errOut}`))
      else resolve({ stdout: out, stderr: errOut })
    })
  })
  const ms = msSince(start)
  const rss = /^max-rss (\d+)$/m.exec(stderr)
  const cpu = /^cpu-ms (\d+)$/m.exec(stderr)
  if (rss === null || cpu === null) throw new Error(`node ${args.join(' ')} did not report its peak RSS and CPU time`)
  return { ms, cpuMs: Number(cpu[1]), rssMB: Number(rss[1]) / 1024, stdout }
}
