import type { Command } from 'commander'
import { examples, globals } from './options.js'
import { networkFlags } from './network-options.js'

export function register (program: Command): void {
  examples(networkFlags(program.command('start')
    .description('run the node in the foreground, on the network: it replicates the ledger, answers invites, and serves the other commands while it runs (for systemd, see deploy/disco.service)'))
    .action(async (o: { bootstrap?: string, dhtHost?: string }, c: Command) => {
      const g = globals(c)
      const [{ networkOptions }, { runNode }, { defaultStorage }] = await Promise.all([
        import('../../src/service/network-config.js'),
        import('../../src/service/run.js'),
        import('../../src/storage.js')
      ])
      const storage = g.storage ?? defaultStorage()
      const network = await networkOptions(storage, o)
      await runNode({ storage, network, json: g.json === true })
    }), [
      'disco start',
      'disco start --bootstrap 192.168.1.10:49737',
      'disco start --json    # status lines as JSON, one per line'
    ])
}
