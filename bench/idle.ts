/**
 * What an idle node costs: the built `disco start` on a loopback testnet, and the raw stack it is
 * built on (bench/idle-raw.ts: corestore + autobase with a trivial apply + hyperswarm joined), each
 * a child process of its own, sampled the same way — its resident memory (VmRSS in
 * /proc/<pid>/status) once a second for five seconds after it is ready — in the same run. Also
 * disco's cold start: from spawn to its ready line, and to its "joined" line (announced on the
 * swarm; the raw node prints "ready" only once it has joined, so that is the time to compare).
 * Linux only (/proc).
 */
import { execFile, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import createTestnet from 'hyperdht/testnet.js'

const DISCO = fileURLToPath(new URL('../bin/disco.js', import.meta.url))
const RAW = fileURLToPath(new URL('./idle-raw.js', import.meta.url))
export const IDLE_SAMPLES = 5
const SAMPLES = IDLE_SAMPLES
const SAMPLE_EVERY_MS = 1000
const READY_TIMEOUT_MS = 30_000

export interface IdleSample {
  /** from spawn to the "ready" line */
  readyMs: number
  /** every sample, MB */
  rssMB: number[]
  rssMedianMB: number
  rssMaxMB: number
  /** how the process ended after SIGTERM */
  exit: number | null
}

export interface IdleBench {
  samples: number
  disco: IdleSample & { joinedMs: number | null }
  raw: IdleSample
  /** disco's median idle RSS over the raw stack's */
  ratio: number
}

// a child as users run it: no loader from the parent's NODE_OPTIONS
const env = { ...process.env }
delete env.NODE_OPTIONS

const sleep = async (ms: number): Promise<void> => await new Promise(resolve => setTimeout(resolve, ms))
const mb = (kb: number): number => Number((kb / 1024).toFixed(1))

async function rssKb (pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8')
  const m = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)
  if (m === null) throw new Error(`no VmRSS in /proc/${pid}/status`)
  return Number(m[1])
}

function median (xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/** A child whose stdout lines can be waited for. */
class Child {
  readonly proc: ChildProcess
  readonly started = process.hrtime.bigint()
  private readonly lines: Array<{ line: string, ms: number }> = []
  private readonly waiters = new Set<() => void>()
  private stderr = ''
  readonly exited: Promise<number | null>

  constructor (args: string[]) {
    this.proc = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
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

  /** ms from spawn to the first stdout line that matches */
  async line (what: string, match: (line: string) => boolean): Promise<number> {
    return await new Promise((resolve, reject) => {
      const check = (): void => {
        const found = this.lines.find(l => match(l.line))
        if (found !== undefined) { done(); resolve(found.ms) } else if (this.proc.exitCode !== null || this.proc.signalCode !== null) {
          done(); reject(new Error(`exited before ${what}: ${this.stderr}`))
        }
      }
      const timer = setTimeout(() => { done(); reject(new Error(`timed out waiting for ${what}: ${this.stderr}`)) }, READY_TIMEOUT_MS)
      const done = (): void => { clearTimeout(timer); this.waiters.delete(check) }
      this.waiters.add(check)
      check()
    })
  }

  /** the first matching line seen so far, if any */
  seen (match: (line: string) => boolean): number | null {
    return this.lines.find(l => match(l.line))?.ms ?? null
  }

  kill (): void {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL')
  }
}

/** Sample an idle child, then stop it with SIGTERM. */
async function sampleIdle (child: Child, readyMs: number): Promise<IdleSample> {
  const pid = child.proc.pid
  if (pid === undefined) throw new Error('no pid')
  const kb: number[] = []
  for (let i = 0; i < SAMPLES; i++) {
    await sleep(SAMPLE_EVERY_MS)
    kb.push(await rssKb(pid))
  }
  child.proc.kill('SIGTERM')
  const exit = await child.exited
  return {
    readyMs: Math.round(readyMs),
    rssMB: kb.map(mb),
    rssMedianMB: mb(median(kb)),
    rssMaxMB: mb(Math.max(...kb)),
    exit
  }
}

async function initStorage (storage: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, [DISCO, '--storage', storage, 'init', '--name', 'Bench', '--me', 'Ana', '--json'], { env }, (err, _stdout, stderr) => {
      if (err !== null) reject(new Error(`disco init failed: ${stderr}`))
      else resolve()
    })
  })
}

export async function idleBench (): Promise<IdleBench> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'disco-bench-idle-'))
  const testnet = await createTestnet(3, { host: '127.0.0.1' })
  const bootstrap = testnet.bootstrap.map(b => `${b.host}:${b.port}`).join(',')
  const children: Child[] = []
  try {
    const storage = path.join(dir, 'disco')
    await initStorage(storage)
    const disco = new Child([DISCO, '--storage', storage, 'start', '--bootstrap', bootstrap, '--dht-host', '127.0.0.1', '--json'])
    children.push(disco)
    const isType = (type: string) => (line: string): boolean => {
      try { return (JSON.parse(line) as { type?: string }).type === type } catch { return false }
    }
    const discoReady = await disco.line('disco start to be ready', isType('ready'))
    const discoIdle = await sampleIdle(disco, discoReady)
    const joinedMs = disco.seen(isType('joined'))

    const raw = new Child([RAW, path.join(dir, 'raw'), bootstrap])
    children.push(raw)
    const rawReady = await raw.line('the raw node to be ready', line => line === 'ready')
    const rawIdle = await sampleIdle(raw, rawReady)

    return {
      samples: SAMPLES,
      disco: { ...discoIdle, joinedMs: joinedMs === null ? null : Math.round(joinedMs) },
      raw: rawIdle,
      ratio: Number((discoIdle.rssMedianMB / rawIdle.rssMedianMB).toFixed(2))
    }
  } finally {
    for (const c of children) c.kill()
    await Promise.all(children.map(async c => await c.exited))
    await testnet.destroy()
    await fs.rm(dir, { recursive: true, force: true })
  }
}
