/**
 * P12: a command with no node running: `disco log` opens the store, appends one entry and closes
 * it, a new process each time (as a member's shell runs it). Against the raw stack doing the same
 * on a ledger of the same size built the same way (bench/raw-member.ts append: load corestore, autobase and hyperbee,
 * open the encrypted ledger, append a frame, apply it, close). Interleaved, wall time and peak RSS.
 */
import { fileURLToPath } from 'node:url'
import { DISCO_BIN } from './fixtures.js'
import { median } from './harness.js'
import type { Scenario } from './harness.js'
import { runChild, spreadLedger } from './member-fixtures.js'
import type { ChildRun } from './member-fixtures.js'

export const RAW_MEMBER = fileURLToPath(new URL('./raw-member.js', import.meta.url))

export const scenario: Scenario = {
  id: 'P12',
  title: '`disco log` with no node running (opens the store)',
  baseline: 'open a store of the same ledger, append a frame, apply, close (bench/raw-member.ts)',
  async run (opts) {
    // the open reads a few keys, whatever the ledger's size: 20,000 ops stand for a grown one
    const ops = opts.quick ? 2_000 : 20_000
    const calls = opts.quick ? 5 : 15
    const disco = await spreadLedger('entries', ops, opts.say, 'p12-disco')
    const raw = await spreadLedger('entries', ops, opts.say, 'p12-raw')
    {
      const d: ChildRun[] = []
      const r: ChildRun[] = []
      for (let i = 0; i < calls; i++) {
        d.push(await runChild([DISCO_BIN, '--storage', disco, 'log', 'love', '1h', '-m', `cold call ${i}`, '--json'], opts.childFlags))
        r.push(await runChild([RAW_MEMBER, 'append', raw], opts.childFlags))
      }
      const ms = { disco: median(d.map(x => x.ms)), raw: median(r.map(x => x.ms)) }
      const rss = { disco: median(d.map(x => x.rssMB)), raw: median(r.map(x => x.rssMB)) }
      const cpu = { disco: median(d.map(x => x.cpuMs)), raw: median(r.map(x => x.cpuMs)) }
      opts.say(`  P12 disco ${Math.round(ms.disco)} ms ${rss.disco.toFixed(0)} MB, raw ${Math.round(ms.raw)} ms ${rss.raw.toFixed(0)} MB`)
      const size = `${ops.toLocaleString('en')}-op ledger`
      return [
        { metric: `cold \`disco log\`, ${size}, wall time a call`, unit: 'ms', disco: ms.disco, baseline: ms.raw, target: { ratioAtMost: 1.5 }, detail: { calls, disco: d.map(x => Math.round(x.ms)), raw: r.map(x => Math.round(x.ms)) } },
        { metric: '… its CPU time (user + system)', unit: 'ms', disco: cpu.disco, baseline: cpu.raw, target: { none: true } },
        { metric: '… its peak RSS', unit: 'MB', disco: rss.disco, baseline: rss.raw, target: { none: true } }
      ]
    }
  }
}
