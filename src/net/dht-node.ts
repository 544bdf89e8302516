import dgram from 'node:dgram'
import HyperDHT from 'hyperdht'
import { DiscoError } from '../errors.js'

/** A DHT bootstrap node (hyperdht's own `bootstrapper`): what the nodes of a network without the
 * public DHT, such as an offline LAN, start from. */
export async function runBootstrapNode (opts: { host: string, port: number }): Promise<{ port: number, close: () => Promise<void> }> {
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(opts.host) || opts.host === '0.0.0.0') {
    throw DiscoError.invalidArgument(`--host must be this machine's IPv4 address on the network (e.g. 192.168.1.10), not "${opts.host}"`)
  }
  await portFree(opts.host, opts.port)
  const dht = HyperDHT.bootstrapper(opts.port, opts.host)
  await dht.fullyBootstrapped()
  return { port: dht.address().port, close: async () => { await dht.destroy() } }
}

/**
 * Refuse a port or address the DHT could not bind, before making it: a DHT whose bind failed can
 * neither run nor be destroyed (hyperdht 6 throws from its close, uncaught, and its timers keep
 * the process alive), so the member would see a stack trace and a command that never returns.
 */
async function portFree (host: string, port: number): Promise<void> {
  const socket = dgram.createSocket('udp4')
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject)
      socket.bind(port, host, () => resolve())
    })
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') throw DiscoError.invalidArgument(`UDP port ${port} on ${host} is in use by another program: choose another with --port`)
    if (code === 'EADDRNOTAVAIL') throw DiscoError.invalidArgument(`${host} is not an address of this machine: give its IPv4 address on the network with --host`)
    if (code === 'EACCES') throw DiscoError.invalidArgument(`UDP port ${port} needs more rights than this user has: choose a port above 1023 with --port`)
    throw err
  } finally {
    await new Promise<void>(resolve => { try { socket.close(() => resolve()) } catch { resolve() } })
  }
}
