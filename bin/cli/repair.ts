import type { Command } from 'commander'
import { examples, globals, positiveInt } from './options.js'
import { printJson, printLines } from './output.js'
import { networkFlags } from './network-options.js'
import type { NetworkFlags } from '../../src/service/network-config.js'

export function register (program: Command): void {
  examples(networkFlags(program.command('repair')
    .description("get back from peers what this device's own log lost on disk (a damaged write-ahead log, a power cut); " +
      'a store the storage engine cannot read (STORE_CORRUPT) is moved aside (never deleted) and rebuilt from peers with ' +
      "this device's own keys. Then check the whole ledger as disco verify does. The device keeps its identity. Run it " +
      'with disco start stopped and a peer reachable. Exits 0 when the log is whole and verify passes; 1 with what to do otherwise')
    .option('--timeout <seconds>', 'give up if no peer gives the lost blocks back, or the ledger has not caught up, in time', positiveInt('--timeout'), 120))
    .action(async (o: NetworkFlags & { timeout: number }, c: Command) => {
      const g = globals(c)
      const [{ repair }, { networkOptions }, { defaultStorage }] = await Promise.all([
        import('../../src/service/repair.js'),
        import('../../src/service/network-config.js'),
        import('../../src/node/storage.js')
      ])
      const storage = g.storage ?? defaultStorage()
      const json = g.json === true
      const out = await repair({
        storage,
        network: await networkOptions(storage, o),
        timeoutMs: o.timeout * 1000,
        say: line => { if (!json) process.stderr.write(line + '\n') }
      })
      if (!out.verify.ok) process.exitCode = 1
      if (json) return printJson(out)
      printLines([
        ...(out.rebuilt === null ? [] : [`rebuilt the store from peers as this device; the damaged one is kept in ${out.rebuilt.damaged ?? '(there was none)'}`]),
        out.recovered === null
          ? `this device's log is whole (${out.ownLog.length} blocks): nothing to get back`
          : `got blocks ${out.recovered.from}–${out.recovered.to - 1} of this device's log back from peers (${out.ownLog.length} blocks now)`,
        out.verify.ok ? 'verify: OK, the ledger is what its signed feeds say' : `verify FAILED: ${out.verify.problem ?? 'unknown'}`
      ])
    }), ['disco repair', 'disco repair --timeout 600 --bootstrap 192.168.1.10:49737'])
}
