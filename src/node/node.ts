import Autobase from 'autobase'
import Corestore from 'corestore'
import Hyperbee from 'hyperbee'
import type { BeeReader } from 'hyperbee'
import ReadyResource from 'ready-resource'
import b4a from 'b4a'
import { DiscoError } from '../errors.js'
import { openError } from './store-open-error.js'
import { getDevice } from '../consensus/queries.js'
import { encodeFrame } from '../ledger/codec.js'
import { packOps } from '../ledger/packing.js'
import { PROTOCOL_VERSION } from '../ledger/ops.js'
import { validateOpWithSignatures } from '../consensus/validate-op.js'
import { flushStorageLog } from '../stack/storage.js'
import type { Op, OpRef } from '../ledger/ops.js'
import { corestorePath, diskFull, hasConfig, prepareStorage, readConfig, writeConfig } from './storage.js'
import { Network } from '../net/swarm.js'
import type { NetworkOptions } from '../net/swarm.js'
import { InviteResponder } from '../net/invites.js'
import { answerInvite } from '../invites/desk.js'
import { SigningWatch } from './signing-watch.js'
import { ledgerHandlers } from './ledger-handlers.js'
import { appliedBlocks, finishViewSwap, layoutAction, rebuildNotice, upgradeView, viewLayout, viewTooNew } from './view-upgrade.js'
import type { RebuildProgress } from './view-rebuild.js'
import { ClockWatch } from './clock-watch.js'

/** How often a node looks whether the ledger time waits on its member's clock (clock-watch.ts). */
const CLOCK_WATCH_MS = 60_000
import { FullCopy } from './full-copy.js'
import { inheritCachedNodes } from '../consensus/bee-cache.js'
import { Witness } from '../federation/witness.js'
import { FederationDesk } from '../federation/desk.js'
import type { FederationEvent } from '../federation/desk.js'
import { MirrorLink } from '../mirror/link.js'
import type { MirrorState } from '../mirror/link.js'
import { readMirrors } from '../mirror/rule.js'

export interface DiscoNodeOptions {
  /** the storage folder */
  storage: string
  /** join the ledger's swarm and replicate with peers; offline when absent */
  network?: NetworkOptions
  /** the ledger's encryption key, for the first open after joining (autobase keeps it after) */
  encryptionKey?: Uint8Array
  /**
   * The ledger's system core key, for the first open after joining (the inviter's node hands it
   * over, signed, in its answer: src/invites/desk.ts): the new node fast-forwards to that core's
   * signed state and reads the view from peers instead of re-applying every block of the ledger.
   * Without it a new node's system core is a different one of its own, and it learns the
   * cooperative's only from an indexer's checkpoint once it has applied the blocks that name the
   * indexers: on a large ledger that often means all of them (bench P4). A key of the wrong length
   * is ignored; a key that leads nowhere costs autobase's fast-forward timeout (5 s), then the node
   * applies the ledger as without it. Not kept: a later open does not need it (autobase's boot
   * record remembers the core it moved to).
   */
  fastForwardTo?: Uint8Array
  /** how often an indexer acknowledges what it has seen (ms). Autobase's 10 s default makes
   * peers converge slowly; 0 never fully signs (docs/DESIGN.md, "The stack"). */
  ackInterval?: number
  /** how often a running node looks at its federates' cores and checks in (ms, default 10 s) */
  witnessInterval?: number
  /** the clock its frames claim (default Date.now): simulations run members' clocks ahead */
  clock?: () => number
  /** hears how far a rebuild of the view has come, when the storage holds a view of an older
   * release's layout (node/view-upgrade.ts): blocks applied again, of how many. Default: a line
   * on stderr at most once a second (rebuildNotice) */
  onRebuild?: (progress: RebuildProgress) => void
}

export interface CreateOptions extends DiscoNodeOptions {
  coopName: string
  memberName: string
}

/** A fast-forward: the signed length of the system core before (`from`) and after (`to`) it. */
export interface FastForwardJump {
  from: number
  to: number
}

interface AppendJob {
  ops: Op[]
  resolve: (refs: OpRef[]) => void
  reject: (err: unknown) => void
}

const DEFAULT_ACK_INTERVAL = 1000

/** A read-only view of the ledger at one moment (DiscoNode.snapshot). */
export interface ViewSnapshot extends BeeReader {
  close: () => Promise<void>
}

interface SharedReads {
  bee: Hyperbee
  /** the view's fork and length it shows */
  at: string
  readers: number
  /** the view moved on: close the bee when the last reader is done */
  retired: boolean
  /** settles once the bee has taken over the previous snapshot's caches (or found it may not) */
  warm: Promise<void>
}

/**
 * A member's node: owns the corestore and the encrypted autobase whose view is the cooperative's
 * ledger. Everything that writes goes through `append`, which validates ops, coalesces concurrent
 * calls and packs ops into as few blocks as the limits allow.
 */
export class DiscoNode extends ReadyResource {
  readonly storage: string
  private readonly ackInterval: number
  private readonly ledgerKey: Uint8Array | null
  private readonly networkOptions: NetworkOptions | null
  private readonly encryptionKey: Uint8Array | null
  private readonly fastForwardTo: Uint8Array | null
  private readonly jumps: FastForwardJump[] = []
  private store: Corestore | null = null
  private network: Network | null = null
  /** the cooperative's mirrors, asked to keep the ledger while the node is online (src/mirror) */
  private mirrorLink: MirrorLink | null = null
  private responder: InviteResponder | null = null
  private joining: Promise<void> | null = null
  private autobase: Autobase<Hyperbee> | null = null
  private pending: AppendJob[] = []
  private flushing: Promise<void> | null = null
  private lastTime = 0
  /** the snapshot queries share while the view stays as it is (see snapshot) */
  private reads: SharedReads | null = null
  /** the last retired one, kept open until the next takes over its caches */
  private lastReads: SharedReads | null = null
  /** why autobase stopped applying, if it did: a newer protocol, or an I/O failure */
  private failure: DiscoError | null = null
  private signing: SigningWatch | null = null
  private clockWatch: ClockWatch | null = null
  private fullCopy: FullCopy | null = null
  /** federation: the federates' cores this node witnesses, and what it does about them */
  private desk: FederationDesk | null = null
  private readonly witnessInterval: number
  private readonly clock: () => number
  private readonly onRebuild: (progress: RebuildProgress) => void

  constructor (opts: DiscoNodeOptions & { ledgerKey: Uint8Array | null }) {
    super()
    this.storage = opts.storage
    this.clock = opts.clock ?? Date.now
    this.onRebuild = opts.onRebuild ?? rebuildNotice()
    this.ackInterval = opts.ackInterval ?? DEFAULT_ACK_INTERVAL
    this.ledgerKey = opts.ledgerKey
    this.networkOptions = opts.network ?? null
    this.encryptionKey = opts.encryptionKey ?? null
    this.fastForwardTo = opts.fastForwardTo?.byteLength === 32 ? opts.fastForwardTo : null
    this.witnessInterval = opts.witnessInterval ?? 10_000
  }

  /** Found a new cooperative's ledger in an empty storage folder. */
  static async create (opts: CreateOptions): Promise<DiscoNode> {
    if (await hasConfig(opts.storage)) throw DiscoError.alreadyInitialised(opts.storage)
    const found: Op = { type: 'found', coopName: opts.coopName, memberName: opts.memberName }
    validateOpWithSignatures(found)
    await prepareStorage(opts.storage)
    const node = new DiscoNode({ ...opts, ledgerKey: null })
    try {
      await node.ready()
      // A folder left by an init that crashed before writing its config holds the same base:
      // found it only if that did not happen yet.
      if (await getDevice(node.base.view, b4a.toString(node.base.local.key, 'hex')) === null) {
        await node.append([found])
      }
      await writeConfig(opts.storage, { format: 1, ledger: b4a.toString(node.key, 'hex') })
    } catch (err) {
      await node.close()
      throw err
    }
    return node
  }

  /** Open the ledger of an initialised storage folder. */
  static async open (opts: DiscoNodeOptions): Promise<DiscoNode> {
    const config = await readConfig(opts.storage)
    await prepareStorage(opts.storage)
    const node = new DiscoNode({ ...opts, ledgerKey: b4a.from(config.ledger, 'hex') })
    try {
      await node.ready()
    } catch (err) {
      await node.close()
      throw err
    }
    return node
  }

  /** Open the corestore and the ledger's autobase on it, with the node's listeners. */
  private async openBase (): Promise<Autobase<Hyperbee>> {
    this.store = new Corestore(corestorePath(this.storage))
    try {
      await this.store.ready()
    } catch (err) {
      throw openError(err, this.storage)
    }
    const base = new Autobase<Hyperbee>(this.store, this.ledgerKey, {
      ...ledgerHandlers,
      encrypt: true,
      ...(this.encryptionKey !== null ? { encryptionKey: this.encryptionKey } : {}),
      ...(this.fastForwardTo !== null ? { fastForward: { key: this.fastForwardTo } } : {}),
      ackInterval: this.ackInterval
    })
    // Without these listeners a failure inside autobase would crash the process.
    base.on('interrupt', (reason: unknown) => { this.fail(DiscoError.upgradeRequired(String(reason))) })
    base.on('error', (err: Error) => {
      // a full disk surfaces from the storage engine as a bare "Batch was not applied"
      this.fail(diskFull(this.storage) ? DiscoError.diskFull(this.storage) : new DiscoError('LEDGER_FAILED', `the ledger stopped: ${err.message}`, 'state'))
    })
    base.on('update', () => { this.retireReads(); this.mirrorLink?.refresh(); this.emit('update') })
    base.on('writable', () => this.emit('writable'))
    base.on('fast-forward', (to: number, from: number) => {
      this.jumps.push({ from, to })
      if (this.jumps.length > 16) this.jumps.shift()
      this.fullCopy?.fill()
      // a fast-forward takes over the view peers signed: one of a newer release's layout is not read
      viewLayout(base.view).then(layout => { if (layoutAction(layout) === 'stop') this.fail(viewTooNew(layout as number)) }, () => {})
    })
    this.autobase = base
    try {
      await base.ready()
    } catch (err) {
      throw openError(err, this.storage)
    }
    return base
  }

  protected override async _open (): Promise<void> {
    try {
      await this.openAll()
    } catch (err) {
      // ready-resource runs no _close after a failed _open: let go of the store here, or it stays
      // locked (STORE_BUSY) for as long as this process lives
      await this.shutdown().catch(() => {})
      throw err
    }
  }

  private async openAll (): Promise<void> {
    await finishViewSwap(this.storage)
    let base = await this.openBase()
    const layout = await viewLayout(base.view).catch(err => { throw openError(err, this.storage) })
    const action = layoutAction(layout)
    if (action === 'stop') throw viewTooNew(layout as number)
    if (action === 'rebuild') {
      // a view of an older release's layout: rebuild it from the logs before anything reads it
      const source = {
        ledgerKey: base.key,
        encryptionKey: base.encryptionKey as Uint8Array,
        localKey: base.local.key,
        localLength: base.local.length,
        blocks: await appliedBlocks(base.view)
      }
      await base.close()
      await (this.store as Corestore).close()
      await upgradeView(this.storage, source, this.onRebuild)
      base = await this.openBase()
    }
    // A device restored from an old backup writes a second history of its own log; peers prove it
    // and freeze the core. Nothing this device writes would count again: it must re-pair.
    base.local.on('conflict', () => { this.fail(DiscoError.deviceForked()) })
    let device: Awaited<ReturnType<typeof getDevice>>
    try {
      await base.update()
      this.throwIfFailed()
      device = await getDevice(base.view, b4a.toString(base.local.key, 'hex'))
    } catch (err) {
      throw openError(err, this.storage) // a damaged table may first be read here
    }
    this.lastTime = device?.lastTime ?? 0
    this.fullCopy = new FullCopy(base)
    this.fullCopy.fill() // a fast-forward whose download a close cut short
    this.signing = new SigningWatch(base, Math.max(1000, this.ackInterval * 10))
    this.signing.start()
    this.clockWatch = new ClockWatch(this, CLOCK_WATCH_MS, this.clock)
    this.clockWatch.start()
    this.desk = new FederationDesk(this, new Witness(this.store as Corestore))
    this.desk.on('event', (e: FederationEvent) => this.emit('federation', e))

    if (this.networkOptions !== null) this.goOnline(this.networkOptions)
  }

  /** Whether this node holds every block of the view and the system core, not only those it read. */
  get holdsWholeState (): boolean {
    return this.fullCopy?.holdsWholeState ?? false
  }

  /**
   * Resolves once this node holds the whole ledger it knows of: a node that fast-forwarded
   * downloads the rest of the view, the system core and every writer's log in the background
   * (full-copy.ts). Waits on peers: give it a deadline.
   */
  async holdsWholeLedger (): Promise<void> {
    await this.fullCopy?.filled()
  }

  /** Join the ledger's swarm: replicate with peers and answer invites. */
  goOnline (opts: NetworkOptions): void {
    if (this.network !== null) return
    const base = this.base
    this.network = new Network(opts, conn => base.replicate(conn))
    this.network.on('peers', (n: number) => this.emit('peers', n))
    this.responder = new InviteResponder(this.network.swarm, base.discoveryKey, async req => await answerInvite(this, req))
    this.joining = this.network.join(base.discoveryKey)
    this.joining.catch(() => {})
    this.mirrorLink = new MirrorLink(this.network.swarm.dht, this.store as Corestore, base, async () => await this.ledgerMirrors(), opts.mirrors)
    this.desk?.start(this.network, this.witnessInterval, opts)
  }

  /** Leave the swarm and go on working offline (a laptop on a train); goOnline again later. */
  async goOffline (): Promise<void> {
    const { responder, network, mirrorLink } = this
    this.responder = null
    this.mirrorLink = null
    this.network = null
    this.joining = null
    this.desk?.stop()
    if (responder !== null) await responder.close()
    if (mirrorLink !== null) await mirrorLink.close()
    if (network !== null) await network.destroy()
  }

  /** Resolves once the swarm has announced and looked up the ledger's topic. */
  async joined (): Promise<void> {
    if (this.joining === null) throw new DiscoError('OFFLINE', 'this node was opened without a network', 'state')
    await this.joining
  }

  get peers (): number {
    return this.network?.peers ?? 0
  }

  /** The cooperative's mirrors as this node sees them now; offline, none is reached. */
  async mirrors (): Promise<MirrorState[]> {
    const base = this.base
    // only signed blocks of the view and system core can leave this node
    const cores = [{ core: base.local, length: base.local.length }, { core: base.core, length: base.core.signedLength }, { core: base.view.core, length: base.view.core.signedLength }]
    if (this.mirrorLink !== null) return this.mirrorLink.states(cores)
    return (await this.ledgerMirrors()).map(key => ({ key, reached: false, behind: null }))
  }

  private async ledgerMirrors (): Promise<string[]> {
    const snap = this.snapshot()
    try { return await readMirrors(snap) } finally { await snap.close() }
  }

  /** whether this node is on the swarm (a running `disco start`, or a node opened with a network) */
  get online (): boolean {
    return this.network !== null
  }

  /**
   * Resolves once a peer holds this device's log up to and including block `seq` (hypercore
   * tells us how far peers hold it contiguously), so that losing this machine would lose nothing
   * before it. Rejects with NOT_CONFIRMED after `timeoutMs`; the block stays written either way.
   */
  async heldByPeer (seq: number, timeoutMs: number): Promise<void> {
    const local = this.base.local
    if (local.remoteContiguousLength > seq) return
    await new Promise<void>((resolve, reject) => {
      const check = (): void => {
        if (local.remoteContiguousLength <= seq) return
        done()
        resolve()
      }
      const timer = setTimeout(() => { done(); reject(DiscoError.notConfirmed(timeoutMs)) }, timeoutMs)
      const done = (): void => {
        clearTimeout(timer)
        local.off('remote-contiguous-length', check)
      }
      local.on('remote-contiguous-length', check)
      check()
    })
  }

  protected override async _close (): Promise<void> {
    await this.shutdown()
  }

  private async shutdown (): Promise<void> {
    this.signing?.stop()
    this.clockWatch?.stop()
    if (this.flushing !== null) await this.flushing.catch(() => {})
    this.releaseReads()
    await this.goOffline()
    if (this.desk !== null) await this.desk.close()
    await this.fullCopy?.close()
    await this.compactLog()
    if (this.autobase !== null) await this.autobase.close()
    if (this.store !== null && !this.store.closed) await this.store.close()
  }

  /**
   * Move what the storage engine holds in its write-ahead log into its table files before closing.
   * RocksDB keeps up to a 64 MB write buffer of recent writes, every overwritten tree node and
   * bitfield page included, in its log until the buffer fills; a closed store left that way takes
   * about 1.6× the room (bench P8: 2.3 against 1.4 KB an op for 20,000 imported ops) and replays
   * the log when it opens. Best effort: a full disk or a closed store only leaves the log as it is.
   */
  private async compactLog (): Promise<void> {
    if (this.store === null || this.store.closed) return
    await flushStorageLog(this.store).catch(() => {})
  }

  get base (): Autobase<Hyperbee> {
    if (this.autobase === null) throw DiscoError.closed()
    return this.autobase
  }

  get key (): Uint8Array { return this.base.key }

  /** Federation: witnessing federates' cores, check-ins, disputes (docs/federation.md). */
  get federation (): FederationDesk {
    if (this.desk === null) throw DiscoError.closed()
    return this.desk
  }

  /** Only for handing to a joiner whose invite was checked: never printed, never logged. */
  encryptionKeyForPairing (): Uint8Array {
    const key = this.base.encryptionKey
    if (key === null) throw new DiscoError('NOT_ENCRYPTED', 'the ledger has no encryption key', 'state')
    return key
  }
  get localKey (): Uint8Array { return this.base.local.key }
  /** the fast-forwards of this node since it opened (the last 16): where it jumped instead of applying */
  get fastForwards (): readonly FastForwardJump[] { return this.jumps }
  get view (): Hyperbee { return this.base.view }

  /** The ledger stopped for good (a newer protocol, a forked device, an I/O failure). */
  get failed (): DiscoError | null {
    return this.failure
  }

  private fail (err: DiscoError): void {
    if (this.failure !== null) return
    this.failure = err
    this.emit('failed', err)
  }

  private throwIfFailed (): void {
    if (this.failure !== null) throw this.failure
  }

  /**
   * A read-only snapshot of the view, for a query that must see one state. Close it after.
   *
   * Queries share one snapshot while the view does not change, so that the tree nodes one query
   * read are cached for the next (a running node answering calls): a fresh snapshot starts with
   * empty caches and reads every node from storage (bench P5: the first page of entries of a
   * 20,000-op ledger, 34 ms on a fresh snapshot, 8 ms on a warm one). Any update of the ledger
   * retires the shared snapshot; it is closed once its last reader closes it. The next one takes
   * over its caches when the view still holds every block they came from
   * (consensus/bee-cache.ts), so the first query after a change reads from storage only what changed.
   */
  snapshot (): ViewSnapshot {
    this.throwIfFailed()
    const view = this.base.view
    const at = `${view.core.fork}/${view.core.length}`
    let shared = this.reads
    if (shared === null || shared.at !== at) {
      this.retireReads()
      const previous = this.lastReads
      this.lastReads = null
      const bee = view.snapshot()
      const warm = previous === null
        ? Promise.resolve()
        : inheritCachedNodes(previous.bee, bee).finally(() => { closeIfDone(previous) })
      shared = { bee, at, readers: 0, retired: false, warm }
      this.reads = shared
    }
    const s = shared
    s.readers++
    let closed = false
    return {
      get: async (key, opts) => { await s.warm; return await s.bee.get(key, opts) },
      createReadStream: range => (async function * () { await s.warm; yield * s.bee.createReadStream(range) })(),
      close: async () => {
        if (closed) return
        closed = true
        s.readers--
        if (s !== this.lastReads) closeIfDone(s)
      }
    }
  }

  /**
   * The shared read snapshot no longer shows the ledger: it stays open as the cache source of the
   * next one, and closes once that one took over and nobody reads it.
   */
  private retireReads (): void {
    const s = this.reads
    if (s === null) return
    this.reads = null
    s.retired = true
    const older = this.lastReads
    this.lastReads = s
    if (older !== null) closeIfDone(older)
  }

  /** on close: nothing will take over the last snapshot's caches */
  private releaseReads (): void {
    this.retireReads()
    const last = this.lastReads
    this.lastReads = null
    if (last !== null) closeIfDone(last)
  }

  /**
   * Validate and append ops as this device; resolves to where each landed (its derived id).
   * Calls made while an append is under way are written together in the next block(s).
   */
  async append (ops: Op[]): Promise<OpRef[]> {
    if (this.closing !== null) throw DiscoError.closed()
    this.throwIfFailed()
    for (const op of ops) validateOpWithSignatures(op)
    if (!this.base.writable) throw DiscoError.notWritable()
    return await new Promise<OpRef[]>((resolve, reject) => {
      this.pending.push({ ops, resolve, reject })
      this.flushing ??= this.flushPending()
    })
  }

  private async flushPending (): Promise<void> {
    await Promise.resolve() // let calls made in the same tick join this block
    try {
      while (this.pending.length > 0) {
        const jobs = this.pending.splice(0)
        try {
          const refs = await this.writeOps(jobs.flatMap(j => j.ops))
          let i = 0
          for (const job of jobs) {
            job.resolve(refs.slice(i, i + job.ops.length))
            i += job.ops.length
          }
        } catch (err) {
          const failure = this.failure ?? err
          for (const job of jobs) job.reject(failure)
        }
      }
    } finally {
      this.flushing = null
    }
  }

  private async writeOps (ops: Op[]): Promise<OpRef[]> {
    // The frame clock never goes back, even if this machine's clock does: apply refuses frames
    // older than the device's previous one.
    this.lastTime = Math.max(this.clock(), this.lastTime)
    const frames = packOps(ops)
    const blocks = frames.map(f => encodeFrame({ version: PROTOCOL_VERSION, time: this.lastTime, ops: f }))
    const lengthAfter = await this.base.append(blocks)
    const writer = this.base.local.key
    const refs: OpRef[] = []
    frames.forEach((frame, f) => {
      const seq = lengthAfter - frames.length + f
      frame.forEach((_, index) => refs.push({ writer, seq, index }))
    })
    return refs
  }
}

/** Close a retired shared snapshot once its last reader is done. */
function closeIfDone (s: SharedReads): void {
  if (s.retired && s.readers === 0) s.bee.close().catch(() => {})
}
