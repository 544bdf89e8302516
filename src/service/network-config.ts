import net from 'node:net'
import { DiscoError } from '../errors.js'
import { parseBootstrap } from '../net/bootstrap.js'
import type { NetworkOptions } from '../net/swarm.js'
import { readConfig } from '../node/storage.js'

export interface NetworkFlags {
  /** `host:port[,…]` from --bootstrap */
  bootstrap?: string
  /** the address the DHT binds to, from --dht-host */
  dhtHost?: string
}

/**
 * The network a node of this storage folder joins: --bootstrap when given, else the folder's
 * config.json "bootstrap", else the public HyperDHT; --dht-host picks the bind address
 * (127.0.0.1 on a loopback testnet).
 */
export async function networkOptions (storage: string, flags: NetworkFlags): Promise<NetworkOptions> {
  // the flags first: a typo in them is the caller's to fix (exit 2), whatever the folder holds
  const out = networkFromFlags(flags)
  const config = await readConfig(storage)
  if (out.bootstrap === undefined && config.bootstrap !== undefined) out.bootstrap = parseBootstrap(config.bootstrap)
  return out
}

/** The network the flags alone name: for `disco join`, whose folder has no config yet. */
export function networkFromFlags (flags: NetworkFlags): NetworkOptions {
  const out: NetworkOptions = {}
  if (flags.bootstrap !== undefined) out.bootstrap = parseBootstrap(flags.bootstrap)
  if (flags.dhtHost !== undefined) out.host = parseHost(flags.dhtHost)
  return out
}

export function parseHost (text: string): string {
  const host = text.trim()
  if (net.isIP(host) === 0 && !/^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(host)) {
    throw DiscoError.invalidArgument(`--dht-host "${text}" is not an address to bind to (e.g. 127.0.0.1 or 0.0.0.0)`)
  }
  return host
}
