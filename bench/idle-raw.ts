/**
 * The raw stack's idle node, for bench/p7-idle.ts to sample: a Corestore, an encrypted Autobase
 * with a hyperbee view and a trivial apply (fixtures.ts, rawBase), and a Hyperswarm joined on its discovery key on a loopback
 * DHT, set up the way disco's own Network does it. Prints "opened <key hex> <encryption key hex>" once the base is
 * ready and "joined" once announced, then idles until SIGTERM or SIGINT, when it closes
 * everything and exits 0.
 *
 *   node dist/bench/idle-raw.js <storage> <host:port,…>
 */
import Corestore from 'corestore'
import b4a from 'b4a'
import { rawBase, rawOnline } from './fixtures.js'

const [storage, bootstrapText] = process.argv.slice(2)
if (storage === undefined || bootstrapText === undefined) {
  process.stderr.write('usage: idle-raw.js <storage> <host:port,…>\n')
  process.exit(2)
}
const bootstrap = bootstrapText.split(',').map(peer => {
  const [host, port] = peer.split(':')
  return { host: host ?? '127.0.0.1', port: Number(port) }
})

const store = new Corestore(storage)
const base = rawBase(store, null)
await base.ready()
process.stdout.write(`opened ${b4a.toString(base.key, 'hex')} ${b4a.toString(base.encryptionKey as Uint8Array, 'hex')}\n`)
const swarm = await rawOnline(base, bootstrap)
process.stdout.write('joined\n')

let stopping = false
const stop = (): void => {
  if (stopping) return
  stopping = true
  void (async () => {
    await swarm.destroy()
    await base.close()
    await store.close()
    process.exit(0)
  })()
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
