/**
 * Time to converge after a reconnect: three writers each append 50 ops while offline (one op an
 * append), then come back online; measured for disco and for raw autobase with a trivial apply, in
 * the same run, on the same loopback testnet. The ratio is the figure; absolute times vary.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import Autobase from 'autobase'
import Corestore from 'corestore'
import Hyperswarm from 'hyperswarm'
import HyperDHT from 'hyperdht'
import b4a from 'b4a'
import createTestnet from 'hyperdht/testnet.js'
import type Hypercore from 'hypercore'
import type { BootstrapNode } from 'hyperdht'
import { DiscoNode } from '../src/node.js'
import { joinCooperative } from '../src/join.js'
import { invite } from '../src/commands/invite.js'
import { converge } from '../src/converge.js'
import type { NetworkOptions } from '../src/net/swarm.js'

const OPS = 50

async function discoReconnect (dir: string, network: NetworkOptions): Promise<number> {
  const ana = await DiscoNode.create({ storage: path.join(dir, 'ana'), coopName: 'Bench', memberName: 'Ana', network, ackInterval: 100 })
  await ana.joined()
  const bo = await joinCooperative({ storage: path.join(dir, 'bo'), code: (await invite(ana, { role: 'contributor' })).code, network, me: 'Bo' })
  const cy = await joinCooperative({ storage: path.join(dir, 'cy'), code: (await invite(ana, { role: 'contributor' })).code, network, me: 'Cy' })
  await converge([ana, bo, cy], 60_000)
  await Promise.all([bo.close(), cy.close()])
  const offline = await Promise.all([bo, cy].map(async n => await DiscoNode.open({ storage: n.storage })))
  const op = (minutes: number) => ({ type: 'contribution' as const, stream: 'love' as const, minutes, day: 20760, description: 'offline work', project: '', tags: [], client: '', commons: '', careFor: null, money: null, key: '' })
  for (let i = 0; i < OPS; i++) {
    await ana.append([op(1 + i)])
    for (const n of offline) await n.append([op(1 + i)])
  }
  await Promise.all(offline.map(async n => await n.close()))
  const start = process.hrtime.bigint()
  const back = await Promise.all([bo, cy].map(async n => await DiscoNode.open({ storage: n.storage, network, ackInterval: 100 })))
  await converge([ana, ...back], 120_000)
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  await Promise.all([ana, ...back].map(async n => await n.close()))
  return ms
}

/** The same scenario on the raw stack: autobase whose apply appends each value to a view core. */
async function rawReconnect (dir: string, bootstrap: BootstrapNode[]): Promise<number> {
  const open = (name: string, key: Buffer | null): { store: Corestore, base: Autobase<Hypercore> } => {
    const store = new Corestore(path.join(dir, name))
    const base = new Autobase<Hypercore>(store, key, {
      valueEncoding: 'binary',
      ackInterval: 100,
      open: s => s.get('view'),
      apply: async (nodes, view, host) => {
        for (const n of nodes) {
          if (n.value.byteLength === 33 && n.value[0] === 0xff) await host.addWriter(n.value.subarray(1), { indexer: false })
          else await view.append(n.value)
        }
      }
    })
    return { store, base }
  }
  const online = async (base: Autobase<Hypercore>): Promise<Hyperswarm> => {
    const swarm = new Hyperswarm({ dht: new HyperDHT({ bootstrap, host: '127.0.0.1' }) })
    swarm.on('connection', conn => { conn.on('error', () => {}); base.replicate(conn) })
    const d = swarm.join(base.discoveryKey)
    await d.flushed()
    await d.refresh()
    await swarm.flush()
    return swarm
  }
  const a = open('raw-a', null)
  await a.base.ready()
  const others = [open('raw-b', a.base.key), open('raw-c', a.base.key)]
  for (const o of others) {
    await o.base.ready()
    await a.base.append(b4a.concat([b4a.from([0xff]), o.base.local.key]))
  }
  const swarms = [await online(a.base), ...await Promise.all(others.map(async o => await online(o.base)))]
  const bases = [a.base, ...others.map(o => o.base)]
  const synced = async (): Promise<void> => {
    for (;;) {
      await Promise.all(bases.map(async b => await b.update()))
      const views = bases.map(b => `${b.length}/${b.signedLength}/${b.view.length}`)
      if (new Set(views).size === 1 && bases.every(b => b.writable) && bases[0]?.signedLength === bases[0]?.length) return
      await Promise.race([...bases.map(async b => await new Promise(resolve => b.once('update', resolve))), new Promise(resolve => setTimeout(resolve, 500))])
    }
  }
  await synced()
  await Promise.all(swarms.slice(1).map(async s => await s.destroy()))
  for (let i = 0; i < OPS; i++) for (const b of bases) await b.append(b4a.alloc(60, i))
  const start = process.hrtime.bigint()
  const back = await Promise.all(others.map(async o => await online(o.base)))
  await synced()
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  await Promise.all([swarms[0], ...back].map(async s => await s?.destroy()))
  for (const b of bases) await b.close()
  return ms
}

export async function reconnectBench (): Promise<{ discoMs: number, rawMs: number, ratio: number }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'disco-bench-net-'))
  const testnet = await createTestnet(3, { host: '127.0.0.1' })
  try {
    const rawMs = await rawReconnect(dir, testnet.bootstrap)
    const discoMs = await discoReconnect(dir, { bootstrap: testnet.bootstrap, host: '127.0.0.1' })
    return { discoMs: Math.round(discoMs), rawMs: Math.round(rawMs), ratio: Number((discoMs / rawMs).toFixed(2)) }
  } finally {
    await testnet.destroy()
    await fs.rm(dir, { recursive: true, force: true })
  }
}
