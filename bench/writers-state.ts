/**
 * What each base of a many-writer cluster (bench P11) holds, for telling a heal that is only slow
 * from one that stalls or from two nodes that disagree. Read when a wait times out, and sampled
 * while it runs, so that a report can say when each node's signed length last grew.
 */
import b4a from 'b4a'
import type Autobase from 'autobase'
import type Hyperbee from 'hyperbee'
import { HEAD_KEY } from '../src/consensus/view-layout.js'
import { headDigest } from '../src/consensus/view-head.js'

/** One node's state, as far as this node can tell without waiting on a peer. */
export interface BaseState {
  member: number
  viewLength: number
  /** the view's signed length: what the indexers signed (autobase's indexed view) */
  signedLength: number
  /** the Merkle tree hash of the view's first `signedLength` blocks (short), or why not */
  signedTreeHash: string
  /** the digest the view holds at its signed length (disco only), or why not */
  signedDigest: string
  systemLength: number
  systemSignedLength: number
  indexedLength: number
  isIndexer: boolean
  updating: boolean
  writable: boolean
  /** autobase's heads: writer key (8 hex) and length */
  heads: string[]
  /** ms since this node's signed length last grew, when sampled */
  signedStillForMs?: number
  /** autobase's update loop and wakeup state (`loopState`): why a node may take in nothing */
  loop?: string
}

/** What this reads of autobase and hyperbee beyond the project's type declarations (autobase 7.28.1). */
interface BaseInternals {
  indexedLength: number
  updating: boolean
  heads: () => Array<{ key: Uint8Array, length: number }>
}
type Checkout = (version: number) => Hyperbee

/** Read a base's state. `digestKey`: read the disco digest at the signed length. */
export async function baseState (member: number, base: Autobase<Hyperbee>, digestKey: boolean): Promise<BaseState> {
  const view = base.view
  const core = view.core
  const signedLength = core.signedLength
  let signedTreeHash = 'none'
  let signedDigest = 'none'
  try {
    if (signedLength === 0) signedTreeHash = 'empty'
    else if (!await core.has(signedLength - 1)) signedTreeHash = 'not stored'
    else signedTreeHash = b4a.toString(await core.treeHash(signedLength), 'hex').slice(0, 16)
  } catch (err) { signedTreeHash = `error: ${String(err)}`.slice(0, 60) }
  if (digestKey && signedLength > 0) {
    const at = (view as unknown as { checkout: Checkout }).checkout(signedLength)
    try {
      const got = await at.get(HEAD_KEY, { wait: false })
      signedDigest = got === null ? 'absent' : (headDigest(got.value) ?? 'absent').slice(0, 16)
    } catch (err) {
      signedDigest = `unread: ${String((err as Error)?.message ?? err)}`.slice(0, 60)
    } finally {
      await at.close().catch(() => {})
    }
  }
  const internals = base as unknown as BaseInternals
  return {
    member,
    viewLength: core.length,
    signedLength,
    signedTreeHash,
    signedDigest,
    systemLength: base.length,
    systemSignedLength: base.signedLength,
    indexedLength: internals.indexedLength,
    isIndexer: base.isIndexer,
    updating: internals.updating,
    writable: base.writable,
    heads: internals.heads().map(h => `${b4a.toString(h.key, 'hex').slice(0, 8)}:${h.length}`),
    loop: loopState(base)
  }
}

/** What this reads of autobase 7.28.1's update loop and wakeup state (index.js), none of it public. */
interface LoopInternals {
  closing: Promise<void> | null
  closed: boolean
  _lastError: unknown
  interrupted: unknown
  paused: boolean
  _caughtup: boolean
  _draining: boolean
  _interrupting: boolean
  _needsWakeup: boolean
  _needsWakeupRequest: boolean
  _wakeupHints: Map<string, number>
  fastForwarding: { key: Uint8Array, length: number } | null
  fastForwardTo: { key: Uint8Array, length: number } | null
  fastForwardFailedAt: number
  activeWriters: { size: number }
  wakeupSession: { peers: Array<{ pending: boolean, active: boolean }> } | null
  linearizer: { heads: Set<unknown> } | null
}

/**
 * One node's autobase update loop, in a few words: closed or failed (an error in autobase closes
 * the base), fast-forwarding (apply paused), caught up (wakeups are drained only then), draining,
 * pending wakeup hints and lookups, the peers of its wakeup session and of its system core and
 * view, its open writers and DAG heads. For telling a node that stopped taking in blocks.
 */
export function loopState (base: Autobase<Hyperbee>): string {
  const b = base as unknown as LoopInternals
  const parts: string[] = []
  if (b.closed) parts.push('CLOSED')
  else if (b.closing !== null) parts.push('CLOSING')
  if (b._lastError !== null && b._lastError !== undefined) parts.push(`ERROR ${String((b._lastError as Error)?.message ?? b._lastError).slice(0, 80)}`)
  if (b.interrupted !== null && b.interrupted !== undefined && b.interrupted !== false) parts.push('INTERRUPTED')
  if (b.paused) parts.push('PAUSED')
  if (b.fastForwarding !== null) parts.push(`FF-RUNNING ${b4a.toString(b.fastForwarding.key, 'hex').slice(0, 6)}:${b.fastForwarding.length}`)
  if (b.fastForwardTo !== null) parts.push(`FF-PENDING ${b.fastForwardTo.length}`)
  if (b.fastForwardFailedAt > 0) parts.push(`ff failed ${((Date.now() - b.fastForwardFailedAt) / 1000).toFixed(0)} s ago`)
  parts.push(b._caughtup ? 'caught up' : 'NOT caught up')
  if (b._draining) parts.push('draining')
  if (b._interrupting) parts.push('interrupting')
  if (b._needsWakeup) parts.push('needs wakeup')
  if (b._needsWakeupRequest) parts.push('needs wakeup request')
  if (b._wakeupHints.size > 0) parts.push(`${b._wakeupHints.size} hints`)
  const peers = b.wakeupSession?.peers ?? []
  parts.push(`wakeup peers ${peers.filter(p => p.active).length}/${peers.length}`)
  const peersOf = (core: unknown): number => (core as { peers: unknown[] }).peers.length
  parts.push(`peers system ${peersOf(base.core)} view ${peersOf(base.view.core)} local ${peersOf(base.local)}`)
  parts.push(`writers open ${b.activeWriters.size}, dag heads ${b.linearizer?.heads.size ?? '?'}`)
  return parts.join(', ')
}

/**
 * Two nodes that signed the same view length yet hold different bytes or digests there: a
 * divergence (a bug), not slowness. Returns one line a pair found.
 */
export function divergences (states: BaseState[]): string[] {
  const found: string[] = []
  for (let a = 0; a < states.length; a++) {
    for (let b = a + 1; b < states.length; b++) {
      const x = states[a]!
      const y = states[b]!
      if (x.signedLength !== y.signedLength || x.signedLength === 0) continue
      const hashes = /^[0-9a-f]+$/.test(x.signedTreeHash) && /^[0-9a-f]+$/.test(y.signedTreeHash)
      const digests = /^[0-9a-f]+$/.test(x.signedDigest) && /^[0-9a-f]+$/.test(y.signedDigest)
      if ((hashes && x.signedTreeHash !== y.signedTreeHash) || (digests && x.signedDigest !== y.signedDigest)) {
        found.push(`members ${x.member} and ${y.member} at signed length ${x.signedLength}: tree ${x.signedTreeHash} / ${y.signedTreeHash}, digest ${x.signedDigest} / ${y.signedDigest}`)
      }
    }
  }
  return found
}

/** Watches when each node's signed length last grew (sampled every `everyMs`). */
export class SignedWatch {
  private readonly last: Array<{ length: number, at: number }>
  /** the view lengths, and when any of them last changed */
  private views: string
  private viewsAt = Date.now()
  private readonly timer: NodeJS.Timeout
  constructor (private readonly bases: () => Array<Autobase<Hyperbee>>, everyMs = 500) {
    this.last = bases().map(b => ({ length: b.view.core.signedLength, at: Date.now() }))
    this.views = this.viewLengths()
    this.timer = setInterval(() => { this.sample() }, everyMs)
    this.timer.unref()
  }

  private viewLengths (): string {
    return this.bases().map(b => b.view.core.length).join(',')
  }

  private sample (): void {
    const views = this.viewLengths()
    if (views !== this.views) { this.views = views; this.viewsAt = Date.now() }
    for (const [i, b] of this.bases().entries()) {
      const l = b.view.core.signedLength
      const seen = this.last[i]
      if (seen === undefined) continue
      if (l !== seen.length) { seen.length = l; seen.at = Date.now() }
    }
  }

  /** ms since member `i`'s signed length last changed */
  stillFor (i: number): number {
    this.sample()
    return Date.now() - (this.last[i]?.at ?? Date.now())
  }

  /**
   * ms since any node's view length last changed: once every view is equal and signed, how long
   * the nodes waited on signatures alone (to the sampling interval)
   */
  viewsStillFor (): number {
    this.sample()
    return Date.now() - this.viewsAt
  }

  stop (): void { clearInterval(this.timer) }
}

/** A report of every node, and of any divergence, in lines. */
export function describe (states: BaseState[]): string[] {
  const lines = states.map(s => `  m${s.member}${s.isIndexer ? '*' : ' '} view ${s.viewLength} signed ${s.signedLength} (tree ${s.signedTreeHash}, digest ${s.signedDigest})` +
    `${s.signedStillForMs === undefined ? '' : ` still ${(s.signedStillForMs / 1000).toFixed(1)} s`}; system ${s.systemLength} signed ${s.systemSignedLength} indexed ${s.indexedLength}` +
    `${s.updating ? ' updating' : ''}${s.writable ? '' : ' NOT writable'}; heads ${s.heads.join(' ')}${s.loop === undefined ? '' : `; loop: ${s.loop}`}`)
  const div = divergences(states)
  lines.push(div.length === 0 ? '  no two nodes differ at an equal signed length' : `  DIVERGENCE:\n    ${div.join('\n    ')}`)
  return lines
}

/** What this reads of autobase 7.28.1's apply state (lib/apply-state.js, `CheckpointCore`). */
interface CheckpointInternals {
  _applyState: {
    needsIndexedLengthUpdate: boolean
    pendingViews: Array<{ length: number } | undefined> | null
    dirty: boolean
    interrupted: boolean
    checkpoints: Array<{
      signer: number
      core: { length: number, key: Uint8Array }
      length: number
      paused: boolean
      signatures: { system: { length: number } | null }
    }>
  } | null
  indexedLength: number
  isFastForwarding: () => boolean
  /** autobase's ack timer (lib/timer.js): `_start` is when it was first re-armed since it last fired */
  _ackTimer: { _start: number, _executing: Promise<void> | null, _asap: boolean } | null
  /** the indexers' writers as the linearizer holds them: blocks in the DAG, fetched, in the log */
  linearizer: { indexers: Array<{ core: { key: Uint8Array, length: number }, length: number, available: number }>, heads: Set<unknown> } | null
  _acking: boolean
  _appending: unknown
}

/**
 * Where each node stands on the indexers' signatures, in one line a node: its indexed length, and
 * for each indexer (in signer order) the length of that indexer's log this node holds, the length
 * at which it last read the indexer's checkpoint, and the system length that checkpoint signs
 * ("p" when autobase paused reading it during a fast-forward). The signed length grows where two of
 * the three checkpoints sign a length the node has indexed (autobase `maybeSigned`).
 */
export function signingLines (bases: Array<Autobase<Hyperbee>>): string[] {
  return bases.map((b, i) => {
    const internals = b as unknown as CheckpointInternals
    const chks = [...(internals._applyState?.checkpoints ?? [])].sort((x, y) => x.signer - y.signer)
    const parts = chks.map(c => `${b4a.toString(c.core.key, 'hex').slice(0, 4)} ${c.core.length}/${c.length}@${c.signatures.system?.length ?? 0}${c.paused ? 'p' : ''}`)
    const timer = internals._ackTimer
    const ack = timer === null ? '' : ` ack timer ${timer._start === 0 ? 'idle' : `re-armed for ${((Date.now() - timer._start) / 1000).toFixed(1)} s`}${timer._executing !== null ? ' acking' : ''}${timer._asap ? ' asap' : ''}`
    const dag = (internals.linearizer?.indexers ?? []).map(w => `${b4a.toString(w.core.key, 'hex').slice(0, 4)} ${w.length}/${w.available}/${w.core.length}`)
    const st = internals._applyState
    const sign = st === null ? ' no apply state' : `${st.needsIndexedLengthUpdate ? ' needs-indexed' : ''}${st.pendingViews !== null ? ` pending-sig ${st.pendingViews[0]?.length ?? '?'}` : ''}${st.dirty ? ' dirty' : ''}${st.interrupted ? ' interrupted' : ''}`
    const assembled = (b as unknown as { __assembled?: string }).__assembled
    const drained = b as unknown as Drained
    const drain = `${drained.__drainingSince !== undefined && drained.__drainingSince !== 0 ? ` draining for ${((Date.now() - drained.__drainingSince) / 1000).toFixed(1)} s (${drained.__drainBlocks ?? 0} blocks applied in it)` : ''}${drained.__drainMax !== undefined ? ` (longest drain ${(drained.__drainMax / 1000).toFixed(1)} s)` : ''}`
    const busy = `${sign}${drain}${assembled !== undefined ? ` (assembled ${assembled})` : ''}${internals._acking ? ' acking' : ''}${internals._appending !== null && internals._appending !== undefined ? ' appending' : ''}`
    return `  m${i}${b.isIndexer ? '*' : ' '} heads ${internals.linearizer?.heads.size ?? '?'} dag [${dag.join(', ')}]${busy} local ${b.local.length} system ${b.length}/${b.signedLength} indexed ${internals.indexedLength}${internals.isFastForwarding() ? ' FF' : ''}${ack}; ${parts.join(', ')}`
  })
}

/**
 * Record on each base what autobase's last attempt to assemble the indexers' signatures came to
 * (autobase 7.28.1 lib/apply-state.js `_assembleMultisig`, which gives up silently when a partial
 * signature cannot be made), for `signingLines`. Bench diagnostics only (P11_SIGNING=1).
 */
export async function traceSigning (): Promise<void> {
  const mod = await import('autobase/lib/apply-state.js' as string) as { default: { prototype: Record<string, unknown> } }
  const proto = mod.default.prototype
  const assemble = proto._assembleMultisig as (this: Traced, length: number, chk: unknown) => Promise<void>
  if ((assemble as { traced?: boolean }).traced === true) return
  const traced = async function (this: Traced, length: number, chk: unknown): Promise<void> {
    const at = Date.now()
    await assemble.call(this, length, chk)
    this.base.__assembled = `${length} ${this.pendingViews !== null ? 'pending' : this.interrupted ? 'interrupted' : 'gave up'} ${((Date.now() - at) / 1000).toFixed(1)} s, at ${new Date(at).toISOString().slice(14, 19)}`
  }
  ;(traced as { traced?: boolean }).traced = true
  proto._assembleMultisig = traced
  // how long each base's update loop (autobase `_drainWithInterupt`: linearize, apply, flush) runs
  const base = (await import('autobase')).default.prototype as unknown as Record<string, unknown>
  const drain = base._drainWithInterupt as (this: Drained) => Promise<void>
  base._drainWithInterupt = async function (this: Drained): Promise<void> {
    const at = Date.now()
    this.__drainingSince = at
    this.__drainBlocks = 0
    const handlers = this._handlers
    if (handlers.counted !== true) {
      // the blocks handed to apply in the drain under way: re-applies, once the view's length holds
      const apply = handlers.apply
      handlers.apply = async (nodes: unknown[], ...rest: unknown[]) => { this.__drainBlocks = (this.__drainBlocks ?? 0) + nodes.length; await apply(nodes, ...rest) }
      handlers.counted = true
    }
    try { await drain.call(this) } finally {
      this.__drainingSince = 0
      this.__drainMax = Math.max(this.__drainMax ?? 0, Date.now() - at)
    }
  }
}
interface Drained { __drainingSince?: number, __drainMax?: number, __drainBlocks?: number, _handlers: { apply: (nodes: unknown[], ...rest: unknown[]) => Promise<void>, counted?: boolean } }
interface Traced { base: { __assembled?: string }, pendingViews: unknown, interrupted: boolean }
