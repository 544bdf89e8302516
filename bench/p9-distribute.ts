/**
 * P9 (beyond the list, kept from the earlier bench): what a distribution costs. Apply
 * computes the statement from the month's entries (a range read and a lookup per entry) in the
 * apply batch of the deciding vote; measured against deciding a motion on the same ledger, which
 * writes one proposal.
 */
import path from 'node:path'
import { DiscoNode } from '../src/node/node.js'
import { propose } from '../src/commands/propose.js'
import { vote } from '../src/commands/vote.js'
import { appendOps, removeDir, tempDir } from './fixtures.js'
import { timed } from './harness.js'
import type { Scenario } from './harness.js'

export const scenario: Scenario = {
  id: 'P9',
  title: 'deciding a distribution of a month of entries',
  baseline: 'deciding a motion on the same ledger (disco too: no raw stack has distributions)',
  async run (opts) {
    const entries = opts.quick ? 2_000 : 5_000
    const dir = await tempDir('p9')
    const node = await DiscoNode.create({ storage: path.join(dir, 'node'), coopName: 'Bench', memberName: 'Ana' })
    try {
      // the fixtures' contributions are dated 2026-10, a month that is over
      await appendOps(node, entries)
      const decide = async (input: Parameters<typeof propose>[1]): Promise<number> => (await timed(async () => {
        const p = (await propose(node, input)).proposal
        const decided = (await vote(node, { id: p.id, choice: 'yes' })).proposal
        if (decided.status !== 'passed') throw new Error(`${input.kind}: ${decided.status} ${String(decided.reason)}`)
      })).ms
      const motion = await decide({ kind: 'motion', text: 'a baseline decision' })
      const distribute = await decide({ kind: 'distribute', month: '2026-10', amount: '10000.00', currency: 'EUR' })
      opts.say(`  P9 motion ${Math.round(motion)} ms, distribute ${Math.round(distribute)} ms`)
      return [{ metric: `decide a distribution of ${entries.toLocaleString('en')} entries`, unit: 'ms', disco: distribute, baseline: motion, target: { none: true } }]
    } finally {
      await node.close()
      await removeDir(dir)
    }
  }
}
