import type { Command } from 'commander'
import { DiscoError } from '../../src/errors.js'
import { examples, globals } from './options.js'
import { networkFlags } from './network-options.js'
import { dashboardOptions, serveFlags } from './serve.js'
import type { ServeFlags } from './serve.js'

export function register (program: Command): void {
  examples(serveFlags(networkFlags(program.command('start')
    .description('run the node in the foreground, on the network: it replicates the ledger, answers invites, and serves the other commands while it runs (for systemd, see deploy/disco.service)'))
    .option('--serve', 'serve the dashboard too (see disco serve)'))
    .action(async (o: ServeFlags & { bootstrap?: string, dhtHost?: string, serve?: boolean }, c: Command) => {
      if (o.serve !== true && (o.port !== undefined || o.host !== undefined)) {
        throw DiscoError.invalidArgument('--port and --host are the dashboard\'s: add --serve')
      }
      const serve = o.serve === true ? dashboardOptions(o) : undefined
      const g = globals(c)
      const [{ networkOptions }, { runNode }, { defaultStorage }] = await Promise.all([
        import('../../src/service/network-config.js'),
        import('../../src/service/run.js'),
        import('../../src/node/storage.js')
      ])
      const storage = g.storage ?? defaultStorage()
      const network = await networkOptions(storage, o)
      await runNode({ storage, network, json: g.json === true, ...(serve !== undefined ? { serve } : {}) })
    }), [
      'disco start',
      'disco start --bootstrap 192.168.1.10:49737',
      'disco start --json    # status lines as JSON, one per line',
      'disco start --serve   # with the dashboard (disco serve)'
    ])
}
