import type { LedgerNode } from '../node/ledger-node.js'
import type { DiscoNode } from '../node/node.js'
import type { DiscoError } from '../errors.js'
import { formatBootstrap } from '../net/bootstrap.js'
import type { NetworkOptions } from '../net/swarm.js'
import { members } from '../commands/members.js'
import { status } from '../commands/status.js'
import { ControlServer } from './control-server.js'
import { openWhenFree } from './open-when-free.js'
import { tailProgressLines } from './tail-progress.js'
import { socketLocation } from './socket-path.js'
import type { DashboardOptions, DashboardServer } from '../web/server.js'
import type { FederationEvent } from '../federation/desk.js'

export interface RunOptions {
  storage: string
  network: NetworkOptions
  /** status lines as JSON objects, one a line */
  json?: boolean
  ackInterval?: number
  /** where status lines go (stdout) and warnings (stderr) */
  out?: (line: string) => void
  warn?: (line: string) => void
  /** what stops the node (default SIGINT and SIGTERM) */
  signals?: NodeJS.Signals[]
  /** at most one status line per this many ms (default 1000) */
  statusInterval?: number
  /** serve the dashboard too (`disco serve`, `disco start --serve`) */
  serve?: DashboardOptions
  /** how long to wait for another command to let go of the store (default STORE_WAIT_MS) */
  storeWaitMs?: number
}

/** What a status line shows; a line is printed when any of it changes. */
export interface NodeStatus {
  peers: number
  members: number
  devices: number
  length: number
  signedLength: number
  writable: boolean
}

export type NodeEvent =
  | { type: 'ready', storage: string, cooperative: string | null, ledger: string, socket: string, network: string, pid: number }
  | ({ type: 'status' } & NodeStatus)
  | { type: 'joined' }
  /** the dashboard's addresses, with the login token: the one line that carries it */
  | { type: 'dashboard', urls: string[] }
  | { type: 'stopping', signal: string, commands: number }
  | { type: 'stopped' }
  | { type: 'federation', event: FederationEvent }

/**
 * `disco start`: the node in the foreground, on the network, serving the other commands over its
 * control socket until SIGINT or SIGTERM; then it stops accepting connections, lets the commands
 * under way finish, and closes the node (so that every append is on disk) before it returns.
 */
export async function runNode (opts: RunOptions): Promise<void> {
  const out = opts.out ?? (line => { process.stdout.write(line + '\n') })
  const warn = opts.warn ?? (line => { process.stderr.write(line + '\n') })
  const print = (event: NodeEvent): void => {
    out(opts.json === true ? JSON.stringify({ ...event, time: new Date().toISOString() }) : describe(event))
  }

  const stop = stopSignal(opts.signals ?? ['SIGINT', 'SIGTERM'], n => {
    warn(`disco: still stopping (${n} command${n === 1 ? '' : 's'} under way)`)
  })
  try {
    // a one-off command (a health check's `disco status`) may hold the store for a moment
    const node = await openWhenFree({
      storage: opts.storage,
      network: opts.network,
      onTailProgress: tailProgressLines(warn),
      ...(opts.ackInterval !== undefined ? { ackInterval: opts.ackInterval } : {})
    }, warn, opts.storeWaitMs)
    let server: ControlServer
    try {
      server = new ControlServer(node, await socketLocation(opts.storage))
      await server.listen()
    } catch (err) {
      await node.close()
      throw err
    }
    stop.busy = () => server.busy
    let dashboard: DashboardServer | null = null
    if (opts.serve !== undefined) {
      try {
        const { DashboardServer } = await import('../web/server.js')
        const d = new DashboardServer(node, opts.serve)
        await d.listen()
        dashboard = d
      } catch (err) {
        await server.close()
        await node.close()
        throw err
      }
    }

    const reporter = new StatusReporter(node, s => print({ type: 'status', ...s }), e => warn(`disco: ${e.message}`), opts.statusInterval ?? 1000)
    try {
      const about = await status(node)
      print({
        type: 'ready',
        storage: node.storage,
        cooperative: about.cooperative,
        ledger: about.ledger,
        socket: server.location.path,
        network: opts.network.bootstrap === undefined ? 'public HyperDHT' : formatBootstrap(opts.network.bootstrap),
        pid: process.pid
      })
      if (dashboard !== null) print({ type: 'dashboard', urls: dashboard.urls() })
      reporter.start()
      node.on('federation', (event: FederationEvent) => print({ type: 'federation', event }))
      let stopping = false
      node.joined().then(
        () => { if (!stopping) print({ type: 'joined' }) },
        (err: Error) => { if (!stopping) warn(`disco: could not announce on the swarm: ${err.message}`) }
      )

      // a forked device stops: nothing it writes counts any more, and serving would only mislead
      const signal = await Promise.race([stop.signalled, forked(node)])
      stopping = true
      print({ type: 'stopping', signal, commands: server.busy })
    } finally {
      if (dashboard !== null) await dashboard.close()
      await server.close()
      reporter.stop()
      await node.close()
    }
    print({ type: 'stopped' })
  } finally {
    stop.dispose()
  }
}

/** Rejects with DEVICE_FORKED once the node finds its device's log forked (node.ts, 'conflict'). */
async function forked (node: DiscoNode): Promise<never> {
  return await new Promise<never>((_resolve, reject) => {
    const check = (err: DiscoError | null): void => {
      if (err?.code !== 'DEVICE_FORKED') return
      node.off('failed', check)
      reject(err)
    }
    node.on('failed', check)
    check(node.failed)
  })
}

function describe (event: NodeEvent): string {
  switch (event.type) {
    case 'ready':
      return `node running: ${event.cooperative === null ? '' : `"${event.cooperative}", `}ledger ${event.ledger.slice(0, 8)}… in ${event.storage}; ` +
        `network: ${event.network}; control socket: ${event.socket}; stop with Ctrl-C`
    case 'status':
      return `peers ${event.peers}, members ${event.members} (${event.devices} device${event.devices === 1 ? '' : 's'}), ` +
        `ledger length ${event.length} (signed ${event.signedLength})${event.writable ? '' : ', read-only'}`
    case 'joined':
      return 'announced on the swarm'
    case 'dashboard':
      return `dashboard (open it in a browser; the link carries your login token, keep it private): ${event.urls.join('  ')}`
    case 'stopping':
      return `stopping (${event.signal})${event.commands > 0 ? `: finishing ${event.commands} command${event.commands === 1 ? '' : 's'}` : ''}`
    case 'stopped':
      return 'stopped'
    case 'federation': {
      const e = event.event
      if (e.type === 'checkin') return `federation: checked in with ${e.name} at its signed length ${e.length}`
      return `DISPUTE with ${e.name}: ${e.message}; ` +
        (e.recorded ? 'the evidence is recorded in the ledger (disco federation shows it)' : e.evidence ? 'evidence found, not yet recorded (this node cannot write)' : 'no offline evidence')
    }
  }
}

interface StopSignal {
  signalled: Promise<string>
  busy: () => number
  dispose: () => void
}

/** The first signal stops the node; later ones only say what it is waiting for. */
function stopSignal (signals: NodeJS.Signals[], again: (busy: number) => void): StopSignal {
  let fired = false
  let resolve!: (signal: string) => void
  const signalled = new Promise<string>(r => { resolve = r })
  const self: StopSignal = {
    signalled,
    busy: () => 0,
    dispose: () => { for (const s of signals) process.off(s, on) }
  }
  function on (signal: NodeJS.Signals): void {
    if (fired) {
      again(self.busy())
      return
    }
    fired = true
    resolve(signal)
  }
  for (const s of signals) process.on(s, on)
  return self
}

/**
 * Prints the node's status when it changes, at most once per interval: a change while a line is
 * pending is folded into it, and a read is always made after the last change, so the last state
 * is always printed.
 */
class StatusReporter {
  private last: string | null = null
  private lastAt = -Infinity
  private timer: NodeJS.Timeout | null = null
  private reading = false
  private again = false
  private stopped = false
  private failed = false

  constructor (
    private readonly node: LedgerNode,
    private readonly emit: (status: NodeStatus) => void,
    private readonly onError: (err: Error) => void,
    private readonly interval: number
  ) {}

  private readonly poke = (): void => {
    if (this.stopped) return
    if (this.reading) {
      this.again = true
      return
    }
    if (this.timer !== null) return
    this.timer = setTimeout(() => { void this.tick() }, Math.max(0, this.lastAt + this.interval - Date.now()))
  }

  start (): void {
    this.node.on('update', this.poke)
    this.node.on('peers', this.poke)
    this.node.on('writable', this.poke)
    this.poke()
  }

  stop (): void {
    this.stopped = true
    this.node.off('update', this.poke)
    this.node.off('peers', this.poke)
    this.node.off('writable', this.poke)
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
  }

  private async tick (): Promise<void> {
    this.timer = null
    this.reading = true
    try {
      const s = await this.read()
      const key = JSON.stringify(s)
      if (key !== this.last && !this.stopped) {
        this.last = key
        this.lastAt = Date.now()
        this.emit(s)
      }
    } catch (err) {
      // the ledger stopped (an upgrade is required, or the disk failed): say it once; the
      // commands report it too
      if (!this.failed && !this.stopped) this.onError(err as Error)
      this.failed = true
    } finally {
      this.reading = false
    }
    if (this.again) {
      this.again = false
      this.poke()
    }
  }

  private async read (): Promise<NodeStatus> {
    const list = (await members(this.node)).members
    const lengths = this.node.lengths()
    return {
      peers: this.node.peers,
      members: list.length,
      devices: list.reduce((n, m) => n + m.devices.length, 0),
      length: lengths.length,
      signedLength: lengths.signedLength,
      writable: lengths.writable
    }
  }
}
