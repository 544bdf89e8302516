/**
 * What the scenarios share: ops to write, ledgers of n ops, the raw stack's autobase, folder sizes,
 * child processes and what /proc says about them.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs/promises'
import fsSync from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Autobase from 'autobase'
import Corestore from 'corestore'
import Hyperbee from 'hyperbee'
import Hyperswarm from 'hyperswarm'
import HyperDHT from 'hyperdht'
import b4a from 'b4a'
import type { BootstrapNode } from 'hyperdht'
import { DiscoNode } from '../src/node/node.js'
import { decodeFrame, encodeFrame } from '../src/ledger/codec.js'
import { PROTOCOL_VERSION } from '../src/ledger/ops.js'
import type { ContributionOp } from '../src/ledger/ops.js'

export const DISCO_BIN = fileURLToPath(new URL('../bin/disco.js', import.meta.url))

export async function tempDir (name: string): Promise<string> {
  return await fs.mkdtemp(path.join(os.tmpdir(), `disco-bench-${name}-`))
}

export async function removeDir (dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true })
}

/** A month of varied contributions: 2026-10, three streams, seven projects, two tags. */
export function contribution (i: number): ContributionOp {
  const stream = (['love', 'care', 'livelihood'] as const)[i % 3]!
  return {
    type: 'contribution',
    stream,
    minutes: 15 + (i % 240),
    day: 20727 + (i % 28), // 2026-10-01 …: a month that is over, so that it can be distributed
    description: `task number ${i} for the commons`,
    project: `project-${i % 7}`,
    tags: ['docs', 'translation'],
    client: '',
    commons: '',
    careFor: stream === 'care' ? 'collective' : null,
    money: null,
    output: null,
    key: ''
  }
}

export function contributions (from: number, count: number): ContributionOp[] {
  return Array.from({ length: count }, (_, k) => contribution(from + k))
}

/** The bytes of one op as disco writes it alone in a frame: what the raw baselines append. */
export function opBytes (i: number): Uint8Array {
  return encodeFrame({ version: PROTOCOL_VERSION, time: 1_790_000_000_000, ops: [contribution(i)] })
}

/** `count` ops as frames of `perBlock`, as disco packs them. */
export function packedBlocks (count: number, perBlock = 1000): Uint8Array[] {
  const out: Uint8Array[] = []
  for (let i = 0; i < count; i += perBlock) out.push(encodeFrame({ version: PROTOCOL_VERSION, time: 1_790_000_000_000, ops: contributions(i, Math.min(perBlock, count - i)) }))
  return out
}

/** Append `count` ops to a node in appends of `chunk`, then wait until they are applied. */
export async function appendOps (node: DiscoNode, count: number, chunk = 1000, from = 0): Promise<void> {
  for (let i = 0; i < count; i += chunk) await node.append(contributions(from + i, Math.min(chunk, count - i)))
  await node.base.update()
}

/** A new ledger in `storage` (founded by one member) holding `count` contributions, appended
 * `chunk` at a time (each append is one autobase tick: a block of the system core), closed. */
export async function buildLedger (storage: string, count: number, chunk = 1000): Promise<{ ms: number }> {
  const node = await DiscoNode.create({ storage, coopName: 'Bench', memberName: 'Ana' })
  const start = process.hrtime.bigint()
  try {
    await appendOps(node, count, chunk)
  } finally {
    await node.close()
  }
  return { ms: Number(process.hrtime.bigint() - start) / 1e6 }
}

const ledgers = new Map<number, Promise<{ storage: string, ms: number }>>()

/** A closed ledger of `count` contributions, built once per run and shared by the scenarios that
 * read one (P4, P5, P8); removed when the process exits. */
export async function sharedLedger (count: number): Promise<{ storage: string, ms: number }> {
  let made = ledgers.get(count)
  if (made === undefined) {
    made = (async () => {
      const dir = await tempDir(`ledger-${count}`)
      process.once('exit', () => fsSync.rmSync(dir, { recursive: true, force: true }))
      const storage = path.join(dir, 'ana')
      return { storage, ...await buildLedger(storage, count) }
    })()
    ledgers.set(count, made)
  }
  return await made
}

/** The raw stack the ledger is built on: autobase, a hyperbee view, and an apply that puts each
 * block under one key (its writer and seq): one put an op, no decoding, no checks. */
export function rawBase (store: Corestore, key: Uint8Array | null, opts: { ackInterval?: number } = {}): Autobase<Hyperbee> {
  // a writer admission (0xff + key) adds a non-indexer, as a disco invite does: one device signs
  return new Autobase<Hyperbee>(store, key, {
    valueEncoding: 'binary',
    ackInterval: opts.ackInterval ?? 1000,
    open: s => new Hyperbee(s.get('view'), { keyEncoding: 'utf-8', valueEncoding: 'binary', extension: false }),
    apply: async (nodes, view, host) => {
      const batch = view.batch({ update: false })
      for (const n of nodes) {
        if (n.value.byteLength === 33 && n.value[0] === 0xff) await host.addWriter(n.value.subarray(1), { indexer: false })
        else await batch.put(`${b4a.toString(n.from.key, 'hex')}/${n.length - 1}`, n.value)
      }
      await batch.flush()
    },
    close: async view => { await view.close() }
  })
}

/** Join a raw base's swarm on a loopback DHT, replicating every connection (as src/net/swarm.ts does). */
export async function rawOnline (base: Autobase<Hyperbee>, bootstrap: BootstrapNode[]): Promise<Hyperswarm> {
  const swarm = new Hyperswarm({ dht: new HyperDHT({ bootstrap, host: '127.0.0.1', firewalled: false }) })
  swarm.on('connection', conn => { conn.on('error', () => {}); base.replicate(conn) })
  const d = swarm.join(base.discoveryKey, { client: true, server: true })
  await d.flushed()
  await d.refresh({ client: true, server: true })
  await swarm.flush()
  return swarm
}

/** the view keys a contribution writes: its entry's record, keyed by date (src/consensus/view-layout.ts);
 * its block adds one more, for all the entries it logged */
export const DISCO_KEYS_PER_OP = 1

/** "1 key", "2 keys": for the scenarios' labels */
export const DISCO_KEYS_LABEL = `${DISCO_KEYS_PER_OP} key${DISCO_KEYS_PER_OP === 1 ? '' : 's'}`

/**
 * The raw stack writing as many view keys an op as disco does: blocks are frames of many ops
 * (disco's codec), and apply puts `keysPerOp` keys of 64 bytes for each op in one hyperbee batch.
 * What the stack allows at that many keys, with none of disco's checks, JSON or digest.
 */
export function rawKeysBase (store: Corestore, keysPerOp: number): Autobase<Hyperbee> {
  return new Autobase<Hyperbee>(store, null, {
    valueEncoding: 'binary',
    ackInterval: 1000,
    open: s => new Hyperbee(s.get('view'), { keyEncoding: 'utf-8', valueEncoding: 'binary', extension: false }),
    apply: async (nodes, view) => {
      const batch = view.batch({ update: false })
      for (const n of nodes) {
        const ops = decodeFrame(n.value).ops.length
        const value = n.value.subarray(0, 64)
        for (let o = 0; o < ops; o++) for (let k = 0; k < keysPerOp; k++) await batch.put(`${k}/${String(n.length).padStart(9, '0')}/${o}`, value)
      }
      await batch.flush()
    },
    close: async view => { await view.close() }
  })
}

/** Bytes a folder takes on disk (allocated blocks, as du counts them). */
export async function diskBytes (dir: string): Promise<number> {
  let total = 0
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    if (entry.isDirectory()) total += await diskBytes(p)
    else if (entry.isFile()) total += (await fs.stat(p)).blocks * 512
  }
  return total
}

export const MB = 2 ** 20

/** Resident memory of a process, from /proc (Linux). */
export async function rssBytes (pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8')
  const m = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)
  if (m === null) throw new Error(`no VmRSS in /proc/${pid}/status`)
  return Number(m[1]) * 1024
}

/** CPU time (user + system) a process has used, in ms, from /proc/<pid>/stat (Linux, 100 ticks/s). */
export async function cpuMs (pid: number): Promise<number> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8')
  // the fields after the command name, which is in parentheses and may hold spaces
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** Samples the peak RSS of this process while it runs. */
export function peakRss (): { stop: () => number } {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss) }, 50)
  return { stop: () => { clearInterval(timer); return Math.max(peak, process.memoryUsage().rss) } }
}

export const sleep = async (ms: number): Promise<void> => await new Promise(resolve => setTimeout(resolve, ms))

/** A node child process (as users run it: no loader from our NODE_OPTIONS) whose stdout lines can be awaited. */
export class Child {
  readonly proc: ChildProcess
  readonly started = process.hrtime.bigint()
  readonly exited: Promise<number | null>
  private readonly lines: Array<{ line: string, ms: number }> = []
  private readonly waiters = new Set<() => void>()
  private stderr = ''

  constructor (args: string[], flags: string[] = []) {
    const env = { ...process.env }
    delete env.NODE_OPTIONS
    this.proc = spawn(process.execPath, [...flags, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let buf = ''
    this.proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buf += chunk
      let nl
      while ((nl = buf.indexOf('\n')) !== -1) {
        this.lines.push({ line: buf.slice(0, nl), ms: Number(process.hrtime.bigint() - this.started) / 1e6 })
        buf = buf.slice(nl + 1)
      }
      for (const w of this.waiters) w()
    })
    this.proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => { this.stderr += chunk })
    this.exited = new Promise(resolve => this.proc.once('exit', code => {
      for (const w of this.waiters) w()
      resolve(code)
    }))
  }

  get pid (): number {
    if (this.proc.pid === undefined) throw new Error('the child has no pid')
    return this.proc.pid
  }

  /** ms from spawn to the first stdout line that matches, and the line */
  async line (what: string, match: (line: string) => boolean, timeoutMs = 30_000): Promise<{ ms: number, line: string }> {
    return await new Promise((resolve, reject) => {
      const check = (): void => {
        const found = this.lines.find(l => match(l.line))
        if (found !== undefined) { done(); resolve(found) } else if (this.proc.exitCode !== null || this.proc.signalCode !== null) {
          done(); reject(new Error(`exited before ${what}: ${this.stderr}`))
        }
      }
      const timer = setTimeout(() => { done(); reject(new Error(`timed out waiting for ${what}: ${this.stderr}`)) }, timeoutMs)
      const done = (): void => { clearTimeout(timer); this.waiters.delete(check) }
      this.waiters.add(check)
      check()
    })
  }

  async stop (): Promise<number | null> {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGTERM')
    const timer = setTimeout(() => this.kill(), 10_000)
    const code = await this.exited
    clearTimeout(timer)
    return code
  }

  kill (): void {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL')
  }
}

/** A `disco start --json` event line of the given type */
export const eventLine = (type: string) => (line: string): boolean => {
  try { return (JSON.parse(line) as { type?: string }).type === type } catch { return false }
}
