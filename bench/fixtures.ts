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
import type { ContributionOp, Op } from '../src/ledger/ops.js'

/** the `disco` binary as users run it: the bundle (build/bundle-cli.mjs), from dist/bench/ */
export const DISCO_BIN = fileURLToPath(new URL('../cli/disco.js', import.meta.url))

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

/** `count` ops as frames of `perBlock`, as disco packs them. */
export function packedBlocks (count: number, perBlock = 1000): Uint8Array[] {
  const out: Uint8Array[] = []
  for (let i = 0; i < count; i += perBlock) out.push(frameOf(contributions(i, Math.min(perBlock, count - i))))
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

/**
 * The raw stack doing the work disco's node does, with none of disco's rules: the fair baseline of
 * every scenario. An encrypted autobase (as every ledger is) with a hyperbee view; its blocks are
 * frames of disco's codec, packed as disco packs them (`packedBlocks`, `frameOf`); apply decodes each
 * frame and puts, in one hyperbee batch, one key an op whose value is the op as JSON (`recordOf`: the
 * size of disco's entry record) under its work date, and one key a block (disco's `block/` record).
 * No validation, no digest, no ledger clock, no governance. A 33-byte block 0xff + key admits a
 * writer, 0xfe + key an indexer (disco's admissions and `indexers` proposals).
 */
export function rawBase (store: Corestore, key: Uint8Array | null, opts: { ackInterval?: number, encryptionKey?: Uint8Array } = {}): Autobase<Hyperbee> {
  return new Autobase<Hyperbee>(store, key, {
    valueEncoding: 'binary',
    encrypt: true,
    ...(opts.encryptionKey !== undefined ? { encryptionKey: opts.encryptionKey } : {}),
    ackInterval: opts.ackInterval ?? 1000,
    open: s => new Hyperbee(s.get('view'), { keyEncoding: 'utf-8', valueEncoding: 'binary', extension: false }),
    apply: async (nodes, view, host) => {
      const batch = view.batch({ update: false })
      for (const n of nodes) {
        const v = n.value
        if (v.byteLength === 33 && (v[0] === ADMIT_WRITER || v[0] === ADMIT_INDEXER)) {
          await host.addWriter(v.subarray(1), { indexer: v[0] === ADMIT_INDEXER })
          continue
        }
        let ops: Op[]
        try { ops = decodeFrame(v).ops } catch { continue }
        const id = `${b4a.toString(n.from.key, 'hex')}-${n.length - 1}`
        for (let i = 0; i < ops.length; i++) {
          const op = ops[i] as Op
          const day = 'day' in op ? String(op.day) : 'none'
          await batch.put(`entry/${day}/${id}-${i}`, recordOf(op))
        }
        await batch.put(`block/${id}`, b4a.from(String(ops.length)))
      }
      await batch.flush()
    },
    close: async view => { await view.close() }
  })
}

/** An op as JSON without its empty fields: about the size of disco's entry record (150-190 bytes). */
export function recordOf (op: Op): Uint8Array {
  return b4a.from(JSON.stringify(op, (_k, v: unknown) => v === '' || v === null ? undefined : v))
}

/** the first byte of a raw admission block (0xff/0xfe + a 32-byte key): a writer, an indexer */
export const ADMIT_WRITER = 0xff
export const ADMIT_INDEXER = 0xfe

/** A raw admission block for `rawBase`. */
export function rawAdmission (key: Uint8Array, indexer = false): Uint8Array {
  return b4a.concat([b4a.from([indexer ? ADMIT_INDEXER : ADMIT_WRITER]), key])
}

/** One frame of `ops`, as disco's node writes it (the raw side's block for the same work). */
export function frameOf (ops: Op[]): Uint8Array {
  return encodeFrame({ version: PROTOCOL_VERSION, time: 1_790_000_000_000, ops })
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
