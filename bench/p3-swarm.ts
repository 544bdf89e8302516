/**
 * P3: three nodes on a loopback swarm (a HyperDHT testnet bound to 127.0.0.1) each write 1,000 ops
 * (ten appends of 100, all three at once), until every node holds the same signed view; against
 * the same with raw autobase set up alike: one indexer, two writers. The three
 * nodes share this process, so the RSS figure is the process's peak divided by three.
 * The raw side does the same work (fixtures.ts, rawBase): encrypted, each append one frame of 100
 * ops as disco packs them, one record-sized put an op, the same ack interval. Repetitions of the
 * two sides take turns.
 */
import path from 'node:path'
import Corestore from 'corestore'
import type Hyperswarm from 'hyperswarm'
import b4a from 'b4a'
import createTestnet from 'hyperdht/testnet.js'
import type Autobase from 'autobase'
import type Hyperbee from 'hyperbee'
import type { BootstrapNode } from 'hyperdht'
import { DiscoNode } from '../src/node/node.js'
import { joinCooperative } from '../src/invites/join.js'
import { invite } from '../src/commands/invite.js'
import { converge } from '../src/demo/converge.js'
import type { NetworkOptions } from '../src/net/swarm.js'
import { MB, contributions, frameOf, peakRss, rawAdmission, rawBase, rawOnline, removeDir, tempDir } from './fixtures.js'
import { interleave, timed } from './harness.js'
import type { Scenario } from './harness.js'

const CHUNK = 100
const TIMEOUT_MS = 300_000

export async function discoRun (dir: string, network: NetworkOptions, ops: number): Promise<{ ms: number, peakMB: number }> {
  const ana = await DiscoNode.create({ storage: path.join(dir, 'ana'), coopName: 'Bench', memberName: 'Ana', network, ackInterval: 100 })
  const nodes = [ana]
  try {
    await ana.joined()
    for (const me of ['Bo', 'Cy']) {
      nodes.push(await joinCooperative({ storage: path.join(dir, me), code: (await invite(ana, { role: 'contributor' })).code, network, me, timeoutMs: 60_000 }))
    }
    await converge(nodes, 60_000)
    const rss = peakRss()
    const { ms } = await timed(async () => {
      await Promise.all(nodes.map(async (n, k) => {
        for (let i = 0; i < ops; i += CHUNK) await n.append(contributions(k * ops + i, Math.min(CHUNK, ops - i)))
      }))
      await converge(nodes, TIMEOUT_MS)
    })
    return { ms, peakMB: rss.stop() / MB }
  } finally {
    await Promise.all(nodes.map(async n => await n.close()))
  }
}

/** every base holds the same view, all of it signed */
async function rawSynced (bases: Array<Autobase<Hyperbee>>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    await Promise.all(bases.map(async b => await b.update()))
    const views = bases.map(b => `${b.view.core.length}/${b.view.core.signedLength}/${b4a.toString(b.view.core.key, 'hex')}`)
    if (new Set(views).size === 1 && bases.every(b => b.writable && b.view.core.signedLength === b.view.core.length)) return
    if (Date.now() > deadline) throw new Error(`the raw nodes did not converge: ${views.join(' | ')}`)
    await Promise.race([...bases.map(async b => await new Promise(resolve => b.once('update', resolve))), new Promise(resolve => setTimeout(resolve, 500))])
  }
}

export async function rawRun (dir: string, bootstrap: BootstrapNode[], ops: number): Promise<number> {
  const a = rawBase(new Corestore(path.join(dir, 'raw-a')), null, { ackInterval: 100 })
  await a.ready()
  const encryptionKey = a.encryptionKey as Uint8Array
  const others = ['raw-b', 'raw-c'].map(name => rawBase(new Corestore(path.join(dir, name)), a.key, { ackInterval: 100, encryptionKey }))
  const bases = [a, ...others]
  const swarms: Hyperswarm[] = []
  try {
    for (const o of others) {
      await o.ready()
      await a.append(rawAdmission(o.local.key))
    }
    for (const b of bases) swarms.push(await rawOnline(b, bootstrap))
    await rawSynced(bases, 60_000)
    const { ms } = await timed(async () => {
      await Promise.all(bases.map(async (b, k) => {
        for (let i = 0; i < ops; i += CHUNK) await b.append(frameOf(contributions(k * ops + i, Math.min(CHUNK, ops - i))))
      }))
      await rawSynced(bases, TIMEOUT_MS)
    })
    return ms
  } finally {
    await Promise.all(swarms.map(async s => await s.destroy()))
    for (const b of bases) await b.close()
  }
}

export const scenario: Scenario = {
  id: 'P3',
  title: '3 nodes on a loopback swarm write at once, until all signed and equal',
  baseline: 'encrypted autobase, 3 nodes set up alike on the same testnet, the same packed frames, one record-sized put an op',
  async run (opts) {
    const ops = opts.quick ? 200 : 1000
    const reps = opts.quick ? 1 : 3
    const peaks: number[] = []
    const each = async <T>(fn: (dir: string, network: NetworkOptions) => Promise<T>): Promise<T> => {
      const dir = await tempDir('p3')
      const testnet = await createTestnet(3, { host: '127.0.0.1' })
      try {
        return await fn(dir, { bootstrap: testnet.bootstrap, host: '127.0.0.1' })
      } finally {
        await testnet.destroy()
        await removeDir(dir)
      }
    }
    const { disco, raw } = await interleave(reps, {
      disco: async i => await each(async (dir, network) => {
        const r = await discoRun(dir, network, ops)
        peaks.push(r.peakMB)
        opts.say(`  P3 disco ${i + 1}/${reps}: ${Math.round(r.ms)} ms, process peak ${Math.round(r.peakMB)} MB`)
        return r.ms
      }),
      raw: async i => await each(async (dir, network) => {
        const ms = await rawRun(dir, network.bootstrap ?? [], ops)
        opts.say(`  P3 raw ${i + 1}/${reps}: ${Math.round(ms)} ms`)
        return ms
      })
    })
    return [{
      metric: `3×${ops.toLocaleString('en')} ops until converged`,
      unit: 'ms',
      disco: disco.median,
      baseline: raw.median,
      target: { ratioAtMost: 1.2 },
      detail: { opsPerNode: ops, discoRuns: disco.runs, rawRuns: raw.runs }
    }, {
      metric: 'RSS a node (process peak / 3)',
      unit: 'MB',
      disco: Math.max(...peaks) / 3,
      baseline: null,
      target: { atMost: 250 },
      detail: { processPeakMB: peaks.map(Math.round) }
    }]
  }
}
