import type { Test } from 'tap'
import { execFile, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { NodeEvent } from '../../src/service/run.js'

/**
 * The built `disco` binary run as separate processes, as an operator runs it: one-shot commands,
 * and `disco start --json` in the foreground with its stdout parsed into events. Waits are for
 * conditions (a line on stdout, an exit), never sleeps. Every child is tracked, and killed when the
 * test's teardown calls killAll() or, failing that, when the test process exits.
 */

export const root = fileURLToPath(new URL('../..', import.meta.url))
/** The binary users run: package.json's `bin` (the bundle build/bundle-cli.mjs makes from tsc's output). */
export const bin = path.join(root, (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin: { disco: string } }).bin.disco)
export const WAIT = 20_000

export interface Run { exit: number, stdout: string, stderr: string, ms: number }

export type Event = NodeEvent & { time: string }

const children = new Set<ChildProcess>()
function track (child: ChildProcess): ChildProcess {
  children.add(child)
  child.once('exit', () => children.delete(child))
  return child
}
process.once('exit', () => { for (const c of children) c.kill('SIGKILL') })

/** Kill every disco process the helpers started that is still running, and wait for them to go. */
export async function killAll (): Promise<void> {
  await Promise.all([...children].map(async c => {
    if (c.exitCode !== null || c.signalCode !== null) return
    const gone = new Promise(resolve => c.once('exit', resolve))
    c.kill('SIGKILL')
    await gone
  }))
}

export interface CliOptions {
  /** the environment of every process (HOME, XDG_DATA_HOME…) */
  env: NodeJS.ProcessEnv
  /** where one-shot commands run (default: the project root) */
  cwd?: string
  /** where `disco start` runs (default: cwd) */
  nodeCwd?: string
  /** how long waits for an event or a line last (default WAIT) */
  wait?: number
}

// tap puts its loader into every child's NODE_OPTIONS; `env -u` keeps the binary as users run it
// (env execs node, so the child's pid is node's)
function argv (storage: string, args: string[]): string[] {
  return ['-u', 'NODE_OPTIONS', process.execPath, bin, '--storage', storage, ...args]
}

/** A `disco start --json` process, its parsed stdout events, and a way to wait for one. */
export class NodeProcess extends EventEmitter {
  readonly events: Event[] = []
  readonly proc: ChildProcess
  stderr = ''
  readonly exited: Promise<{ code: number | null, signal: NodeJS.Signals | null }>
  badLines: string[] = []
  private readonly wait: number

  constructor (storage: string, flags: string[], opts: CliOptions) {
    super()
    this.wait = opts.wait ?? WAIT
    this.proc = track(spawn('env', argv(storage, ['start', ...flags, '--json']),
      { cwd: opts.nodeCwd ?? opts.cwd ?? root, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] }))
    let buf = ''
    this.proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buf += chunk
      let nl
      while ((nl = buf.indexOf('\n')) !== -1) {
        const line = buf.slice(0, nl)
        buf = buf.slice(nl + 1)
        try {
          this.events.push(JSON.parse(line) as Event)
        } catch {
          this.badLines.push(line)
        }
        this.emit('event')
      }
    })
    this.proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => { this.stderr += chunk; this.emit('event') })
    this.exited = new Promise(resolve => this.proc.once('exit', (code, signal) => { this.emit('event'); resolve({ code, signal }) }))
  }

  /** Resolves with the first event that matches (seen already or to come); fails on exit or timeout. */
  async waitFor<E extends Event> (what: string, match: (e: Event) => e is E): Promise<E>
  async waitFor (what: string, match: (e: Event) => boolean): Promise<Event>
  async waitFor (what: string, match: (e: Event) => boolean): Promise<Event> {
    return await new Promise((resolve, reject) => {
      const check = (): void => {
        const found = this.events.find(match)
        if (found !== undefined) { done(); resolve(found); return }
        if (this.proc.exitCode !== null || this.proc.signalCode !== null) {
          done()
          reject(new Error(`disco start exited before ${what}: ${this.stderr}`))
        }
      }
      const timer = setTimeout(() => { done(); reject(new Error(`timed out waiting for ${what}: ${JSON.stringify(this.events)} ${this.stderr}`)) }, this.wait)
      const done = (): void => { clearTimeout(timer); this.off('event', check) }
      this.on('event', check)
      check()
    })
  }

  /** Resolves once stderr matches (already or later); fails on exit or timeout. */
  async waitForStderr (re: RegExp): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const check = (): void => {
        if (re.test(this.stderr)) { done(); resolve(); return }
        if (this.proc.exitCode !== null || this.proc.signalCode !== null) {
          done()
          reject(new Error(`disco start exited before its stderr matched ${String(re)}: ${this.stderr}`))
        }
      }
      const timer = setTimeout(() => { done(); reject(new Error(`timed out waiting for ${String(re)} on stderr: ${this.stderr}`)) }, this.wait)
      const done = (): void => { clearTimeout(timer); this.off('event', check) }
      this.on('event', check)
      check()
    })
  }

  async ready (): Promise<Extract<Event, { type: 'ready' }>> {
    return await this.waitFor('the node to be ready', (e): e is Extract<Event, { type: 'ready' }> => e.type === 'ready')
  }
}

export interface SpawnedCli { stderrHas: (re: RegExp) => Promise<void>, done: Promise<Run> }

export interface DiscoCli {
  /** run one command to its end; rejects only if it did not exit normally (killed, timed out) */
  run: (storage: string, args: string[], cwd?: string) => Promise<Run>
  /** run one command with --json, assert exit 0 (and an empty stderr unless `stderr` is given), parse stdout */
  ok: <T>(t: Test, storage: string, args: string[], opts?: { stderr?: RegExp, cwd?: string }) => Promise<T>
  /** `disco start --json` with these flags, SIGKILLed at the test's teardown if still running */
  startNode: (t: Test, storage: string, flags: string[]) => NodeProcess
  /** a command whose stderr can be waited on while it runs */
  spawnCli: (storage: string, args: string[]) => SpawnedCli
}

export function discoCli (opts: CliOptions): DiscoCli {
  const cwd = opts.cwd ?? root
  const wait = opts.wait ?? WAIT

  const run = async (storage: string, args: string[], at = cwd): Promise<Run> => {
    const started = Date.now()
    return await new Promise((resolve, reject) => {
      track(execFile('env', argv(storage, args), { cwd: at, env: opts.env, timeout: 30_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
        if (err !== null && typeof err.code !== 'number') {
          reject(new Error(`disco ${args.join(' ')} did not exit normally (${String(err.signal ?? err.code)}): ${stderr}`))
          return
        }
        resolve({ exit: err === null ? 0 : err.code as number, stdout, stderr, ms: Date.now() - started })
      }))
    })
  }

  const ok = async <T>(t: Test, storage: string, args: string[], o: { stderr?: RegExp, cwd?: string } = {}): Promise<T> => {
    const r = await run(storage, [...args, '--json'], o.cwd)
    t.equal(r.exit, 0, `disco ${args.join(' ')} exits 0`, { stderr: r.stderr, stdout: r.stdout })
    if (o.stderr !== undefined) t.match(r.stderr, o.stderr, 'stderr')
    else t.equal(r.stderr, '', 'nothing on stderr')
    if (r.exit !== 0) throw new Error(`disco ${args.join(' ')} failed: ${r.stdout}${r.stderr}`)
    return JSON.parse(r.stdout) as T
  }

  const startNode = (t: Test, storage: string, flags: string[]): NodeProcess => {
    const node = new NodeProcess(storage, flags, { ...opts, cwd })
    t.teardown(async () => {
      if (node.proc.exitCode === null && node.proc.signalCode === null) node.proc.kill('SIGKILL')
      await node.exited
    })
    return node
  }

  const spawnCli = (storage: string, args: string[]): SpawnedCli => {
    const started = Date.now()
    const proc = track(spawn('env', argv(storage, args), { cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] }))
    let stdout = ''
    let stderr = ''
    const changed = new EventEmitter()
    proc.stdout!.setEncoding('utf8').on('data', (c: string) => { stdout += c })
    proc.stderr!.setEncoding('utf8').on('data', (c: string) => { stderr += c; changed.emit('data') })
    const done = new Promise<Run>(resolve => proc.once('close', code => { changed.emit('data'); resolve({ exit: code ?? -1, stdout, stderr, ms: Date.now() - started }) }))
    const stderrHas = async (re: RegExp): Promise<void> => await new Promise((resolve, reject) => {
      const check = (): void => {
        if (re.test(stderr)) { clearTimeout(timer); changed.off('data', check); resolve() } else if (proc.exitCode !== null) {
          clearTimeout(timer); changed.off('data', check); reject(new Error(`exited before ${String(re)}: ${stderr}`))
        }
      }
      const timer = setTimeout(() => { changed.off('data', check); reject(new Error(`timed out waiting for ${String(re)}: ${stderr}`)) }, wait)
      changed.on('data', check)
      check()
    })
    return { stderrHas, done }
  }

  return { run, ok, startNode, spawnCli }
}
