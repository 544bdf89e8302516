/**
 * How fast `disco import` writes a 10,000-row time-tracker export, against the raw
 * stack it is built on, measured in the same run on the same machine. The figures that matter are
 * the ratios: absolute times move with the machine.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import Autobase from 'autobase'
import Corestore from 'corestore'
import b4a from 'b4a'
import type Hypercore from 'hypercore'
import { DiscoNode } from '../src/node.js'
import { importFile } from '../src/commands/import.js'

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000)
const BATCH = 1000

/** A Clockify export of `rows` rows dated in `month`. */
export function clockifyCsv (rows: number, month = '2026-11'): string {
  const header = '"Project","Client","Description","Task","User","Group","Email","Tags","Billable","Start Date","Start Time","End Date","End Time","Duration (h)","Duration (decimal)"'
  const lines = [header]
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0')
    const minutes = 15 + (i % 240)
    const hh = String(Math.floor(minutes / 60)).padStart(2, '0')
    const mm = String(minutes % 60).padStart(2, '0')
    lines.push(`"Project ${i % 7}","","Task number ${i} for the commons","","Ana","","","docs, translation","No","${month}-${day}","09:00:00","${month}-${day}","10:00:00","${hh}:${mm}:00","1.00"`)
  }
  return lines.join('\n') + '\n'
}

export async function time<T> (fn: () => Promise<T>): Promise<{ ms: number, value: T }> {
  const start = process.hrtime.bigint()
  const value = await fn()
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value }
}

/** The baseline: autobase with a trivial apply (each block appended to a view core), 200-byte
 * entries in batches of 1,000, like the STACK.md figures. */
async function rawAutobase (dir: string, count: number): Promise<number> {
  const store = new Corestore(path.join(dir, 'raw'))
  const base = new Autobase<Hypercore>(store, null, {
    valueEncoding: 'binary',
    ackInterval: 1000,
    open: s => s.get('view'),
    apply: async (nodes, view) => { for (const n of nodes) await view.append(n.value) }
  })
  await base.ready()
  const entry = b4a.alloc(200, 1)
  const { ms } = await time(async () => {
    for (let i = 0; i < count; i += BATCH) await base.append(Array.from({ length: Math.min(BATCH, count - i) }, () => entry))
  })
  await base.close()
  return ms
}

export interface ImportBench {
  rows: number
  rawAutobase: { ms: number, opsPerSec: number }
  discoImport: { ms: number, opsPerSec: number, imported: number, blocks: number, peakRssMB: number }
  rerun: { ms: number, imported: number, alreadyImported: number }
  ratio: number
}

export async function importBench (rows = ROWS): Promise<ImportBench> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'disco-bench-'))
  try {
    const csv = path.join(dir, 'export.csv')
    await fs.writeFile(csv, clockifyCsv(rows))

    const rawMs = await rawAutobase(dir, rows)

    const node = await DiscoNode.create({ storage: path.join(dir, 'node'), coopName: 'Bench', memberName: 'Ana' })
    let peakRss = process.memoryUsage().rss
    const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss) }, 50)
    const first = await time(async () => await importFile(node, { file: csv, stream: 'love' }))
    const again = await time(async () => await importFile(node, { file: csv, stream: 'love' }))
    clearInterval(sampler)
    const blocks = node.base.local.length
    await node.close()

    const rate = (ms: number): number => Math.round(rows / (ms / 1000))
    return {
      rows,
      rawAutobase: { ms: Math.round(rawMs), opsPerSec: rate(rawMs) },
      discoImport: { ms: Math.round(first.ms), opsPerSec: rate(first.ms), imported: first.value.imported, blocks, peakRssMB: Math.round(peakRss / 2 ** 20) },
      rerun: { ms: Math.round(again.ms), imported: again.value.imported, alreadyImported: again.value.alreadyImported },
      ratio: Number((first.ms / rawMs).toFixed(2))
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}
