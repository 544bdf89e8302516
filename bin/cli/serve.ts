import type { Command } from 'commander'
import { DiscoError } from '../../src/errors.js'
import type { DashboardOptions } from '../../src/web/server.js'
import { examples, globals } from './options.js'
import { networkFlags } from './network-options.js'

export interface ServeFlags { port?: string, host?: string }

/** --port and --host of the dashboard (disco serve, disco start --serve). */
export function serveFlags (cmd: Command): Command {
  return cmd
    .option('--port <n>', 'the dashboard\'s port (default 8370; 0 picks a free one)')
    .option('--host <address>', 'the address the dashboard listens on (default 127.0.0.1, this machine only; 0.0.0.0 to open it from a phone on your network)')
}

export function dashboardOptions (o: ServeFlags): DashboardOptions {
  const out: DashboardOptions = {}
  if (o.port !== undefined) {
    if (!/^\d{1,5}$/.test(o.port) || Number(o.port) > 65535) throw DiscoError.invalidArgument(`--port must be a port number from 0 to 65535, not "${o.port}"`)
    out.port = Number(o.port)
  }
  if (o.host !== undefined) {
    if (o.host.trim() === '') throw DiscoError.invalidArgument('--host must be an address, e.g. 127.0.0.1 or 0.0.0.0')
    out.host = o.host.trim()
  }
  return out
}

export function register (program: Command): void {
  examples(serveFlags(networkFlags(program.command('serve')
    .description('run the node with its dashboard: a web page of the ledger, balances, distribution and proposals, where you can log work and vote. It prints the link to open (with your login token)')))
    .action(async (o: ServeFlags & { bootstrap?: string, dhtHost?: string }, c: Command) => {
      const serve = dashboardOptions(o)
      const g = globals(c)
      const [{ networkOptions }, { runNode }, { defaultStorage }] = await Promise.all([
        import('../../src/service/network-config.js'),
        import('../../src/service/run.js'),
        import('../../src/node/storage.js')
      ])
      const storage = g.storage ?? defaultStorage()
      const network = await networkOptions(storage, o)
      try {
        await runNode({ storage, network, json: g.json === true, serve })
      } catch (err) {
        if (err instanceof DiscoError && err.code === 'STORE_BUSY') {
          throw new DiscoError('STORE_BUSY', `${err.message}: if it is disco start, stop it and run disco start --serve (or disco serve) instead`, 'state')
        }
        throw err
      }
    }), [
    'disco serve                              # then open the link it prints',
    'disco serve --host 0.0.0.0 --port 8080   # reachable from a phone on your network',
    'disco start --serve                      # the service, with the dashboard'
  ])
}
