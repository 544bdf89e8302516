import type { BeeReader } from 'hyperbee'
import type { Op, OpRef } from '../ledger/ops.js'

/** A read-only view of the ledger at one moment (LedgerAccess.snapshot). Close it after. */
export interface ViewSnapshot extends BeeReader {
  close: () => Promise<void>
}

/**
 * What the parts a node runs (the invite desk, the federation desk, the clock watch) read and
 * write of its ledger: a snapshot of the view, an append, the keys. `DiscoNode` implements it;
 * they take this, not the node itself, so that the node can construct them without an import
 * circle, and none of them reaches autobase.
 */
export interface LedgerAccess {
  /** the storage folder (the invite seeds are kept there) */
  readonly storage: string
  /** the ledger's key: what other devices and members join */
  readonly key: Uint8Array
  /** this device's writer key */
  readonly localKey: Uint8Array
  /** the key of the ledger's system core, the one the indexers sign: what a federation code and a
   * fast-forward hint name */
  readonly systemKey: Uint8Array
  /** the topic the ledger's peers meet on */
  readonly discoveryKey: Uint8Array
  /** whether this device may append (it is one of the ledger's writers) */
  readonly writable: boolean
  /** set once the node began to close */
  readonly closing: Promise<void> | null
  /** a snapshot of the view, for a query that must see one state */
  snapshot: () => ViewSnapshot
  /** validate and append ops as this device; where each landed */
  append: (ops: Op[]) => Promise<OpRef[]>
  /** only for handing to a joiner whose invite was checked: never printed, never logged */
  encryptionKeyForPairing: () => Uint8Array
}
