import fs from 'node:fs/promises'
import Autobase from 'autobase'
import Corestore from 'corestore'
import type Hyperbee from 'hyperbee'
import ReadyResource from 'ready-resource'
import b4a from 'b4a'
import { DiscoError } from '../errors.js'
import { damageError, openError } from './store-open-error.js'
import { getAppliedBlocks, getDevice, getWriter } from '../consensus/queries.js'
import { validateOpWithSignatures } from '../consensus/validate-op.js'
import { boundedNodeCache, boundedStorage, flushStorageLog } from '../stack/storage.js'
import type { Op, OpRef } from '../ledger/ops.js'
import { corestorePath, diskFull, hasConfig, prepareStorage, readConfig, writeConfig } from './storage.js'
import type { NetworkOptions } from '../net/swarm.js'
import { SigningWatch } from './signing-watch.js'
import { ledgerHandlers } from './ledger-handlers.js'
import { finishViewSwap, layoutAction, rebuildNotice, upgradeView, viewLayout, viewTooNew } from './view-upgrade.js'
import type { RebuildProgress } from './view-rebuild.js'
import { ClockWatch } from './clock-watch.js'
import { FullCopy } from './full-copy.js'
import { Witness } from '../federation/witness.js'
import { FederationDesk } from '../federation/desk.js'
import type { FederationEvent } from '../federation/desk.js'
import type { MirrorState } from '../mirror/link.js'
import { readMirrors } from '../mirror/rule.js'
import { verifyLedger } from '../verify/verify-ledger.js'
import type { VerifyProgress, VerifyReport } from '../verify/verify-ledger.js'
import type { CreateOptions, DiscoNodeOptions, FastForwardJump } from './node-options.js'
import type { ViewSnapshot } from './ledger-access.js'
import type { LedgerLengths, LedgerNode } from './ledger-node.js'
import { SharedSnapshots } from './shared-snapshots.js'
import { AppendQueue } from './append-queue.js'
import { heldByPeer } from './held-by-peer.js'
import crypto from 'hypercore-crypto'
import { guardLogTail } from './log-tail.js'
import type { TailProgress } from './log-tail.js'
import { AckedLengthRecord } from './acked-length.js'
import { keepDeviceKeys, readDeviceKeys } from './device-keys.js'
import { ownLogApplied } from './own-log-applied.js'
import type { OnTheSwarm } from './on-the-swarm.js'
import { announceOwnLog } from '../stack/own-log-wakeup.js'

async function exists (p: string): Promise<boolean> {
  return await fs.stat(p).then(() => true, () => false)
}

export type { CreateOptions, DiscoNodeOptions, FastForwardJump } from './node-options.js'
export type { ViewSnapshot } from './ledger-access.js'

/** How often a node looks whether the ledger time waits on its member's clock (clock-watch.ts). */
const CLOCK_WATCH_MS = 60_000
/** how often an indexer acknowledges by default (ms): the bench sets the raw stack alike */
export const DEFAULT_ACK_INTERVAL = 1000

/**
 * A member's node: owns the corestore and the encrypted autobase whose view is the cooperative's
 * ledger, and runs the parts that work on it (the append queue, the shared read snapshots, the
 * full copy, the signing and clock watches, the federation desk, its presence on the swarm).
 * Everything that writes goes through `append`, which validates ops, coalesces concurrent calls
 * and packs ops into as few blocks as the limits allow. The surface takes it as a `LedgerNode`.
 */
export class DiscoNode extends ReadyResource implements LedgerNode {
  readonly storage: string
  private readonly ackInterval: number
  private readonly ledgerKey: Uint8Array | null
  private readonly networkOptions: NetworkOptions | null
  private readonly encryptionKey: Uint8Array | null
  private readonly fastForwardTo: Uint8Array | null
  private readonly jumps: FastForwardJump[] = []
  private store: Corestore | null = null
  /** on the swarm, from goOnline to goOffline */
  private swarm: OnTheSwarm | null = null
  private autobase: Autobase<Hyperbee> | null = null
  private writes: AppendQueue | null = null
  private readonly reads = new SharedSnapshots()
  /** why autobase stopped applying, if it did: a newer protocol, or an I/O failure */
  private failure: DiscoError | null = null
  private signing: SigningWatch | null = null
  private clockWatch: ClockWatch | null = null
  private fullCopy: FullCopy | null = null
  /** federation: the federates' cores this node witnesses, and what it does about them */
  private desk: FederationDesk | null = null
  private readonly witnessInterval: number
  private readonly clock: () => number
  private readonly tailTimeoutMs: number
  private readonly onTailProgress: ((p: TailProgress) => void) | undefined
  /** how far this device's own log was acknowledged, on disk (acked-length.ts) */
  private acked: AckedLengthRecord | null = null
  private readonly onRebuild: (progress: RebuildProgress) => void
  /** announces this device's log to its peers after each append (stack/own-log-wakeup.ts) */
  private ownLogWakeup: { announce: () => void } | null = null

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
    this.tailTimeoutMs = opts.tailTimeoutMs ?? 60_000
    this.onTailProgress = opts.onTailProgress
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
    // a ledger's folder without its store: opening would make a new store with new keys
    if (!await exists(corestorePath(opts.storage))) throw DiscoError.storeCorrupt(opts.storage, 'corestore', 'the store folder is missing')
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
    const storage = boundedStorage(corestorePath(this.storage))
    this.store = new Corestore(storage, { globalCache: boundedNodeCache() })
    try {
      await this.store.ready()
    } catch (err) {
      // a corestore whose open failed (a seed it could not read) closes nothing: its storage
      // would keep the folder locked for as long as this process lives (disco repair opens it again)
      await storage.close().catch(() => {})
      throw openError(err, this.storage)
    }
    // a device whose own log lost its tail gets it back from peers before autobase may write
    await guardLogTail(this.store, this.storage, this.ledgerKey === null || this.networkOptions === null
      ? null
      : { network: this.networkOptions, discoveryKey: crypto.discoveryKey(this.ledgerKey), timeoutMs: this.tailTimeoutMs, ...(this.onTailProgress !== undefined ? { onProgress: this.onTailProgress } : {}) })
    // A store rebuilt from peers (disco repair) holds no encryption key until autobase first opens
    // on it: autobase would derive a new one from the primary key. The kept copy is the ledger's.
    const encryptionKey = this.encryptionKey ?? await this.keptEncryptionKey()
    const base = new Autobase<Hyperbee>(this.store, this.ledgerKey, {
      ...ledgerHandlers,
      encrypt: true,
      ...(encryptionKey !== null ? { encryptionKey } : {}),
      ...(this.fastForwardTo !== null ? { fastForward: { key: this.fastForwardTo } } : {}),
      ackInterval: this.ackInterval
    })
    // Without these listeners a failure inside autobase would crash the process.
    base.on('interrupt', (reason: unknown) => { this.fail(DiscoError.upgradeRequired(String(reason))) })
    base.on('error', (err: Error) => {
      // a full disk surfaces from the storage engine as a bare "Batch was not applied"
      this.fail(diskFull(this.storage) ? DiscoError.diskFull(this.storage) : new DiscoError('LEDGER_FAILED', `the ledger stopped: ${err.message}`, 'state'))
    })
    base.on('update', () => { this.reads.retire(); this.swarm?.mirrorLink.refresh(); this.emit('update') })
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

  /** The ledger's encryption key as this folder keeps a copy of it (device-keys.ts), or null. */
  private async keptEncryptionKey (): Promise<Uint8Array | null> {
    if (this.ledgerKey === null) return null
    const kept = await readDeviceKeys(this.storage)
    return kept !== null && b4a.equals(kept.ledger, this.ledgerKey) ? kept.encryptionKey : null
  }

  protected override async _open (): Promise<void> {
    try {
      await this.openAll()
    } catch (err) {
      // ready-resource runs no _close after a failed _open: let go of the store here, or it stays
      // locked (STORE_BUSY) for as long as this process lives
      await this.shutdown().catch(() => {})
      throw damageError(err, this.storage)
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
        blocks: await getAppliedBlocks(base.view)
      }
      await base.close()
      await (this.store as Corestore).close()
      await upgradeView(this.storage, source, this.onRebuild)
      base = await this.openBase()
    }
    // A device restored from an old backup writes a second history of its own log; peers prove it
    // and freeze the core. Nothing this device writes would count again: it must re-pair.
    base.local.on('conflict', () => { this.fail(DiscoError.deviceForked()) })
    this.acked = await AckedLengthRecord.open(this.storage, b4a.toString(base.local.key, 'hex'), base.local.length)
    // a copy of the keys outside the database, so that a damaged one can be rebuilt as this device
    await keepDeviceKeys(this.storage, {
      ledger: base.key,
      device: base.local.key,
      primaryKey: (this.store as Corestore).primaryKey,
      encryptionKey: base.encryptionKey as Uint8Array
    })
    // autobase's own blocks (acks) too: once a peer may hold one, losing it forks as much
    base.local.on('append', () => { this.acked?.record(base.local.length).catch(() => {}) })
    let lastTime: number
    try {
      await base.update()
      this.throwIfFailed()
      lastTime = (await getWriter(base.view, b4a.toString(base.local.key, 'hex'))).time
    } catch (err) {
      throw openError(err, this.storage) // a damaged table may first be read here
    }
    // a peer that let this device's writer go idle hears of a new block only if told (own-log-wakeup.ts)
    this.ownLogWakeup = announceOwnLog(base)
    this.writes = new AppendQueue(base, this.clock, lastTime, () => this.failure, async () => {
      await this.recordAcked()
      this.ownLogWakeup?.announce()
    })
    this.fullCopy = new FullCopy(base)
    this.fullCopy.fill() // a fast-forward whose download a close cut short
    this.signing = new SigningWatch(base, Math.max(1000, this.ackInterval * 10))
    this.signing.start()
    this.clockWatch = new ClockWatch(this, CLOCK_WATCH_MS, this.clock)
    this.clockWatch.start()
    this.desk = new FederationDesk(this, new Witness(this.store as Corestore))
    this.desk.on('event', (e: FederationEvent) => this.emit('federation', e))

    if (this.networkOptions !== null) await this.goOnline(this.networkOptions)
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

  /** Join the ledger's swarm: replicate with peers and answer invites. Resolves once joining has
   * begun (`joined` resolves once announced). The network's modules (hyperswarm, hyperdht,
   * blind-pairing, blind-peering, the invite desk) load here, the first time: a one-off command
   * that only opens the store never loads them (they took a third of its start-up: bench P12). */
  async goOnline (opts: NetworkOptions): Promise<void> {
    if (this.swarm !== null) return
    const [{ OnTheSwarm }, { answerInvite }] = await Promise.all([import('./on-the-swarm.js'), import('../invites/desk.js')])
    if (this.swarm !== null || this.closing !== null) return
    const swarm = new OnTheSwarm(opts, this.store as Corestore, this.base, async req => await answerInvite(this, req), async () => await this.ledgerMirrors())
    swarm.network.on('peers', (n: number) => this.emit('peers', n))
    this.swarm = swarm
    this.desk?.start(swarm.network, this.witnessInterval, opts)
  }

  /** Leave the swarm and go on working offline (a laptop on a train); goOnline again later. */
  async goOffline (): Promise<void> {
    const swarm = this.swarm
    this.swarm = null
    this.desk?.stop()
    if (swarm !== null) await swarm.leave()
  }

  /** Resolves once the swarm has announced and looked up the ledger's topic. */
  async joined (): Promise<void> {
    if (this.swarm === null) throw new DiscoError('OFFLINE', 'this node was opened without a network', 'state')
    await this.swarm.joining
  }

  get peers (): number {
    return this.swarm?.network.peers ?? 0
  }

  /** The cooperative's mirrors as this node sees them now; offline, none is reached. */
  async mirrors (): Promise<MirrorState[]> {
    const base = this.base
    // only signed blocks of the view and system core can leave this node
    const cores = [{ core: base.local, length: base.local.length }, { core: base.core, length: base.core.signedLength }, { core: base.view.core, length: base.view.core.signedLength }]
    if (this.swarm !== null) return this.swarm.mirrorLink.states(cores)
    return (await this.ledgerMirrors()).map(key => ({ key, reached: false, behind: null }))
  }

  private async ledgerMirrors (): Promise<string[]> {
    const snap = this.snapshot()
    try { return await readMirrors(snap) } finally { await snap.close() }
  }

  /** whether this node is on the swarm (a running `disco start`, or a node opened with a network) */
  get online (): boolean {
    return this.swarm !== null
  }

  /**
   * Resolves once a peer holds this device's log up to and including block `seq`, so that losing
   * this machine would lose nothing before it. Rejects with NOT_CONFIRMED after `timeoutMs`; the
   * block stays written either way.
   */
  async heldByPeer (seq: number, timeoutMs: number): Promise<void> {
    await heldByPeer(this.base.local, seq, timeoutMs)
  }

  /**
   * `disco verify`: check the writers' signed cores and re-derive the whole view from them
   * (verify/verify-ledger.ts), against one snapshot of the view, so that a running node may go on
   * applying while it checks. Online, a block this device never needed (it fast-forwarded) is
   * fetched from peers.
   */
  async verify (onProgress?: (p: VerifyProgress) => void): Promise<VerifyReport> {
    await this.ready()
    const snapshot = this.snapshot()
    let report: VerifyReport
    try {
      report = await verifyLedger(this.base, snapshot, this.online ? { timeoutMs: 15_000 } : null, onProgress)
    } finally {
      await snapshot.close()
    }
    // the signed feeds may agree with the view and still miss what this device acknowledged
    const own = this.ownLog
    if (report.ok && own.length < own.acked) {
      return { ...report, ok: false, problem: `this device's own log has ${own.length} blocks, but ${own.acked} were acknowledged: its last ${own.acked - own.length} were lost from this disk (run disco repair with a peer reachable)` }
    }
    return report
  }

  /** Whether the view has taken in every block of this device's own log that carries ops (own-log-applied.ts). */
  async ownLogApplied (): Promise<boolean> {
    return await ownLogApplied(this.base)
  }

  /** This device's own log: its length on disk, and how far it was acknowledged (acked-length.ts). */
  get ownLog (): { length: number, acked: number } {
    const length = this.base.local.length
    return { length, acked: this.acked?.length ?? length }
  }

  /** An append is acknowledged once its length is on disk (acked-length.ts); a record that cannot be written stops the node. */
  private async recordAcked (): Promise<void> {
    try {
      await this.acked?.record(this.base.local.length)
    } catch (err) {
      this.fail(diskFull(this.storage) ? DiscoError.diskFull(this.storage) : new DiscoError('LEDGER_FAILED', `the ledger stopped: could not record the acknowledged length (${(err as Error).message})`, 'state'))
      throw this.failure ?? err
    }
  }

  protected override async _close (): Promise<void> {
    await this.shutdown()
  }

  private async shutdown (): Promise<void> {
    this.signing?.stop()
    this.clockWatch?.stop()
    await this.writes?.settled()
    this.reads.release()
    await this.goOffline()
    if (this.desk !== null) await this.desk.close()
    await this.fullCopy?.close()
    await this.compactLog()
    await this.acked?.close()
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

  /** The raw autobase: for the node's own parts and for tests. The surface reads `LedgerNode`. */
  get base (): Autobase<Hyperbee> {
    if (this.autobase === null) throw DiscoError.closed()
    return this.autobase
  }

  get key (): Uint8Array { return this.base.key }
  get localKey (): Uint8Array { return this.base.local.key }
  get systemKey (): Uint8Array { return this.base.core.key }
  get discoveryKey (): Uint8Array { return this.base.discoveryKey }
  get writable (): boolean { return this.base.writable }

  lengths (): LedgerLengths {
    const base = this.base
    return {
      writable: base.writable,
      indexer: base.isIndexer,
      localLength: base.local.length,
      length: base.length,
      signedLength: base.signedLength,
      viewLength: base.view.core.length,
      viewSignedLength: base.view.core.signedLength
    }
  }

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
   * Queries share one while the view does not change (shared-snapshots.ts).
   */
  snapshot (): ViewSnapshot {
    this.throwIfFailed()
    return this.reads.open(this.base.view)
  }

  /**
   * Validate and append ops as this device; resolves to where each landed (its derived id).
   * Calls made while an append is under way are written together in the next block(s).
   */
  async append (ops: Op[]): Promise<OpRef[]> {
    if (this.closing !== null) throw DiscoError.closed()
    this.throwIfFailed()
    for (const op of ops) validateOpWithSignatures(op)
    if (!this.base.writable || this.writes === null) throw DiscoError.notWritable()
    return await this.writes.append(ops)
  }
}
