/**
 * P13: commands through a running `disco start` (its control socket), a new process each: `disco
 * log` and `disco balance`, interleaved with `node -e 0`, on a 100,000-op ledger. Wall time and peak
 * RSS of each process, and the node's own RSS after the calls. `disco balance` also through the full
 * CLI (DISCO_THIN=0: commander and the command modules loaded, as before the thin path), to show
 * what the thin path (bin/cli/thin.ts) saves.
 */
import createTestnet from 'hyperdht/testnet.js'
import { Child, DISCO_BIN, MB, eventLine, rssBytes } from './fixtures.js'
import { median } from './harness.js'
import type { Scenario } from './harness.js'
import { runChild, spreadLedger } from './member-fixtures.js'
import type { ChildRun } from './member-fixtures.js'

export const scenario: Scenario = {
  id: 'P13',
  title: 'commands through a running `disco start`',
  baseline: '`node -e 0`, interleaved',
  async run (opts) {
    const ops = opts.quick ? 5_000 : 100_000
    const calls = opts.quick ? 10 : 40
    // entries logged today: the months P14 reads stay as they are
    const storage = await spreadLedger('entries', ops, opts.say)
    const testnet = await createTestnet(3, { host: '127.0.0.1' })
    const bootstrap = testnet.bootstrap.map(b => `${b.host}:${b.port}`).join(',')
    const node = new Child([DISCO_BIN, '--storage', storage, 'start', '--bootstrap', bootstrap, '--dht-host', '127.0.0.1', '--json'], opts.childFlags)
    try {
      await node.line('disco start to be ready', eventLine('ready'), 120_000)
      const log: ChildRun[] = []
      const balance: ChildRun[] = []
      const raw: ChildRun[] = []
      const full: ChildRun[] = []
      for (let i = 0; i < calls; i++) {
        log.push(await runChild([DISCO_BIN, '--storage', storage, 'log', 'love', '1h', '-m', `call ${i}`, '--json'], opts.childFlags))
        raw.push(await runChild(['-e', '0'], opts.childFlags))
        balance.push(await runChild([DISCO_BIN, '--storage', storage, 'balance', '--member', 'Ana', '--json'], opts.childFlags))
        raw.push(await runChild(['-e', '0'], opts.childFlags))
        full.push(await runChild([DISCO_BIN, '--storage', storage, 'balance', '--member', 'Ana', '--json'], opts.childFlags, { DISCO_THIN: '0' }))
      }
      const nodeRss = await rssBytes(node.pid) / MB
      const m = (xs: ChildRun[], k: 'ms' | 'cpuMs' | 'rssMB'): number => median(xs.map(x => x[k]))
      opts.say(`  P13 log ${Math.round(m(log, 'ms'))} ms, balance ${Math.round(m(balance, 'ms'))} ms (full CLI ${Math.round(m(full, 'ms'))} ms), node -e 0 ${Math.round(m(raw, 'ms'))} ms; the node ${nodeRss.toFixed(0)} MB`)
      return [
        { metric: `\`disco log\` via the node, ${calls} calls, wall time a call`, unit: 'ms', disco: m(log, 'ms'), baseline: m(raw, 'ms'), target: { ratioAtMost: 1.3 }, detail: { min: Math.round(Math.min(...log.map(x => x.ms))), rawMin: Math.round(Math.min(...raw.map(x => x.ms))) } },
        { metric: '`disco balance --member` via the node, wall time a call', unit: 'ms', disco: m(balance, 'ms'), baseline: m(raw, 'ms'), target: { ratioAtMost: 1.3 } },
        { metric: '… the same through the full CLI (DISCO_THIN=0)', unit: 'ms', disco: m(full, 'ms'), baseline: m(raw, 'ms'), target: { none: true } },
        { metric: '… `disco balance` CPU time a call (user + system)', unit: 'ms', disco: m(balance, 'cpuMs'), baseline: m(raw, 'cpuMs'), target: { none: true }, detail: { logCpuMs: m(log, 'cpuMs'), fullCliCpuMs: m(full, 'cpuMs') } },
        { metric: '… peak RSS of the command process', unit: 'MB', disco: m(log, 'rssMB'), baseline: m(raw, 'rssMB'), target: { none: true } },
        { metric: `the running node's RSS after the calls (${ops.toLocaleString('en')} ops)`, unit: 'MB', disco: nodeRss, baseline: null, target: { atMost: 80 } }
      ]
    } finally {
      await node.stop()
      await testnet.destroy()
    }
  }
}
