/**
 * P15: deciding a distribution of a large month: 27,777 entries (a 1M-op ledger's month; 2,000
 * with --quick), all in 2026-10, decided by the founder's vote. Apply computes the statement from
 * the month's credit totals (view layout 4: src/consensus/credit-store.ts) in the batch of the
 * deciding vote. Against deciding a motion on the same ledger (no raw stack has distributions):
 * what the vote costs without the statement; and against reading the month's entry records
 * straight from the view, the floor the stack set for a distribution computed from the entries
 * (layout 3 and before).
 */
import path from 'node:path'
import { DiscoNode } from '../src/node/node.js'
import { propose } from '../src/commands/propose.js'
import { vote } from '../src/commands/vote.js'
import { appendOps, removeDir, tempDir } from './fixtures.js'
import { median, timed } from './harness.js'
import type { Scenario } from './harness.js'

export const scenario: Scenario = {
  id: 'P15',
  title: 'deciding a distribution of a large month',
  baseline: 'deciding a motion on the same ledger',
  async run (opts) {
    const entries = opts.quick ? 2_000 : 27_777
    const dir = await tempDir('p15')
    const node = await DiscoNode.create({ storage: path.join(dir, 'node'), coopName: 'Bench', memberName: 'Ana' })
    try {
      await appendOps(node, entries) // the fixtures' contributions are all dated 2026-10
      const decide = async (input: Parameters<typeof propose>[1]): Promise<number> => (await timed(async () => {
        const p = (await propose(node, input)).proposal
        const decided = (await vote(node, { id: p.id, choice: 'yes' })).proposal
        if (decided.status !== 'passed') throw new Error(`${input.kind}: ${decided.status} ${String(decided.reason)}`)
      })).ms
      const motions = [await decide({ kind: 'motion', text: 'a baseline decision' }), await decide({ kind: 'motion', text: 'another' })]
      // the floor the stack sets: the month's records read straight from the view, nothing else
      // (before the distribution, so that it warms no cache of the distribution's)
      const read = (await timed(async () => {
        const snap = node.base.view.snapshot()
        let n = 0
        for await (const _ of snap.createReadStream({ gte: 'entry/2026-10-', lt: 'entry/2026-10-\xff' })) n++
        await snap.close()
        if (n !== entries) throw new Error(`read ${n} entries of the month, not ${entries}`)
      })).ms
      const distribute = await decide({ kind: 'distribute', month: '2026-10', amount: '10000.00', currency: 'EUR' })
      const motion = median(motions)
      opts.say(`  P15 motion ${Math.round(motion)} ms, the month read straight from the view ${Math.round(read)} ms, distribute ${Math.round(distribute)} ms`)
      return [
        { metric: `decide a distribution of ${entries.toLocaleString('en')} entries`, unit: 'ms', disco: distribute, baseline: motion, target: entries >= 27_777 ? { atMost: 1000 } : { none: true } },
        { metric: '… against reading the month straight from the view', unit: 'ms', disco: distribute, baseline: read, target: { none: true } }
      ]
    } finally {
      await node.close()
      await removeDir(dir)
    }
  }
}
