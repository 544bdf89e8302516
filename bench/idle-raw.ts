/**
 * The raw stack's idle node, for bench/idle.ts to sample: a Corestore, an Autobase with a trivial
 * apply (each block appended to a view core) and a Hyperswarm joined on its discovery key on a
 * loopback DHT, set up the way disco's own Network does it. Prints "ready" once joined, then idles
 * until SIGTERM or SIGINT, when it closes everything and exits 0.
 *
 *   node dist/bench/idle-raw.js <storage> <host:port,…>
 */
import Autobase from 'autobase'
import Corestore from 'corestore'
import Hyperswarm from 'hyperswarm'
import HyperDHT from 'hyperdht'
import type Hypercore from 'hypercore'

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
const base = new Autobase<Hypercore>(store, null, {
  valueEncoding: 'binary',
  open: s => s.get('view'),
  apply: async (nodes, view) => { for (const n of nodes) await view.append(n.value) }
})
await base.ready()
// as src/net/swarm.ts: bound to loopback, and told it is not behind a NAT there
const swarm = new Hyperswarm({ dht: new HyperDHT({ bootstrap, host: '127.0.0.1', firewalled: false }) })
swarm.on('connection', conn => { conn.on('error', () => {}); base.replicate(conn) })
const discovery = swarm.join(base.discoveryKey, { client: true, server: true })
await discovery.flushed()
await discovery.refresh({ client: true, server: true })
await swarm.flush()
process.stdout.write('ready\n')

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
