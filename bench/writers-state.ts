/**
 * What each base of a many-writer cluster (bench P11) holds, for telling a heal that is only slow
 * from one that stalls or from two nodes that disagree. Read when a wait times out, and sampled
 * while it runs, so that a report can say when each node's signed length last grew.
 */
import b4a from 'b4a'
import type Autobase from 'autobase'
import type Hyperbee from 'hyperbee'
import { DIGEST_KEY } from '../src/consensus/view-layout.js'

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
      const got = await at.get(DIGEST_KEY, { wait: false })
      signedDigest = got === null ? 'absent' : b4a.toString(got.value).slice(0, 16)
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
    heads: internals.heads().map(h => `${b4a.toString(h.key, 'hex').slice(0, 8)}:${h.length}`)
  }
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
    `${s.updating ? ' updating' : ''}${s.writable ? '' : ' NOT writable'}; heads ${s.heads.join(' ')}`)
  const div = divergences(states)
  lines.push(div.length === 0 ? '  no two nodes differ at an equal signed length' : `  DIVERGENCE:\n    ${div.join('\n    ')}`)
  return lines
}
