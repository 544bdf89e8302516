/**
 * P7: an idle `disco start` with one peer connected, on a loopback testnet: its resident memory
 * (VmRSS, sampled once a second) and its CPU use (utime + stime from /proc) over the window, and
 * its cold start (spawn to the "ready" line). Against the raw stack's idle node (bench/idle-raw.ts:
 * corestore + autobase + hyperswarm joined) with one peer, sampled the same way in the same run.
 * Each node is a child process of its own; the peer lives in this process. Linux only (/proc).
 */
import { execFile } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Corestore from 'corestore'
import b4a from 'b4a'
import createTestnet from 'hyperdht/testnet.js'
import type Hyperswarm from 'hyperswarm'
import { joinCooperative } from '../src/invites/join.js'
import { callCommand } from '../src/service/call.js'
import type { DiscoNode } from '../src/node/node.js'
import type { NetworkOptions } from '../src/net/swarm.js'
import { Child, DISCO_BIN, MB, cpuMs, eventLine, rawBase, rawOnline, removeDir, rssBytes, sleep, tempDir } from './fixtures.js'
import { median } from './harness.js'
import type { Scenario } from './harness.js'

const RAW_BIN = fileURLToPath(new URL('./idle-raw.js', import.meta.url))

interface Idle { rssMB: number, rssMaxMB: number, cpuPercent: number }

/** RSS every second and CPU over `seconds`, then SIGTERM */
async function sample (child: Child, seconds: number): Promise<Idle> {
  const rss: number[] = []
  const cpu0 = await cpuMs(child.pid)
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < seconds; i++) {
    await sleep(1000)
    rss.push(await rssBytes(child.pid))
  }
  const cpu = await cpuMs(child.pid) - cpu0
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6
  return { rssMB: median(rss) / MB, rssMaxMB: Math.max(...rss) / MB, cpuPercent: 100 * cpu / wallMs }
}

async function discoIdle (dir: string, network: NetworkOptions, bootstrap: string, seconds: number, flags: string[]): Promise<Idle & { readyMs: number }> {
  const storage = path.join(dir, 'ana')
  const env = { ...process.env }
  delete env.NODE_OPTIONS
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, [DISCO_BIN, '--storage', storage, 'init', '--name', 'Bench', '--me', 'Ana', '--json'], { env }, err => { if (err !== null) reject(err); else resolve() })
  })
  const child = new Child([DISCO_BIN, '--storage', storage, 'start', '--bootstrap', bootstrap, '--dht-host', '127.0.0.1', '--json'], flags)
  let peer: DiscoNode | null = null
  try {
    const ready = await child.line('disco start to be ready', eventLine('ready'))
    await child.line('disco start to join', eventLine('joined'))
    const { code } = await callCommand(storage, 'invite', { role: 'contributor' })
    peer = await joinCooperative({ storage: path.join(dir, 'bo'), code, network, me: 'Bo', timeoutMs: 60_000 })
    // settled: the peer's admission and profile applied and acknowledged before the window
    await sleep(2000)
    return { ...await sample(child, seconds), readyMs: ready.ms }
  } finally {
    await peer?.close()
    await child.stop()
  }
}

async function rawIdle (dir: string, network: NetworkOptions, bootstrap: string, seconds: number, flags: string[]): Promise<Idle & { readyMs: number }> {
  const child = new Child([RAW_BIN, path.join(dir, 'raw'), bootstrap], flags)
  const store = new Corestore(path.join(dir, 'raw-peer'))
  let swarm: Hyperswarm | null = null
  try {
    const opened = await child.line('the raw node to open', line => line.startsWith('opened '))
    await child.line('the raw node to join', line => line === 'joined')
    const [key, encryptionKey] = opened.line.slice('opened '.length).split(' ').map(h => b4a.from(h, 'hex'))
    const peer = rawBase(store, key ?? null, encryptionKey !== undefined ? { encryptionKey } : {})
    await peer.ready()
    swarm = await rawOnline(peer, network.bootstrap ?? [])
    while (swarm.connections.size === 0) await sleep(100)
    await sleep(2000)
    return { ...await sample(child, seconds), readyMs: opened.ms }
  } finally {
    await swarm?.destroy()
    await store.close()
    await child.stop()
  }
}

export const scenario: Scenario = {
  id: 'P7',
  title: 'an idle `disco start` with one peer',
  baseline: 'corestore + autobase + hyperswarm joined, one peer (bench/idle-raw.ts)',
  async run (opts) {
    const seconds = opts.quick ? 10 : 60
    const dir = await tempDir('p7')
    const testnet = await createTestnet(3, { host: '127.0.0.1' })
    const bootstrap = testnet.bootstrap.map(b => `${b.host}:${b.port}`).join(',')
    const network: NetworkOptions = { bootstrap: testnet.bootstrap, host: '127.0.0.1' }
    try {
      const disco = await discoIdle(dir, network, bootstrap, seconds, opts.childFlags)
      opts.say(`  P7 disco: ${disco.rssMB.toFixed(1)} MB, ${disco.cpuPercent.toFixed(2)}% CPU, ready in ${Math.round(disco.readyMs)} ms`)
      const raw = await rawIdle(dir, network, bootstrap, seconds, opts.childFlags)
      opts.say(`  P7 raw: ${raw.rssMB.toFixed(1)} MB, ${raw.cpuPercent.toFixed(2)}% CPU, opened in ${Math.round(raw.readyMs)} ms`)
      return [
        { metric: `idle RSS (median over ${seconds} s)`, unit: 'MB', disco: disco.rssMB, baseline: raw.rssMB, target: { atMost: 80 }, detail: { discoMaxMB: disco.rssMaxMB, rawMaxMB: raw.rssMaxMB } },
        { metric: `idle CPU (over ${seconds} s)`, unit: '%', disco: disco.cpuPercent, baseline: raw.cpuPercent, target: { atMost: 1 } },
        { metric: 'cold start, spawn to ready', unit: 'ms', disco: disco.readyMs, baseline: raw.readyMs, target: { atMost: 500 } }
      ]
    } finally {
      await testnet.destroy()
      await removeDir(dir)
    }
  }
}
