import type { LedgerAccess } from './ledger-access.js'
import type { FederationDesk } from '../federation/desk.js'
import type { MirrorState } from '../mirror/link.js'
import type { VerifyProgress, VerifyReport } from '../verify/verify-ledger.js'

/** How far the ledger is written, linearised and signed, as this node sees it now. */
export interface LedgerLengths {
  /** this device may append */
  writable: boolean
  /** this device is one of the indexers that sign the ledger's order */
  indexer: boolean
  /** this device's own op log */
  localLength: number
  /** the linearised ledger (the system core) and how much of it the indexers signed */
  length: number
  signedLength: number
  /** the view's core and how much of it the indexers signed */
  viewLength: number
  viewSignedLength: number
}

/** What a node tells the commands, the service and the dashboard, besides reading and writing. */
export type NodeEventName = 'update' | 'peers' | 'writable' | 'federation' | 'failed'

/**
 * A running node as the surface sees it (src/commands, src/service, src/web): the ledger access
 * of its parts, plus the lengths, the network, the federation desk, the mirrors and `verify`.
 * `DiscoNode` implements it; the surface takes this, never autobase, so what it may do to the
 * ledger is what is listed here.
 */
export interface LedgerNode extends LedgerAccess {
  lengths: () => LedgerLengths
  /** on the swarm (a running `disco start`, or a node opened with a network) */
  readonly online: boolean
  /** peers connected now */
  readonly peers: number
  /** federation: witnessing federates' cores, check-ins, disputes (docs/federation.md) */
  readonly federation: FederationDesk
  /** the cooperative's mirrors as this node sees them now; offline, none is reached */
  mirrors: () => Promise<MirrorState[]>
  /** resolves once a peer holds this device's log up to block `seq`; NOT_CONFIRMED after the timeout */
  heldByPeer: (seq: number, timeoutMs: number) => Promise<void>
  /** `disco verify`: the writers' signed cores checked, the view re-derived from them */
  verify: (onProgress?: (p: VerifyProgress) => void) => Promise<VerifyReport>
  on: (event: NodeEventName, listener: (...args: any[]) => void) => unknown
  off: (event: NodeEventName, listener: (...args: any[]) => void) => unknown
}
