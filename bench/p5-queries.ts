/**
 * P5: queries on a ledger of 100,000 ops, through the command handlers the CLI and the control
 * socket run: one member's balance, and the first page (50) of entries, on an open node (as
 * `disco start` serves them): repeated on an unchanged ledger, and each the first query after an
 * op was appended (a few ops: the shared ledger grows by 0.01%). No raw baseline: the targets are absolute.
 */
import { DiscoNode } from '../src/node/node.js'
import { balance } from '../src/commands/balance.js'
import { entries } from '../src/commands/entries.js'
import { contribution, sharedLedger } from './fixtures.js'
import { repeat, timed } from './harness.js'
import type { Scenario } from './harness.js'

const PAGE = 50

export const scenario: Scenario = {
  id: 'P5',
  title: 'queries on a large ledger',
  baseline: 'none (absolute targets)',
  async run (opts) {
    const ops = opts.quick ? 5_000 : 100_000
    const calls = opts.quick ? 10 : 30
    const ledger = await sharedLedger(ops)
    const node = await DiscoNode.open({ storage: ledger.storage })
    try {
      const warmBalance = await repeat(calls, async () => (await timed(async () => await balance(node, { member: 'Ana' }))).ms)
      const warmPage = await repeat(calls, async () => {
        const { ms, value } = await timed(async () => await entries(node, { limit: PAGE }))
        if (value.entries.length !== PAGE) throw new Error(`a page of ${value.entries.length} entries`)
        return ms
      })
      // The first query after the ledger changed reads its tree from storage (queries share a
      // snapshot, and its caches, only while the view stays as it is): one op appended before each.
      let next = ops
      const afterChange = async (query: () => Promise<unknown>): Promise<number> => {
        await node.append([contribution(next++)])
        return (await timed(query)).ms
      }
      const coldCalls = opts.quick ? 3 : 7
      const coldBalance = await repeat(coldCalls, async () => await afterChange(async () => await balance(node, { member: 'Ana' })))
      const coldPage = await repeat(coldCalls, async () => await afterChange(async () => await entries(node, { limit: PAGE })))
      opts.say(`  P5 balance ${warmBalance.median.toFixed(2)} ms (after a change ${coldBalance.median.toFixed(1)}), page ${warmPage.median.toFixed(1)} ms (after a change ${coldPage.median.toFixed(1)})`)
      const size = ops.toLocaleString('en')
      return [
        { metric: `one member's balance, ${size} ops, unchanged ledger`, unit: 'ms', disco: warmBalance.median, baseline: null, target: { atMost: 5 }, detail: { runs: warmBalance.runs } },
        { metric: "… the first after a change", unit: 'ms', disco: coldBalance.median, baseline: null, target: { atMost: 5 }, detail: { runs: coldBalance.runs } },
        { metric: `first page (${PAGE}) of entries, unchanged ledger`, unit: 'ms', disco: warmPage.median, baseline: null, target: { atMost: 20 }, detail: { runs: warmPage.runs } },
        { metric: '… the first after a change', unit: 'ms', disco: coldPage.median, baseline: null, target: { atMost: 20 }, detail: { runs: coldPage.runs } }
      ]
    } finally {
      await node.close()
    }
  }
}
