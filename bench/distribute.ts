/**
 * What a distribution costs: apply computes the statement from the month's entries (a range read
 * and a lookup per entry), in the apply batch of the deciding vote. Measured against deciding a motion on the same ledger, which writes one proposal.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { DiscoNode } from '../src/node.js'
import { importFile } from '../src/commands/import.js'
import { propose } from '../src/commands/propose.js'
import { vote } from '../src/commands/vote.js'
import { clockifyCsv, time } from './import.js'

export interface DistributeBench {
  entries: number
  motionMs: number
  distributeMs: number
  ratio: number
}

export async function distributeBench (rows = Number(process.env.BENCH_ROWS ?? 10_000)): Promise<DistributeBench> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'disco-bench-dist-'))
  const node = await DiscoNode.create({ storage: path.join(dir, 'node'), coopName: 'Bench', memberName: 'Ana' })
  try {
    const csv = path.join(dir, 'export.csv')
    // a month that is over, so that it can be distributed
    await fs.writeFile(csv, clockifyCsv(rows, '2026-10'))
    await importFile(node, { file: csv, stream: 'love' })
    const decide = async (input: Parameters<typeof propose>[1]): Promise<number> => (await time(async () => {
      const p = (await propose(node, input)).proposal
      const decided = (await vote(node, { id: p.id, choice: 'yes' })).proposal
      if (decided.status !== 'passed') throw new Error(`${input.kind}: ${decided.status} ${decided.reason}`)
    })).ms
    const motionMs = await decide({ kind: 'motion', text: 'a baseline decision' })
    const distributeMs = await decide({ kind: 'distribute', month: '2026-10', amount: '10000.00', currency: 'EUR' })
    return { entries: rows, motionMs: Math.round(motionMs), distributeMs: Math.round(distributeMs), ratio: Number((distributeMs / motionMs).toFixed(1)) }
  } finally {
    await node.close()
    await fs.rm(dir, { recursive: true, force: true })
  }
}
