import type { NetworkOptions } from '../net/swarm.js'
import type { TailProgress } from './log-tail.js'
import type { RebuildProgress } from './view-rebuild.js'

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
  /** online, how long to wait for peers to give back a lost tail of this device's log (ms,
   * default 60 s; log-tail.ts), and what to tell meanwhile */
  tailTimeoutMs?: number
  onTailProgress?: (p: TailProgress) => void
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
