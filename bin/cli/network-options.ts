import type { Command } from 'commander'
import type { NetworkOptions } from '../../src/net/swarm.js'

/** The options of commands that go on the network: which DHT, and the address to bind. */
export interface NetworkFlags {
  bootstrap?: string
  dhtHost?: string
}

export function networkFlags (cmd: Command): Command {
  return cmd
    .option('--bootstrap <host:port,...>', 'DHT bootstrap nodes of a private network (default: the public HyperDHT)')
    .option('--dht-host <address>', 'the address the DHT binds to (127.0.0.1 for a loopback testnet)')
}

export async function networkOptions (flags: NetworkFlags): Promise<NetworkOptions> {
  const { parseBootstrap } = await import('../../src/net/bootstrap.js')
  return {
    ...(flags.bootstrap !== undefined ? { bootstrap: parseBootstrap(flags.bootstrap) } : {}),
    ...(flags.dhtHost !== undefined ? { host: flags.dhtHost } : {})
  }
}
