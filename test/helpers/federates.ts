import Corestore from 'corestore'
import Hyperswarm from 'hyperswarm'
import HyperDHT from 'hyperdht'
import type { Test } from 'tap'
import type { Duplex } from 'node:stream'
import type { NetworkOptions } from '../../src/net/swarm.js'
import type { DiscoNode } from '../../src/node/node.js'
import { folder } from './cluster.js'

/** Run federation rounds (what a running node does every few seconds) until `check` holds. */
export async function federationUntil (nodes: DiscoNode[], what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    await Promise.all(nodes.map(async n => await n.federation.round()))
    if (await check()) return
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, 100))
  }
}

/**
 * A "cooperative" that is only a signed hypercore under a key pair, served on the testnet: a test
 * can make it cut and rewrite its signed past (or serve another history under the same key pair
 * after `close`), which a real node never does.
 */
export async function signedCore (t: Test, network: NetworkOptions, name: string, keyPair: { publicKey: Uint8Array, secretKey: Uint8Array }, blocks: string[]) {
  const store = new Corestore(folder(t, name))
  const core = store.get({ keyPair })
  await core.ready()
  await core.append(blocks.map(b => Buffer.from(b)))
  const swarm = new Hyperswarm({ dht: new HyperDHT({ bootstrap: network.bootstrap, host: '127.0.0.1', firewalled: false }) })
  swarm.on('connection', (conn: Duplex) => { conn.on('error', () => {}); store.replicate(conn) })
  await swarm.join(core.discoveryKey, { client: true, server: true }).flushed()
  const close = async (): Promise<void> => { await swarm.destroy(); await core.close(); await store.close() }
  let closed = false
  t.teardown(async () => { if (!closed) await close() })
  return { core, close: async () => { closed = true; await close() } }
}
